package dev.doppel.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document: what every API error looks like, so that clients read one shape everywhere.
 * {@code detail} is a sentence a person can read; {@code violations} names the fields that were wrong.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    public static Problem of(int status, String detail) {
        return new Problem("about:blank", titleOf(status), status, detail, List.of());
    }

    /** Reason phrases of RFC 9110, including the ones JAX-RS's Status enum lacks. */
    static String titleOf(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 416 -> "Range Not Satisfiable";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> {
                Response.StatusType type = Response.Status.fromStatusCode(status);
                yield type != null ? type.getReasonPhrase() : "Error";
            }
        };
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, List.copyOf(list));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}

package dev.doppel.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that leaves a resource into problem+json. Anything unexpected becomes a 500 whose detail
 * carries only a reference to the log line, never the stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = e.problem().toResponse();
        if (e.retryAfterSeconds().isEmpty()) {
            return response;
        }
        return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds().getAsLong()).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream()
                .map(v -> v.field().isEmpty() ? v.message() : v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .map(s -> "The request is invalid: " + s + ".")
                .orElse("The request is invalid.");
        return Problem.of(Response.Status.BAD_REQUEST, detail).withViolations(violations).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JacksonException e) {
        return unreadableBody();
    }

    // Quarkus ships mappers for these two subtypes; being as specific makes ours win.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadableBody();
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e) {
        return unreadableBody();
    }

    private static Response unreadableBody() {
        return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this endpoint.")
                .toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        return Problem.of(Response.Status.UNAUTHORIZED, "Sign in to continue.").toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(AuthenticationFailedException e) {
        return Problem.of(Response.Status.UNAUTHORIZED, "Sign in to continue.").toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "You are not allowed to do this.").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JacksonException) {
                return unreadableBody();
            }
        }
        return Problem.of(status, detailFor(status)).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String ref = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, reference %s", ref);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Please try again; if it keeps happening, quote reference " + ref + ".")
                .toResponse();
    }

    static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource cannot be returned in the requested format.";
            case 415 -> "The request body has a media type this endpoint does not accept.";
            case 413 -> "The request is too large.";
            default -> {
                Response.StatusType type = Response.Status.fromStatusCode(status);
                yield type != null ? type.getReasonPhrase() + "." : "The request failed.";
            }
        };
    }

    /** "register.request.email" → "email": the UI only knows the field it showed. */
    static String fieldOf(ConstraintViolation<?> violation) {
        String field = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                field = node.getName();
            }
        }
        return field;
    }
}

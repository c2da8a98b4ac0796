package dev.doppel.web;

import java.util.List;
import java.util.OptionalLong;

import jakarta.ws.rs.core.Response;

/** Thrown by services to answer with a specific problem; never carries a stack trace to the client. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    /** Seconds for the Retry-After header; 0: none. */
    private final long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, 0);
    }

    private ProblemException(Problem problem, long retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 429 that tells the client, in Retry-After, how many seconds to wait before asking again. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(429, detail), Math.max(1, retryAfterSeconds));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, what + " was not found."));
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, detail)
                .withViolations(List.of(new Problem.Violation(field, detail))));
    }

    /** A 400 that points at one field, so the UI can show the message next to it. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, message)
                .withViolations(List.of(new Problem.Violation(field, message))));
    }

    public Problem problem() {
        return problem;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds > 0 ? OptionalLong.of(retryAfterSeconds) : OptionalLong.empty();
    }
}

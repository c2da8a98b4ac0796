package dev.doppel.web;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Thrown by services to answer with a specific problem; never carries a stack trace to the client. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
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
}

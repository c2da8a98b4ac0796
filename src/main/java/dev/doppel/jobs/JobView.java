package dev.doppel.jobs;

import java.time.Instant;
import java.util.UUID;

/** A job as the API and the event stream show it. */
public record JobView(UUID id, String type, JobStatus status, UUID subjectId, String subjectName, double progress,
        String message, Long etaSeconds, int attempts, int maxAttempts, boolean cancelRequested, Instant createdAt,
        Instant startedAt, Instant finishedAt, String error) {

    public static JobView of(Job j) {
        return new JobView(j.id, j.type, j.status, j.subjectId, j.subjectName, j.progress, j.message, j.etaSeconds,
                j.attempts, j.maxAttempts, j.cancelRequested, j.createdAt, j.startedAt, j.finishedAt, j.error);
    }
}

package dev.doppel.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * A job as the API and the event stream show it. A waiting job also says where it stands: {@code queuePosition}
 * (1 = next in its lane) and {@code estimatedStart}; both are null for other jobs, and for a job held by its
 * account's daily GPU limit, whose message then says why.
 */
public record JobView(UUID id, String type, JobStatus status, String lane, UUID subjectId, String subjectName,
        double progress, String message, Long etaSeconds, int attempts, int maxAttempts, boolean cancelRequested,
        Integer queuePosition, Instant estimatedStart, Instant createdAt, Instant startedAt, Instant finishedAt,
        String error) {

    public static JobView of(Job j, QueueForecast.Place place) {
        boolean waiting = j.status == JobStatus.QUEUED && place != null;
        String message = waiting && place.heldMessage() != null ? place.heldMessage() : j.message;
        return new JobView(j.id, j.type, j.status, j.lane == null ? null : j.lane.key(), j.subjectId,
                j.subjectName, j.progress, message, j.etaSeconds, j.attempts, j.maxAttempts, j.cancelRequested,
                waiting ? place.position() : null, waiting ? place.estimatedStart() : null, j.createdAt,
                j.startedAt, j.finishedAt, j.error);
    }
}

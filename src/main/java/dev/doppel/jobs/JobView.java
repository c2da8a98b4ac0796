package dev.doppel.jobs;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A job as the API and the event stream show it. A waiting job also says where it stands: {@code queuePosition}
 * (1 = next in its lane) and {@code estimatedStart}; both are null for other jobs, and for a job held by its
 * account's daily GPU limit, whose message then says why.
 */
public record JobView(UUID id,
        // The type() of every JobHandler (OpenApiDocumentTests checks that they match); literals, because the
        // handlers live in the feature packages that depend on this one.
        @Schema(description = "What the job does", enumeration = { "THUMBNAIL", "DIAGNOSTIC", "EXTRACT", "TRAIN",
                "SWAP" }) String type,
        JobStatus status,
        @Schema(description = "Whose slots run it: cpu (thumbnails, face extraction) or gpu (training, swaps)",
                enumeration = { "cpu", "gpu" }) String lane,
        @Schema(description = "What it works on (the video, face set, model or result)", nullable = true)
        UUID subjectId,
        @Schema(nullable = true) String subjectName,
        double progress,
        @Schema(nullable = true) String message,
        @Schema(nullable = true) Long etaSeconds,
        int attempts, int maxAttempts, boolean cancelRequested,
        @Schema(description = "1 = next in its lane; null unless it waits (and while the daily GPU limit holds it)",
                nullable = true) Integer queuePosition,
        @Schema(nullable = true) Instant estimatedStart,
        Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(description = "Why it failed", nullable = true) String error) {

    public static JobView of(Job j, QueueForecast.Place place) {
        boolean waiting = j.status == JobStatus.QUEUED && place != null;
        String message = waiting && place.heldMessage() != null ? place.heldMessage() : j.message;
        return new JobView(j.id, j.type, j.status, j.lane == null ? null : j.lane.key(), j.subjectId,
                j.subjectName, j.progress, message, j.etaSeconds, j.attempts, j.maxAttempts, j.cancelRequested,
                waiting ? place.position() : null, waiting ? place.estimatedStart() : null, j.createdAt,
                j.startedAt, j.finishedAt, j.error);
    }
}

package dev.doppel.swap;

import java.time.Instant;
import java.util.UUID;

/** A result as the API shows it. */
public record ResultView(UUID id, String name, UUID modelId, String modelName, UUID videoId, String videoName,
        SwapDirection direction, Result.Status status, String message, UUID jobId, OptionsView options, int width,
        int height, double fps, long frameCount, long framesWithFaces, double durationSeconds, boolean hasAudio,
        long sizeBytes, boolean reportReady, Instant createdAt, Instant finishedAt) {

    public record OptionsView(String colour, String blend, int maskErode, int maskFeather, boolean label,
            int fineTuneIterations, String faces) {
    }

    static ResultView of(Result r) {
        OptionsView options = new OptionsView(r.colour, r.blend,
                r.maskErode, r.maskFeather, r.visibleLabel, r.fineTuneIterations,
                r.facesToSwap.wireName());
        return new ResultView(r.id, r.name, r.modelId, r.modelName, r.videoId, r.videoName, r.direction, r.status,
                r.message, r.jobId, options, r.width, r.height, r.fps, r.frameCount, r.framesWithFaces,
                r.durationSeconds, r.hasAudio, r.sizeBytes, r.report != null, r.createdAt, r.finishedAt);
    }
}

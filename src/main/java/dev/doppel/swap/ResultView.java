package dev.doppel.swap;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A result as the API shows it. */
public record ResultView(UUID id, String name, UUID modelId, String modelName, UUID videoId, String videoName,
        SwapDirection direction, Result.Status status,
        @Schema(description = "A sentence for people, e.g. why it failed", nullable = true) String message,
        @Schema(description = "Its SWAP job", nullable = true) UUID jobId, OptionsView options, int width,
        int height, double fps, long frameCount, long framesWithFaces, double durationSeconds, boolean hasAudio,
        long sizeBytes, boolean reportReady, Instant createdAt, @Schema(nullable = true) Instant finishedAt) {

    /** The names a stored result can hold: requests are checked against the plugins (SwapOptions.Request). */
    @Schema(name = "SwapOptionsView")
    public record OptionsView(@Schema(enumeration = { "rct", "avg", "hist", "mkl", "none" }) String colour,
            @Schema(enumeration = { "alpha", "seamless" }) String blend, int maskErode, int maskFeather,
            boolean label, int fineTuneIterations,
            @Schema(enumeration = { "largest", "all", "match" }) String faces) {
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

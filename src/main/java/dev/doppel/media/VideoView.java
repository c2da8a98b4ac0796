package dev.doppel.media;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A video as the API shows it; blob keys stay inside. */
public record VideoView(UUID id, String name, long sizeBytes, String container, String videoCodec,
        @Schema(description = "None when the video has no sound", nullable = true) String audioCodec,
        int width, int height, double fps, long frameCount, double durationSeconds, boolean hasAudio,
        boolean thumbnailReady, Instant consentAt, Instant createdAt) {

    static VideoView of(Video v) {
        return new VideoView(v.id, v.name, v.sizeBytes, v.container, v.videoCodec, v.audioCodec, v.width, v.height,
                v.fps, v.frameCount, v.durationSeconds, v.hasAudio, v.thumbnailKey != null, v.consentAt, v.createdAt);
    }
}

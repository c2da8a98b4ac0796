package dev.doppel.media;

/** What FFmpeg says about a file that passed as a video. */
public record ProbeResult(String container, String videoCodec, String audioCodec, int width, int height, double fps,
        long frameCount, double durationSeconds) {

    public boolean hasAudio() {
        return audioCodec != null;
    }

    public int longSide() {
        return Math.max(width, height);
    }
}

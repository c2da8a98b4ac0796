package dev.doppel.media;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "doppel.media")
public interface MediaConfig {

    /** Largest upload accepted, in bytes (2 GiB). Larger requests are refused before their body is read. */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /** Longest video accepted. */
    @WithDefault("PT10M")
    Duration maxDuration();

    /** Largest width or height accepted, in pixels. */
    @WithDefault("4096")
    int maxLongSidePixels();

    /** Bytes of video one account may keep (5 GiB). */
    @WithDefault("5368709120")
    long quotaBytes();

    /** The FFmpeg probe of uploads, run as a child process so that a hostile file cannot take the web node down. */
    Probe probe();

    interface Probe {
        /** The ffprobe executable; by default the one inside the FFmpeg jar (extracted on first use). */
        java.util.Optional<String> executable();

        /** A probe still running after this is killed and the upload refused. */
        @WithDefault("PT60S")
        Duration timeout();

        /** Address space the probe may take (its ulimit -v); beyond it the probe dies and the upload is refused. */
        @WithDefault("1G")
        io.quarkus.runtime.configuration.MemorySize maxMemory();
    }

    /**
     * A resumable upload that received nothing for this long is removed with its bytes; the browser then starts
     * that file over.
     */
    @WithDefault("PT24H")
    Duration resumableExpiry();

        /** Long side of the JPEG thumbnail, in pixels. */
    @WithDefault("480")
    int thumbnailLongSide();
}

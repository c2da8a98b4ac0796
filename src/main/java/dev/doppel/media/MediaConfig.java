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

    /** Long side of the JPEG thumbnail, in pixels. */
    @WithDefault("480")
    int thumbnailLongSide();
}

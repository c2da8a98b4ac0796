package dev.doppel.limits;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Per-account abuse limits: how many jobs may wait or run at once, and how many requests each expensive endpoint
 * admits within a sliding window. Both are counted in the database, so every web node enforces the same numbers.
 */
@ConfigMapping(prefix = "doppel.limits")
public interface LimitsConfig {

    /**
     * Jobs of one account that may wait or run at once. A new upload, training, swap or extraction is refused
     * while this many are; what an admitted request queues with it (an upload's thumbnail and face extraction)
     * and what the queue does by itself (retries, a training resuming its turn) always goes in.
     */
    @WithDefault("20")
    int maxActiveJobs();

    @WithName("upload.count")
    @WithDefault("30")
    int uploadCount();

    @WithName("upload.window")
    @WithDefault("PT10M")
    Duration uploadWindow();

    @WithName("train.count")
    @WithDefault("10")
    int trainCount();

    @WithName("train.window")
    @WithDefault("PT10M")
    Duration trainWindow();

    @WithName("swap.count")
    @WithDefault("10")
    int swapCount();

    @WithName("swap.window")
    @WithDefault("PT1M")
    Duration swapWindow();

    @WithName("extract.count")
    @WithDefault("10")
    int extractCount();

    @WithName("extract.window")
    @WithDefault("PT10M")
    Duration extractWindow();
}

package dev.doppel.jobs;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "doppel.jobs")
public interface JobsConfig {

    /** The lanes this process's workers serve: {@code cpu}, {@code gpu} or both (a CPU-only machine: cpu). */
    @WithDefault("cpu,gpu")
    List<String> lanes();

    /** Jobs of the cpu lane this process runs at once. */
    @WithDefault("1")
    int cpuSlots();

    /** Jobs of the gpu lane this process runs at once; unset: one per accelerator the engine sees (at least one). */
    java.util.Optional<Integer> gpuSlots();

    /**
     * A training that has run this long while another job waits in its lane saves a checkpoint and hands its
     * job back, to continue at its next turn. With nothing waiting it runs on.
     */
    @WithDefault("PT10M")
    Duration gpuSlice();

    /**
     * How long a training runs before it gives up its turn to another account's training (which used the lane
     * less) — longer than {@link #gpuSlice()}, because each hand-over costs a checkpoint save and load.
     */
    @WithDefault("PT30M")
    Duration batchTurn();

    /** Turns go to the account that used the lane least within this window. */
    @WithDefault("PT1H")
    Duration fairWindow();

    /** How long a claim holds without a heartbeat; after that another worker may take the job. */
    @WithDefault("PT60S")
    Duration lease();

    /** How often a running job renews its lease and looks for a cancel request (so cancel lands within it). */
    @WithDefault("PT1S")
    Duration heartbeat();

    /** How often an idle worker looks for work. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    @WithDefault("3")
    int maxAttempts();

    /** First retry waits this long, each next one twice as long (capped at a minute). */
    @WithDefault("PT2S")
    Duration retryBackoff();

    /** How long a worker waits on SIGTERM for running jobs to checkpoint and hand their jobs back. */
    @WithDefault("PT20S")
    Duration shutdownGrace();

    /** How often web nodes read new events for their connected browsers. */
    @WithDefault("PT0.3S")
    Duration eventPoll();

    /** Events are kept this long; a browser that reconnects later reloads state instead. */
    @WithDefault("PT10M")
    Duration eventRetention();

    /** Enables the DIAGNOSTIC job type (sleeps with progress), for checking a worker fleet end to end. */
    @WithDefault("false")
    boolean diagnostics();
}

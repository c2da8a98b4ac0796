package dev.doppel.jobs;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "doppel.jobs")
public interface JobsConfig {

    /** Jobs one worker process runs at once (one per GPU is typical). */
    @WithDefault("1")
    int concurrency();

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

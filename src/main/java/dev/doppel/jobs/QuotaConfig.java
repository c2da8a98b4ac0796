package dev.doppel.jobs;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "doppel.quota")
public interface QuotaConfig {

    /**
     * Minutes of gpu-lane time (training, fine-tuning, swaps) one account may use per day, UTC. Unset: no limit.
     * Work beyond it waits, with the reason, until the day turns.
     */
    Optional<Integer> gpuMinutesPerDay();
}

package dev.doppel.jobs;

import java.util.Locale;

/**
 * Which slots a job runs in. A worker runs each lane it serves with slots of its own, so quick CPU work (a
 * thumbnail, finding faces) never waits behind an hours-long training.
 */
public enum JobLane {
    /** Thumbnails and face extraction: the CPU is enough. */
    CPU,
    /** Training, fine-tuning and swaps: the accelerator's work. */
    GPU;

    /** The name used in configuration and the API: {@code cpu}, {@code gpu}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobLane of(String key) {
        for (JobLane lane : values()) {
            if (lane.key().equalsIgnoreCase(key.trim())) {
                return lane;
            }
        }
        throw new IllegalArgumentException("Unknown job lane \"" + key + "\"; lanes are cpu and gpu");
    }
}

package dev.doppel.runtime;

/**
 * What this process does. One jar serves all three so a deployment scales web nodes and GPU workers independently.
 */
public enum Role {
    /** Web and an in-process worker: the embedded default. */
    ALL,
    /** UI and REST only; never runs jobs. */
    WEB,
    /** Claims and runs jobs only. */
    WORKER;

    public boolean servesWeb() {
        return this != WORKER;
    }

    public boolean runsJobs() {
        return this != WEB;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

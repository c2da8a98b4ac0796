package dev.doppel.jobs;

/** Thrown out of a handler by {@link JobContext#checkpoint()} when the job must stop now. */
public class JobStoppedException extends RuntimeException {

    public enum Reason {
        /** The owner cancelled the job. */
        CANCELLED,
        /** The worker is shutting down: the job goes back to the queue for another worker. */
        RELEASED
    }

    private final Reason reason;

    public JobStoppedException(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

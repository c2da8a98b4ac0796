package dev.doppel.jobs;

/** Thrown out of a handler by {@link JobContext#checkpoint()} when the job must stop now. */
public class JobStoppedException extends RuntimeException {

    public enum Reason {
        /** The owner cancelled the job. */
        CANCELLED,
        /** The worker is shutting down: the job goes back to the queue for another worker. */
        RELEASED,
        /** Its turn is over (a slice while others wait, or its account's GPU day): back to the queue. */
        YIELDED
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

package dev.doppel.jobs;

import java.time.Duration;

/**
 * Thrown by a handler whose job cannot go on yet (it waits for another job's output): the job goes back to the
 * queue for {@code delay} without counting as a try, so the job it waits for can run — even on a worker with
 * a single slot.
 */
public class JobDeferredException extends RuntimeException {

    private final Duration delay;

    public JobDeferredException(Duration delay, String message) {
        super(message, null, false, false);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}

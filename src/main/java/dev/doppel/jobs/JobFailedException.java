package dev.doppel.jobs;

/**
 * A failure whose message is meant for the user ("this video has no faces"), and which another try would not
 * fix, so the job fails at once instead of retrying.
 */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String message) {
        super(message, null, false, false);
    }
}

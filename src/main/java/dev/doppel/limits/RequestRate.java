package dev.doppel.limits;

import java.time.Duration;

/** At most {@code count} admitted requests of one kind per account within any {@code window}. */
public record RequestRate(int count, Duration window) {

    public RequestRate {
        if (count < 1) {
            throw new IllegalArgumentException("A request rate admits at least one request per window, not " + count);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("A request rate's window must be positive, not " + window);
        }
    }
}

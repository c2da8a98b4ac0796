package dev.doppel.limits;

import java.time.Duration;

/** How the 429s put durations into words: "the last 10 minutes", "try again in 40 s". */
final class LimitWords {

    private LimitWords() {
    }

    /** "minute", "10 minutes", "hour", "90 seconds": what follows "in the last". */
    static String window(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return count(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return count(seconds / 60, "minute");
        }
        return count(seconds, "second");
    }

    /** Whole seconds up to a minute and a half, then whole minutes; always rounded up, so waiting that long works. */
    static String wait(Duration wait) {
        long seconds = retryAfterSeconds(wait);
        return seconds <= 90 ? seconds + " s" : (seconds + 59) / 60 + " min";
    }

    /** Retry-After: whole seconds, rounded up, at least one. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }

    private static String count(long n, String unit) {
        return n == 1 ? unit : n + " " + unit + "s";
    }
}

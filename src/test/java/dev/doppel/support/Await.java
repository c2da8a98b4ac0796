package dev.doppel.support;

import java.time.Duration;

/** Polls a condition until it holds or the time is up (then fails the test). */
public final class Await {

    /** A condition that may do I/O (an HTTP call to an app process, a bucket listing). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    public static void until(Duration timeout, Condition condition) throws InterruptedException {
        until(timeout, Duration.ofMillis(50), condition);
    }

    /** As {@link #until(Duration, Condition)}, asking every {@code every} (gentler on a process under test). */
    public static void until(Duration timeout, Duration every, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (holds(condition)) {
                return;
            }
            Thread.sleep(every.toMillis());
        }
        if (!holds(condition)) {
            throw new AssertionError("condition not met within " + timeout);
        }
    }

    private static boolean holds(Condition condition) throws InterruptedException {
        try {
            return condition.holds();
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("checking the condition failed: " + e, e);
        }
    }
}

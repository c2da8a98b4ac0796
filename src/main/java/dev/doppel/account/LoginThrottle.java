package dev.doppel.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Sliding-window count of failed sign-ins per email address and per client address. Either key at its limit
 * blocks the attempt, so guessing one account's password from many addresses and many accounts' passwords from
 * one address are both slowed. Kept in memory: each web node throttles what it sees, which is enough to make
 * online guessing impractical without a shared store.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    @Inject
    public LoginThrottle(LoginConfig config) {
        this(Clock.systemUTC(), config.maxFailures(), config.window());
    }

    LoginThrottle(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** How long the caller must wait, or empty when the attempt may go ahead. */
    public Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(email, address)) {
            Deque<Instant> times = failures.get(key);
            if (times == null) {
                continue;
            }
            synchronized (times) {
                evictOld(times, now);
                if (times.size() >= maxFailures) {
                    // The oldest failure that keeps the count at the limit decides when a slot frees up.
                    Instant freeAt = times.toArray(Instant[]::new)[times.size() - maxFailures].plus(window);
                    Duration d = Duration.between(now, freeAt);
                    if (d.compareTo(wait) > 0) {
                        wait = d;
                    }
                }
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    public void recordFailure(String email, String address) {
        Instant now = clock.instant();
        for (String key : keys(email, address)) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                evictOld(times, now);
                times.addLast(now);
            }
        }
    }

    /** A correct password clears that account's count; the address keeps its own. */
    public void recordSuccess(String email) {
        failures.remove(emailKey(email));
    }

    @Scheduled(every = "1m", identity = "login-throttle-prune")
    void prune() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                evictOld(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    int trackedKeys() {
        return failures.size();
    }

    private void evictOld(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private static String[] keys(String email, String address) {
        return new String[] { emailKey(email), "address:" + address };
    }

    private static String emailKey(String email) {
        return "email:" + User.normalizeEmail(email);
    }
}

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
 * Sliding-window count of failed sign-ins per email address and per client address, each with its own limit.
 * Either key at its limit blocks the attempt, so guessing one account's password from many addresses and many
 * accounts' passwords from one address are both slowed; the address limit is the looser one, so people sharing
 * an address do not lock each other out. Kept in memory: each web node throttles what it sees, which is enough
 * to make online guessing impractical without a shared store.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    /** Accounts just created, by email and address, with the time: their first sign-in is never throttled. */
    private final Map<String, Instant> signUps = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxPerEmail;
    private final int maxPerAddress;
    private final Duration window;

    @Inject
    public LoginThrottle(LoginConfig config) {
        this(Clock.systemUTC(), config.maxFailuresPerEmail(), config.maxFailuresPerAddress(), config.window());
    }

    LoginThrottle(Clock clock, int maxPerEmail, int maxPerAddress, Duration window) {
        this.clock = clock;
        this.maxPerEmail = maxPerEmail;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /**
     * The account was just created from this address. Its first sign-in from there within the window goes ahead
     * whatever the counts say: whoever signs up knows the password they chose, so letting them in gives a
     * guesser nothing, and a busy shared address must not turn "account created" into "too many attempts".
     */
    public void recordSignUp(String email, String address) {
        signUps.put(signUpKey(email, address), clock.instant());
    }

    /** How long the caller must wait, or empty when the attempt may go ahead. */
    public Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        Instant signedUp = signUps.remove(signUpKey(email, address));
        if (signedUp != null && signedUp.plus(window).isAfter(now)) {
            return Optional.empty();
        }
        Duration wait = Duration.ZERO;
        String[] keys = keys(email, address);
        int[] limits = { maxPerEmail, maxPerAddress };
        for (int k = 0; k < keys.length; k++) {
            String key = keys[k];
            int maxFailures = limits[k];
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
        signUps.values().removeIf(at -> !at.plus(window).isAfter(now));
    }

    int trackedKeys() {
        return failures.size() + signUps.size();
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

    private static String signUpKey(String email, String address) {
        return User.normalizeEmail(email) + " from " + address;
    }

    private static String emailKey(String email) {
        return "email:" + User.normalizeEmail(email);
    }
}

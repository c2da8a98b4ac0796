package dev.doppel.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sliding-window count of failed sign-ins per email address and per client address, each with its own limit.
 * Either key at its limit blocks the attempt, so guessing one account's password from many addresses and many
 * accounts' passwords from one address are both slowed; the address limit is the looser one, so people sharing
 * an address do not lock each other out. Kept in the database: every web node counts the same failures, so N nodes
 * do not give a guesser N times the tries, and a restart forgets nothing. Each call is its own short transaction;
 * callers run it off the event loop.
 */
@ApplicationScoped
public class LoginThrottle {

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
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            // A bulk delete runs at once; a removed entity would be flushed after the insert below.
            LoginSignUp.delete("key", signUpKey(email, address));
            LoginSignUp row = new LoginSignUp();
            row.key = signUpKey(email, address);
            row.signedUpAt = now;
            row.persist();
        });
    }

    /** How long the caller must wait, or empty when the attempt may go ahead. */
    public Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            LoginSignUp signUp = LoginSignUp.findById(signUpKey(email, address));
            if (signUp != null) {
                signUp.delete();
                if (signUp.signedUpAt.plus(window).isAfter(now)) {
                    return Optional.empty();
                }
            }
            Duration wait = Duration.ZERO;
            String[] keys = keys(email, address);
            int[] limits = { maxPerEmail, maxPerAddress };
            for (int k = 0; k < keys.length; k++) {
                // The newest failures up to the limit: when there are that many in the window, the oldest of them
                // decides when a slot frees up.
                List<LoginFailure> newest = LoginFailure.<LoginFailure>find(
                        "key = ?1 and failedAt > ?2 order by failedAt desc", keys[k], now.minus(window))
                        .page(0, limits[k]).list();
                if (newest.size() >= limits[k]) {
                    Duration d = Duration.between(now, newest.get(newest.size() - 1).failedAt.plus(window));
                    if (d.compareTo(wait) > 0) {
                        wait = d;
                    }
                }
            }
            return wait.isZero() || wait.isNegative() ? Optional.<Duration>empty() : Optional.of(wait);
        });
    }

    public void recordFailure(String email, String address) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String key : keys(email, address)) {
                LoginFailure failure = new LoginFailure();
                failure.key = key;
                failure.failedAt = now;
                failure.persist();
            }
        });
    }

    /** A correct password clears that account's count; the address keeps its own. */
    public void recordSuccess(String email) {
        QuarkusTransaction.requiringNew().run(() -> LoginFailure.delete("key", emailKey(email)));
    }

    @Scheduled(every = "1m", identity = "login-throttle-prune")
    void prune() {
        Instant cutoff = clock.instant().minus(window);
        QuarkusTransaction.requiringNew().run(() -> {
            LoginFailure.delete("failedAt <= ?1", cutoff);
            LoginSignUp.delete("signedUpAt <= ?1", cutoff);
        });
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

package dev.doppel.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.doppel.account.User;
import dev.doppel.web.ProblemException;

/**
 * Sliding-window request rates per account and action, counted in the database: every web node sees the same
 * admissions, so N nodes do not give an account N times the requests, and a restart forgets nothing. Each check is
 * its own short transaction that locks the account's row, so two requests at once (on any nodes) take turns and
 * cannot both take the last place. Only admitted requests are recorded: a client that retries too early is told
 * to wait again, never locked out for longer.
 */
@ApplicationScoped
public class RequestRateLimiter {

    private final Clock clock;
    private final Function<LimitedAction, RequestRate> rates;
    private final AdmittedRequestRepository admitted;

    @Inject
    public RequestRateLimiter(LimitsConfig config, AdmittedRequestRepository admitted) {
        this(Clock.systemUTC(), action -> action.rate(config), admitted);
    }

    RequestRateLimiter(Clock clock, Function<LimitedAction, RequestRate> rates, AdmittedRequestRepository admitted) {
        this.clock = clock;
        this.rates = rates;
        this.admitted = admitted;
    }

    /** Records the request, or refuses it with 429, Retry-After and a sentence saying how long to wait. */
    public void admit(UUID ownerId, LimitedAction action) {
        RequestRate rate = rates.apply(action);
        Optional<Duration> wait = QuarkusTransaction.requiringNew().call(() -> {
            User.findById(ownerId, LockModeType.PESSIMISTIC_WRITE);
            // Read the time once the lock is held: a request that waited for it must not count from before.
            Instant now = clock.instant();
            // The newest admissions up to the limit: when there are that many in the window, the oldest of them
            // decides when a place frees up.
            List<Instant> newest = admitted.newestSince(ownerId, action, now.minus(rate.window()), rate.count());
            if (newest.size() >= rate.count()) {
                return Optional.of(Duration.between(now, newest.get(newest.size() - 1).plus(rate.window())));
            }
            AdmittedRequest request = new AdmittedRequest();
            request.ownerId = ownerId;
            request.action = action;
            request.admittedAt = now;
            admitted.persist(request);
            return Optional.<Duration>empty();
        });
        if (wait.isPresent()) {
            throw ProblemException.tooManyRequests("Too many " + action.requests + " in the last "
                    + LimitWords.window(rate.window()) + "; try again in " + LimitWords.wait(wait.get()) + ".",
                    LimitWords.retryAfterSeconds(wait.get()));
        }
    }

    /** Admissions older than every window count for nothing. */
    @Scheduled(every = "1m", identity = "request-rate-prune")
    void prune() {
        Duration longest = Duration.ZERO;
        for (LimitedAction action : LimitedAction.values()) {
            Duration window = rates.apply(action).window();
            longest = window.compareTo(longest) > 0 ? window : longest;
        }
        Instant cutoff = clock.instant().minus(longest);
        QuarkusTransaction.requiringNew().run(() -> admitted.delete("admittedAt <= ?1", cutoff));
    }
}

package dev.doppel.limits;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.doppel.account.User;
import dev.doppel.jobs.JobRepository;
import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;

/**
 * The cap on one account's jobs waiting or running at once. Services ask before they store anything for new work
 * the account asked for; follow-up jobs that work queues with it, and the queue's own retries and hand-overs,
 * never ask, so admitted work is never left half-queued and nothing the system does by itself is refused.
 */
@ApplicationScoped
public class ActiveJobCap {

    @Inject
    LimitsConfig config;

    @Inject
    JobRepository jobs;

    /**
     * Refuses with 429 when the account is at the cap. Joins the caller's transaction and locks the account's row
     * until it ends, so the jobs it admits are committed before another request of the account (on any web node)
     * counts.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void checkRoom(UUID ownerId, LimitedAction action) {
        User.findById(ownerId, LockModeType.PESSIMISTIC_WRITE);
        long active = jobs.countActive(ownerId);
        if (active >= config.maxActiveJobs()) {
            throw new ProblemException(Problem.of(429, "You already have " + active + " jobs waiting or running, the"
                    + " most at once; " + action.doIt + " when one of them has finished (or cancel one in Jobs)."));
        }
    }
}

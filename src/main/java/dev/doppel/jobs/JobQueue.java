package dev.doppel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;

/**
 * The queue's state changes, each in its own short transaction. Every change a worker makes is guarded by its
 * lease: a worker that lost its job (lease expired, someone else claimed it) changes nothing.
 */
@ApplicationScoped
public class JobQueue {

    private static final Logger LOG = Logger.getLogger(JobQueue.class);
    /** Hibernate's lock-timeout value for SKIP LOCKED (H2 2.4 and PostgreSQL both honour it). */
    private static final int SKIP_LOCKED = -2;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    @Inject
    JobsConfig config;

    @Inject
    JobEvents events;

    @Inject
    JobRepository jobs;

    /** A claimed job as the worker sees it: a detached copy, never written back directly. */
    public record Claimed(UUID id, UUID ownerId, String type, UUID subjectId, String payload, int attempts) {
    }

    public record Heartbeat(boolean stillOurs, boolean cancelRequested) {
    }

    /** Joins the caller's transaction, so the job exists exactly when what it works on does. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Job enqueue(UUID ownerId, String type, UUID subjectId, String subjectName, String payload,
            int maxAttempts) {
        Job job = new Job();
        job.ownerId = ownerId;
        job.type = type;
        job.subjectId = subjectId;
        job.subjectName = subjectName;
        job.payload = payload;
        job.status = JobStatus.QUEUED;
        job.maxAttempts = maxAttempts;
        job.createdAt = Instant.now();
        job.notBefore = job.createdAt;
        job.message = "Waiting for a worker";
        jobs.persist(job);
        events.jobChanged(job);
        return job;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claim(String workerId, Collection<String> types) {
        Instant now = Instant.now();
        Job job = jobs.find("type in ?1 and ((status = ?2 and notBefore <= ?3) or (status = ?4 and leaseExpiresAt < ?3))"
                + " order by createdAt", types, JobStatus.QUEUED, now, JobStatus.RUNNING)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .firstResult();
        if (job == null) {
            return Optional.empty();
        }
        boolean abandoned = job.status == JobStatus.RUNNING;
        if (job.attempts >= job.maxAttempts) {
            finish(job, JobStatus.FAILED, abandoned
                    ? "The worker running this job stopped responding " + job.attempts + " times; giving up."
                    : "Gave up after " + job.attempts + " tries.");
            return Optional.empty();
        }
        if (abandoned) {
            LOG.infof("Job %s: lease of %s expired, taken over by %s", job.id, job.leaseHolder, workerId);
        }
        if (job.cancelRequested) {
            finish(job, JobStatus.CANCELLED, null);
            return Optional.empty();
        }
        job.status = JobStatus.RUNNING;
        job.attempts++;
        job.leaseHolder = workerId;
        job.leaseExpiresAt = now.plus(config.lease());
        job.heartbeatAt = now;
        if (job.startedAt == null) {
            job.startedAt = now;
        }
        job.message = job.attempts > 1 ? "Running (try " + job.attempts + " of " + job.maxAttempts + ")" : "Running";
        events.jobChanged(job);
        return Optional.of(new Claimed(job.id, job.ownerId, job.type, job.subjectId, job.payload, job.attempts));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Heartbeat heartbeat(UUID jobId, String workerId) {
        Job job = held(jobId, workerId);
        if (job == null) {
            return new Heartbeat(false, false);
        }
        Instant now = Instant.now();
        job.heartbeatAt = now;
        job.leaseExpiresAt = now.plus(config.lease());
        return new Heartbeat(true, job.cancelRequested);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean progress(UUID jobId, String workerId, double progress, String message, Long etaSeconds) {
        Job job = held(jobId, workerId);
        if (job == null) {
            return false;
        }
        job.progress = Math.max(0, Math.min(1, progress));
        if (message != null) {
            job.message = message;
        }
        job.etaSeconds = etaSeconds;
        events.jobChanged(job);
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeed(UUID jobId, String workerId, String resultRef) {
        Job job = held(jobId, workerId);
        if (job != null) {
            job.resultRef = resultRef;
            job.progress = 1;
            finish(job, JobStatus.SUCCEEDED, null);
        }
    }

    /** A failure: retried after a back-off while tries remain and {@code retry} allows, else final. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID jobId, String workerId, String error, boolean retry) {
        Job job = held(jobId, workerId);
        if (job == null) {
            return;
        }
        if (retry && job.attempts < job.maxAttempts) {
            job.status = JobStatus.QUEUED;
            job.leaseHolder = null;
            job.leaseExpiresAt = null;
            Duration backoff = config.retryBackoff().multipliedBy(1L << Math.min(job.attempts - 1, 10));
            if (backoff.compareTo(MAX_BACKOFF) > 0) {
                backoff = MAX_BACKOFF;
            }
            job.notBefore = Instant.now().plus(backoff);
            job.message = "Try " + job.attempts + " failed (" + truncate(error, 200) + "); retrying in "
                    + Math.max(1, backoff.toSeconds()) + " s";
            events.jobChanged(job);
            return;
        }
        finish(job, JobStatus.FAILED, error);
    }

    /** The worker is going away: the job goes back to the queue at once, without counting as a try. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(UUID jobId, String workerId) {
        Job job = held(jobId, workerId);
        if (job == null) {
            return;
        }
        job.status = JobStatus.QUEUED;
        job.attempts = Math.max(0, job.attempts - 1);
        job.leaseHolder = null;
        job.leaseExpiresAt = null;
        job.notBefore = Instant.now();
        job.message = "Handed back by a worker that is shutting down; waiting for another";
        events.jobChanged(job);
    }

    /** The job waits for something else: back to the queue after {@code delay}, not counted as a try. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void defer(UUID jobId, String workerId, java.time.Duration delay, String message) {
        Job job = held(jobId, workerId);
        if (job == null) {
            return;
        }
        job.status = JobStatus.QUEUED;
        job.attempts = Math.max(0, job.attempts - 1);
        job.leaseHolder = null;
        job.leaseExpiresAt = null;
        job.notBefore = Instant.now().plus(delay);
        job.message = message;
        events.jobChanged(job);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void cancelled(UUID jobId, String workerId) {
        Job job = held(jobId, workerId);
        if (job != null) {
            finish(job, JobStatus.CANCELLED, null);
        }
    }

    /** The owner's cancel: a queued job ends now; a running one is asked to stop at its next check. */
    @Transactional
    public Job cancel(UUID ownerId, UUID jobId) {
        Job job = jobs.findOwned(ownerId, jobId).orElseThrow(() -> ProblemException.notFound("This job"));
        jobs.getEntityManager().lock(job, LockModeType.PESSIMISTIC_WRITE);
        jobs.getEntityManager().refresh(job);
        if (job.status.isFinal()) {
            throw new ProblemException(Problem.of(409, "This job has already finished ("
                    + job.status.name().toLowerCase(java.util.Locale.ROOT) + ")."));
        }
        if (job.status == JobStatus.QUEUED) {
            finish(job, JobStatus.CANCELLED, null);
        } else {
            job.cancelRequested = true;
            job.message = "Cancelling…";
            events.jobChanged(job);
        }
        return job;
    }

    private Job held(UUID jobId, String workerId) {
        Job job = jobs.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status != JobStatus.RUNNING || !workerId.equals(job.leaseHolder)) {
            return null;
        }
        return job;
    }

    private void finish(Job job, JobStatus status, String error) {
        job.status = status;
        job.finishedAt = Instant.now();
        job.leaseHolder = null;
        job.leaseExpiresAt = null;
        job.etaSeconds = null;
        job.error = error == null ? null : truncate(error, 2000);
        job.message = switch (status) {
            case SUCCEEDED -> "Done";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed: " + truncate(error, 400);
            default -> job.message;
        };
        events.jobChanged(job);
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "unknown error";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

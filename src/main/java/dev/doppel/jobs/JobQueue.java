package dev.doppel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** What a job that gave up its turn says while it waits for the next. */
    public static final String PAUSED = "Paused — another job's turn";

    @Inject
    JobsConfig config;

    @Inject
    JobEvents events;

    @Inject
    JobRepository jobs;

    @Inject
    JobRunRepository runs;

    @Inject
    GpuBudget budget;

    @Inject
    LanePlaces places;

    @Inject
    QueueMetrics metrics;

    /** A claimed job as the worker sees it: a detached copy, never written back directly. */
    public record Claimed(UUID id, UUID ownerId, String type, UUID subjectId, String payload, int attempts,
            JobLane lane, boolean interactive, Instant runStartedAt) {
    }

    public record Heartbeat(boolean stillOurs, boolean cancelRequested) {
    }

    /** Joins the caller's transaction, so the job exists exactly when what it works on does. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Job enqueue(Job job) {
        job.status = JobStatus.QUEUED;
        job.createdAt = Instant.now();
        job.notBefore = job.createdAt;
        job.message = "Waiting for a worker";
        jobs.persist(job);
        events.jobChanged(job);
        places.changed(job.lane);
        return job;
    }

    /**
     * The next job of the lane for this worker: first one whose worker stopped responding (it already had its
     * turn), else the one {@link FairTurns} puts first among those ready. Candidates are read without locks and
     * then locked one by one with SKIP LOCKED, so concurrent workers take different jobs and never wait.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claim(String workerId, JobLane lane, Collection<String> types) {
        Instant now = Instant.now();
        Job job = jobs.find("lane = ?1 and type in ?2 and status = ?3 and leaseExpiresAt < ?4 order by leaseExpiresAt",
                lane, types, JobStatus.RUNNING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .firstResult();
        if (job == null) {
            job = nextInTurn(lane, types, now);
        }
        if (job == null) {
            return Optional.empty();
        }
        boolean abandoned = job.status == JobStatus.RUNNING;
        if (abandoned) {
            // The dead worker's run ended at its last sign of life.
            closeRun(job, job.heartbeatAt != null ? job.heartbeatAt : now);
        }
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
        if (!abandoned) {
            metrics.waited(lane, Duration.between(job.notBefore, now));
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
        JobRun run = new JobRun();
        run.ownerId = job.ownerId;
        run.jobId = job.id;
        run.lane = lane;
        run.startedAt = now;
        runs.persist(run);
        events.jobChanged(job);
        places.changed(lane);
        return Optional.of(new Claimed(job.id, job.ownerId, job.type, job.subjectId, job.payload, job.attempts,
                job.lane, job.interactive, now));
    }

    private Job nextInTurn(JobLane lane, Collection<String> types, Instant now) {
        List<Object[]> ready = jobs.getEntityManager().createQuery("select j.id, j.ownerId, j.notBefore, j.interactive"
                + " from Job j where j.lane = ?1 and j.type in ?2 and j.status = ?3 and j.notBefore <= ?4", Object[].class)
                .setParameter(1, lane).setParameter(2, types).setParameter(3, JobStatus.QUEUED).setParameter(4, now)
                .getResultList();
        if (ready.isEmpty()) {
            return null;
        }
        Map<UUID, Boolean> held = new HashMap<>();
        List<FairTurns.Waiting> waiting = new ArrayList<>();
        for (Object[] row : ready) {
            UUID owner = (UUID) row[1];
            if (lane == JobLane.GPU && held.computeIfAbsent(owner, budget::exhausted)) {
                continue;
            }
            waiting.add(new FairTurns.Waiting((UUID) row[0], owner, (Instant) row[2], (Boolean) row[3], 0));
        }
        waiting.sort(FairTurns.priority(runs.usedSince(lane, now.minus(config.fairWindow()), now)));
        for (FairTurns.Waiting candidate : waiting) {
            Job job = jobs.find("id = ?1 and status = ?2 and notBefore <= ?3", candidate.jobId(), JobStatus.QUEUED, now)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                    .firstResult();
            if (job != null) {
                return job;
            }
        }
        return null;
    }

    /**
     * Whether a running batch job should give up its turn now: its account's GPU day is used up, or {@link
     * FairTurns#shouldYield} says another account's ready job (one whose account may still run GPU work) should
     * have the lane.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean turnIsOver(Claimed job) {
        Instant now = Instant.now();
        if (job.lane() == JobLane.GPU && budget.exhausted(job.ownerId())) {
            return true;
        }
        double ran = Duration.between(job.runStartedAt(), now).toMillis() / 1000.0;
        if (ran < config.gpuSlice().toSeconds()) {
            return false;
        }
        List<FairTurns.Waiting> waiting = new ArrayList<>();
        Map<UUID, Boolean> held = new HashMap<>();
        for (Object[] row : jobs.getEntityManager().createQuery("select j.id, j.ownerId, j.notBefore, j.interactive"
                + " from Job j where j.lane = ?1 and j.status = ?2 and j.notBefore <= ?3 and j.id <> ?4", Object[].class)
                .setParameter(1, job.lane()).setParameter(2, JobStatus.QUEUED).setParameter(3, now)
                .setParameter(4, job.id()).getResultList()) {
            UUID owner = (UUID) row[1];
            if (job.lane() == JobLane.GPU && held.computeIfAbsent(owner, budget::exhausted)) {
                continue;
            }
            waiting.add(new FairTurns.Waiting((UUID) row[0], owner, (Instant) row[2], (Boolean) row[3], 0));
        }
        return FairTurns.shouldYield(job.ownerId(), waiting,
                runs.usedSince(job.lane(), now.minus(config.fairWindow()), now), ran,
                config.gpuSlice().toSeconds(), config.batchTurn().toSeconds());
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
            Duration backoff = config.retryBackoff().multipliedBy(1L << Math.min(job.attempts - 1, 10));
            if (backoff.compareTo(MAX_BACKOFF) > 0) {
                backoff = MAX_BACKOFF;
            }
            requeue(job, backoff, true, "Try " + job.attempts + " failed (" + truncate(error, 200)
                    + "); retrying in " + Math.max(1, backoff.toSeconds()) + " s");
            return;
        }
        finish(job, JobStatus.FAILED, error);
    }

    /** The worker is going away: the job goes back to the queue at once, without counting as a try. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(UUID jobId, String workerId) {
        Job job = held(jobId, workerId);
        if (job != null) {
            requeue(job, Duration.ZERO, false, "Handed back by a worker that is shutting down; waiting for another");
        }
    }

    /**
     * Its turn is over (a slice, or its account's GPU day): back to the queue, not counted as a try, and behind
     * everything that was already waiting as far as ties go.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void yieldTurn(UUID jobId, String workerId) {
        Job job = held(jobId, workerId);
        if (job != null) {
            requeue(job, Duration.ZERO, false, PAUSED);
        }
    }

    /** The job waits for something else: back to the queue after {@code delay}, not counted as a try. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void defer(UUID jobId, String workerId, java.time.Duration delay, String message) {
        Job job = held(jobId, workerId);
        if (job != null) {
            requeue(job, delay, false, message);
        }
    }

    /** Back to the queue from a run: claimable again after {@code delay}; a try is used only when it failed. */
    private void requeue(Job job, Duration delay, boolean triedAndFailed, String message) {
        Instant now = Instant.now();
        job.status = JobStatus.QUEUED;
        if (!triedAndFailed) {
            job.attempts = Math.max(0, job.attempts - 1);
        }
        job.leaseHolder = null;
        job.leaseExpiresAt = null;
        job.etaSeconds = null;
        job.notBefore = now.plus(delay);
        job.message = message;
        closeRun(job, now);
        events.jobChanged(job);
        places.changed(job.lane);
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
        closeRun(job, job.finishedAt);
        places.changed(job.lane);
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

    private void closeRun(Job job, Instant endedAt) {
        JobRun run = runs.open(job.id);
        if (run != null) {
            run.endedAt = endedAt.isBefore(run.startedAt) ? run.startedAt : endedAt;
        }
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "unknown error";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

package dev.doppel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What a running handler sees of its job: its settings, a way to report progress, and {@link #checkpoint()},
 * which it calls often (at least every couple of seconds) to learn that it must stop.
 */
public class JobContext {

    /** Progress is written at most this often; the browser does not need more. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(400);

    private final JobQueue.Claimed job;
    private final String workerId;
    private final int slot;
    private final JobQueue queue;
    private final Instant started = Instant.now();
    private volatile boolean cancelRequested;
    private volatile boolean releaseRequested;
    private volatile boolean turnOver;
    private volatile boolean lost;
    private Instant lastProgressAt = Instant.EPOCH;
    private String lastMessage;

    JobContext(JobQueue.Claimed job, String workerId, int slot, JobQueue queue) {
        this.job = job;
        this.workerId = workerId;
        this.slot = slot;
        this.queue = queue;
    }

    public UUID jobId() {
        return job.id();
    }

    public UUID ownerId() {
        return job.ownerId();
    }

    public UUID subjectId() {
        return job.subjectId();
    }

    public String payload() {
        return job.payload();
    }

    public int attempt() {
        return job.attempts();
    }

    public String workerId() {
        return workerId;
    }

    /**
     * Reports progress (0–1) and what is happening; the ETA is estimated from the pace so far. Calls closer
     * together than a few hundred milliseconds are dropped unless the message changes.
     */
    public void progress(double fraction, String message) {
        Instant now = Instant.now();
        boolean newMessage = message != null && !message.equals(lastMessage);
        if (!newMessage && Duration.between(lastProgressAt, now).compareTo(PROGRESS_INTERVAL) < 0 && fraction < 1) {
            return;
        }
        lastProgressAt = now;
        lastMessage = message;
        Long eta = null;
        if (fraction > 0.01 && fraction < 1) {
            double elapsed = Duration.between(started, now).toMillis() / 1000.0;
            eta = Math.round(elapsed * (1 - fraction) / fraction);
        }
        if (!queue.progress(job.id(), workerId, fraction, message, eta)) {
            lost = true;
        }
    }

    /** Throws {@link JobStoppedException} when the owner cancelled or the worker is shutting down. */
    public void checkpoint() {
        if (cancelRequested) {
            throw new JobStoppedException(JobStoppedException.Reason.CANCELLED);
        }
        if (releaseRequested || lost) {
            throw new JobStoppedException(JobStoppedException.Reason.RELEASED);
        }
        if (turnOver) {
            throw new JobStoppedException(JobStoppedException.Reason.YIELDED);
        }
    }

    /** For handlers that save state before stopping (training writes a checkpoint first). */
    public boolean stopRequested() {
        return cancelRequested || releaseRequested || lost || turnOver;
    }

    /**
     * Which of its lane's slots in this process runs the job (0, 1, …): a GPU worker with several accelerators
     * runs one slot on each.
     */
    public int slot() {
        return slot;
    }

    /** The lane this job runs in. */
    public JobLane lane() {
        return job.lane();
    }

    void cancelRequested() {
        cancelRequested = true;
    }

    void releaseRequested() {
        releaseRequested = true;
    }

    /** Batch work only: another job's turn has come (see {@link JobQueue#turnIsOver}). */
    void turnIsOver() {
        turnOver = true;
    }

    void lost() {
        lost = true;
    }

    boolean isLost() {
        return lost;
    }
}

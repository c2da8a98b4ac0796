package dev.doppel.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * One claim-run-report loop, for one slot of one lane. A heartbeat beside the handler renews the lease, picks up
 * cancel requests and, for batch work, notices when its turn is over, so none of that depends on the handler's
 * pace; the handler only has to call {@link JobContext#checkpoint()}.
 */
final class Worker implements Runnable {

    private static final Logger LOG = Logger.getLogger(Worker.class);

    /** With a daily GPU limit, a running batch job looks at its account's budget this often. */
    private static final Duration BUDGET_CHECK = Duration.ofSeconds(15);

    private final String id;
    private final JobLane lane;
    private final int slot;
    private final boolean budgetLimited;
    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final JobsConfig config;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean claiming = true;
    private volatile JobContext current;

    Worker(String id, JobLane lane, int slot, boolean budgetLimited, JobQueue queue, Map<String, JobHandler> handlers,
            JobsConfig config) {
        this.id = id;
        this.lane = lane;
        this.slot = slot;
        this.budgetLimited = budgetLimited;
        this.queue = queue;
        this.handlers = handlers;
        this.config = config;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, id + "-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    String id() {
        return id;
    }

    JobLane lane() {
        return lane;
    }

    @Override
    public void run() {
        try {
            while (claiming) {
                Optional<JobQueue.Claimed> claimed;
                try {
                    claimed = queue.claim(id, lane, handlers.keySet());
                } catch (RuntimeException e) {
                    // The database may be restarting; back off and try again rather than die.
                    LOG.warnf("Worker %s could not claim a job: %s", id, e.getMessage());
                    claimed = Optional.empty();
                    sleep(config.pollInterval().multipliedBy(4));
                }
                if (claimed.isPresent()) {
                    execute(claimed.get());
                } else {
                    sleep(config.pollInterval());
                }
            }
        } finally {
            heartbeats.shutdownNow();
        }
    }

    /** Stop taking new jobs; the running one is asked to hand its job back. */
    void stop() {
        claiming = false;
        JobContext running = current;
        if (running != null) {
            running.releaseRequested();
        }
    }

    private void execute(JobQueue.Claimed job) {
        JobHandler handler = handlers.get(job.type());
        JobContext context = new JobContext(job, id, slot, queue);
        current = context;
        if (!claiming) {
            context.releaseRequested();
        }
        long beat = config.heartbeat().toMillis();
        TurnWatch turn = new TurnWatch(job);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(() -> beat(context, turn), beat, beat,
                TimeUnit.MILLISECONDS);
        try {
            LOG.debugf("Worker %s runs %s job %s (try %d)", id, job.type(), job.id(), job.attempts());
            String result = handler.run(context);
            if (context.isLost()) {
                LOG.warnf("Job %s finished on %s after its lease was lost; the result is discarded", job.id(), id);
            } else {
                queue.succeed(job.id(), id, result);
            }
        } catch (JobStoppedException stopped) {
            switch (stopped.reason()) {
                case CANCELLED -> queue.cancelled(job.id(), id);
                case YIELDED -> queue.yieldTurn(job.id(), id);
                case RELEASED -> queue.release(job.id(), id);
            }
        } catch (JobDeferredException e) {
            queue.defer(job.id(), id, e.delay(), e.getMessage());
        } catch (JobFailedException e) {
            queue.fail(job.id(), id, e.getMessage(), false);
        } catch (Exception | LinkageError e) {
            LOG.errorf(e, "Job %s (%s) failed on %s", job.id(), job.type(), id);
            queue.fail(job.id(), id, readable(e), true);
        } finally {
            heartbeat.cancel(false);
            current = null;
        }
    }

    private void beat(JobContext context, TurnWatch turn) {
        try {
            JobQueue.Heartbeat hb = queue.heartbeat(context.jobId(), id);
            if (!hb.stillOurs()) {
                context.lost();
            } else if (hb.cancelRequested()) {
                context.cancelRequested();
            } else if (turn.due() && queue.turnIsOver(turn.job)) {
                LOG.infof("Job %s (%s) gives up its turn on %s", context.jobId(), turn.job.type(), id);
                context.turnIsOver();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Heartbeat for job %s failed: %s", context.jobId(), e.getMessage());
        }
    }

    /**
     * When to ask whether a batch job's turn is over: on every beat once it has run a slice, and now and then
     * before that when a daily GPU limit could end it. Interactive work always runs to its end.
     */
    private final class TurnWatch {
        final JobQueue.Claimed job;
        private long lastBudgetCheck = System.nanoTime();

        TurnWatch(JobQueue.Claimed job) {
            this.job = job;
        }

        boolean due() {
            if (job.interactive()) {
                return false;
            }
            if (java.time.Instant.now().isAfter(job.runStartedAt().plus(config.gpuSlice()))) {
                return true;
            }
            long now = System.nanoTime();
            if (budgetLimited && now - lastBudgetCheck >= BUDGET_CHECK.toNanos()) {
                lastBudgetCheck = now;
                return true;
            }
            return false;
        }
    }

    private static String readable(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

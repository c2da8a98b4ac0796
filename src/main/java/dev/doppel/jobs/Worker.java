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
 * One claim-run-report loop. A heartbeat beside the handler renews the lease and picks up cancel requests, so
 * neither depends on the handler's pace; the handler only has to call {@link JobContext#checkpoint()}.
 */
final class Worker implements Runnable {

    private static final Logger LOG = Logger.getLogger(Worker.class);

    private final String id;
    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final JobsConfig config;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean claiming = true;
    private volatile JobContext current;

    Worker(String id, JobQueue queue, Map<String, JobHandler> handlers, JobsConfig config) {
        this.id = id;
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

    @Override
    public void run() {
        try {
            while (claiming) {
                Optional<JobQueue.Claimed> claimed;
                try {
                    claimed = queue.claim(id, handlers.keySet());
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
        JobContext context = new JobContext(job, id, queue);
        current = context;
        if (!claiming) {
            context.releaseRequested();
        }
        long beat = config.heartbeat().toMillis();
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(() -> beat(context), beat, beat,
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
            if (stopped.reason() == JobStoppedException.Reason.CANCELLED) {
                queue.cancelled(job.id(), id);
            } else {
                queue.release(job.id(), id);
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

    private void beat(JobContext context) {
        try {
            JobQueue.Heartbeat hb = queue.heartbeat(context.jobId(), id);
            if (!hb.stillOurs()) {
                context.lost();
            } else if (hb.cancelRequested()) {
                context.cancelRequested();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Heartbeat for job %s failed: %s", context.jobId(), e.getMessage());
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

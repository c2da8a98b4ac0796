package dev.doppel.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.doppel.runtime.DoppelConfig;

/**
 * The worker side of a process: in the {@code all} and {@code worker} roles it runs
 * {@code doppel.jobs.concurrency} worker loops; in {@code web} none. On shutdown (SIGTERM) it stops claiming,
 * asks running handlers to hand their jobs back, and waits for them within the grace period.
 */
@ApplicationScoped
public class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class);

    @Inject
    DoppelConfig doppel;

    @Inject
    JobsConfig config;

    @Inject
    JobQueue queue;

    @Inject
    @Any
    Instance<JobHandler> handlerBeans;

    private final List<Worker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    void onStart(@Observes StartupEvent event) {
        if (!doppel.role().runsJobs()) {
            LOG.info("Role web: this process runs no jobs");
            return;
        }
        for (int i = 0; i < config.concurrency(); i++) {
            start();
        }
        LOG.infof("Started %d worker(s) for job types %s", config.concurrency(), handlers().keySet());
    }

    /** Starts one more worker loop; tests use this to put several workers on one queue. */
    public synchronized String start() {
        Worker worker = new Worker(processName() + "#" + (workers.size() + 1), queue, handlers(), config);
        Thread thread = new Thread(worker, "doppel-" + worker.id());
        thread.setDaemon(true);
        workers.add(worker);
        threads.add(thread);
        thread.start();
        return worker.id();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopAll();
    }

    public synchronized void stopAll() {
        if (workers.isEmpty()) {
            return;
        }
        workers.forEach(Worker::stop);
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.infof("Stopped %d worker(s)", workers.size());
        workers.clear();
        threads.clear();
    }

    /** Stops one worker loop as SIGTERM would: its running job is handed back to the queue. */
    public synchronized void stop(String workerId) throws InterruptedException {
        for (int i = 0; i < workers.size(); i++) {
            if (workers.get(i).id().equals(workerId)) {
                workers.get(i).stop();
                threads.get(i).join(config.shutdownGrace().toMillis());
                workers.remove(i);
                threads.remove(i);
                return;
            }
        }
    }

    public synchronized int size() {
        return workers.size();
    }

    Map<String, JobHandler> handlers() {
        Map<String, JobHandler> byType = new HashMap<>();
        for (JobHandler handler : handlerBeans) {
            if (handler.type() != null) {
                byType.put(handler.type(), handler);
            }
        }
        return byType;
    }

    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "worker";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}

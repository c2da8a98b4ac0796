package dev.doppel.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.doppel.runtime.DoppelConfig;
import dev.doppel.runtime.NativeRuntime;

/**
 * The worker side of a process: in the {@code all} and {@code worker} roles it runs, for each lane it serves
 * ({@code doppel.jobs.lanes}), as many worker loops as the lane has slots ({@code doppel.jobs.cpu-slots},
 * {@code doppel.jobs.gpu-slots}); in {@code web} none. The lanes run side by side, so a thumbnail never waits
 * behind a training. On shutdown (SIGTERM) it stops claiming, asks running handlers to hand their jobs back,
 * and waits for them within the grace period.
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
    GpuBudget budget;

    @Inject
    NativeRuntime natives;

    @Inject
    @Any
    Instance<JobHandler> handlerBeans;

    private final List<Worker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /** After {@link NativeRuntime} has looked for accelerators (observers run in ascending priority). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (!doppel.role().runsJobs()) {
            LOG.info("Role web: this process runs no jobs");
            return;
        }
        Set<JobLane> lanes = servedLanes();
        int gpuSlots = config.gpuSlots().orElseGet(
                () -> natives.versions().map(v -> Math.max(1, v.gpuCount())).orElse(1));
        for (JobLane lane : lanes) {
            int slots = lane == JobLane.CPU ? config.cpuSlots() : gpuSlots;
            for (int i = 0; i < slots; i++) {
                start(lane);
            }
        }
        LOG.infof("Started workers for lanes %s (cpu %d, gpu %d slots) and job types %s", lanes, config.cpuSlots(),
                gpuSlots, handlers().keySet());
    }

    /** The lanes this process serves, as configured; an unknown name stops the start with a clear message. */
    Set<JobLane> servedLanes() {
        Set<JobLane> lanes = EnumSet.noneOf(JobLane.class);
        for (String name : config.lanes()) {
            try {
                lanes.add(JobLane.of(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("doppel.jobs.lanes: " + e.getMessage(), e);
            }
        }
        return lanes;
    }

    /** Starts one more worker loop in a lane; tests use this to put several workers on one queue. */
    public synchronized String start(JobLane lane) {
        int slot = (int) workers.stream().filter(w -> w.lane() == lane).count();
        Worker worker = new Worker(processName() + "#" + lane.key() + (workers.size() + 1), lane, slot,
                budget.limited(), queue, handlers(), config);
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

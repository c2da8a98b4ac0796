package dev.doppel.jobs;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** A test-only job type that records how often each job ran and on which worker. */
@ApplicationScoped
public class CountingJobHandler implements JobHandler {

    public static final String TYPE = "TEST_COUNT";
    static final Map<UUID, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> BY_WORKER = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JobLane lane(String payload) {
        return JobLane.CPU;
    }

    @Override
    public String run(JobContext context) throws Exception {
        RUNS.computeIfAbsent(context.jobId(), k -> new AtomicInteger()).incrementAndGet();
        BY_WORKER.computeIfAbsent(context.workerId(), k -> new AtomicInteger()).incrementAndGet();
        // Long enough that workers overlap, short enough for 200 jobs.
        Thread.sleep(2);
        return null;
    }
}

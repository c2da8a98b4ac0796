package dev.doppel.jobs;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Per lane at {@code /q/metrics}: how many jobs wait ({@code doppel_jobs_queued}) and how long jobs waited
 * before their turn ({@code doppel_jobs_wait_seconds}, recorded where they were claimed).
 */
@ApplicationScoped
public class QueueMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    JobRepository jobs;

    private final java.util.Map<JobLane, Timer> waits = new java.util.EnumMap<>(JobLane.class);

    void register(@Observes StartupEvent event) {
        for (JobLane lane : JobLane.values()) {
            waits.put(lane, Timer.builder("doppel.jobs.wait")
                    .description("Time from entering the queue to starting")
                    .tag("lane", lane.key())
                    .publishPercentileHistogram()
                    .register(registry));
            Gauge.builder("doppel.jobs.queued", () -> QuarkusTransaction.requiringNew()
                    .call(() -> jobs.count("lane = ?1 and status = ?2", lane, JobStatus.QUEUED)))
                    .description("Jobs waiting for their turn")
                    .tag("lane", lane.key())
                    .register(registry);
        }
    }

    public void waited(JobLane lane, Duration waited) {
        Timer timer = waits.get(lane);
        if (timer != null) {
            timer.record(waited.isNegative() ? Duration.ZERO : waited);
        }
    }
}

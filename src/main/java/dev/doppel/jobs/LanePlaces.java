package dev.doppel.jobs;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the places in line that browsers show up to date. When a lane changes (a job queued, started, finished,
 * paused), every job still waiting in it may have moved; once a second this sends an event for each waiting job
 * whose place or expected start changed, so a user sees "2nd in line" become "next" without asking. Its owner
 * gets the event like any other change of the job.
 */
@ApplicationScoped
public class LanePlaces {

    /** Passes still to make per lane: one now and one more, for changes that commit after the first pass. */
    private final Map<JobLane, AtomicInteger> passes = new EnumMap<>(Map.of(JobLane.CPU, new AtomicInteger(),
            JobLane.GPU, new AtomicInteger()));
    /** What was last sent per lane and job, so unchanged places are not sent again. */
    private final Map<JobLane, Map<UUID, QueueForecast.Place>> sent = new EnumMap<>(Map.of(
            JobLane.CPU, new ConcurrentHashMap<>(), JobLane.GPU, new ConcurrentHashMap<>()));

    @Inject
    QueueForecast forecast;

    @Inject
    JobRepository jobs;

    @Inject
    JobEvents events;

    /** The lane's order or timing may have changed (called inside the transaction that changed it). */
    public void changed(JobLane lane) {
        if (lane != null) {
            passes.get(lane).set(2);
        }
    }

    @Scheduled(every = "1s", identity = "job-lane-places", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publish() {
        for (JobLane lane : JobLane.values()) {
            if (passes.get(lane).getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                QuarkusTransaction.requiringNew().run(() -> publish(lane));
            }
        }
    }

    private void publish(JobLane lane) {
        Map<UUID, QueueForecast.Place> places = forecast.lane(lane);
        Map<UUID, QueueForecast.Place> sentHere = sent.get(lane);
        sentHere.keySet().retainAll(places.keySet());
        for (Map.Entry<UUID, QueueForecast.Place> e : places.entrySet()) {
            QueueForecast.Place before = sentHere.get(e.getKey());
            if (before != null && samePlace(before, e.getValue())) {
                continue;
            }
            Job job = jobs.findById(e.getKey());
            if (job != null && job.status == JobStatus.QUEUED) {
                events.jobChanged(job, e.getValue());
                sentHere.put(job.id, e.getValue());
            }
        }
    }

    /** Same position and a start within ten seconds of the one sent: not worth an event. */
    private static boolean samePlace(QueueForecast.Place a, QueueForecast.Place b) {
        if (!Objects.equals(a.position(), b.position()) || !Objects.equals(a.heldMessage(), b.heldMessage())) {
            return false;
        }
        if (a.estimatedStart() == null || b.estimatedStart() == null) {
            return a.estimatedStart() == b.estimatedStart();
        }
        return Math.abs(a.estimatedStart().toEpochMilli() - b.estimatedStart().toEpochMilli()) < 10_000;
    }
}

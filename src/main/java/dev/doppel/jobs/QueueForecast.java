package dev.doppel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Where each waiting job of a lane stands: its place in line (1 = next) and when it is likely to start. The
 * order is {@link FairTurns}'s; the times come from the running jobs' time left (a training's turn ends with its
 * slice when others wait) and how long the jobs ahead are expected to take (what the handler says, else how long
 * that type took lately, else a minute).
 */
@ApplicationScoped
public class QueueForecast {

    /** Without any history, a turn is assumed to take this long. */
    static final double DEFAULT_SECONDS = 60;
    private static final int HISTORY = 20;

    /** A waiting job's place; {@code heldMessage} instead of a place when its account's GPU day is used up. */
    public record Place(Integer position, Instant estimatedStart, String heldMessage) {
    }

    @Inject
    JobRepository jobs;

    @Inject
    JobRunRepository runs;

    @Inject
    JobsConfig config;

    @Inject
    GpuBudget budget;

    @Inject
    @Any
    Instance<JobHandler> handlerBeans;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Place> lane(JobLane lane) {
        Instant now = Instant.now();
        List<Job> queued = jobs.list("lane = ?1 and status = ?2", lane, JobStatus.QUEUED);
        if (queued.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Place> places = new HashMap<>();
        Map<String, Double> typical = new HashMap<>();
        Map<UUID, GpuBudget.Usage> usage = new HashMap<>();
        List<FairTurns.Waiting> waiting = new ArrayList<>();
        Map<UUID, Job> byId = new HashMap<>();
        for (Job job : queued) {
            if (lane == JobLane.GPU && budget.limited()) {
                GpuBudget.Usage use = usage.computeIfAbsent(job.ownerId, budget::usage);
                if (use.exhausted()) {
                    places.put(job.id, new Place(null, null, use.heldMessage()));
                    continue;
                }
            }
            byId.put(job.id, job);
            waiting.add(new FairTurns.Waiting(job.id, job.ownerId, job.notBefore, job.interactive,
                    expectedSeconds(job, typical)));
        }
        List<FairTurns.Waiting> order = FairTurns.order(waiting,
                runs.usedSince(lane, now.minus(config.fairWindow()), now));

        // Each slot is free after its running job's time left; with nothing running, one slot is free now.
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        boolean interactiveWaits = order.stream().anyMatch(FairTurns.Waiting::interactive);
        for (Job running : jobs.list("lane = ?1 and status = ?2", lane, JobStatus.RUNNING)) {
            freeAt.add(timeLeft(running, now, interactiveWaits, !order.isEmpty(), typical));
        }
        if (freeAt.isEmpty()) {
            freeAt.add(0.0);
        }
        int position = 0;
        for (FairTurns.Waiting w : order) {
            double slot = freeAt.poll();
            Job job = byId.get(w.jobId());
            double notBefore = Math.max(0, Duration.between(now, job.notBefore).toMillis() / 1000.0);
            double start = Math.max(slot, notBefore);
            places.put(w.jobId(), new Place(++position, now.plusMillis(Math.round(start * 1000)), null));
            freeAt.add(start + w.expectedSeconds());
        }
        return places;
    }

    /** How long a job's turn is expected to last once it starts. */
    double expectedSeconds(Job job, Map<String, Double> typical) {
        OptionalDouble said = handler(job.type).map(h -> h.expectedSeconds(job.payload)).orElse(OptionalDouble.empty());
        double expected = said.isPresent() ? said.getAsDouble() : typical.computeIfAbsent(job.type, this::typical);
        // Batch work goes after all interactive work, so only batch work waits behind it: a batch turn at most.
        return job.interactive ? expected : Math.min(expected, config.batchTurn().toSeconds());
    }

    private double timeLeft(Job running, Instant now, boolean interactiveWaits, boolean othersWait,
            Map<String, Double> typical) {
        JobRun run = runs.open(running.id);
        double elapsed = run == null ? 0 : Duration.between(run.startedAt, now).toMillis() / 1000.0;
        double left;
        if (running.etaSeconds != null) {
            left = running.etaSeconds;
        } else {
            double expected = handler(running.type).map(h -> h.expectedSeconds(running.payload))
                    .orElse(OptionalDouble.empty()).orElse(typical.computeIfAbsent(running.type, this::typical));
            // Past its expected length: assume it is nearly done rather than due in the past.
            left = Math.max(expected - elapsed, expected * 0.1);
        }
        if (!running.interactive && othersWait) {
            double turn = (interactiveWaits ? config.gpuSlice() : config.batchTurn()).toSeconds();
            left = Math.min(left, Math.max(0, turn - elapsed));
        }
        return Math.max(0, left);
    }

    private double typical(String type) {
        List<Double> recent = runs.recentDurations(type, HISTORY);
        if (recent.isEmpty()) {
            return DEFAULT_SECONDS;
        }
        List<Double> sorted = new ArrayList<>(recent);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private java.util.Optional<JobHandler> handler(String type) {
        return handlerBeans.stream().filter(h -> type.equals(h.type())).findFirst();
    }
}

package dev.doppel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.doppel.account.OwnedRepository;

/** The lane time accounts have used, read from the runs that overlap a window. */
@ApplicationScoped
public class JobRunRepository extends OwnedRepository<JobRun> {

    @Override
    protected String noun() {
        return "This job run";
    }

    /** Seconds each account has used of the lane between {@code from} and {@code now} (running jobs included). */
    public Map<UUID, Double> usedSince(JobLane lane, Instant from, Instant now) {
        Map<UUID, Double> used = new HashMap<>();
        for (JobRun run : overlapping("lane = ?1 and (endedAt is null or endedAt > ?2)", lane, from)) {
            used.merge(run.ownerId, seconds(run, from, now), Double::sum);
        }
        return used;
    }

    /** Seconds one account has used of the lane since {@code from}. */
    public double usedSince(UUID ownerId, JobLane lane, Instant from, Instant now) {
        double total = 0;
        for (JobRun run : overlapping("ownerId = ?1 and lane = ?2 and (endedAt is null or endedAt > ?3)", ownerId,
                lane, from)) {
            total += seconds(run, from, now);
        }
        return total;
    }

    /** The job's run that is still open, if any (at most one: a job runs on one worker at a time). */
    public JobRun open(UUID jobId) {
        return find("jobId = ?1 and endedAt is null", jobId).firstResult();
    }

    /** How long runs of a job type that finished well took lately: the basis of queue estimates. */
    public List<Double> recentDurations(String type, int limit) {
        return getEntityManager().createQuery("select r.startedAt, r.endedAt from JobRun r, Job j"
                + " where j.id = r.jobId and j.type = ?1 and j.status = ?2 and r.endedAt is not null"
                + " order by r.endedAt desc", Object[].class)
                .setParameter(1, type).setParameter(2, JobStatus.SUCCEEDED).setMaxResults(limit)
                .getResultList().stream()
                .map(row -> Duration.between((Instant) row[0], (Instant) row[1]).toMillis() / 1000.0)
                .toList();
    }

    private List<JobRun> overlapping(String query, Object... params) {
        return find(query, params).list();
    }

    private static double seconds(JobRun run, Instant from, Instant now) {
        Instant start = run.startedAt.isBefore(from) ? from : run.startedAt;
        Instant end = run.endedAt == null || run.endedAt.isAfter(now) ? now : run.endedAt;
        return Math.max(0, Duration.between(start, end).toMillis() / 1000.0);
    }
}

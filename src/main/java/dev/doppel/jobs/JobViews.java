package dev.doppel.jobs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Builds job views; waiting jobs get their place in line, worked out once per lane for a whole list. */
@ApplicationScoped
public class JobViews {

    @Inject
    QueueForecast forecast;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobView> of(List<Job> jobs) {
        Map<JobLane, Map<UUID, QueueForecast.Place>> places = new EnumMap<>(JobLane.class);
        return jobs.stream().map(job -> JobView.of(job, job.status == JobStatus.QUEUED && job.lane != null
                ? places.computeIfAbsent(job.lane, forecast::lane).get(job.id) : null)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JobView of(Job job) {
        return of(List.of(job)).get(0);
    }
}

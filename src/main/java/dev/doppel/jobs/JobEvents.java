package dev.doppel.jobs;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/** Writes events to the table every web node reads, and trims what no browser needs any more. */
@ApplicationScoped
public class JobEvents {

    public static final String JOB = "job";

    @Inject
    ObjectMapper json;

    @Inject
    JobsConfig config;

    @Inject
    JobViews views;

    /** Called inside the transaction that changed the job, so the event exists exactly when the change does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void jobChanged(Job job) {
        publish(job.ownerId, job.id, JOB, views.of(job));
    }

    /** A waiting job's place changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void jobChanged(Job job, QueueForecast.Place place) {
        publish(job.ownerId, job.id, JOB, JobView.of(job, place));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(UUID ownerId, UUID jobId, String kind, Object data) {
        JobEvent event = new JobEvent();
        event.ownerId = ownerId;
        event.jobId = jobId;
        event.kind = kind;
        try {
            event.data = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable", e);
        }
        event.createdAt = Instant.now();
        event.persist();
    }

    @Scheduled(every = "1m", identity = "job-events-trim")
    @Transactional
    void trim() {
        JobEvent.delete("createdAt < ?1", Instant.now().minus(config.eventRetention()));
    }
}

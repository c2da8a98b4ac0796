package dev.doppel.jobs;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** What features and resources use: submit work, list and cancel the owner's jobs. */
@ApplicationScoped
public class JobService {

    static final int LIST_LIMIT = 100;

    @Inject
    JobQueue queue;

    @Inject
    JobRepository jobs;

    @Inject
    JobsConfig config;

    @Inject
    @Any
    Instance<JobHandler> handlers;

    /** Queues work inside the caller's transaction. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Job submit(UUID ownerId, String type, UUID subjectId, String subjectName, String payload) {
        JobHandler handler = handlers.stream().filter(h -> type.equals(h.type())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No handler for job type " + type));
        Job job = new Job();
        job.ownerId = ownerId;
        job.type = type;
        job.subjectId = subjectId;
        job.subjectName = subjectName;
        job.payload = payload;
        job.lane = handler.lane(payload);
        job.interactive = handler.interactive(payload);
        job.maxAttempts = handler.maxAttempts(config);
        return queue.enqueue(job);
    }

    /** A subject was renamed: its jobs, finished ones included, go by the new name. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void renameSubject(UUID ownerId, UUID subjectId, String name) {
        jobs.update("subjectName = ?1 where ownerId = ?2 and subjectId = ?3", name, ownerId, subjectId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Job> recent(UUID ownerId) {
        return jobs.recent(ownerId, LIST_LIMIT);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Job get(UUID ownerId, UUID id) {
        return jobs.requireOwned(ownerId, id);
    }

    public Job cancel(UUID ownerId, UUID id) {
        return queue.cancel(ownerId, id);
    }
}

package dev.doppel.jobs;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import dev.doppel.account.OwnedRepository;

@ApplicationScoped
public class JobRepository extends OwnedRepository<Job> {

    @Override
    protected String noun() {
        return "This job";
    }

    public List<Job> recent(UUID ownerId, int limit) {
        return find("ownerId", Sort.descending("createdAt"), ownerId).page(Page.ofSize(limit)).list();
    }

    /** The account's jobs waiting or running (a training paused between turns waits too). */
    public long countActive(UUID ownerId) {
        return count("ownerId = ?1 and status in ?2", ownerId, List.of(JobStatus.QUEUED, JobStatus.RUNNING));
    }

    @Override
    public long deleteAllOwnedBy(UUID ownerId) {
        JobEvent.delete("ownerId", ownerId);
        return super.deleteAllOwnedBy(ownerId);
    }
}

package dev.doppel.media.resumable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.doppel.account.OwnedRepository;

@ApplicationScoped
public class PendingUploadRepository extends OwnedRepository<PendingUpload> {

    @Inject
    PartialFiles files;

    @Override
    protected String noun() {
        return "This upload";
    }

    public List<PendingUpload> expiredBy(Instant now) {
        return list("expiresAt < ?1", now);
    }

    /** The account goes: its unfinished uploads and their bytes with it. */
    @Override
    public long deleteAllOwnedBy(UUID ownerId) {
        List<PendingUpload> pending = list("ownerId", ownerId);
        pending.forEach(p -> files.delete(p.id));
        return delete("ownerId", ownerId);
    }
}

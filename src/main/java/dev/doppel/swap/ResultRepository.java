package dev.doppel.swap;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.panache.common.Sort;

import dev.doppel.account.OwnedRepository;
import dev.doppel.storage.BlobDeletions;

@ApplicationScoped
public class ResultRepository extends OwnedRepository<Result> {

    @Inject
    BlobDeletions blobDeletions;

    @Override
    protected String noun() {
        return "This result";
    }

    public List<Result> newestFirst(UUID ownerId) {
        return listOwned(ownerId, Sort.descending("createdAt"));
    }

    @Override
    public int deletionOrder() {
        return 2;
    }

    @Override
    public long deleteAllOwnedBy(UUID ownerId) {
        List<Result> results = list("ownerId", ownerId);
        results.forEach(this::deleteWithFiles);
        return results.size();
    }

    public void deleteWithFiles(Result result) {
        delete(result);
        blobDeletions.afterCommit(result.blobKey, result.thumbnailKey);
    }
}

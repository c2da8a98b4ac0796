package dev.doppel.training;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.panache.common.Sort;

import dev.doppel.account.OwnedRepository;
import dev.doppel.storage.BlobDeletions;

@ApplicationScoped
public class FaceModelRepository extends OwnedRepository<FaceModel> {

    @Inject
    BlobDeletions blobDeletions;

    @Override
    protected String noun() {
        return "This model";
    }

    public List<FaceModel> newestFirst(UUID ownerId) {
        return listOwned(ownerId, Sort.descending("createdAt"));
    }

    public List<LossPoint> losses(UUID modelId) {
        return LossPoint.list("modelId", Sort.by("iteration"), modelId);
    }

    /** Models go before the face sets they were trained on. */
    @Override
    public int deletionOrder() {
        return 5;
    }

    @Override
    public long deleteAllOwnedBy(UUID ownerId) {
        List<FaceModel> models = list("ownerId", ownerId);
        models.forEach(this::deleteWithState);
        return models.size();
    }

    public void deleteWithState(FaceModel model) {
        LossPoint.delete("modelId", model.id);
        delete(model);
        blobDeletions.afterCommit(model.checkpointKey, model.previewKey, model.warmStartKey);
    }
}

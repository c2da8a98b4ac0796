package dev.doppel.faces;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.panache.common.Sort;

import dev.doppel.account.OwnedRepository;
import dev.doppel.storage.BlobDeletions;

@ApplicationScoped
public class FaceRepository extends OwnedRepository<Face> {

    @Inject
    BlobDeletions blobDeletions;

    @Override
    protected String noun() {
        return "This face";
    }

    public List<Face> inSet(UUID ownerId, UUID faceSetId, Sort sort) {
        return find("ownerId = ?1 and faceSetId = ?2", sort, ownerId, faceSetId).list();
    }

    public long countInSet(UUID faceSetId) {
        return count("faceSetId", faceSetId);
    }

    /** Counts the set's checked faces and those scored below {@code minScore} again, after faces came or went. */
    public void recountChecks(FaceSet set, double minScore) {
        set.facesChecked = (int) count("faceSetId = ?1 and faceScore is not null", set.id);
        set.facesDoubtful = (int) count("faceSetId = ?1 and faceScore < ?2", set.id, minScore);
    }

    /** Faces go before their face sets, which go before their videos. */
    @Override
    public int deletionOrder() {
        return 10;
    }

    @Override
    public long deleteAllOwnedBy(UUID ownerId) {
        List<Face> faces = list("ownerId", ownerId);
        faces.forEach(this::deleteWithBlobs);
        return faces.size();
    }

    public void deleteWithBlobs(Face face) {
        delete(face);
        blobDeletions.afterCommit(face.imageKey, face.maskKey);
    }

    public int deleteAllInSet(UUID faceSetId) {
        List<Face> faces = list("faceSetId", faceSetId);
        faces.forEach(this::deleteWithBlobs);
        return faces.size();
    }
}

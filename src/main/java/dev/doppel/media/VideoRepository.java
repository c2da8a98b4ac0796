package dev.doppel.media;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.panache.common.Sort;

import dev.doppel.account.OwnedRepository;
import dev.doppel.storage.BlobDeletions;

@ApplicationScoped
public class VideoRepository extends OwnedRepository<Video> {

    @Inject
    BlobDeletions blobDeletions;

    @Override
    protected String noun() {
        return "This video";
    }

    public List<Video> newestFirst(UUID ownerId) {
        return listOwned(ownerId, Sort.descending("createdAt"));
    }

    public long bytesUsedBy(UUID ownerId) {
        Long used = find("select coalesce(sum(v.sizeBytes), 0) from Video v where v.ownerId = ?1", ownerId)
                .project(Long.class).firstResult();
        return used == null ? 0 : used;
    }

    /** Face sets and models made from videos go first (they refer to them); the blobs go with the rows. */
    @Override
    public int deletionOrder() {
        return 100;
    }

    @Override
    public long deleteAllOwnedBy(UUID ownerId) {
        List<Video> videos = listOwned(ownerId, Sort.by("createdAt"));
        for (Video video : videos) {
            deleteWithBlobs(video);
        }
        return videos.size();
    }

    /** Stores the thumbnail's key unless the video is gone; a thumbnail it replaces is deleted after commit. */
    public boolean attachThumbnail(java.util.UUID videoId, String key) {
        Video video = findById(videoId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (video == null) {
            return false;
        }
        String previous = video.thumbnailKey;
        video.thumbnailKey = key;
        if (previous != null && !previous.equals(key)) {
            blobDeletions.afterCommit(previous);
        }
        return true;
    }

    public void deleteWithBlobs(Video video) {
        delete(video);
        blobDeletions.afterCommit(video.blobKey, video.thumbnailKey);
    }
}

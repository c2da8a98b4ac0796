package dev.doppel.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.doppel.jobs.JobContext;
import dev.doppel.jobs.JobFailedException;
import dev.doppel.jobs.JobHandler;
import dev.doppel.jobs.JobLane;
import dev.doppel.storage.BlobStore;

/** Makes an uploaded video's thumbnail on a worker; safe to run again (a second run replaces the first). */
@ApplicationScoped
public class ThumbnailJobHandler implements JobHandler {

    public static final String TYPE = "THUMBNAIL";

    @Inject
    VideoRepository videos;

    @Inject
    Thumbnailer thumbnailer;

    @Inject
    BlobStore blobs;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JobLane lane(String payload) {
        return JobLane.CPU;
    }

    @Override
    public String run(JobContext context) throws Exception {
        Video video = QuarkusTransaction.requiringNew()
                .call(() -> videos.findOwned(context.ownerId(), context.subjectId()).orElse(null));
        if (video == null) {
            throw new JobFailedException("The video was deleted before its thumbnail was made.");
        }
        context.progress(0.1, "Decoding a frame");
        byte[] jpeg;
        try (BlobStore.LocalFile file = blobs.local(video.blobKey)) {
            jpeg = thumbnailer.thumbnail(file.path(), video.durationSeconds);
        } catch (RejectedMediaException e) {
            throw new JobFailedException(e.getMessage());
        }
        context.checkpoint();
        context.progress(0.8, "Saving the thumbnail");
        String key = blobs.put(jpeg);
        boolean stored = QuarkusTransaction.requiringNew().call(() -> videos.attachThumbnail(video.id, key));
        if (!stored) {
            blobs.deleteQuietly(key);
            throw new JobFailedException("The video was deleted before its thumbnail was made.");
        }
        return key;
    }
}

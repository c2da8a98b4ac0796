package dev.doppel.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.doppel.account.User;
import dev.doppel.jobs.JobService;
import dev.doppel.limits.ActiveJobCap;
import dev.doppel.limits.LimitedAction;
import dev.doppel.storage.BlobStore;
import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;

/**
 * Accepts or refuses uploads. Every check runs before anything is stored, and what is stored (the blob, the row)
 * is undone if a later step fails, so a refused upload leaves no trace and never touches what was there. The
 * thumbnail is made afterwards by a job.
 */
@ApplicationScoped
public class VideoService {

    private static final Logger LOG = Logger.getLogger(VideoService.class);

    @Inject
    VideoRepository videos;

    @Inject
    VideoProbe probe;

    @Inject
    JobService jobs;

    @Inject
    jakarta.enterprise.event.Event<VideoUploaded> uploaded;

    @Inject
    BlobStore blobs;

    @Inject
    MediaConfig limits;

    @Inject
    ActiveJobCap cap;

    public Video upload(UUID ownerId, Path uploaded, String fileName, boolean consent) {
        long size = sizeOf(uploaded);
        // Early, so a refused upload is not probed; the checks that count are the ones under the lock in persist.
        checkAdmissible(ownerId, size, consent);

        ProbeResult found;
        try {
            found = probe.probe(uploaded);
            checkLimits(found);
        } catch (RejectedMediaException e) {
            throw unprocessable(e.getMessage());
        }

        String blobKey = null;
        try {
            blobKey = blobs.adopt(uploaded);
            String key = blobKey;
            return QuarkusTransaction.requiringNew().call(() -> persist(ownerId, fileName, size, key, found));
        } catch (IOException e) {
            blobs.deleteQuietly(blobKey);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            blobs.deleteQuietly(blobKey);
            throw e;
        }
    }

    /**
     * What can be said of an upload before its bytes are read: consent, an empty or too large file, the account's
     * quota and its job cap. A resumable upload is checked with its declared length when it is created, so the
     * browser is refused before it sends anything.
     */
    public void checkAdmissible(UUID ownerId, long size, boolean consent) {
        if (!consent) {
            throw ProblemException.invalid("consent",
                    "Confirm that you have the right to use this video and the consent of the people shown in it.");
        }
        if (size == 0) {
            throw ProblemException.invalid("file", "The file is empty.");
        }
        if (size > limits.maxUploadBytes()) {
            throw tooLarge("This file is " + Bytes.human(size) + "; the largest upload is "
                    + Bytes.human(limits.maxUploadBytes()) + ".");
        }
        checkQuota(ownerId, size);
        cap.checkRoom(ownerId, LimitedAction.UPLOAD);
    }

    /**
     * The row and its THUMBNAIL job commit together: a video never waits for a job that was not queued. Its
     * follow-up jobs (the thumbnail, and the extraction the upload event queues) are never refused: the job cap is
     * checked once, here, for the upload as a whole, so an accepted upload is never left without its face set.
     */
    private Video persist(UUID ownerId, String fileName, long size, String blobKey, ProbeResult found) {
        // Two uploads racing for the last of the quota or of the job cap: the row lock on the user makes them take
        // turns.
        User.findById(ownerId, LockModeType.PESSIMISTIC_WRITE);
        checkQuota(ownerId, size);
        cap.checkRoom(ownerId, LimitedAction.UPLOAD);
        Video video = new Video();
        video.ownerId = ownerId;
        video.name = VideoName.fromFileName(fileName);
        video.sizeBytes = size;
        video.blobKey = blobKey;
        video.container = found.container();
        video.videoCodec = found.videoCodec();
        video.audioCodec = found.audioCodec();
        video.width = found.width();
        video.height = found.height();
        video.fps = found.fps();
        video.frameCount = found.frameCount();
        video.durationSeconds = found.durationSeconds();
        video.hasAudio = found.hasAudio();
        video.consentAt = Instant.now();
        video.createdAt = video.consentAt;
        videos.persist(video);
        jobs.submit(ownerId, ThumbnailJobHandler.TYPE, video.id, video.name, null);
        uploaded.fire(new VideoUploaded(video));
        LOG.debugf("Stored video %s (%s, %dx%d, %.2f s)", video.id, Bytes.human(size), found.width(), found.height(),
                found.durationSeconds());
        return video;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Video> list(UUID ownerId) {
        return videos.newestFirst(ownerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Video get(UUID ownerId, UUID id) {
        return videos.requireOwned(ownerId, id);
    }

    @Transactional
    public Video rename(UUID ownerId, UUID id, String name) {
        String clean = VideoName.requiredLabel(name);
        Video video = videos.requireOwned(ownerId, id);
        video.name = clean;
        jobs.renameSubject(ownerId, id, clean);
        return video;
    }

    @Transactional
    public void delete(UUID ownerId, UUID id) {
        videos.deleteWithBlobs(videos.requireOwned(ownerId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StorageUsage usage(UUID ownerId) {
        return new StorageUsage(videos.bytesUsedBy(ownerId), limits.quotaBytes(), limits.maxUploadBytes(),
                limits.maxDuration().toSeconds(), limits.maxLongSidePixels());
    }

    private void checkQuota(UUID ownerId, long size) {
        long used = videos.bytesUsedBy(ownerId);
        if (used + size > limits.quotaBytes()) {
            throw tooLarge("This upload (" + Bytes.human(size) + ") would exceed your storage quota: "
                    + Bytes.human(used) + " of " + Bytes.human(limits.quotaBytes())
                    + " used. Delete videos you no longer need to make room.");
        }
    }

    private void checkLimits(ProbeResult found) throws RejectedMediaException {
        double maxSeconds = limits.maxDuration().toMillis() / 1000.0;
        if (found.durationSeconds() > maxSeconds) {
            throw new RejectedMediaException(String.format(Locale.ROOT,
                    "This video is %.1f s long; the longest accepted is %s.", found.durationSeconds(),
                    Bytes.duration(maxSeconds)));
        }
        if (found.longSide() > limits.maxLongSidePixels()) {
            throw new RejectedMediaException("This video is " + found.width() + "×" + found.height()
                    + "; the largest accepted side is " + limits.maxLongSidePixels() + " pixels.");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return file == null ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(413, detail)
                .withViolations(List.of(new Problem.Violation("file", detail))));
    }

    private static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.of(422, detail)
                .withViolations(List.of(new Problem.Violation("file", detail))));
    }

    public record StorageUsage(long usedBytes, long quotaBytes, long maxUploadBytes, long maxDurationSeconds,
            int maxLongSidePixels) {
    }
}

package dev.doppel.media.resumable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.doppel.media.MediaConfig;
import dev.doppel.media.Video;
import dev.doppel.media.VideoService;
import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Resumable uploads (the tus protocol's model): an upload is created with its length and checked before any byte
 * is sent; bytes are appended at the offset the server stands at, whatever arrived before a connection dropped is
 * kept; the last byte hands the file to the same path as a one-shot upload (probe, limits, storage, thumbnail), and
 * whatever the outcome nothing of the upload remains. Uploads that receive nothing for a while are swept.
 */
// Singleton, not a client proxy: tests move its clock.
@Singleton
public class ResumableUploads {

    private static final Logger LOG = Logger.getLogger(ResumableUploads.class);
    private static final int BUFFER = 64 * 1024;

    @Inject
    PendingUploadRepository repository;

    @Inject
    PartialFiles files;

    @Inject
    VideoService videos;

    @Inject
    MediaConfig config;

    Clock clock = Clock.systemUTC();

    /** Uploads receiving bytes right now on this node: one connection at a time per upload. */
    private final Set<UUID> receiving = ConcurrentHashMap.newKeySet();

    /** What an append left: the offset, and the video once the last byte arrived. */
    public record Progress(long offset, long length, Video video) {
    }

    public PendingUpload create(UUID ownerId, long length, String fileName, boolean consent) {
        videos.checkAdmissible(ownerId, length, consent);
        Instant now = clock.instant();
        PendingUpload upload = QuarkusTransaction.requiringNew().call(() -> {
            PendingUpload row = new PendingUpload();
            row.ownerId = ownerId;
            row.fileName = fileName == null || fileName.isBlank() ? "video" : truncate(fileName, 255);
            row.length = length;
            row.received = 0;
            row.createdAt = now;
            row.expiresAt = now.plus(config.resumableExpiry());
            repository.persist(row);
            return row;
        });
        files.create(upload.id);
        return upload;
    }

    /** The caller's upload, or a 404 problem (another account's, finished, expired or never made). */
    public PendingUpload get(UUID ownerId, UUID id) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> repository.findOwned(ownerId, id)
                .filter(u -> u.expiresAt.isAfter(now))
                .orElseThrow(() -> ProblemException.notFound("This upload")));
    }

    /**
     * Where the caller's upload stands, for a client about to resume. Its bytes wait on the web node that received
     * them: asked on a node without them, the upload is given up (410), so the client starts the file over here
     * instead of sending the rest to a node that cannot finish it.
     */
    public PendingUpload standing(UUID ownerId, UUID id) {
        PendingUpload upload = get(ownerId, id);
        try {
            if (!Files.exists(files.of(id)) || Files.size(files.of(id)) < upload.received) {
                remove(id);
                throw gone();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return upload;
    }

    private static ProblemException gone() {
        return new ProblemException(Problem.of(410, "The bytes of this upload are not on this server any more; start "
                + "the upload again."));
    }

    /**
     * Appends the body at {@code offset}, which must be where the upload stands. A body cut off midway keeps what
     * arrived. The last byte completes the upload: the video, or the refusal of the file, whichever it is.
     */
    public Progress append(UUID ownerId, UUID id, long offset, InputStream body) {
        get(ownerId, id);
        if (!receiving.add(id)) {
            throw new ProblemException(Problem.of(423,
                    "This upload is receiving bytes on another connection; try again in a moment."));
        }
        try {
            PendingUpload upload = get(ownerId, id);
            if (offset != upload.received) {
                throw new ProblemException(Problem.of(409, "This upload stands at byte " + upload.received
                        + ", not " + offset + "; ask where it stands (HEAD) and go on from there."));
            }
            long received = upload.received + receive(upload, body);
            Instant now = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> repository.update(
                    "received = ?1, expiresAt = ?2 where id = ?3", received, now.plus(config.resumableExpiry()), id));
            if (received < upload.length) {
                return new Progress(received, upload.length, null);
            }
            return new Progress(received, upload.length, complete(upload));
        } finally {
            receiving.remove(id);
        }
    }

    /** Ends an upload on the client's request: its row and its bytes go. */
    public void terminate(UUID ownerId, UUID id) {
        get(ownerId, id);
        remove(id);
    }

    /** Uploads that received nothing within the expiry, and files left without a row by a crash. */
    @Scheduled(every = "10m", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES, identity = "uploads-sweep")
    public void sweep() {
        Instant now = clock.instant();
        for (PendingUpload expired : QuarkusTransaction.requiringNew().call(() -> repository.expiredBy(now))) {
            if (!receiving.contains(expired.id)) {
                LOG.debugf("Removing abandoned upload %s (%d of %d bytes)", expired.id, expired.received,
                        expired.length);
                remove(expired.id);
            }
        }
        try {
            for (UUID id : files.ids().toList()) {
                boolean known = QuarkusTransaction.requiringNew().call(() -> repository.findById(id) != null);
                if (!known && !receiving.contains(id)
                        && Files.getLastModifiedTime(files.of(id)).toInstant().plus(config.resumableExpiry()).isBefore(now)) {
                    files.delete(id);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not sweep the partial uploads: %s", e.getMessage());
        }
    }

    /** Copies the body to the end of the upload's file; returns how many bytes arrived before it ended or broke. */
    private long receive(PendingUpload upload, InputStream body) {
        long room = upload.length - upload.received;
        long written = 0;
        if (!Files.exists(files.of(upload.id))) {
            remove(upload.id);
            throw gone();
        }
        try (FileChannel file = FileChannel.open(files.of(upload.id), StandardOpenOption.WRITE)) {
            if (file.size() < upload.received) {
                // The bytes are not on this node (another web node received them, or the disk lost them).
                remove(upload.id);
                throw gone();
            }
            // Bytes written after the last recorded offset (a crash in between) are not counted: drop them.
            file.truncate(upload.received);
            file.position(upload.received);
            byte[] buffer = new byte[BUFFER];
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException dropped) {
                    LOG.debugf("Upload %s: connection lost after %d bytes", upload.id, written);
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (n > room - written) {
                    throw ProblemException.invalid("file", "More bytes were sent than the upload's declared length ("
                            + upload.length + ").");
                }
                file.write(ByteBuffer.wrap(buffer, 0, n));
                written += n;
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole file is here: it becomes a video or is refused, and the upload is gone either way. */
    private Video complete(PendingUpload upload) {
        try {
            return videos.upload(upload.ownerId, files.of(upload.id), upload.fileName, true);
        } finally {
            remove(upload.id);
        }
    }

    private void remove(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> repository.deleteById(id));
        files.delete(id);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

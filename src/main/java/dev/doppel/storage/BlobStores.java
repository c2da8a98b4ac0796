package dev.doppel.storage;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import software.amazon.awssdk.services.s3.S3Client;

import dev.doppel.runtime.DoppelConfig;

/**
 * The one {@link BlobStore} of the process, as {@code doppel.storage} says: the local disk (the embedded default)
 * or an S3-compatible bucket. The S3 client is only made when it is used, so a local installation needs no S3
 * settings at all; an unknown kind or a missing bucket stops the app at start with what to set.
 */
@ApplicationScoped
public class BlobStores {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BlobStores.class);

    @Inject
    StorageConfig storage;

    @Inject
    DoppelConfig config;

    @Inject
    Instance<S3Client> s3;

    /** A storage setting that cannot work stops the app at start, saying what to set. */
    void checkSettings(@Observes StartupEvent start) {
        if (!"local".equals(storage.kind()) && !"s3".equals(storage.kind())) {
            throw new IllegalStateException("doppel.storage=\"" + storage.kind() + "\" is not a storage; choose local or s3");
        }
        if ("s3".equals(storage.kind()) && storage.s3().bucket().isEmpty()) {
            throw new IllegalStateException(NO_BUCKET);
        }
    }

    static final String NO_BUCKET = "doppel.storage=s3 needs doppel.storage.s3.bucket (and quarkus.s3.endpoint-override, "
            + "quarkus.s3.aws.region and credentials)";

    /** The local copies of S3 blobs; null on the local disk, which needs none. */
    private volatile BlobCache cache;

    /** The bucket itself, for its housekeeping; null on the local disk. */
    private volatile S3BlobStore bucket;

    /**
     * Uploads left unfinished by a killed process are aborted a day after they began (no upload of ours runs that
     * long), so their parts do not stay in the bucket, unseen and paid for.
     */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void abortAbandonedUploads() {
        S3BlobStore b = bucket;
        if (b == null) {
            return;
        }
        try {
            int aborted = b.abortUploadsBegunBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
            if (aborted > 0) {
                LOG.infof("Aborted %d abandoned multipart upload(s)", aborted);
            }
        } catch (IOException e) {
            LOG.warnf("Abandoned uploads not cleaned: %s", e.getMessage());
        }
    }

    /** Idle copies leave even on a worker that has nothing else to do. */
    @Scheduled(every = "5m", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepCache() {
        BlobCache c = cache;
        if (c != null) {
            c.sweep();
        }
    }

    @Produces
    @ApplicationScoped
    BlobStore blobStore() {
        return switch (storage.kind()) {
            case "local" -> new LocalDiskBlobStore(config);
            case "s3" -> {
                S3BlobStore remote = new S3BlobStore(s3.get(), storage.s3().bucket().orElseThrow(
                        () -> new IllegalStateException(NO_BUCKET)), config.dataDir().resolve("tmp"),
                        storage.s3().partSize());
                try {
                    cache = new BlobCache(config.dataDir().resolve("cache"), storage.cache().maxSize().asLongValue(),
                            storage.cache().maxIdle());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot use the blob cache in " + config.dataDir().resolve("cache"), e);
                }
                bucket = remote;
                yield new CachingBlobStore(remote, cache);
            }
            default -> throw new IllegalStateException("doppel.storage=\"" + storage.kind()
                    + "\" is not a storage; choose local or s3");
        };
    }
}

package dev.doppel.storage;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Where blobs live: {@code doppel.storage=local} (the data directory's disk, the embedded default) or {@code s3}
 * (an S3-compatible bucket, which every web node and worker reaches). The S3 client itself — endpoint, region,
 * credentials, path-style access — is configured under {@code quarkus.s3.*}.
 */
@ConfigMapping(prefix = "doppel.storage")
public interface StorageConfig {

    /** local or s3. */
    @WithParentName
    @WithDefault("local")
    String kind();

    S3 s3();

    /** The local copies of blobs that a process using the S3 store reads (see {@link BlobCache}). */
    Cache cache();

    interface Cache {
        /** Disk space for the copies, under {@code <data-dir>/cache}; blobs in use may exceed it for a while. */
        @WithDefault("10G")
        MemorySize maxSize();

        /** A copy unused for this long is removed, so a deleted account's files do not linger on workers. */
        @WithDefault("PT1H")
        Duration maxIdle();
    }

    interface S3 {
        /** The bucket; it must exist (MinIO's compose service creates it at start). */
        Optional<String> bucket();

        /**
         * Blobs larger than this go up in parts of this size (S3 needs at least 5 MiB a part); a blob is visible only
         * once all its parts are, so readers never see half of one.
         */
        @WithDefault("16777216")
        long partSize();
    }
}

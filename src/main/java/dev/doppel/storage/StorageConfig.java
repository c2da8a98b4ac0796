package dev.doppel.storage;

import java.util.Optional;

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

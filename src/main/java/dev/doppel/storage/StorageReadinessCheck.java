package dev.doppel.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whether this process reaches its blobs. On S3 that is a network hop that can fail on its own — a worker on another
 * machine with the wrong endpoint or key would otherwise look healthy and fail every job — so readiness asks the
 * bucket, at most every few seconds.
 */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements HealthCheck {

    private static final long RECHECK_NANOS = 5_000_000_000L;

    @Inject
    StorageConfig storage;

    @Inject
    Instance<S3Client> s3;

    private volatile long checkedAt;
    private volatile String problem;

    @Override
    public HealthCheckResponse call() {
        if (!"s3".equals(storage.kind())) {
            return HealthCheckResponse.named("storage").withData("kind", storage.kind()).up().build();
        }
        String bucket = storage.s3().bucket().orElse("");
        long now = System.nanoTime();
        if (checkedAt == 0 || now - checkedAt > RECHECK_NANOS) {
            problem = reach(bucket);
            checkedAt = now;
        }
        var builder = HealthCheckResponse.named("storage").withData("kind", "s3").withData("bucket", bucket);
        if (problem != null) {
            builder.withData("error", problem);
        }
        return builder.status(problem == null).build();
    }

    private String reach(String bucket) {
        try {
            s3.get().headBucket(b -> b.bucket(bucket));
            return null;
        } catch (SdkException e) {
            return "cannot reach bucket " + bucket + ": " + e.getMessage();
        }
    }
}

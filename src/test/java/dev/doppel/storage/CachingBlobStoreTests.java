package dev.doppel.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.S3Server;

/**
 * What a worker on S3 uses: the blob store contract through the cache, against a real S3 server (s3proxy), and
 * the cache's own promises there — a second read costs no request, a delete removes the copy too.
 */
@Tag("no-database")
class CachingBlobStoreTests extends BlobStoreContract {

    private static S3Server server;
    private static String bucket;

    @TempDir
    Path data;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.get();
        bucket = server.newBucket();
    }

    @Override
    protected CachingBlobStore store() throws Exception {
        return new CachingBlobStore(new S3BlobStore(server.client(), bucket, data.resolve("tmp"), S3BlobStore.MIN_PART),
                new BlobCache(data.resolve("cache"), 1_000_000, Duration.ofHours(1)));
    }

    @Override
    protected Path scratch() {
        return data;
    }

    @Test
    void readsComeFromTheLocalCopyOnceFetched() throws Exception {
        CachingBlobStore store = store();
        byte[] bytes = random(300_000, 21);
        String key = store.put(bytes);
        // Ranges of a blob that is not here are asked of S3 as ranges: nothing is cached by them.
        try (InputStream in = store.open(key, 1_000, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 1_000, 1_010));
        }
        assertThat(store.cache().contains(key)).isFalse();
        try (BlobStore.LocalFile file = store.local(key)) {
            assertThat(file.path()).startsWith(data.resolve("cache"));
            assertThat(Files.readAllBytes(file.path())).isEqualTo(bytes);
        }
        // The object is gone from S3 behind the cache's back: whole reads and ranges still come from the copy,
        // which proves they do not ask S3.
        server.client().deleteObject(b -> b.bucket(bucket).key(key));
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = store.open(key, 299_990, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 299_990, 300_000));
        }
    }

    @Test
    void deletingABlobRemovesItsLocalCopy() throws Exception {
        CachingBlobStore store = store();
        String key = store.put(random(50_000, 22));
        try (InputStream in = store.open(key)) {
            in.readAllBytes();
        }
        assertThat(data.resolve("cache").resolve(key)).isRegularFile();
        store.delete(key);
        assertThat(data.resolve("cache").resolve(key)).doesNotExist();
        assertThat(store.exists(key)).isFalse();
        assertThat(server.keys(bucket)).doesNotContain(key);
    }
}

package dev.doppel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.S3Server;

/** The blob store contract and S3's own cases against a real S3 server (s3proxy, signatures checked). */
@Tag("no-database")
class S3BlobStoreTests extends BlobStoreContract {

    static final long PART = S3BlobStore.MIN_PART;

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
    protected S3BlobStore store() {
        return new S3BlobStore(server.client(), bucket, data.resolve("tmp"), PART);
    }

    @Override
    protected Path scratch() {
        return data;
    }

    @Test
    void aBlobOverThePartSizeGoesUpInPartsAndReadsBackWhole() throws Exception {
        S3BlobStore store = store();
        byte[] bytes = random((int) (2 * PART + 12_345), 11);
        String key = store.put(bytes);
        assertThat(store.size(key)).isEqualTo(bytes.length);
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        // A range across the first part boundary.
        try (InputStream in = store.open(key, PART - 100, 200)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, (int) PART - 100, (int) PART + 100));
        }
        assertThat(server.pendingUploads(bucket)).isZero();
    }

    @Test
    void aStreamThatBreaksMidUploadLeavesNothingBehind() throws Exception {
        S3BlobStore store = store();
        int before = server.keys(bucket).size();
        InputStream failing = new InputStream() {
            private long n;

            @Override
            public int read() throws IOException {
                if (n++ > PART + 1000) {
                    throw new IOException("client went away");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> store.put(failing)).isInstanceOf(IOException.class).hasMessageContaining("went away");
        assertThat(server.keys(bucket)).hasSize(before);
        assertThat(server.pendingUploads(bucket)).as("the multipart upload was aborted").isZero();
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        String key = store().put("secret".getBytes());
        S3BlobStore intruder = new S3BlobStore(server.client("not-the-secret"), bucket, data.resolve("tmp"), PART);
        assertThatThrownBy(() -> intruder.open(key).readAllBytes()).isInstanceOf(IOException.class)
                .isNotInstanceOf(BlobNotFoundException.class).hasMessageContaining("403");
        assertThatThrownBy(() -> intruder.put("x".getBytes())).isInstanceOf(IOException.class);
        assertThat(server.keys(bucket)).contains(key);
    }

    @Test
    void aLocalCopyIsRemovedWhenClosed() throws Exception {
        S3BlobStore store = store();
        String key = store.put(random(10_000, 5));
        Path copy;
        try (var local = store.local(key)) {
            copy = local.path();
            assertThat(copy).exists().hasSize(10_000);
        }
        assertThat(copy).doesNotExist();
        assertThat(Files.list(data.resolve("tmp")).count()).isZero();
    }

    /** A worker killed mid-upload leaves an unfinished multipart upload; the housekeeping aborts it once stale. */
    @Test
    void unfinishedUploadsOfAKilledProcessAreAbortedOnceStale() throws Exception {
        String mine = server.newBucket();
        S3BlobStore store = new S3BlobStore(server.client(), mine, data.resolve("tmp"), PART);
        try (var s3 = server.client()) {
            String upload = s3.createMultipartUpload(b -> b.bucket(mine).key("00000000-0000-4000-8000-000000000001"))
                    .uploadId();
            s3.uploadPart(b -> b.bucket(mine).key("00000000-0000-4000-8000-000000000001").uploadId(upload)
                    .partNumber(1), software.amazon.awssdk.core.sync.RequestBody.fromBytes(random((int) PART, 5)));
        }
        assertThat(server.pendingUploads(mine)).isEqualTo(1);
        // Begun after the cutoff: still someone's upload in progress, left alone.
        assertThat(store.abortUploadsBegunBefore(java.time.Instant.now().minusSeconds(3600))).isZero();
        assertThat(server.pendingUploads(mine)).isEqualTo(1);
        assertThat(store.abortUploadsBegunBefore(java.time.Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(server.pendingUploads(mine)).isZero();
        assertThat(server.keys(mine)).isEmpty();
    }
}

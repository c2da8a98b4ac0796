package dev.doppel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

import dev.doppel.support.S3Server;

/**
 * {@link S3BlobStore#adopt}: a file over the part size goes up in parts read from the file, several at a time; the
 * blob reads back whole, and a part that fails leaves no object, no pending upload, and the file where it was.
 */
@Tag("no-database")
class S3BlobStoreAdoptTests {

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

    @Test
    void aFileOverThePartSizeGoesUpInPartsFromTheFileAndReadsBackWhole() throws Exception {
        byte[] bytes = BlobStoreContract.random((int) (3 * PART + 4321), 17);
        Path file = Files.write(data.resolve("upload.bin"), bytes);
        for (int concurrency : new int[] {1, 2, 4}) {
            Path copy = Files.copy(file, data.resolve("upload-" + concurrency + ".bin"));
            S3BlobStore store = new S3BlobStore(server.client(), bucket, data.resolve("tmp"), PART, concurrency);
            String key = store.adopt(copy);
            assertThat(copy).doesNotExist();
            assertThat(store.size(key)).isEqualTo(bytes.length);
            try (InputStream in = store.open(key)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            // Across the boundary between the second and third part.
            try (InputStream in = store.open(key, 2 * PART - 10, 20)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, (int) (2 * PART - 10),
                        (int) (2 * PART + 10)));
            }
        }
        assertThat(server.pendingUploads(bucket)).isZero();
    }

    @Test
    void aFileOfExactlyOnePartAndAnEmptyFile() throws Exception {
        S3BlobStore store = new S3BlobStore(server.client(), bucket, data.resolve("tmp"), PART);
        byte[] bytes = BlobStoreContract.random((int) PART, 5);
        String key = store.adopt(Files.write(data.resolve("one.bin"), bytes));
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        String empty = store.adopt(Files.write(data.resolve("empty.bin"), new byte[0]));
        assertThat(store.size(empty)).isZero();
        assertThat(server.pendingUploads(bucket)).isZero();
    }

    @Test
    void aPartThatFailsAbortsTheUploadAndKeepsTheFile() throws Exception {
        String failing = server.newBucket();
        byte[] bytes = BlobStoreContract.random((int) (4 * PART + 1), 23);
        Path file = Files.write(data.resolve("upload.bin"), bytes);
        S3Client real = server.client();
        AtomicInteger parts = new AtomicInteger();
        S3Client breaking = (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(),
                new Class<?>[] {S3Client.class}, (proxy, method, args) -> {
                    if (method.getName().equals("uploadPart") && parts.incrementAndGet() == 3) {
                        throw SdkClientException.create("connection reset");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        S3BlobStore store = new S3BlobStore(breaking, failing, data.resolve("tmp"), PART, 2);
        assertThatThrownBy(() -> store.adopt(file)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("connection reset");
        assertThat(file).exists().hasSize(bytes.length);
        assertThat(server.keys(failing)).isEmpty();
        assertThat(server.pendingUploads(failing)).as("the multipart upload was aborted").isZero();
    }
}

package dev.doppel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("no-database")
class LocalDiskBlobStoreTests {

    @TempDir
    Path data;

    private LocalDiskBlobStore store() {
        return new LocalDiskBlobStore(data.resolve("blobs"), data.resolve("tmp"));
    }

    @Test
    void putThenReadWholeAndRanges() throws Exception {
        byte[] bytes = new byte[100_000];
        new Random(3).nextBytes(bytes);
        LocalDiskBlobStore store = store();
        String key = store.put(bytes);
        assertThat(key).matches("[0-9a-f-]{36}");
        assertThat(store.size(key)).isEqualTo(bytes.length);
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = store.open(key, 500, 1000)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 500, 1500));
        }
        assertThat(files(data.resolve("tmp"))).isZero();
    }

    @Test
    void adoptMovesTheFileAndDeleteRemovesIt() throws Exception {
        LocalDiskBlobStore store = store();
        Files.createDirectories(data.resolve("tmp"));
        Path upload = Files.writeString(data.resolve("tmp/upload.bin"), "finished upload");
        String key = store.adopt(upload);
        assertThat(upload).doesNotExist();
        assertThat(store.exists(key)).isTrue();
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        store.delete(key); // a second delete is fine
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.size(key)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void aFailedWriteLeavesNoBlobAndNoTempFile() {
        LocalDiskBlobStore store = store();
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 10_000) {
                    throw new IOException("client went away");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> store.put(failing)).isInstanceOf(IOException.class);
        assertThat(files(data.resolve("tmp"))).isZero();
        assertThat(files(data.resolve("blobs"))).isZero();
    }

    @Test
    void keysNeverBecomePaths() {
        LocalDiskBlobStore store = store();
        for (String bad : new String[] { "../../etc/passwd", "ab/../../x", "", "00000000-0000-0000-0000-00000000000/" }) {
            assertThatThrownBy(() -> store.open(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.exists(java.util.UUID.randomUUID().toString())).isFalse();
    }

    @Test
    void putFromAStream() throws Exception {
        LocalDiskBlobStore store = store();
        String key = store.put(new ByteArrayInputStream("hello".getBytes()));
        try (InputStream in = store.open(key)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("hello");
        }
    }

    private static long files(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package dev.doppel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("no-database")
class LocalDiskBlobStoreTests extends BlobStoreContract {

    @TempDir
    Path data;

    @Override
    protected LocalDiskBlobStore store() {
        return new LocalDiskBlobStore(data.resolve("blobs"), data.resolve("tmp"));
    }

    @Override
    protected Path scratch() {
        return data;
    }

    @Test
    void writesLeaveNoTempFiles() throws Exception {
        store().put(new byte[100_000]);
        assertThat(files(data.resolve("tmp"))).isZero();
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

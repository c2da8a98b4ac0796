package dev.doppel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link BlobStore} must do, run against each implementation by its subclass. */
abstract class BlobStoreContract {

    protected abstract BlobStore store() throws Exception;

    /** A directory for files to adopt. */
    protected abstract Path scratch();

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void putThenReadWholeAndRanges() throws Exception {
        BlobStore store = store();
        byte[] bytes = random(100_000, 3);
        String key = store.put(bytes);
        assertThat(key).matches("[0-9a-f-]{36}");
        assertThat(store.size(key)).isEqualTo(bytes.length);
        assertThat(store.exists(key)).isTrue();
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = store.open(key, 500, 1000)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 500, 1500));
        }
        try (InputStream in = store.open(key, bytes.length - 10, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
        }
        try (BlobStore.LocalFile local = store.local(key)) {
            assertThat(Files.readAllBytes(local.path())).isEqualTo(bytes);
        }
    }

    @Test
    void putFromAStreamOfUnknownLength() throws Exception {
        BlobStore store = store();
        String key = store.put(new ByteArrayInputStream("hello".getBytes()));
        try (InputStream in = store.open(key)) {
            assertThat(new String(in.readAllBytes())).isEqualTo("hello");
        }
        String empty = store.put(new byte[0]);
        assertThat(store.size(empty)).isZero();
    }

    @Test
    void adoptTakesTheFileAndDeleteRemovesTheBlob() throws Exception {
        BlobStore store = store();
        Path upload = Files.write(Files.createDirectories(scratch().resolve("uploads")).resolve("upload.bin"),
                "finished upload".getBytes());
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
    void aMissingKeyIsNotFoundEverywhere() throws Exception {
        BlobStore store = store();
        String missing = UUID.randomUUID().toString();
        assertThat(store.exists(missing)).isFalse();
        assertThatThrownBy(() -> store.open(missing)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.open(missing, 0, 10)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.size(missing)).isInstanceOf(BlobNotFoundException.class);
        assertThatThrownBy(() -> store.local(missing)).isInstanceOf(BlobNotFoundException.class);
        store.delete(missing);
    }
}

package dev.doppel.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where every byte a user owns lives: originals, thumbnails, faces, checkpoints, results. Keys are random
 * UUIDs and carry no meaning; rows hold the keys. A blob is either complete or absent — readers never see half
 * of one.
 */
public interface BlobStore {

    /** Stores the stream's bytes under a new key. */
    String put(InputStream content) throws IOException;

    /** Stores bytes under a new key. */
    default String put(byte[] content) throws IOException {
        return put(new java.io.ByteArrayInputStream(content));
    }

    /**
     * Takes over a finished local file (a completed upload): the file is moved, not copied, when the store is on
     * the same disk, and is gone from {@code file} afterwards.
     */
    String adopt(Path file) throws IOException;

    /** The whole blob. */
    InputStream open(String key) throws IOException;

    /** {@code length} bytes from {@code offset}: what an HTTP Range request needs. */
    InputStream open(String key, long offset, long length) throws IOException;

    /** The size in bytes; {@link BlobNotFoundException} if there is no such blob. */
    long size(String key) throws IOException;

    boolean exists(String key);

    /** Deletes the blob; deleting a missing blob is not an error. */
    void delete(String key) throws IOException;

    /**
     * The blob as a local file for libraries that need a path (FFmpeg). Close it when done: a store that keeps
     * blobs elsewhere removes its temporary copy then.
     */
    LocalFile local(String key) throws IOException;

    interface LocalFile extends AutoCloseable {
        Path path();

        @Override
        void close() throws IOException;
    }

    /** Deletes and swallows failures, for clean-up paths that must not hide the original error. */
    default void deleteQuietly(String key) {
        if (key == null) {
            return;
        }
        try {
            delete(key);
        } catch (IOException | RuntimeException ignored) {
            // A leftover blob is unreachable without its row; the original error matters more.
        }
    }
}

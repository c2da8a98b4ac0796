package dev.doppel.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A remote store (S3) with a local {@link BlobCache} in front of its reads: a whole-blob read or a local file for
 * FFmpeg comes from this machine's disk, fetched once. Writes go straight to the remote store — a worker's outputs
 * (faces, checkpoints, previews, results) are for other processes, and a checkpoint must be whole in the bucket
 * before its row points at it. Ranged reads of a blob that is not here go to the remote store as ranges: the web
 * node answers a video player's Range requests without fetching the whole file first.
 */
public final class CachingBlobStore implements BlobStore {

    private final BlobStore remote;
    private final BlobCache cache;

    public CachingBlobStore(BlobStore remote, BlobCache cache) {
        this.remote = remote;
        this.cache = cache;
    }

    public BlobCache cache() {
        return cache;
    }

    @Override
    public String put(InputStream content) throws IOException {
        return remote.put(content);
    }

    @Override
    public String adopt(Path file) throws IOException {
        return remote.adopt(file);
    }

    @Override
    public InputStream open(String key) throws IOException {
        BlobCache.Handle handle = fetch(key);
        try {
            return new Releasing(FileChannel.open(handle.path(), StandardOpenOption.READ), handle);
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        if (!cache.contains(key)) {
            return remote.open(key, offset, length);
        }
        BlobCache.Handle handle = fetch(key);
        try {
            FileChannel channel = FileChannel.open(handle.path(), StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(new Releasing(channel, handle), length);
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        return remote.size(key);
    }

    @Override
    public boolean exists(String key) {
        return remote.exists(key);
    }

    @Override
    public void delete(String key) throws IOException {
        cache.evict(key);
        remote.delete(key);
    }

    @Override
    public LocalFile local(String key) throws IOException {
        return fetch(key);
    }

    private BlobCache.Handle fetch(String key) throws IOException {
        return cache.acquire(key, (k, target) -> BlobCache.copy(remote.open(k), target));
    }

    /** The cached file's stream; closing it lets the cache evict the file again. */
    private static final class Releasing extends FilterInputStream {
        private final BlobCache.Handle handle;

        Releasing(FileChannel channel, BlobCache.Handle handle) {
            super(Channels.newInputStream(channel));
            this.handle = handle;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                handle.close();
            }
        }
    }
}

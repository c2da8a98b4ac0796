package dev.doppel.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Blobs fetched from a remote store, kept as files on this machine's disk so that a worker reads a video, a face
 * set or a model once and not once per job. Blobs never change after they are written (every put makes a new key),
 * so a cached copy is never stale; it only has to go when the cache is full or idle, or when the blob is deleted.
 * <ul>
 * <li>Size-limited, least recently used first: adding a blob evicts the blobs used longest ago until the total
 * fits.</li>
 * <li>Safe under concurrent jobs: a blob in use (a {@link Handle} not yet closed) is never evicted, even when the
 * cache is over its limit because of it; two jobs asking for the same missing blob wait for one download.</li>
 * <li>Complete or absent: a download goes to a temporary name and is renamed into place when whole; a restart
 * removes leftover partial downloads and keeps the complete files.</li>
 * <li>Idle copies leave: a blob not used for {@code maxIdle} is removed at the next {@link #sweep()}, so a deleted
 * account's files do not linger on workers that once processed them.</li>
 * </ul>
 */
public final class BlobCache {

    /** Downloads one blob into a file. */
    @FunctionalInterface
    public interface Fetcher {
        void fetch(String key, Path target) throws IOException;
    }

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String PARTIAL = ".part";

    private final Path dir;
    private final long maxBytes;
    private final Duration maxIdle;
    private final Clock clock;

    /** Access order: the first entry is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, CompletableFuture<Void>> downloads = new HashMap<>();
    private long bytes;

    private static final class Entry {
        final Path file;
        final long size;
        long lastUse;
        int pins;
        boolean doomed;

        Entry(Path file, long size, long lastUse) {
            this.file = file;
            this.size = size;
            this.lastUse = lastUse;
        }
    }

    public BlobCache(Path dir, long maxBytes, Duration maxIdle) throws IOException {
        this(dir, maxBytes, maxIdle, Clock.systemUTC());
    }

    BlobCache(Path dir, long maxBytes, Duration maxIdle, Clock clock) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.maxIdle = maxIdle;
        this.clock = clock;
        Files.createDirectories(this.dir);
        reindex();
    }

    /** A cached blob in use: its file stays until the handle is closed. */
    public final class Handle implements BlobStore.LocalFile {
        private final String key;
        private final Entry entry;
        private boolean closed;

        private Handle(String key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        @Override
        public Path path() {
            return entry.file;
        }

        public long size() {
            return entry.size;
        }

        @Override
        public void close() throws IOException {
            synchronized (BlobCache.this) {
                if (closed) {
                    return;
                }
                closed = true;
                entry.pins--;
                entry.lastUse = clock.millis();
                if (entry.doomed && entry.pins == 0) {
                    remove(key, entry);
                }
                trim();
            }
            try {
                // The restart's LRU order comes from the files' times, so a use counts as a touch.
                Files.setLastModifiedTime(entry.file, java.nio.file.attribute.FileTime.fromMillis(clock.millis()));
            } catch (IOException evictedMeanwhile) {
                // Nothing to keep in order.
            }
        }
    }

    /** The blob as a local file, downloaded with {@code fetcher} unless it is here already. */
    public Handle acquire(String key, Fetcher fetcher) throws IOException {
        check(key);
        while (true) {
            CompletableFuture<Void> pending;
            boolean mine = false;
            synchronized (this) {
                Entry entry = entries.get(key);
                if (entry != null && !entry.doomed) {
                    entry.pins++;
                    entry.lastUse = clock.millis();
                    return new Handle(key, entry);
                }
                pending = downloads.get(key);
                if (pending == null) {
                    pending = new CompletableFuture<>();
                    downloads.put(key, pending);
                    mine = true;
                }
            }
            if (mine) {
                return download(key, fetcher, pending);
            }
            try {
                pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while another job fetched blob " + key);
            } catch (ExecutionException e) {
                // The other job's download failed; this one tries for itself (the loop starts a fresh download).
            }
        }
    }

    private Handle download(String key, Fetcher fetcher, CompletableFuture<Void> pending) throws IOException {
        Path partial = dir.resolve(key + "-" + UUID.randomUUID() + PARTIAL);
        try {
            fetcher.fetch(key, partial);
            Path target = dir.resolve(key);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException impossible) {
                // Same directory: a rename is always atomic here.
                throw new IOException(impossible);
            }
            long size = Files.size(target);
            Handle handle;
            synchronized (this) {
                Entry entry = new Entry(target, size, clock.millis());
                entry.pins = 1;
                entries.put(key, entry);
                bytes += size;
                downloads.remove(key);
                handle = new Handle(key, entry);
                trim();
            }
            pending.complete(null);
            return handle;
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(partial);
            synchronized (this) {
                downloads.remove(key);
            }
            pending.completeExceptionally(e);
            throw e;
        }
    }

    /** Whether the blob is here (a hint: it may be evicted right after). */
    public synchronized boolean contains(String key) {
        Entry entry = entries.get(key);
        return entry != null && !entry.doomed;
    }

    /** The blob was deleted: its copy goes now, or when the last job using it is done. */
    public synchronized void evict(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return;
        }
        if (entry.pins == 0) {
            remove(key, entry);
        } else {
            entry.doomed = true;
        }
    }

    /** Removes copies idle for longer than the idle limit, then trims to the size limit. */
    public synchronized void sweep() {
        long oldest = clock.millis() - maxIdle.toMillis();
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getValue().pins == 0 && e.getValue().lastUse < oldest) {
                it.remove();
                drop(e.getValue());
            }
        }
        trim();
    }

    /** Bytes held now. */
    public synchronized long bytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Least recently used first, skipping blobs in use. */
    private void trim() {
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext();) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getValue().pins == 0) {
                it.remove();
                drop(e.getValue());
            }
        }
    }

    private void remove(String key, Entry entry) {
        if (entries.get(key) == entry) {
            entries.remove(key);
        }
        drop(entry);
    }

    private void drop(Entry entry) {
        bytes -= entry.size;
        try {
            Files.deleteIfExists(entry.file);
        } catch (IOException ignored) {
            // Out of the index either way; a file the disk would not let go is counted again at the next restart.
        }
    }

    /** After a restart: complete copies are kept (oldest first in the LRU order), partial downloads removed. */
    private synchronized void reindex() throws IOException {
        record Found(String key, Path file, long size, long modified) {
        }
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (KEY.matcher(name).matches() && Files.isRegularFile(file)) {
                    found.add(new Found(name, file, Files.size(file), Files.getLastModifiedTime(file).toMillis()));
                } else {
                    Files.deleteIfExists(file);
                }
            }
        }
        found.sort(Comparator.comparingLong(Found::modified));
        for (Found f : found) {
            entries.put(f.key(), new Entry(f.file(), f.size(), f.modified()));
            bytes += f.size();
        }
        trim();
    }

    private static void check(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
    }

    /** Copies a stream into the target file: the usual fetcher body. */
    static void copy(InputStream in, Path target) throws IOException {
        try (in) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

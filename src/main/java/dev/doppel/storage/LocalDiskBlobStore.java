package dev.doppel.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.doppel.runtime.DoppelConfig;

/**
 * Blobs as files under {@code <data-dir>/blobs/<first two hex digits>/<uuid>}. Writes go to
 * {@code <data-dir>/tmp} first and are renamed into place only when complete, so a crash mid-write leaves a
 * stray temp file, never a truncated blob. The embedded default (doppel.storage=local; see BlobStores).
 */
public class LocalDiskBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;
    private final Path tmp;

    public LocalDiskBlobStore(DoppelConfig config) {
        this(config.dataDir().resolve("blobs"), config.dataDir().resolve("tmp"));
    }

    public LocalDiskBlobStore(Path root, Path tmp) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = tmp.toAbsolutePath().normalize();
    }

    @Override
    public String put(InputStream content) throws IOException {
        Files.createDirectories(tmp);
        Path part = Files.createTempFile(tmp, "blob-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                content.transferTo(out);
            }
            return adopt(part);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public String adopt(Path file) throws IOException {
        String key = UUID.randomUUID().toString();
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException otherDisk) {
            // Upload directory on another file system: copy to a temp name beside the target, then rename.
            Path part = Files.createTempFile(target.getParent(), key, ".part");
            try {
                Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                Files.delete(file);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key);
        }
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public LocalFile local(String key) throws IOException {
        Path path = pathOf(key);
        if (!Files.isRegularFile(path)) {
            throw new BlobNotFoundException(key);
        }
        return new LocalFile() {
            @Override
            public Path path() {
                return path;
            }

            @Override
            public void close() {
                // The blob itself: nothing to clean up.
            }
        };
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return Files.size(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            // Keys are ours; anything else reaching here is a bug, and must never become a path.
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}

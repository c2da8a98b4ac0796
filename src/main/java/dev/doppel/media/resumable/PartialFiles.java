package dev.doppel.media.resumable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.doppel.runtime.DoppelConfig;

/** Where the bytes of unfinished resumable uploads wait: {@code <data-dir>/uploads/<id>.part}. */
@ApplicationScoped
public class PartialFiles {

    private static final String SUFFIX = ".part";

    @Inject
    DoppelConfig config;

    public Path of(UUID id) {
        return directory().resolve(id + SUFFIX);
    }

    public Path create(UUID id) {
        try {
            Files.createDirectories(directory());
            return Files.createFile(of(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(UUID id) {
        try {
            Files.deleteIfExists(of(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids of the partial files on this node, including any whose row is gone (a crash between the two). */
    public Stream<UUID> ids() throws IOException {
        if (!Files.isDirectory(directory())) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .flatMap(n -> {
                        try {
                            return Stream.of(UUID.fromString(n));
                        } catch (IllegalArgumentException e) {
                            return Stream.empty();
                        }
                    })
                    .toList().stream();
        }
    }

    private Path directory() {
        return config.dataDir().resolve("uploads");
    }
}

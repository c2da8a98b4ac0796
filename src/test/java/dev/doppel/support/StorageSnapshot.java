package dev.doppel.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.doppel.media.Video;

/**
 * Everything an upload could leave behind: video rows, blob files, and files in the temp and upload
 * directories. A refused upload must leave all three exactly as they were.
 */
public record StorageSnapshot(long videoRows, List<String> blobs, List<String> temp) {

    public static final Path DATA = Path.of("target/test-data");

    public static StorageSnapshot take() throws IOException {
        long rows = QuarkusTransaction.requiringNew().call(() -> Video.count());
        return new StorageSnapshot(rows, files(DATA.resolve("blobs")), files(DATA.resolve("tmp")));
    }

    /**
     * Waits briefly for the snapshot to equal {@code expected}: Quarkus removes a request's upload file as the
     * response ends, which can be a moment after the client has the response.
     */
    public static StorageSnapshot awaitEqual(StorageSnapshot expected) throws Exception {
        StorageSnapshot now = take();
        for (int i = 0; i < 40 && !now.equals(expected); i++) {
            Thread.sleep(50);
            now = take();
        }
        return now;
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}

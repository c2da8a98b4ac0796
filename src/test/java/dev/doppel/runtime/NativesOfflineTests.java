package dev.doppel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the natives come from the jars and nothing is downloaded: a child JVM in its own network namespace
 * (no interface up, so every connection fails at once) with empty DJL and JavaCPP caches loads OpenCV, FFmpeg
 * and PyTorch and computes with them.
 */
@Tag("no-database")
class NativesOfflineTests {

    @TempDir
    Path caches;

    @Test
    void nativesLoadWithTheNetworkUnavailable() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("unshare", "--net", java,
                "-cp", System.getProperty("java.class.path"),
                "-DDJL_CACHE_DIR=" + caches.resolve("djl"),
                "-DENGINE_CACHE_DIR=" + caches.resolve("djl-engines"),
                "-Dorg.bytedeco.javacpp.cachedir=" + caches.resolve("javacpp"),
                OfflineNativesProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // Only what the app sets for itself: no PYTORCH_VERSION / PYTORCH_FLAVOR, nothing that points at a mirror.
        pb.environment().remove("PYTORCH_VERSION");
        pb.environment().remove("PYTORCH_FLAVOR");
        pb.environment().remove("OPT_OUT_TRACKING");
        Process process = pb.start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("probe finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("interfaces-up=0")
                .containsPattern("opencv=4\\.13\\.\\d+")
                .containsPattern("ffmpeg=8\\.0")
                .contains("pytorch=2.5.1")
                .contains("device=cpu")
                .contains("torch-sum=30.0")
                .contains("opencv-sum=40.0");
        // The PyTorch natives really were unpacked from the jar into the empty cache.
        assertThat(countFiles(caches.resolve("djl-engines"))).isPositive();
        deleteTree(caches);
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

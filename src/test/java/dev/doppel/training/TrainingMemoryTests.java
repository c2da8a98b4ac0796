package dev.doppel.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training's native memory under the allocator the app ships with (docker/allocator.sh): jemalloc kept every freed
 * page but could reuse none of them for DSSIM's backward, and a `dssim+mse` training grew by tens of MB per step
 * until the kernel killed it. The probe trains in its own process, started through allocator.sh exactly as
 * docker/start.sh starts the app.
 */
@Tag("no-database")
class TrainingMemoryTests {

    private static final Path ALLOCATOR = Path.of("docker/allocator.sh");
    /**
     * Steps of the `tiny` network with DSSIM+MSE: ~36 s on 2 cores (~4 s of it start-up). With jemalloc's default
     * fit the process grew ~1.6 MB a step past {@link #SETTLED}, so the 300 steps after it would add ~480 MB against
     * the bound of 100.
     */
    private static final int ITERATIONS = 700;
    /** Past this step the process has all it needs. */
    private static final int SETTLED = 400;
    private static final Pattern RSS = Pattern.compile("^rss (\\d+) (\\d+)$", Pattern.MULTILINE);

    @Test
    void theTestsRunOnTheAllocatorTheAppShipsWith() throws Exception {
        // Surefire's environment (pom.xml) is a copy of allocator.sh's: were they to drift, every training test
        // would measure an allocator no user has.
        String shipped = run(List.of("bash", "-c",
                "source " + ALLOCATOR + "; echo \"$LD_PRELOAD|${MALLOC_CONF:-}\""));
        assertThat(shipped.strip()).isEqualTo(System.getenv().getOrDefault("LD_PRELOAD", "") + "|"
                + System.getenv().getOrDefault("MALLOC_CONF", ""));
    }

    @Test
    void dssimTrainingKeepsItsMemoryBounded() throws Exception {
        String output = run(List.of("bash", "-c", "source " + ALLOCATOR + "; exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                TrainMemoryProbe.class.getName(), "tiny", "dssim+mse", String.valueOf(ITERATIONS), "100"));
        Map<Integer, Long> rss = new TreeMap<>();
        Matcher m = RSS.matcher(output);
        while (m.find()) {
            rss.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
        }
        assertThat(rss).as(output).containsKeys(SETTLED, ITERATIONS);
        // Measured on 2 cores: the JVM's heap and libtorch's caches fill up over the first ~400 steps (to ~600 MB),
        // then RSS stays within ~10 MB; with jemalloc's default fit it grew ~1.4 GB more by step 1,000, and on.
        assertThat(rss.get(ITERATIONS) - rss.get(SETTLED))
                .as("MB grown from step %d to step %d (RSS by step: %s)", SETTLED, ITERATIONS, rss)
                .isLessThan(100);
    }

    private static String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // What the shipped script decides, not what this JVM was started with.
        pb.environment().remove("MALLOC_CONF");
        pb.environment().remove("LD_PRELOAD");
        pb.environment().put("OPT_OUT_TRACKING", "true");
        Path log = Files.createTempFile("train-memory-", ".log");
        try {
            Process process = pb.redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as("finished: " + output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

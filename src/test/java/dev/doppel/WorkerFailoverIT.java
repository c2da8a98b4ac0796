package dev.doppel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.doppel.support.AppProcess;
import dev.doppel.support.Await;

/**
 * Workers as separate processes on one database: a web node that never runs jobs, a worker killed with
 * SIGKILL while it holds a job, and a worker stopped with SIGTERM that hands its job back.
 */
class WorkerFailoverIT {

    /** How often a condition on the app processes is asked. */
    private static final Duration POLL = Duration.ofMillis(200);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FAST_LEASES = { "-Ddoppel.jobs.diagnostics=true", "-Ddoppel.jobs.lease=PT4S",
            "-Ddoppel.jobs.heartbeat=PT0.5S", "-Ddoppel.jobs.poll-interval=PT0.2S" };

    @TempDir
    Path tmp;

    @Test
    void aKilledWorkersJobIsFinishedByAnotherAndAStoppedWorkerHandsItsJobBack() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (AppProcess web = AppProcess.start("web", data, FAST_LEASES)) {
            assertThat(web.awaitReady(Duration.ofSeconds(90))).contains("\"role\": \"web\"");
            String cookie = web.signUp("failover-" + UUID.randomUUID() + "@example.test", "correct horse battery");

            // The web role never runs jobs: with no worker anywhere the job just waits.
            String first = submit(web, cookie, 6);
            Thread.sleep(1500);
            assertThat(job(web, cookie, first).get("status").asText()).isEqualTo("QUEUED");

            AppProcess doomed = AppProcess.start("worker", data, FAST_LEASES);
            doomed.awaitReady(Duration.ofSeconds(90));
            Await.until(Duration.ofSeconds(30), POLL, () -> status(web, cookie, first).equals("RUNNING"));
            doomed.kill();

            try (AppProcess rescuer = AppProcess.start("worker", data, FAST_LEASES)) {
                rescuer.awaitReady(Duration.ofSeconds(90));
                Await.until(Duration.ofSeconds(60), POLL, () -> status(web, cookie, first).equals("SUCCEEDED"));
                JsonNode done = job(web, cookie, first);
                assertThat(done.get("attempts").asInt()).as("the killed try counts").isEqualTo(2);

                // SIGTERM: the running job goes straight back to the queue, not counted as a try.
                String second = submit(web, cookie, 30);
                Await.until(Duration.ofSeconds(30), POLL, () -> status(web, cookie, second).equals("RUNNING"));
                long stopping = System.nanoTime();
                rescuer.terminate(Duration.ofSeconds(30));
                JsonNode handedBack = job(web, cookie, second);
                assertThat(handedBack.get("status").asText()).isEqualTo("QUEUED");
                assertThat(handedBack.get("attempts").asInt()).isZero();
                assertThat(handedBack.get("message").asText()).contains("Handed back");
                assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(15));
                // One loop per lane (cpu and gpu, a slot each), both stopped.
                assertThat(rescuer.log()).contains("Stopped 2 worker(s)");
            }
        }
    }

    /**
     * A machine without an accelerator serves the cpu lane only: it makes thumbnails and finds faces, and leaves
     * training to a GPU worker, however long that one takes to come.
     */
    @Test
    void aCpuOnlyWorkerDoesTheCpuWorkAndNeverClaimsATraining() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data-lanes"));
        try (AppProcess web = AppProcess.start("web", data, FAST_LEASES);
                AppProcess cpuOnly = AppProcess.start("worker", data, withOptions("-Ddoppel.jobs.lanes=cpu"))) {
            web.awaitReady(Duration.ofSeconds(90));
            cpuOnly.awaitReady(Duration.ofSeconds(90));
            assertThat(cpuOnly.log()).contains("Started workers for lanes [CPU]");
            String cookie = web.signUp("lanes-" + UUID.randomUUID() + "@example.test", "correct horse battery");
            for (String clip : new String[] { "grid_man-denim-shirt_bbaf2n.mp4", "grid_woman-long-hair_brbk7n.mp4" }) {
                assertThat(web.upload(dev.doppel.support.TestMedia.clip(clip), cookie).statusCode()).isEqualTo(201);
            }
            Await.until(Duration.ofSeconds(90), POLL, () -> {
                JsonNode sets = JSON.readTree(web.get("/api/facesets", cookie).body());
                return sets.size() == 2 && sets.get(0).get("status").asText().equals("READY")
                        && sets.get(1).get("status").asText().equals("READY");
            });
            JsonNode sets = JSON.readTree(web.get("/api/facesets", cookie).body());
            var created = web.postJson("/api/models", "{\"faceSetA\":\"" + sets.get(1).get("id").asText()
                    + "\",\"faceSetB\":\"" + sets.get(0).get("id").asText() + "\",\"preset\":\"tiny\",\"maxIterations\":20}",
                    cookie);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String trainJob = JSON.readTree(created.body()).get("jobId").asText();
            String model = JSON.readTree(created.body()).get("id").asText();
            String cpuJob = submit(web, cookie, "{\"seconds\":0.2,\"lane\":\"cpu\"}");
            Await.until(Duration.ofSeconds(30), POLL, () -> status(web, cookie, cpuJob).equals("SUCCEEDED"));
            Thread.sleep(3_000);
            JsonNode waiting = job(web, cookie, trainJob);
            assertThat(waiting.get("status").asText()).isEqualTo("QUEUED");
            assertThat(waiting.get("lane").asText()).isEqualTo("gpu");
            assertThat(waiting.get("queuePosition").asInt()).isEqualTo(1);

            try (AppProcess gpu = AppProcess.start("worker", data, withOptions("-Ddoppel.jobs.lanes=gpu"))) {
                gpu.awaitReady(Duration.ofSeconds(90));
                Await.until(Duration.ofSeconds(90), POLL, () -> status(web, cookie, trainJob).equals("SUCCEEDED"));
                assertThat(gpu.log()).contains("Model " + model + ": training");
            }
            assertThat(cpuOnly.log()).doesNotContain("Model " + model);
        }
    }

    private static String[] withOptions(String... more) {
        String[] all = java.util.Arrays.copyOf(FAST_LEASES, FAST_LEASES.length + more.length);
        System.arraycopy(more, 0, all, FAST_LEASES.length, more.length);
        return all;
    }

    private static String submit(AppProcess web, String cookie, String settings) throws Exception {
        var r = web.postJson("/api/jobs/diagnostic", settings, cookie);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    private static String submit(AppProcess web, String cookie, double seconds) throws Exception {
        var r = web.postJson("/api/jobs/diagnostic", "{\"seconds\":" + seconds + "}", cookie);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    private static JsonNode job(AppProcess web, String cookie, String id) throws Exception {
        var r = web.get("/api/jobs/" + id, cookie);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String status(AppProcess web, String cookie, String id) {
        try {
            return job(web, cookie, id).get("status").asText();
        } catch (Exception e) {
            return "unreachable";
        }
    }
}

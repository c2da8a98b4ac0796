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

/**
 * Workers as separate processes on one database: a web node that never runs jobs, a worker killed with
 * SIGKILL while it holds a job, and a worker stopped with SIGTERM that hands its job back.
 */
class WorkerFailoverIT {

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
            await(Duration.ofSeconds(30), () -> status(web, cookie, first).equals("RUNNING"));
            doomed.kill();

            try (AppProcess rescuer = AppProcess.start("worker", data, FAST_LEASES)) {
                rescuer.awaitReady(Duration.ofSeconds(90));
                await(Duration.ofSeconds(60), () -> status(web, cookie, first).equals("SUCCEEDED"));
                JsonNode done = job(web, cookie, first);
                assertThat(done.get("attempts").asInt()).as("the killed try counts").isEqualTo(2);

                // SIGTERM: the running job goes straight back to the queue, not counted as a try.
                String second = submit(web, cookie, 30);
                await(Duration.ofSeconds(30), () -> status(web, cookie, second).equals("RUNNING"));
                long stopping = System.nanoTime();
                rescuer.terminate(Duration.ofSeconds(30));
                JsonNode handedBack = job(web, cookie, second);
                assertThat(handedBack.get("status").asText()).isEqualTo("QUEUED");
                assertThat(handedBack.get("attempts").asInt()).isZero();
                assertThat(handedBack.get("message").asText()).contains("Handed back");
                assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(15));
                assertThat(rescuer.log()).contains("Stopped 1 worker(s)");
            }
        }
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

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(check.ok()).as("condition within " + timeout).isTrue();
    }
}

package dev.doppel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.doppel.support.AppProcess;
import dev.doppel.support.TestMedia;

/**
 * Training survives its worker: a worker killed with SIGKILL mid-training is replaced by another, which resumes
 * from the last checkpoint; the loss history continues without a doubled or missing stretch. The trained model
 * then swaps a clip on the packaged worker, and the web node serves the result.
 */
class TrainingFailoverIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] OPTIONS = { "-Ddoppel.jobs.lease=PT4S", "-Ddoppel.jobs.heartbeat=PT0.5S",
            "-Ddoppel.jobs.poll-interval=PT0.2S", "-Ddoppel.training.checkpoint-every=50",
            "-Ddoppel.faces.extraction.every-nth-frame=3" };

    @TempDir
    Path tmp;

    @Test
    void aKilledTrainingWorkerIsReplacedAndTrainingResumesFromItsCheckpoint() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (AppProcess web = AppProcess.start("web", data, OPTIONS)) {
            web.awaitReady(Duration.ofSeconds(90));
            String cookie = web.signUp("trainer-" + UUID.randomUUID() + "@example.test", "correct horse battery");
            var uploaded = web.upload(TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4"), cookie);
            assertThat(uploaded.statusCode()).isEqualTo(201);
            String videoA = JSON.readTree(uploaded.body()).get("id").asText();
            assertThat(web.upload(TestMedia.clip("grid_woman-long-hair_brbk7n.mp4"), cookie).statusCode()).isEqualTo(201);

            AppProcess doomed = AppProcess.start("worker", data, OPTIONS);
            doomed.awaitReady(Duration.ofSeconds(90));
            await(Duration.ofSeconds(120), () -> {
                JsonNode sets = JSON.readTree(web.get("/api/facesets", cookie).body());
                return sets.size() == 2 && sets.get(0).get("status").asText().equals("READY")
                        && sets.get(1).get("status").asText().equals("READY");
            });
            JsonNode sets = JSON.readTree(web.get("/api/facesets", cookie).body());
            var created = web.postJson("/api/models", "{\"faceSetA\":\"" + sets.get(1).get("id").asText()
                    + "\",\"faceSetB\":\"" + sets.get(0).get("id").asText()
                    + "\",\"preset\":\"tiny\",\"maxIterations\":250}", cookie);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String model = JSON.readTree(created.body()).get("id").asText();

            await(Duration.ofSeconds(120), () -> model(web, cookie, model).path("checkpointIteration").asLong() >= 100);
            doomed.kill();
            long checkpoint = model(web, cookie, model).path("checkpointIteration").asLong();

            try (AppProcess rescuer = AppProcess.start("worker", data, OPTIONS)) {
                rescuer.awaitReady(Duration.ofSeconds(90));
                await(Duration.ofSeconds(180), () -> model(web, cookie, model).path("status").asText().equals("COMPLETED"));
                JsonNode done = model(web, cookie, model);
                assertThat(done.get("iterations").asLong()).isEqualTo(250);
                assertThat(rescuer.log()).contains("resumed at iteration");

                JsonNode losses = JSON.readTree(web.get("/api/models/" + model + "/loss", cookie).body());
                List<Long> iterations = new ArrayList<>();
                losses.forEach(p -> iterations.add(p.get("iteration").asLong()));
                // One point every ten iterations from 10 to 250: the crashed stretch after the checkpoint was
                // dropped and trained again, nothing is doubled or missing.
                for (int i = 0; i < iterations.size(); i++) {
                    assertThat(iterations.get(i)).isEqualTo(10L * (i + 1));
                }
                assertThat(iterations).hasSize(25);
                int resumed = (int) (checkpoint / 10);
                assertThat(losses.get(resumed).get("lossA").asDouble()).isLessThan(losses.get(0).get("lossA").asDouble());

                swapOnThePackagedApp(web, cookie, model, videoA);
            }
        }
    }

    /** The packaged worker swaps (OpenCV's face and photo modules, x264, AAC load there too); web serves it. */
    private static void swapOnThePackagedApp(AppProcess web, String cookie, String model, String video)
            throws Exception {
        var created = web.postJson("/api/swaps", "{\"model\":\"" + model + "\",\"video\":\"" + video
                + "\",\"direction\":\"A_TO_B\",\"options\":{\"blend\":\"seamless\"}}", cookie);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String result = JSON.readTree(created.body()).get("id").asText();
        await(Duration.ofSeconds(120), () -> {
            String status = JSON.readTree(web.get("/api/results/" + result, cookie).body()).path("status").asText();
            assertThat(status).isNotEqualTo("FAILED");
            return status.equals("READY");
        });
        var content = web.getBytes("/api/results/" + result + "/content", cookie);
        assertThat(content.statusCode()).isEqualTo(200);
        String head = new String(content.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        // faststart: the index (moov) comes before the media data, so a browser can play while downloading.
        assertThat(head.indexOf("moov")).isPositive().isLessThan(head.indexOf("mdat"));
        assertThat(web.get("/api/results/" + result + "/report", cookie).statusCode()).isEqualTo(200);
    }

    private static JsonNode model(AppProcess web, String cookie, String id) throws Exception {
        return JSON.readTree(web.get("/api/models/" + id, cookie).body());
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
            Thread.sleep(250);
        }
        assertThat(check.ok()).as("condition within " + timeout).isTrue();
    }
}

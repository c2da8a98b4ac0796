package dev.doppel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.doppel.support.AppProcess;
import dev.doppel.support.Await;
import dev.doppel.support.S3Server;
import dev.doppel.support.TestMedia;

/**
 * The deployment of a shared cloud service, as processes that share no disk: a database (PostgreSQL on the CI's
 * second pass; H2's server mode otherwise), an S3 server (s3proxy, signatures checked) and the packaged app as web
 * nodes and workers, each with a data directory of its own. A user uploads two clips through a web node; the
 * workers find the faces and train; the worker that trains is killed with SIGKILL and the other resumes from the
 * checkpoint in the bucket, its loss history neither doubled nor missing a stretch; a web node restarted mid-session
 * and a second web node both keep the user signed in (one session key); the swap is made on a worker and streams
 * through a web node in ranges; deleting the account leaves none of its objects in the bucket.
 */
class SharedNothingIT {

    /** How often a condition on the app processes is asked. */
    private static final Duration POLL = Duration.ofMillis(250);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path tmp;

    @Test
    void webNodesAndWorkersShareOnlyTheDatabaseAndTheBucket() throws Exception {
        S3Server s3 = S3Server.get();
        String bucket = s3.newBucket();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (AppProcess.Cluster cluster = AppProcess.Cluster.withDatabaseServer(
                Files.createDirectories(tmp.resolve("database")),
                Map.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key)))) {
            run(s3, bucket, cluster);
        }
    }

    private void run(S3Server s3, String bucket, AppProcess.Cluster cluster) throws Exception {
        String[] options = { "-Ddoppel.storage=s3", "-Ddoppel.storage.s3.bucket=" + bucket,
                "-Ddoppel.storage.s3.part-size=5242880",
                "-Dquarkus.s3.endpoint-override=" + s3.endpoint(), "-Dquarkus.s3.aws.region=" + S3Server.REGION,
                "-Dquarkus.s3.aws.credentials.type=static",
                "-Dquarkus.s3.aws.credentials.static-provider.access-key-id=" + S3Server.ACCESS_KEY,
                "-Dquarkus.s3.aws.credentials.static-provider.secret-access-key=" + S3Server.SECRET_KEY,
                "-Ddoppel.jobs.lease=PT4S", "-Ddoppel.jobs.heartbeat=PT0.5S", "-Ddoppel.jobs.poll-interval=PT0.2S",
                "-Ddoppel.training.checkpoint-every=50", "-Ddoppel.faces.extraction.every-nth-frame=3" };
        Path webData = dataDir("web-1");
        List<Path> workerData = List.of(dataDir("worker-1"), dataDir("worker-2"));

        AppProcess web = AppProcess.start(cluster, "web", webData, options);
        List<AppProcess> workers = new ArrayList<>();
        try {
            // The first process creates the database; the others start once it is there.
            web.awaitReady(Duration.ofSeconds(120));
            for (Path data : workerData) {
                workers.add(AppProcess.start(cluster, "worker", data, options));
            }
            for (AppProcess worker : workers) {
                worker.awaitReady(Duration.ofSeconds(120));
            }
            String email = "scale-" + UUID.randomUUID() + "@example.test";
            String cookie = web.signUp(email, PASSWORD);
            var uploaded = web.upload(TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4"), cookie);
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            String videoA = JSON.readTree(uploaded.body()).get("id").asText();
            assertThat(web.upload(TestMedia.clip("grid_woman-long-hair_brbk7n.mp4"), cookie).statusCode()).isEqualTo(201);
            // The web node keeps no blob: the uploads went into the bucket.
            assertThat(s3.keys(bucket)).hasSizeGreaterThanOrEqualTo(2);

            AppProcess reader = web;
            Await.until(Duration.ofSeconds(150), POLL, () -> {
                JsonNode sets = JSON.readTree(reader.get("/api/facesets", cookie).body());
                return sets.size() == 2 && sets.get(0).get("status").asText().equals("READY")
                        && sets.get(1).get("status").asText().equals("READY");
            });
            JsonNode sets = JSON.readTree(web.get("/api/facesets", cookie).body());
            var created = web.postJson("/api/models", "{\"faceSetA\":\"" + sets.get(1).get("id").asText()
                    + "\",\"faceSetB\":\"" + sets.get(0).get("id").asText()
                    + "\",\"preset\":\"tiny\",\"maxIterations\":250}", cookie);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String model = JSON.readTree(created.body()).get("id").asText();

            Await.until(Duration.ofSeconds(150), POLL, () -> model(reader, cookie, model).path("checkpointIteration").asLong() >= 100);
            AppProcess trainer = null;
            for (AppProcess worker : workers) {
                if (worker.log().contains("Model " + model + ": training")) {
                    trainer = worker;
                }
            }
            assertThat(trainer).as("the worker that trains").isNotNull();
            trainer.kill();
            long checkpoint = model(web, cookie, model).path("checkpointIteration").asLong();
            AppProcess rescuer = workers.get(trainer == workers.get(0) ? 1 : 0);

            // While the other worker takes over: the web node restarts mid-session, and a second web node with its
            // own disk joins; the user's cookie works on both.
            web.terminate(Duration.ofSeconds(30));
            web = AppProcess.start(cluster, "web", webData, options);
            AppProcess web2 = AppProcess.start(cluster, "web", dataDir("web-2"), options);
            try {
                web.awaitReady(Duration.ofSeconds(120));
                web2.awaitReady(Duration.ofSeconds(120));
                for (AppProcess node : List.of(web, web2)) {
                    var me = node.get("/api/me", cookie);
                    assertThat(me.statusCode()).isEqualTo(200);
                    assertThat(me.body()).contains(email);
                    assertThat(node.get("/api/models/" + model, cookie).statusCode()).isEqualTo(200);
                }

                AppProcess second = web2;
                Await.until(Duration.ofSeconds(240), POLL, () -> model(second, cookie, model).path("status").asText().equals("COMPLETED"));
                JsonNode done = model(web2, cookie, model);
                assertThat(done.get("iterations").asLong()).isEqualTo(250);
                assertThat(rescuer.log()).contains("Model " + model + ": resumed at iteration " + checkpoint);

                JsonNode losses = JSON.readTree(web.get("/api/models/" + model + "/loss", cookie).body());
                List<Long> iterations = new ArrayList<>();
                losses.forEach(p -> iterations.add(p.get("iteration").asLong()));
                // One point every ten iterations from 10 to 250: the stretch after the checkpoint that died with
                // the killed worker was dropped and trained again; nothing is doubled or missing.
                for (int i = 0; i < iterations.size(); i++) {
                    assertThat(iterations.get(i)).isEqualTo(10L * (i + 1));
                }
                assertThat(iterations).hasSize(25);
                int resumed = (int) (checkpoint / 10);
                assertThat(losses.get(resumed).get("lossA").asDouble()).isLessThan(losses.get(0).get("lossA").asDouble());

                swapAndStream(web2, web, cookie, model, videoA);

                // Nobody shared a disk: no process kept blobs of its own, and the workers read through their caches.
                for (Path data : List.of(webData, dataDir("web-2"), workerData.get(0), workerData.get(1))) {
                    assertThat(data.resolve("blobs")).as(data + " holds no blob store").doesNotExist();
                }
                for (Path data : workerData) {
                    try (var cached = Files.list(data.resolve("cache"))) {
                        assertThat(cached.count()).as(data + "'s cache").isPositive();
                    }
                }

                var deleted = web2.sendJson("DELETE", "/api/me", "{\"password\":\"" + PASSWORD + "\"}", cookie);
                assertThat(deleted.statusCode()).as(deleted.body()).isBetween(200, 299);
                Await.until(Duration.ofSeconds(60), POLL, () -> s3.keys(bucket).isEmpty());
                assertThat(s3.pendingUploads(bucket)).isZero();
                assertThat(web.get("/api/me", cookie).statusCode()).isEqualTo(401);
            } finally {
                web2.close();
            }
        } finally {
            web.close();
            for (AppProcess worker : workers) {
                worker.close();
            }
        }
    }

    private Path dataDir(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    /** The swap runs on the remaining worker; one web node says it is ready, the other streams it in ranges. */
    private static void swapAndStream(AppProcess web, AppProcess other, String cookie, String model, String video)
            throws Exception {
        var created = web.postJson("/api/swaps", "{\"model\":\"" + model + "\",\"video\":\"" + video
                + "\",\"direction\":\"A_TO_B\",\"options\":{\"blend\":\"seamless\"}}", cookie);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String result = JSON.readTree(created.body()).get("id").asText();
        Await.until(Duration.ofSeconds(150), POLL, () -> {
            String status = JSON.readTree(web.get("/api/results/" + result, cookie).body()).path("status").asText();
            assertThat(status).isNotEqualTo("FAILED");
            return status.equals("READY");
        });
        var whole = other.getBytes("/api/results/" + result + "/content", cookie);
        assertThat(whole.statusCode()).isEqualTo(200);
        byte[] swapped = whole.body();
        String head = new String(swapped, StandardCharsets.ISO_8859_1);
        // faststart: the index (moov) comes before the media data, so a browser can play while downloading.
        assertThat(head.indexOf("moov")).isPositive().isLessThan(head.indexOf("mdat"));
        var range = other.getRange("/api/results/" + result + "/content", cookie, "bytes=1000-1999");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("content-range")).hasValue("bytes 1000-1999/" + swapped.length);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(swapped, 1000, 2000));
        assertThat(web.get("/api/results/" + result + "/report", cookie).statusCode()).isEqualTo(200);
    }

    private static JsonNode model(AppProcess web, String cookie, String id) throws Exception {
        return JSON.readTree(web.get("/api/models/" + id, cookie).body());
    }

}

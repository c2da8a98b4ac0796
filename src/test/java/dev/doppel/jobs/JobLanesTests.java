package dev.doppel.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.Await;
import dev.doppel.support.SwapFixture;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Sharing the workers between accounts, on the real queue and the in-process worker (one cpu slot, one gpu
 * slot; the test profile's GPU slice is three seconds).
 */
@QuarkusTest
class JobLanesTests {

    private static Accounts.Session trainer;
    private static String[] trainerSets;
    private final List<String> trainings = new ArrayList<>();

    @AfterEach
    void stopTrainings() throws Exception {
        for (String model : trainings) {
            trainer.request().post("/api/models/" + model + "/stop");
            Await.until(Duration.ofSeconds(60), () -> !List.of("QUEUED", "TRAINING")
                    .contains(trainer.request().get("/api/models/" + model).then().extract().path("status")));
        }
    }

    @Test
    void thumbnailsAndFacesDoNotWaitBehindATraining() throws Exception {
        Accounts.Session other = Accounts.newSession("uploader");
        long alone = timeToReady(other, "grid_man-light-shirt_sbwe5n.mp4");

        String model = startLongTraining();
        long during = timeToReady(other, "grid_woman-pink-top_lbbc2a.mp4");
        assertThat(trainer.request().get("/api/models/" + model).then().extract().<String>path("status"))
                .as("the training is still running").isEqualTo("TRAINING");
        // The CPU is shared with the training, so somewhat slower, but nowhere near "after the training".
        assertThat(during).as("ms to thumbnail and faces while training, alone " + alone)
                .isLessThan(3 * alone + 5_000);
    }

    @Test
    void aTrainingHandsItsTurnToASwapAndTakesItBack() throws Exception {
        SwapFixture swapper = SwapFixture.get();
        String model = startLongTraining();
        String trainJob = trainer.request().get("/api/models/" + model).then().extract().path("jobId");

        String result = swapper.swap(swapper.videoA, "A_TO_B", Map.of());
        String swapJob = swapper.session.request().get("/api/results/" + result).then().extract().path("jobId");
        // The training pauses at the end of its slice, saying why, and the swap gets the GPU.
        Await.until(Duration.ofSeconds(20), () -> JobQueue.PAUSED.equals(
                trainer.request().get("/api/jobs/" + trainJob).then().extract().path("message")));
        assertThat(trainer.request().get("/api/models/" + model).then().extract().<String>path("message"))
                .startsWith(JobQueue.PAUSED);
        swapper.awaitReady(result);

        // Then the training continues from its checkpoint.
        long pausedAt = ((Number) trainer.request().get("/api/models/" + model).then().extract()
                .path("checkpointIteration")).longValue();
        Await.until(Duration.ofSeconds(30), () -> ((Number) trainer.request().get("/api/models/" + model).then()
                .extract().path("iterations")).longValue() > pausedAt + 20);
        assertThat(trainer.request().get("/api/models/" + model).then().extract().<String>path("status"))
                .isEqualTo("TRAINING");
        Instant swapStarted = started(swapper.session, swapJob);
        assertThat(swapStarted).isAfter(started(trainer, trainJob));

        trainer.request().post("/api/models/" + model + "/stop").then().statusCode(200);
        Await.until(Duration.ofSeconds(30), () -> "STOPPED"
                .equals(trainer.request().get("/api/models/" + model).then().extract().path("status")));
        // Every tenth iteration once: no gap where it paused, none trained twice.
        List<Integer> iterations = trainer.request().get("/api/models/" + model + "/loss").then().extract()
                .jsonPath().getList("iteration", Integer.class);
        assertThat(iterations).isNotEmpty();
        for (int i = 0; i < iterations.size(); i++) {
            assertThat(iterations.get(i)).isEqualTo(10 * (i + 1));
        }
        assertThat(iterations.get(iterations.size() - 1)).isGreaterThan((int) pausedAt);
        // Giving up its turn was not a failed try.
        assertThat(trainer.request().get("/api/jobs/" + trainJob).then().extract().<Integer>path("attempts"))
                .isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> JobRun.count("jobId = ?1",
                java.util.UUID.fromString(trainJob)))).as("turns the training had").isGreaterThanOrEqualTo(2);
    }

    @Test
    void anotherAccountsSwapComesSecondNotSixth() throws Exception {
        Accounts.Session busy = Accounts.newSession("busy");
        Accounts.Session newcomer = Accounts.newSession("newcomer");
        List<String> busyJobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            busyJobs.add(diagnostic(busy, Map.of("seconds", 0.6)));
        }
        String theirs = diagnostic(newcomer, Map.of("seconds", 0.6));
        Await.until(Duration.ofSeconds(30), () -> "SUCCEEDED".equals(status(newcomer, theirs))
                && busyJobs.stream().allMatch(j -> "SUCCEEDED".equals(status(busy, j))));

        List<Instant> busyStarts = busyJobs.stream().map(j -> started(busy, j)).sorted().toList();
        Instant theirStart = started(newcomer, theirs);
        long before = busyStarts.stream().filter(s -> s.isBefore(theirStart)).count();
        assertThat(before).as("jobs of the busy account that ran before the newcomer's").isEqualTo(1);
    }

    @Test
    void waitingJobsSayWhereTheyStandAndMoveUp() throws Exception {
        Accounts.Session session = Accounts.newSession("waiting");
        String first = diagnostic(session, Map.of("seconds", 2));
        Await.until(Duration.ofSeconds(10), () -> "RUNNING".equals(status(session, first)));
        String second = diagnostic(session, Map.of("seconds", 2));
        String third = diagnostic(session, Map.of("seconds", 2));

        JsonPath queued = job(session, third);
        assertThat(queued.getInt("queuePosition")).isEqualTo(2);
        Instant start = Instant.parse(queued.getString("estimatedStart"));
        // The running one's time left, then the second's two seconds.
        assertThat(Duration.between(Instant.now(), start).toMillis()).isBetween(1_000L, 6_000L);
        assertThat(job(session, second).getInt("queuePosition")).isEqualTo(1);
        assertThat(job(session, first).getString("queuePosition")).isNull();
        assertThat(session.request().get("/api/jobs").then().extract().jsonPath()
                .getList("findAll { it.id == '" + third + "' }.queuePosition")).containsExactly(2);

        // As the first finishes, the third moves up, and its owner is told so through the event stream.
        Await.until(Duration.ofSeconds(10), () -> "RUNNING".equals(status(session, second)));
        Await.until(Duration.ofSeconds(5), () -> Integer.valueOf(1).equals(job(session, third).get("queuePosition")));
        Instant sooner = Instant.parse(job(session, third).getString("estimatedStart"));
        assertThat(sooner).isBefore(start.plusSeconds(2));
        Await.until(Duration.ofSeconds(5), () -> QuarkusTransaction.requiringNew().call(() -> JobEvent.count(
                "jobId = ?1 and data like ?2", java.util.UUID.fromString(third), "%\"queuePosition\":1,%")) > 0);
        Await.until(Duration.ofSeconds(15), () -> "SUCCEEDED".equals(status(session, third)));
        assertThat(job(session, third).getString("queuePosition")).isNull();
    }

    @Test
    void laneAndKindFollowTheJobType() throws Exception {
        Accounts.Session session = Accounts.newSession("lanes");
        Uploads.uploaded(session, TestMedia.clip("grid_man-glasses_lbax4n.mp4"));
        List<Map<String, Object>> jobs = session.request().get("/api/jobs").then().extract().jsonPath().getList("");
        assertThat(jobs).extracting(j -> j.get("type") + ":" + j.get("lane"))
                .containsExactlyInAnyOrder("THUMBNAIL:cpu", "EXTRACT:cpu");
        String gpu = diagnostic(session, Map.of("seconds", 0.1));
        String cpu = diagnostic(session, Map.of("seconds", 0.1, "lane", "cpu"));
        assertThat(job(session, gpu).getString("lane")).isEqualTo("gpu");
        assertThat(job(session, cpu).getString("lane")).isEqualTo("cpu");
        Await.until(Duration.ofSeconds(10), () -> "SUCCEEDED".equals(status(session, cpu))
                && "SUCCEEDED".equals(status(session, gpu)));
    }

    /** Starts a training of the shared trainer account that runs until the test stops it. */
    private String startLongTraining() throws Exception {
        synchronized (JobLanesTests.class) {
            if (trainer == null) {
                trainer = Accounts.newSession("long-trainer");
                trainerSets = Uploads.twoFaceSets(trainer, "grid_man-denim-shirt_bbaf2n.mp4",
                        "grid_woman-long-hair_brbk7n.mp4");
            }
        }
        String model = trainer.request().contentType(ContentType.JSON)
                .body(Map.of("faceSetA", trainerSets[0], "faceSetB", trainerSets[1], "preset", "tiny",
                        "maxIterations", 1_000_000, "plateauIterations", 0))
                .post("/api/models").then().statusCode(201).extract().path("id");
        trainings.add(model);
        Await.until(Duration.ofSeconds(60), () -> ((Number) trainer.request().get("/api/models/" + model).then()
                .extract().path("iterations")).longValue() > 0);
        return model;
    }

    /** Milliseconds from upload to thumbnail and face set ready. */
    private static long timeToReady(Accounts.Session session, String clip) {
        long started = System.nanoTime();
        Uploads.uploaded(session, TestMedia.clip(clip));
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String diagnostic(Accounts.Session session, Map<String, Object> settings) {
        return session.request().contentType(ContentType.JSON).body(settings).post("/api/jobs/diagnostic").then()
                .statusCode(201).extract().path("id");
    }

    private static JsonPath job(Accounts.Session session, String id) {
        return session.request().get("/api/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static String status(Accounts.Session session, String id) {
        return job(session, id).getString("status");
    }

    private static Instant started(Accounts.Session session, String id) {
        return Instant.parse(job(session, id).getString("startedAt"));
    }

}

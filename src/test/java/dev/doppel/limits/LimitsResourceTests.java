package dev.doppel.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.doppel.jobs.DiagnosticJobHandler;
import dev.doppel.jobs.Job;
import dev.doppel.jobs.JobLane;
import dev.doppel.jobs.JobStatus;
import dev.doppel.media.Video;
import dev.doppel.support.Accounts;
import dev.doppel.support.Await;
import dev.doppel.support.StorageSnapshot;
import dev.doppel.support.SwapFixture;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;

/**
 * The abuse limits through the real endpoints and database: the request rates of the expensive endpoints (the test
 * profile admits 15 swaps per 10 s, 12 uploads and 6 of the others per 20 s) and the cap of 20 jobs waiting or running per account.
 */
@QuarkusTest
class LimitsResourceTests {

    private static final String CLIP = "grid_man-glasses_lbax4n.mp4";
    private static final int CAP = 20;

    /** Jobs this test parked; cancelled afterwards so that no other test ever sees them. */
    private final List<UUID> parked = new ArrayList<>();

    @AfterEach
    void unpark() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!parked.isEmpty()) {
                Job.update("status = ?1, finishedAt = ?2 where id in ?3", JobStatus.CANCELLED, Instant.now(), parked);
            }
        });
        parked.clear();
    }

    @Test
    void shouldRefuseTheSwapOverItsRateWithRetryAfterAndSpareOtherAccounts() {
        Accounts.Session busy = Accounts.newSession("busy");
        Accounts.Session other = Accounts.newSession("other");
        for (int i = 0; i < 15; i++) {
            swapOfNothing(busy).then().statusCode(404);
        }
        Response refused = swapOfNothing(busy);
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"))
                .body("detail", matchesPattern(
                        "Too many swaps requested in the last 10 seconds; try again in \\d{1,2} s\\."));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 10);
        // Another account's count is its own.
        swapOfNothing(other).then().statusCode(404);
        // Signed out is still a plain 401, counted against no one.
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(Map.of()).post("/api/swaps").then()
                .statusCode(401);
    }

    @Test
    void shouldLimitUploadsTrainingsAndExtractionsEachOnTheirOwn() throws Exception {
        Accounts.Session session = Accounts.newSession("rates");
        Path clip = TestMedia.clip(CLIP);
        for (int i = 0; i < 12; i++) {
            Uploads.upload(session, clip, null, false).then().statusCode(400);
        }
        StorageSnapshot before = StorageSnapshot.take();
        Response upload = Uploads.upload(session, clip, null, true);
        upload.then().statusCode(429).contentType("application/problem+json")
                .body("detail", matchesPattern("Too many uploads in the last 20 seconds; try again in \\d{1,2} s\\."));
        assertThat(upload.header("Retry-After")).isNotNull();
        assertThat(StorageSnapshot.awaitEqual(before)).as("what the refused upload left behind").isEqualTo(before);

        // Creating and resuming a training share one count; uploads being refused does not touch it.
        String nothing = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            session.request().contentType(ContentType.JSON).body(Map.of()).post("/api/models").then().statusCode(400);
            session.request().contentType(ContentType.JSON).body(Map.of()).post("/api/models/" + nothing + "/resume")
                    .then().statusCode(404);
        }
        session.request().contentType(ContentType.JSON).body(Map.of()).post("/api/models").then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .body("detail", containsString("Too many trainings requested in the last 20 seconds"));

        for (int i = 0; i < 6; i++) {
            extract(session, nothing).then().statusCode(404);
        }
        extract(session, nothing).then().statusCode(429).header("Retry-After", matchesPattern("\\d+"))
                .body("detail", containsString("Too many face extractions requested in the last 20 seconds"));
    }

    @Test
    void shouldRefuseNewWorkAtTheJobCapAndStoreNothing() throws Exception {
        Accounts.Session session = Accounts.newSession("capped");
        String[] sets = Uploads.twoFaceSets(session, "grid_s2-man-grey-hair_a_swwp2s.mp4",
                "grid_woman-green-top_lrwp9a.mp4");
        park(session, CAP);

        StorageSnapshot before = StorageSnapshot.take();
        long videos = videoRows(session);
        Uploads.upload(session, TestMedia.clip(CLIP)).then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", equalTo("You already have 20 jobs waiting or running, the most at once; upload this"
                        + " video when one of them has finished (or cancel one in Jobs)."));
        assertThat(StorageSnapshot.awaitEqual(before)).as("what the refused upload left behind").isEqualTo(before);
        assertThat(videoRows(session)).isEqualTo(videos);

        session.request().contentType(ContentType.JSON)
                .body(Map.of("faceSetA", sets[0], "faceSetB", sets[1], "preset", "tiny")).post("/api/models").then()
                .statusCode(429).body("detail", containsString("start this training when one of them has finished"));
        session.request().get("/api/models").then().body("size()", equalTo(0));

        extract(session, sets[0]).then().statusCode(429)
                .body("detail", containsString("start this extraction when one of them has finished"));
        session.request().get("/api/facesets/" + sets[0]).then().body("status", equalTo("READY"));
        assertThat(active(session)).isEqualTo(CAP);

        // Room is a job that has ended, whichever it was.
        session.request().post("/api/jobs/" + parked.get(0) + "/cancel").then().statusCode(200);
        extract(session, sets[0]).then().statusCode(202);
    }

    @Test
    void shouldRefuseASwapAtTheJobCapAndStoreNoResult() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        int results = fixture.session.request().get("/api/results").then().extract().jsonPath().getList("id").size();
        park(fixture.session, CAP);
        fixture.session.request().contentType(ContentType.JSON)
                .body(Map.of("model", fixture.model, "video", fixture.videoA, "direction", "A_TO_B")).post("/api/swaps")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("start this swap when one of them has finished"));
        assertThat(fixture.session.request().get("/api/results").then().extract().jsonPath().getList("id"))
                .hasSize(results);
    }

    @Test
    void shouldAlwaysQueueFollowUpsAndRetriesWhateverTheCap() throws Exception {
        Accounts.Session session = Accounts.newSession("follow-ups");
        park(session, CAP - 1);
        // One place left: the upload takes it, and its thumbnail and face extraction both go in.
        String video = Uploads.upload(session, TestMedia.clip(CLIP)).then().statusCode(201).extract().path("id");
        List<String> types = session.request().get("/api/jobs").then().extract().jsonPath().getList("type");
        assertThat(types).contains("THUMBNAIL", "EXTRACT");
        Uploads.upload(session, TestMedia.clip(CLIP)).then().statusCode(429);

        // A job that fails once is retried by the queue while the account is over the cap.
        String flaky = session.request().contentType(ContentType.JSON)
                .body(Map.of("seconds", 0.1, "failTimes", 1, "lane", "cpu")).post("/api/jobs/diagnostic").then()
                .statusCode(201).extract().path("id");
        Await.until(Duration.ofSeconds(60), () -> "SUCCEEDED"
                .equals(session.request().get("/api/jobs/" + flaky).then().extract().path("status")));
        session.request().get("/api/jobs/" + flaky).then().body("attempts", equalTo(2));
        Uploads.awaitThumbnail(session, video);
        Await.until(Duration.ofSeconds(60), () -> session.request().get("/api/facesets").then().extract().jsonPath()
                .getList("status", String.class).equals(List.of("READY")));
    }

    private static Response swapOfNothing(Accounts.Session session) {
        return session.request().contentType(ContentType.JSON)
                .body(Map.of("model", UUID.randomUUID(), "video", UUID.randomUUID(), "direction", "A_TO_B"))
                .post("/api/swaps");
    }

    private static Response extract(Accounts.Session session, String faceSet) {
        return session.request().contentType(ContentType.JSON).body(Map.of())
                .post("/api/facesets/" + faceSet + "/extract");
    }

    /** Queued jobs of the account that no worker takes before tomorrow: the account's places, taken. */
    private void park(Accounts.Session session, int count) {
        UUID owner = UUID.fromString(session.id());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                Job job = new Job();
                job.ownerId = owner;
                job.type = DiagnosticJobHandler.TYPE;
                job.status = JobStatus.QUEUED;
                job.lane = JobLane.CPU;
                job.payload = "{\"seconds\":0}";
                job.maxAttempts = 1;
                job.createdAt = Instant.now();
                job.notBefore = job.createdAt.plus(Duration.ofDays(1));
                job.message = "Parked by a test";
                job.persist();
                parked.add(job.id);
            }
        });
    }

    private static long active(Accounts.Session session) {
        return session.request().get("/api/jobs").then().extract().jsonPath().getList("status", String.class).stream()
                .filter(s -> s.equals("QUEUED") || s.equals("RUNNING")).count();
    }

    private static long videoRows(Accounts.Session session) {
        UUID owner = UUID.fromString(session.id());
        return QuarkusTransaction.requiringNew().call(() -> Video.count("ownerId", owner));
    }
}

package dev.doppel.swap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.Await;
import dev.doppel.support.StorageSnapshot;
import dev.doppel.support.SwapFixture;
import dev.doppel.support.TestMedia;
import dev.doppel.support.TwoUsers;
import dev.doppel.support.Uploads;
import dev.doppel.training.FaceModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;

/** Everything around a swap but the pixels: privacy, refusals, fine-tuning, deletion. */
@QuarkusTest
class SwapLifecycleTests {

    @Test
    void noOneElseCanUseTheModelOrVideoOrSeeTheResult() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        String result = fixture.swap(fixture.videoA, "A_TO_B", Map.of("blend", "seamless"));
        fixture.awaitReady(result);
        TwoUsers users = TwoUsers.withOwner(fixture.session);
        String path = "/api/results/" + result;
        users.assertHiddenFromStranger(path);
        users.assertHiddenFromStranger(path + "/content");
        users.assertHiddenFromStranger(path + "/report");
        users.assertHiddenFromStranger(path + "/thumbnail");
        users.assertStrangerCannotChange(Method.DELETE, path, null, path);
        users.stranger().request().get("/api/results").then().statusCode(200).body("id", not(hasItem(result)));

        // The stranger's own video with the owner's model, and the owner's video with the stranger's model id:
        // both answer as if the other's id did not exist, and nothing is created.
        String strangersVideo = Uploads.uploaded(users.stranger(), TestMedia.clip("grid_man-glasses_lbax4n.mp4"));
        users.assertStrangerCannotChange(Method.POST, "/api/swaps", Map.of("model", fixture.model, "video",
                strangersVideo, "direction", "A_TO_B"), "/api/results");
        users.assertStrangerCannotChange(Method.POST, "/api/swaps", Map.of("model", fixture.model, "video",
                fixture.videoA, "direction", "A_TO_B"), "/api/results");
        assertThat(users.stranger().request().get("/api/results").then().extract().jsonPath().getList("id")).isEmpty();
        fixture.session.request().get(path).then().body("options.blend", equalTo("seamless"));
    }

    @Test
    void saysWhatTheSourceHasWhileTheSwapWaitsOrRuns() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        Map<String, Object> video = fixture.session.request().get("/api/videos/" + fixture.videoA).then()
                .extract().jsonPath().getMap("");
        assertThat(video).containsEntry("hasAudio", true);
        String result = fixture.swap(fixture.videoA, "A_TO_B", Map.of());
        Map<String, Object> early = fixture.session.request().get("/api/results/" + result).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(early.get("status")).isIn("QUEUED", "RUNNING");
        assertThat(early).containsEntry("hasAudio", true)
                .containsEntry("width", video.get("width"))
                .containsEntry("height", video.get("height"))
                .containsEntry("frameCount", video.get("frameCount"));
        fixture.awaitReady(result);
        fixture.session.request().get("/api/results/" + result).then().body("hasAudio", equalTo(true));
    }

    @Test
    void refusesWhatCannotBeSwappedWithClearReasons() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        int before = fixture.session.request().get("/api/results").then().extract().jsonPath().getList("id").size();
        expect400(fixture, Map.of("video", fixture.videoA, "direction", "A_TO_B"), "model");
        expect400(fixture, Map.of("model", fixture.model, "direction", "A_TO_B"), "video");
        expect400(fixture, Map.of("model", fixture.model, "video", fixture.videoA, "direction", "SIDEWAYS"),
                "direction");
        expect400(fixture, Map.of("model", fixture.model, "video", fixture.videoA, "direction", "A_TO_B", "options",
                Map.of("colour", "sepia")), "options.colour");
        fixture.session.request().contentType(ContentType.JSON).body(Map.of("model", fixture.model, "video",
                fixture.videoA, "direction", "A_TO_B", "options", Map.of("colour", "sepia"))).post("/api/swaps")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString(
                        "\"sepia\" is not one of rct, avg, hist, mkl, none."));
        expect400(fixture, Map.of("model", fixture.model, "video", fixture.videoA, "direction", "A_TO_B", "options",
                Map.of("maskFeather", 99)), "options.maskFeather");
        fixture.session.request().contentType(ContentType.JSON).body(Map.of("model", fixture.model, "video",
                fixture.videoA, "direction", "A_TO_B", "options", Map.of("faces", "everyone"))).post("/api/swaps")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("options.faces"))
                .body("detail", org.hamcrest.Matchers.containsString("\"everyone\" is not one of largest, all, match."));
        fixture.session.request().contentType(ContentType.JSON).body("{\"model\": \"not-a-uuid\"}")
                .post("/api/swaps").then().statusCode(400).contentType("application/problem+json");

        // A model that has not saved its first checkpoint yet cannot swap.
        String untrained = QuarkusTransaction.requiringNew().call(() -> {
            FaceModel source = FaceModel.findById(java.util.UUID.fromString(fixture.model));
            FaceModel m = new FaceModel();
            m.ownerId = source.ownerId;
            m.name = "Not trained yet";
            m.preset = "tiny";
            m.faceSetA = source.faceSetA;
            m.faceSetB = source.faceSetB;
            m.status = FaceModel.Status.STOPPED;
            m.createdAt = java.time.Instant.now();
            m.persist();
            return m.id.toString();
        });
        fixture.session.request().contentType(ContentType.JSON)
                .body(Map.of("model", untrained, "video", fixture.videoA, "direction", "A_TO_B")).post("/api/swaps")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", hasItem("model"))
                .body("detail", org.hamcrest.Matchers.containsString("checkpoint"));
        fixture.session.request().contentType(ContentType.JSON)
                .body(Map.of("model", fixture.model, "video", "00000000-0000-0000-0000-000000000000", "direction",
                        "A_TO_B"))
                .post("/api/swaps").then().statusCode(404).contentType("application/problem+json");
        int after = fixture.session.request().get("/api/results").then().extract().jsonPath().getList("id").size();
        assertThat(after).as("no result made by a refused swap").isEqualTo(before);
        fixture.session.request().delete("/api/models/" + untrained).then().statusCode(204);
    }

    @Test
    void fineTuningContinuesTheModelOnTheNewClipBeforeSwapping() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        String video = Uploads.uploaded(fixture.session, TestMedia.clip("grid_s2-man-grey-hair_b_pwij3p.mp4"));
        long iterations = ((Number) fixture.session.request().get("/api/models/" + fixture.model).then().extract()
                .path("iterations")).longValue();
        String result = fixture.swap(video, "A_TO_B", Map.of("fineTuneIterations", 20));
        fixture.awaitReady(result);
        fixture.session.request().get("/api/models/" + fixture.model).then()
                .body("iterations", equalTo((int) iterations + 20))
                .body("checkpointIteration", equalTo((int) iterations + 20));
        List<Integer> points = fixture.session.request().get("/api/models/" + fixture.model + "/loss").then()
                .extract().jsonPath().getList("iteration", Integer.class);
        assertThat(points).contains((int) iterations + 10, (int) iterations + 20);
        fixture.session.request().get("/api/results/" + result).then().body("options.fineTuneIterations", equalTo(20))
                .body("status", equalTo("READY"));
    }

    @Test
    void deletingAResultOrTheAccountRemovesItsFiles() throws Exception {
        // An account of its own, so deleting it leaves the shared fixture alone.
        StorageSnapshot beforeAccount = StorageSnapshot.take();
        Accounts.Session session = Accounts.newSession("short-lived");
        String videoA = Uploads.uploaded(session, TestMedia.clip("grid_man-black-top_sbia1a.mp4"));
        Uploads.uploaded(session, TestMedia.clip("grid_woman-pink-top_lbbc2a.mp4"));
        List<String> sets = session.request().get("/api/facesets").then().extract().jsonPath().getList("id");
        String model = session.request().contentType(ContentType.JSON)
                .body(Map.of("faceSetA", sets.get(1), "faceSetB", sets.get(0), "preset", "tiny", "maxIterations", 50))
                .post("/api/models").then().statusCode(201).extract().path("id");
        Await.until(Duration.ofSeconds(120), () -> "COMPLETED"
                .equals(session.request().get("/api/models/" + model).then().extract().path("status")));
        Map<String, Object> body = new HashMap<>(Map.of("model", model, "video", videoA, "direction", "A_TO_B"));

        StorageSnapshot before = StorageSnapshot.take();
        String first = session.request().contentType(ContentType.JSON).body(body).post("/api/swaps").then()
                .statusCode(201).extract().path("id");
        Uploads.awaitJobs(session);
        session.request().get("/api/results/" + first).then().body("status", equalTo("READY"));
        session.request().delete("/api/results/" + first).then().statusCode(204);
        session.request().get("/api/results/" + first).then().statusCode(404);
        assertThat(StorageSnapshot.awaitEqual(before)).as("the result's video and thumbnail are gone").isEqualTo(before);

        String second = session.request().contentType(ContentType.JSON).body(body).post("/api/swaps").then()
                .statusCode(201).extract().path("id");
        Uploads.awaitJobs(session);
        session.request().get("/api/results/" + second).then().body("status", equalTo("READY"));
        session.request().contentType(ContentType.JSON).body(Map.of("password", Accounts.PASSWORD)).delete("/api/me")
                .then().statusCode(204);
        assertThat(StorageSnapshot.awaitEqual(beforeAccount)).as("every file of the account is gone")
                .isEqualTo(beforeAccount);
        try (var tmp = Files.list(StorageSnapshot.DATA.resolve("tmp"))) {
            assertThat(tmp.map(Path::getFileName).map(Path::toString).filter(n -> n.startsWith("swap-")))
                    .as("no half-written swaps left").isEmpty();
        }
    }

    private static void expect400(SwapFixture fixture, Map<String, Object> body, String field) {
        fixture.session.request().contentType(ContentType.JSON).body(body).post("/api/swaps").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }
}

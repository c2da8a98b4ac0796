package dev.doppel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.Await;
import dev.doppel.support.TwoUsers;
import dev.doppel.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;

/** Training through the job system with the tiny preset, on faces extracted from two GRID speakers. */
@QuarkusTest
class ModelResourceTests {

    @Test
    void trainsToTheIterationLimitRecordingLossPreviewsAndACheckpoint() throws Exception {
        Accounts.Session session = Accounts.newSession("trainer");
        String[] sets = twoFaceSets(session);
        String model = create(session, sets, Map.of("maxIterations", 120));
        awaitStatus(session, model, "COMPLETED");
        // Like with like: the best is the lowest of the very smoothed loss shown beside it.
        var view = session.request().get("/api/models/" + model).then().extract().jsonPath();
        Number smoothed = view.get("smoothedLoss");
        Number best = view.get("bestLoss");
        assertThat(smoothed).isNotNull();
        assertThat(best).isNotNull();
        assertThat(best.doubleValue()).isPositive().isLessThanOrEqualTo(smoothed.doubleValue());
        session.request().get("/api/models/" + model).then()
                .body("iterations", equalTo(120))
                .body("checkpointIteration", equalTo(120))
                .body("message", containsString("120 iterations"))
                .body("device", equalTo("cpu"));
        List<Integer> iterations = session.request().get("/api/models/" + model + "/loss").then().statusCode(200)
                .extract().jsonPath().getList("iteration", Integer.class);
        assertThat(iterations).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120);
        BufferedImage preview = ImageIO.read(new ByteArrayInputStream(session.request()
                .get("/api/models/" + model + "/preview").then().statusCode(200).contentType("image/png")
                .extract().asByteArray()));
        // Six columns (A, A→A, A→B, B, B→B, B→A) of 128 px cells, four faces high.
        assertThat(preview.getWidth()).isEqualTo(6 * 128);
        assertThat(preview.getHeight()).isEqualTo(4 * 128);
        session.request().get("/api/models").then().body("id", hasItem(model));
    }

    @Test
    void stopKeepsACheckpointAndResumeContinuesTheCurve() throws Exception {
        Accounts.Session session = Accounts.newSession("stopper");
        String[] sets = twoFaceSets(session);
        String model = create(session, sets, Map.of("maxIterations", 100_000));
        Await.until(Duration.ofSeconds(60), () -> ((Number) session.request().get("/api/models/" + model).then()
                .extract().path("iterations")).longValue() >= 30);
        session.request().post("/api/models/" + model + "/stop").then().statusCode(200);
        awaitStatus(session, model, "STOPPED");
        long stoppedAt = ((Number) session.request().get("/api/models/" + model).then()
                .extract().path("checkpointIteration")).longValue();
        assertThat(stoppedAt).isGreaterThanOrEqualTo(30);
        session.request().post("/api/models/" + model + "/stop").then().statusCode(409);

        session.request().contentType(ContentType.JSON).body(Map.of("maxIterations", stoppedAt + 40))
                .post("/api/models/" + model + "/resume").then().statusCode(200).body("status", equalTo("QUEUED"));
        awaitStatus(session, model, "COMPLETED");
        List<Integer> iterations = session.request().get("/api/models/" + model + "/loss").then()
                .extract().jsonPath().getList("iteration", Integer.class);
        // One point every ten iterations from the start to the end: nothing doubled, nothing missing.
        for (int i = 0; i < iterations.size(); i++) {
            assertThat(iterations.get(i)).isEqualTo(10 * (i + 1));
        }
        assertThat(iterations.get(iterations.size() - 1)).isEqualTo((int) (stoppedAt + 40) / 10 * 10);
        List<Float> losses = session.request().get("/api/models/" + model + "/loss").then()
                .extract().jsonPath().getList("lossA", Float.class);
        int resumedIndex = (int) (stoppedAt / 10);
        // The first loss after resuming is in line with the last before it, not back at the start.
        assertThat(losses.get(resumedIndex)).isLessThan(losses.get(0));
    }

    @Test
    void stopsByItselfAtTheTargetLossOrOnAPlateau() throws Exception {
        Accounts.Session session = Accounts.newSession("rules");
        String[] sets = twoFaceSets(session);
        String target = create(session, sets, Map.of("targetLoss", 0.9, "maxIterations", 1000));
        awaitStatus(session, target, "COMPLETED");
        session.request().get("/api/models/" + target).then().body("message", containsString("target loss"));

        String plateau = create(session, sets, Map.of("plateauIterations", 20, "plateauPercent", 90.0,
                "maxIterations", 1000));
        awaitStatus(session, plateau, "COMPLETED");
        session.request().get("/api/models/" + plateau).then().body("message", containsString("stopped improving"));
    }

    @Test
    void refusesModelsThatCannotBeTrained() throws Exception {
        Accounts.Session session = Accounts.newSession("invalid");
        String[] sets = twoFaceSets(session);
        session.request().contentType(ContentType.JSON)
                .body(Map.of("faceSetA", sets[0], "faceSetB", sets[0], "preset", "tiny")).post("/api/models").then()
                .statusCode(400).body("violations.field", hasItem("faceSetB"));
        session.request().contentType(ContentType.JSON)
                .body(Map.of("faceSetA", sets[0], "faceSetB", sets[1], "preset", "giant")).post("/api/models").then()
                .statusCode(400).body("detail", containsString("tiny"));
        session.request().get("/api/models/presets").then().statusCode(200).body("name", hasItem("lite"))
                .body("name", hasItem("original"));
    }

    @Test
    void modelsAreInvisibleToOtherUsers() throws Exception {
        TwoUsers users = TwoUsers.create();
        String[] sets = twoFaceSets(users.owner());
        String model = create(users.owner(), sets, Map.of("maxIterations", 60));
        awaitStatus(users.owner(), model, "COMPLETED");
        String base = "/api/models/" + model;
        users.assertHiddenFromStranger(base);
        users.assertHiddenFromStranger(base + "/loss");
        users.assertHiddenFromStranger(base + "/preview");
        users.assertStrangerCannotChange(Method.POST, base + "/resume", Map.of(), base);
        users.assertStrangerCannotChange(Method.POST, base + "/stop", null, base);
        users.assertStrangerCannotChange(Method.DELETE, base, null, base);
        users.stranger().request().get("/api/models").then().body("id", not(hasItem(model)));
        // Someone else's face sets cannot be trained on either.
        users.stranger().request().contentType(ContentType.JSON)
                .body(Map.of("faceSetA", sets[0], "faceSetB", sets[1], "preset", "tiny")).post("/api/models").then()
                .statusCode(404);
    }

    private static String[] twoFaceSets(Accounts.Session session) {
        return Uploads.twoFaceSets(session, "grid_man-denim-shirt_bbaf2n.mp4", "grid_woman-long-hair_brbk7n.mp4");
    }

    private static String create(Accounts.Session session, String[] sets, Map<String, Object> limits) {
        Map<String, Object> body = new HashMap<>(limits);
        body.put("faceSetA", sets[0]);
        body.put("faceSetB", sets[1]);
        body.put("preset", "tiny");
        return session.request().contentType(ContentType.JSON).body(body).post("/api/models").then()
                .statusCode(201).extract().path("id");
    }

    private static void awaitStatus(Accounts.Session session, String model, String status) throws Exception {
        Await.until(Duration.ofSeconds(120), () -> status.equals(session.request().get("/api/models/" + model).then()
                .extract().path("status")));
    }
}

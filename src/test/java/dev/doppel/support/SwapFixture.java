package dev.doppel.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/**
 * One account with a tiny model trained on two GRID speakers (A: the grey-haired man's first clip, B: the woman
 * in green), made once and shared by the swap tests: training is the slow part and none of them changes it
 * except the fine-tune test, which checks only the difference it makes.
 */
public final class SwapFixture {

    static final int ITERATIONS = 200;
    private static SwapFixture shared;

    public final Accounts.Session session;
    public final String model;
    public final String videoA;

    private SwapFixture(Accounts.Session session, String model, String videoA) {
        this.session = session;
        this.model = model;
        this.videoA = videoA;
    }

    public static synchronized SwapFixture get() throws InterruptedException {
        if (shared == null) {
            Accounts.Session session = Accounts.newSession("swapper");
            String videoA = Uploads.uploaded(session, TestMedia.clip("grid_s2-man-grey-hair_a_swwp2s.mp4"));
            Uploads.uploaded(session, TestMedia.clip("grid_woman-green-top_lrwp9a.mp4"));
            List<String> sets = session.request().get("/api/facesets").then().extract().jsonPath().getList("id");
            String model = session.request().contentType(ContentType.JSON)
                    .body(Map.of("faceSetA", sets.get(1), "faceSetB", sets.get(0), "preset", "tiny",
                            "maxIterations", ITERATIONS))
                    .post("/api/models").then().statusCode(201).extract().path("id");
            Await.until(Duration.ofSeconds(600), () -> "COMPLETED"
                    .equals(session.request().get("/api/models/" + model).then().extract().path("status")));
            shared = new SwapFixture(session, model, videoA);
        }
        return shared;
    }

    /** Starts a swap and returns the result's id. */
    public String swap(String video, String direction, Map<String, Object> options) {
        return session.request().contentType(ContentType.JSON)
                .body(Map.of("model", model, "video", video, "direction", direction, "options", options))
                .post("/api/swaps").then().statusCode(201).extract().path("id");
    }

    /** Waits for the result to be READY (fails at once if it FAILED). */
    public void awaitReady(String result) throws InterruptedException {
        Await.until(Duration.ofSeconds(300), () -> {
            String status = session.request().get("/api/results/" + result).then().extract().path("status");
            if ("FAILED".equals(status)) {
                throw new AssertionError("swap failed: " + session.request().get("/api/results/" + result).asString());
            }
            return "READY".equals(status);
        });
    }
}

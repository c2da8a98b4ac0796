package dev.doppel.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.Accounts;
import dev.doppel.support.TestMedia;
import dev.doppel.support.TwoUsers;
import dev.doppel.support.Uploads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;

/** Extraction through the job system, from upload to reviewed face set, with the real decoder and models. */
@QuarkusTest
class FaceSetResourceTests {

    @TempDir
    Path tmp;

    @Inject
    FaceRepository faceRepository;

    @Inject
    FaceSetRepository faceSetRepository;

    @Inject
    FacesConfig config;

    @Test
    void everyUploadGetsAFaceSetOfAlignedFaces() throws Exception {
        Accounts.Session session = Accounts.newSession("faces");
        String video = Uploads.uploaded(session, TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4"));
        String set = session.request().get("/api/facesets").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].videoId", equalTo(video))
                .body("[0].status", equalTo("READY"))
                .body("[0].landmarks", equalTo(true))
                .body("[0].name", equalTo("grid_man-denim-shirt_bbaf2n"))
                // Every fifth of 75 frames in the test profile: 15 frames, a face in each.
                .body("[0].framesScanned", equalTo(15))
                .body("[0].faceCount", equalTo(15))
                // Every face passes the face check: a plain "Ready" set.
                .body("[0].facesChecked", equalTo(15))
                .body("[0].facesDoubtful", equalTo(0))
                .body("[0].mostlyNotFaces", equalTo(false))
                .extract().path("[0].id");

        List<Map<String, Object>> faces = session.request().get("/api/facesets/" + set + "/faces").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(faces).hasSize(15);
        assertThat(faces.get(0).get("frameIndex")).isEqualTo(0);
        assertThat(faces.get(1).get("frameIndex")).isEqualTo(5);
        assertThat(faces).allSatisfy(f -> {
            assertThat(((Number) f.get("faceScore")).doubleValue())
                    .isGreaterThanOrEqualTo(config.verification().minScore());
            assertThat(f.get("looksLikeFace")).isEqualTo(true);
        });

        String face = (String) faces.get(0).get("id");
        BufferedImage crop = ImageIO.read(new ByteArrayInputStream(session.request().get("/api/faces/" + face + "/image")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray()));
        assertThat(crop.getWidth()).isEqualTo(256);
        assertThat(crop.getHeight()).isEqualTo(256);
        BufferedImage mask = ImageIO.read(new ByteArrayInputStream(session.request().get("/api/faces/" + face + "/mask")
                .then().statusCode(200).contentType("image/png").extract().asByteArray()));
        // The mask covers the middle of the crop and not its corners.
        assertThat(mask.getRaster().getSample(128, 128, 0)).isEqualTo(255);
        assertThat(mask.getRaster().getSample(2, 2, 0)).isZero();

        List<Float> blur = session.request().get("/api/facesets/" + set + "/faces?sort=blur").then()
                .extract().jsonPath().getList("blur", Float.class);
        assertThat(blur).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        session.request().get("/api/facesets/" + set + "/faces?sort=nonsense").then().statusCode(400)
                .body("violations.field", hasItem("sort"));
    }

    @Test
    void reviewRemovesBadFacesAndExtractingAgainUsesNewSettings() throws Exception {
        Accounts.Session session = Accounts.newSession("review");
        Uploads.uploaded(session, TestMedia.clip("grid_woman-pink-top_lbbc2a.mp4"));
        String set = session.request().get("/api/facesets").then().extract().path("[0].id");
        List<String> ids = session.request().get("/api/facesets/" + set + "/faces").then().extract().jsonPath()
                .getList("id");
        session.request().contentType(ContentType.JSON).body(Map.of("ids", ids.subList(0, 3)))
                .post("/api/faces/delete").then().statusCode(200).body("deleted", equalTo(3));
        session.request().get("/api/facesets/" + set).then().body("faceCount", equalTo(ids.size() - 3));
        session.request().get("/api/faces/" + ids.get(0) + "/image").then().statusCode(404);

        session.request().contentType(ContentType.JSON).body(Map.of("everyNthFrame", 0))
                .post("/api/facesets/" + set + "/extract").then().statusCode(400)
                .body("violations.field", hasItem("everyNthFrame"));
        session.request().contentType(ContentType.JSON).body(Map.of("detector", "magic"))
                .post("/api/facesets/" + set + "/extract").then().statusCode(400)
                .body("detail", containsString("haar"));
        session.request().contentType(ContentType.JSON).body(Map.of("mask", "magic"))
                .post("/api/facesets/" + set + "/extract").then().statusCode(400)
                .body("violations.field", hasItem("mask")).body("detail", containsString("hull, mesh"));
        session.request().contentType(ContentType.JSON)
                .body(Map.of("everyNthFrame", 1, "detector", "haar", "mask", "MESH"))
                .post("/api/facesets/" + set + "/extract").then().statusCode(202).body("type", equalTo("EXTRACT"));
        Uploads.awaitJobs(session);
        int faces = session.request().get("/api/facesets/" + set).then().body("status", equalTo("READY"))
                .body("mask", equalTo("mesh")).body("framesScanned", equalTo(75)).extract().path("faceCount");
        // One face in at least 95 % of the frames, as the issue asks of every GRID clip.
        assertThat(faces).isGreaterThanOrEqualTo(72).isLessThanOrEqualTo(75);
    }

    @Test
    void flagsASetWhoseFacesAreMostlyNotFacesUntilTheyAreRemoved() {
        // Tears of Steel: a three-quarter face with glasses before a busy set. YuNet, the default detector, finds
        // his face in nearly every frame scanned (every fifth in the tests: 24) and nothing else.
        Accounts.Session session = Accounts.newSession("notfaces");
        Uploads.uploaded(session, TestMedia.clip("tos_scientist-glasses_5s.mp4"));
        String id = session.request().get("/api/facesets").then().statusCode(200)
                .body("[0].status", equalTo("READY"))
                .body("[0].detector", equalTo("yunet"))
                .body("[0].framesScanned", equalTo(24))
                .body("[0].faceCount", greaterThanOrEqualTo(22))
                .body("[0].facesDoubtful", equalTo(0))
                .body("[0].mostlyNotFaces", equalTo(false))
                .extract().path("[0].id");
        // The Haar cascade's "faces" there are lamps, screens and background; the face check sees no face in
        // their aligned crops.
        Map<String, Object> set = extractAgain(session, id, "haar");
        assertThat(set.get("mostlyNotFaces")).isEqualTo(true);
        int count = (Integer) set.get("faceCount");
        int doubtful = (Integer) set.get("facesDoubtful");
        System.out.printf("Tears of Steel: %d faces, %d checked, %d may not be faces%n", count,
                set.get("facesChecked"), doubtful);
        assertThat(count).isPositive();
        assertThat(set.get("facesChecked")).isEqualTo(count);
        assertThat(doubtful * 2).isGreaterThan(count);

        // Least face-like first, as the review page sorts them.
        List<Map<String, Object>> faces = session.request().get("/api/facesets/" + id + "/faces?sort=score").then()
                .statusCode(200).extract().jsonPath().getList("$");
        List<Double> scores = faces.stream().map(f -> ((Number) f.get("faceScore")).doubleValue()).toList();
        assertThat(scores).isSorted();
        List<String> notFaces = faces.stream().filter(f -> Boolean.FALSE.equals(f.get("looksLikeFace")))
                .map(f -> (String) f.get("id")).toList();
        assertThat(notFaces).hasSize(doubtful);
        session.request().get("/api/faces/" + notFaces.get(0)).then().statusCode(200)
                .body("looksLikeFace", equalTo(false));

        session.request().contentType(ContentType.JSON).body(Map.of("ids", notFaces)).post("/api/faces/delete")
                .then().statusCode(200);
        session.request().get("/api/facesets/" + id).then()
                .body("faceCount", equalTo(count - doubtful))
                .body("facesChecked", equalTo(count - doubtful))
                .body("facesDoubtful", equalTo(0))
                .body("mostlyNotFaces", equalTo(false));
    }

    @Test
    void facesFromBeforeTheFaceCheckAreUnknownNotFailed() {
        Accounts.Session session = Accounts.newSession("oldfaces");
        Uploads.uploaded(session, TestMedia.clip("tos_scientist-glasses_5s.mp4"));
        String id = session.request().get("/api/facesets").then().extract().path("[0].id");
        assertThat(extractAgain(session, id, "haar").get("mostlyNotFaces")).isEqualTo(true);
        // What V7 leaves on rows extracted before it: no score, and a set that checked none.
        QuarkusTransaction.requiringNew().run(() -> {
            faceRepository.update("faceScore = null where faceSetId = ?1", UUID.fromString(id));
            FaceSet set = faceSetRepository.findById(UUID.fromString(id));
            faceRepository.recountChecks(set, config.verification().minScore());
        });
        session.request().get("/api/facesets/" + id).then()
                .body("facesChecked", equalTo(0))
                .body("facesDoubtful", equalTo(0))
                .body("mostlyNotFaces", equalTo(false));
        session.request().get("/api/facesets/" + id + "/faces?sort=score").then().statusCode(200)
                .body("faceScore", everyItem(nullValue()))
                .body("looksLikeFace", everyItem(nullValue()));
    }

    @Test
    void aVideoWithoutFacesGivesAnEmptySetAndSaysWhy() throws Exception {
        Accounts.Session session = Accounts.newSession("nobody");
        Uploads.uploaded(session, TestMedia.syntheticVideo(tmp, 320, 240, 20, 10));
        session.request().get("/api/facesets").then()
                .body("[0].status", equalTo("READY"))
                .body("[0].faceCount", equalTo(0))
                .body("[0].mostlyNotFaces", equalTo(false))
                .body("[0].message", containsString("No faces were found"));
        session.request().get("/api/jobs").then().body("status", not(hasItem("FAILED")));
    }

    @Test
    void mergesFaceSetsOfOnePersonIntoANewOne() {
        Accounts.Session session = Accounts.newSession("merge");
        Uploads.uploaded(session, TestMedia.clip("grid_s2-man-grey-hair_a_swwp2s.mp4"));
        Uploads.uploaded(session, TestMedia.clip("grid_s2-man-grey-hair_b_pwij3p.mp4"));
        List<String> sets = session.request().get("/api/facesets").then().extract().jsonPath().getList("id");
        int total = session.request().get("/api/facesets").then().extract().jsonPath().getList("faceCount", Integer.class)
                .stream().mapToInt(Integer::intValue).sum();
        String merged = session.request().contentType(ContentType.JSON)
                .body(Map.of("name", "Speaker s2", "faceSets", sets)).post("/api/facesets/merge").then()
                .statusCode(201).body("faceCount", equalTo(total)).body("name", equalTo("Speaker s2"))
                // The copies keep their face scores.
                .body("facesChecked", equalTo(total)).body("facesDoubtful", equalTo(0))
                .extract().path("id");
        // The merged set owns copies: deleting a source leaves it whole.
        session.request().delete("/api/facesets/" + sets.get(0)).then().statusCode(204);
        List<String> mergedFaces = session.request().get("/api/facesets/" + merged + "/faces").then()
                .extract().jsonPath().getList("id");
        assertThat(mergedFaces).hasSize(total);
        session.request().get("/api/faces/" + mergedFaces.get(0) + "/image").then().statusCode(200);
        session.request().contentType(ContentType.JSON).body(Map.of("faceSets", List.of(merged)))
                .post("/api/facesets/merge").then().statusCode(400);
    }

    @Test
    void reportsCapabilities() {
        Accounts.newSession("caps").request().get("/api/faces/capabilities").then().statusCode(200)
                .body("landmarks", equalTo(true))
                .body("detectors", hasItem("haar"))
                .body("detectors", hasItem("lbp"))
                .body("masks", contains("hull", "mesh"))
                .body("defaultMask", equalTo("hull"))
                .body("alignedSize", equalTo(256))
                // The app ships YuNet's model file: every extracted face is checked.
                .body("faceCheck", equalTo(true))
                .body("faceCheckProblem", nullValue());
    }

    @Test
    void faceSetsAndFacesArePrivateOnEveryEndpoint() {
        TwoUsers users = TwoUsers.create();
        Uploads.uploaded(users.owner(), TestMedia.clip("grid_man-black-top_sbia1a.mp4"));
        String set = users.owner().request().get("/api/facesets").then().extract().path("[0].id");
        String face = users.owner().request().get("/api/facesets/" + set + "/faces").then().extract().path("[0].id");
        String setUrl = "/api/facesets/" + set;
        String faceUrl = "/api/faces/" + face;
        users.assertHiddenFromStranger(setUrl);
        users.assertHiddenFromStranger(setUrl + "/faces");
        users.assertHiddenFromStranger(faceUrl);
        users.assertHiddenFromStranger(faceUrl + "/image");
        users.assertHiddenFromStranger(faceUrl + "/mask");
        users.assertStrangerCannotChange(Method.PATCH, setUrl, Map.of("name", "mine"), setUrl);
        users.assertStrangerCannotChange(Method.POST, setUrl + "/extract", Map.of(), setUrl);
        users.assertStrangerCannotChange(Method.DELETE, setUrl, null, setUrl);
        users.assertStrangerCannotChange(Method.DELETE, faceUrl, null, faceUrl);
        users.assertStrangerCannotChange(Method.POST, "/api/faces/delete", Map.of("ids", List.of(face)), faceUrl);
        users.assertStrangerCannotChange(Method.POST, "/api/facesets/merge",
                Map.of("faceSets", List.of(set)), setUrl);
        users.stranger().request().get("/api/facesets").then().body("id", not(hasItem(set)));
    }

    /** Extracts the set again with another detector, waits, and returns the set. */
    private static Map<String, Object> extractAgain(Accounts.Session session, String id, String detector) {
        session.request().contentType(ContentType.JSON).body(Map.of("detector", detector))
                .post("/api/facesets/" + id + "/extract").then().statusCode(202);
        Uploads.awaitJobs(session);
        return session.request().get("/api/facesets/" + id).then().statusCode(200)
                .body("status", equalTo("READY")).body("detector", equalTo(detector)).extract().path("$");
    }
}

package dev.doppel.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.Accounts;
import dev.doppel.support.StorageSnapshot;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every kind of bad upload: the answer names the reason, and rows, blobs and temp files are exactly as before
 * — including the video the account already had.
 */
@QuarkusTest
class VideoRejectionTests {

    @TempDir
    Path tmp;

    private Accounts.Session session;
    private String existing;

    @BeforeEach
    void anAccountWithOneVideo() {
        session = Accounts.newSession("reject");
        existing = Uploads.uploaded(session, TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4"));
    }

    @Test
    void emptyFile() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        refused(() -> Uploads.upload(session, empty), 400, "empty", "file");
    }

    @Test
    void imageRenamedToMp4() throws Exception {
        Path png = tmp.resolve("portrait.mp4");
        Files.copy(TestMedia.clip("nasa_astronaut-eileen-collins.png"), png);
        refused(() -> Uploads.upload(session, png), 422, "not a video", "file");
    }

    @Test
    void textRenamedToMp4() throws Exception {
        Path text = tmp.resolve("notes.mp4");
        Files.writeString(text, "Shopping list: eggs, milk, bread.\n".repeat(100));
        refused(() -> Uploads.upload(session, text), 422, "not a video", "file");
    }

    @Test
    void truncatedMp4() throws Exception {
        Path half = TestMedia.truncated(tmp, TestMedia.clip("grid_woman-long-hair_brbk7n.mp4"));
        refused(() -> Uploads.upload(session, half), 422, "video", "file");
    }

    @Test
    void randomBytes() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(42).nextBytes(bytes);
        Path random = Files.write(tmp.resolve("random.mp4"), bytes);
        refused(() -> Uploads.upload(session, random), 422, "not a video", "file");
    }

    @Test
    void audioOnly() throws Exception {
        Path audio = TestMedia.audioOnly(tmp);
        refused(() -> Uploads.upload(session, audio), 422, "no picture", "file");
    }

    @Test
    void overTheSizeLimit() throws Exception {
        byte[] bytes = new byte[1_600_000];
        new Random(1).nextBytes(bytes);
        Path big = Files.write(tmp.resolve("big.mp4"), bytes);
        refused(() -> Uploads.upload(session, big), 413, "largest upload", null);
    }

    @Test
    void overTheDurationLimit() throws Exception {
        refused(() -> Uploads.upload(session, TestMedia.clip("grid_s2-man-grey-hair_concat6s.mp4")), 422, "longest accepted",
                "file");
    }

    @Test
    void overTheResolutionLimit() throws Exception {
        Path wide = TestMedia.syntheticVideo(tmp, 800, 448, 10, 10);
        refused(() -> Uploads.upload(session, wide), 422, "800×448", "file");
    }

    @Test
    void overTheQuota() throws Exception {
        // 182 KB already stored; two 645 KB clips fit in the 2 MB quota, a third does not.
        Path tos = TestMedia.clip("tos_scientist-glasses_5s.mp4");
        Uploads.uploaded(session, tos);
        Uploads.uploaded(session, tos);
        refused(() -> Uploads.upload(session, tos), 413, "quota", "file");
        session.request().get("/api/videos").then().body("$", hasSize(3));
    }

    @Test
    void missingConsent() throws Exception {
        refused(() -> Uploads.upload(session, TestMedia.clip("grid_man-glasses_lbax4n.mp4"), null, false), 400, "consent",
                "consent");
    }

    @Test
    void missingFile() throws Exception {
        StorageSnapshot before = StorageSnapshot.take();
        session.request().multiPart("consent", "true").post("/api/videos").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("file"));
        assertThat(StorageSnapshot.awaitEqual(before)).isEqualTo(before);
    }

    @Test
    void anonymousUpload() throws Exception {
        Path clip = TestMedia.clip("grid_man-glasses_lbax4n.mp4");
        StorageSnapshot before = StorageSnapshot.take();
        io.restassured.RestAssured.given().multiPart("file", clip.toFile(), "video/mp4").multiPart("consent", "true")
                .post("/api/videos").then().statusCode(401).contentType("application/problem+json");
        assertThat(StorageSnapshot.awaitEqual(before)).isEqualTo(before);
    }

    private void refused(Supplier<Response> upload, int status, String detail, String field) throws Exception {
        StorageSnapshot before = StorageSnapshot.take();
        var then = upload.get().then().statusCode(status).contentType("application/problem+json")
                .body("detail", containsString(detail))
                .body("title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.equalTo("Error")));
        if (field != null) {
            then.body("violations.field", hasItem(field));
        }
        // Nothing new is stored anywhere: no row, no blob, no temp or upload file...
        assertThat(StorageSnapshot.awaitEqual(before)).isEqualTo(before);
        // ...and the account's earlier upload is untouched.
        session.request().get("/api/videos/" + existing + "/content").then().statusCode(200);
        session.request().get("/api/videos").then().body("id", hasItem(existing));
    }
}

package dev.doppel.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.StorageSnapshot;
import dev.doppel.support.TestMedia;
import dev.doppel.support.TwoUsers;
import dev.doppel.support.Uploads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;

@QuarkusTest
class VideoResourceTests {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI root;

    @Test
    void shouldProbeEveryGridClipToItsTrueValues() throws Exception {
        Accounts.Session session = Accounts.newSession("grid");
        for (Path clip : TestMedia.gridClips()) {
            String id = Uploads.upload(session, clip).then()
                    .statusCode(201)
                    .header("Location", containsString("/api/videos/"))
                    .body("name", equalTo(clip.getFileName().toString()))
                    .body("width", equalTo(360))
                    .body("height", equalTo(288))
                    .body("fps", equalTo(25.0f))
                    .body("frameCount", equalTo(75))
                    .body("durationSeconds", both(greaterThan(2.95f)).and(lessThan(3.05f)))
                    .body("hasAudio", equalTo(true))
                    .body("sizeBytes", equalTo((int) Files.size(clip)))
                    .extract().path("id");
            Uploads.awaitJobs(session);
            // Room in the small test quota for the next clip.
            session.request().delete("/api/videos/" + id).then().statusCode(204);
        }
    }

    @Test
    void shouldProbeTheOtherClips() {
        Accounts.Session session = Accounts.newSession("others");
        Uploads.upload(session, TestMedia.clip("ccby_woman-smiling-group_openmpf-video_01.mp4")).then()
                .statusCode(201)
                .body("width", equalTo(640))
                .body("height", equalTo(480))
                .body("hasAudio", equalTo(true))
                .body("audioCodec", equalTo("aac"));
        Uploads.upload(session, TestMedia.clip("tos_scientist-glasses_5s.mp4")).then()
                .statusCode(201)
                .body("width", equalTo(640))
                .body("height", equalTo(360))
                .body("hasAudio", equalTo(false));
        session.request().get("/api/videos").then().statusCode(200).body("$", hasSize(2))
                .body("[0].name", equalTo("tos_scientist-glasses_5s.mp4"));
    }

    @Test
    void shouldServeAJpegThumbnailAndTheOriginal() throws Exception {
        Accounts.Session session = Accounts.newSession("thumb");
        Path clip = TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4");
        String id = Uploads.uploaded(session, clip);

        Response thumb = session.request().get("/api/videos/" + id + "/thumbnail");
        thumb.then().statusCode(200).contentType("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumb.asByteArray()));
        assertThat(image.getWidth()).isEqualTo(360);
        assertThat(image.getHeight()).isEqualTo(288);
        // A real frame of a talking head, not a black or blank picture.
        assertThat(meanBrightness(image)).isBetween(30.0, 225.0);

        byte[] content = session.request().get("/api/videos/" + id + "/content").then()
                .statusCode(200).contentType("video/mp4").header("Accept-Ranges", "bytes")
                .extract().asByteArray();
        assertThat(content).isEqualTo(Files.readAllBytes(clip));
    }

    @Test
    void shouldKeepFileNamesAsLabelsOnly() throws Exception {
        Accounts.Session session = Accounts.newSession("names");
        Path clip = TestMedia.clip("grid_man-glasses_lbax4n.mp4");
        StorageSnapshot before = StorageSnapshot.take();
        String id = Uploads.upload(session, clip, "../../etc/passwd.mp4", true).then()
                .statusCode(201).body("name", equalTo("passwd.mp4")).extract().path("id");
        Uploads.awaitJobs(session);
        assertThat(Path.of("target/etc")).doesNotExist();
        assertThat(Path.of("etc/passwd.mp4")).doesNotExist();
        StorageSnapshot after = StorageSnapshot.take();
        int faces = session.request().get("/api/facesets").then().extract().path("[0].faceCount");
        // Exactly one new row; the original, its thumbnail and a crop and a mask per face; nothing named after it.
        assertThat(after.videoRows()).isEqualTo(before.videoRows() + 1);
        assertThat(after.blobs()).hasSize(before.blobs().size() + 2 + 2 * faces).noneMatch(b -> b.contains("passwd"));
        session.request().delete("/api/videos/" + id).then().statusCode(204);

        String unicode = "Zoë 🎬 видео 東京.mp4";
        var response = Uploads.uploadAsBrowser(root, session, clip, unicode);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(io.restassured.path.json.JsonPath.from(response.body()).getString("name")).isEqualTo(unicode);
    }

    @Test
    void shouldRenameAndDelete() throws Exception {
        Accounts.Session session = Accounts.newSession("rename");
        String id = Uploads.uploaded(session, TestMedia.clip("grid_woman-pink-top_lbbc2a.mp4"));
        session.request().contentType(ContentType.JSON).body(Map.of("name", "  Person A — take 1  "))
                .patch("/api/videos/" + id).then().statusCode(200).body("name", equalTo("Person A — take 1"));
        session.request().contentType(ContentType.JSON).body(Map.of("name", "   "))
                .patch("/api/videos/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
        session.request().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(256)))
                .patch("/api/videos/" + id).then().statusCode(400);
        session.request().get("/api/videos/" + id).then().body("name", equalTo("Person A — take 1"));

        Video video = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(UUID.fromString(id)));
        StorageSnapshot before = StorageSnapshot.take();
        assertThat(before.blobs()).anyMatch(b -> b.endsWith(video.blobKey)).anyMatch(b -> b.endsWith(video.thumbnailKey));

        session.request().delete("/api/videos/" + id).then().statusCode(204);
        StorageSnapshot after = StorageSnapshot.take();
        assertThat(after.videoRows()).isEqualTo(before.videoRows() - 1);
        assertThat(after.blobs()).noneMatch(b -> b.endsWith(video.blobKey) || b.endsWith(video.thumbnailKey));
        session.request().get("/api/videos/" + id).then().statusCode(404);
        session.request().get("/api/videos").then().body("id", not(hasItem(id)));
    }

    @Test
    void shouldReportStorageUsage() {
        Accounts.Session session = Accounts.newSession("usage");
        session.request().get("/api/me/storage").then().statusCode(200).body("usedBytes", equalTo(0))
                .body("quotaBytes", equalTo(2_000_000)).body("maxUploadBytes", equalTo(1_500_000))
                .body("maxLongSidePixels", equalTo(700));
        Uploads.uploaded(session, TestMedia.clip("grid_man-black-top_sbia1a.mp4"));
        session.request().get("/api/me/storage").then().body("usedBytes", equalTo(182236));
    }

    @Test
    void shouldDeleteVideosWithTheAccount() throws Exception {
        Accounts.Session session = Accounts.newSession("leaving");
        String id = Uploads.uploaded(session, TestMedia.clip("grid_man-light-shirt_sbwe5n.mp4"));
        Video video = QuarkusTransaction.requiringNew().call(() -> Video.<Video>findById(UUID.fromString(id)));
        session.request().contentType(ContentType.JSON).body(Map.of("password", Accounts.PASSWORD))
                .delete("/api/me").then().statusCode(204);
        assertThat((Object) QuarkusTransaction.requiringNew().call(() -> Video.findById(UUID.fromString(id)))).isNull();
        assertThat(StorageSnapshot.take().blobs())
                .noneMatch(b -> b.endsWith(video.blobKey) || b.endsWith(video.thumbnailKey));
    }

    @Test
    void shouldHideVideosFromOtherUsersOnEveryEndpoint() {
        TwoUsers users = TwoUsers.create();
        String id = Uploads.uploaded(users.owner(), TestMedia.clip("grid_woman-green-top_lrwp9a.mp4"));
        String base = "/api/videos/" + id;
        users.assertHiddenFromStranger(base);
        users.assertHiddenFromStranger(base + "/content");
        users.assertHiddenFromStranger(base + "/thumbnail");
        users.assertStrangerCannotChange(Method.PATCH, base, Map.of("name", "mine now"), base);
        users.assertStrangerCannotChange(Method.DELETE, base, null, base);
        users.stranger().request().get("/api/videos").then().statusCode(200).body("id", not(hasItem(id)));
        users.stranger().request().header("Range", "bytes=0-99").get(base + "/content").then().statusCode(404);
        // Signed out: 401, not the video.
        io.restassured.RestAssured.given().get(base + "/content").then().statusCode(401);
    }

    private static double meanBrightness(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
            }
        }
        long samples = (long) ((image.getHeight() + 3) / 4) * ((image.getWidth() + 3) / 4);
        return sum / (3.0 * samples);
    }
}

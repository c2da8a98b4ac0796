package dev.doppel.media.resumable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.Await;
import dev.doppel.support.MutableClock;
import dev.doppel.support.TestMedia;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;

/**
 * Resumable uploads over tus through the real server, database, probe and storage: a connection cut halfway
 * resumes at the server's offset and the video is accepted exactly once; the official Java tus client uploads in
 * chunks; refusals come before the bytes when the length decides them and leave nothing when the file does; an
 * abandoned upload is swept after its expiry.
 */
@QuarkusTest
class ResumableUploadTests {

    private static final Path CLIP = TestMedia.clip("grid_man-glasses_lbax4n.mp4");

    @TestHTTPResource("/")
    URL root;

    @Inject
    ResumableUploads uploads;

    @Inject
    PartialFiles partialFiles;

    @AfterEach
    void realClock() {
        uploads.clock = Clock.systemUTC();
    }

    @Test
    void aConnectionCutHalfwayResumesAtTheServersOffsetAndTheVideoIsAcceptedOnce() throws Exception {
        Accounts.Session session = Accounts.newSession("resume");
        byte[] bytes = Files.readAllBytes(CLIP);
        String location = create(session, bytes.length, "glasses.mp4", true).then().statusCode(201)
                .header("Tus-Resumable", "1.0.0").header("Upload-Expires", containsString("GMT"))
                .extract().header("Location");
        String path = URI.create(location).getPath();

        // Half the bytes of a PATCH that promised all of them, then the socket closes.
        int half = bytes.length / 2;
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                    + "\r\nCookie: " + session.cookieHeader() + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0"
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + bytes.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, half);
            out.flush();
            // Long enough for a worker thread to pick the request up and read what arrived, on a busy machine too.
            Thread.sleep(1_000);
        }
        long[] offset = new long[1];
        Await.until(Duration.ofSeconds(20), Duration.ofMillis(100), () -> {
            Response head = tus(session).head(path);
            if (head.statusCode() != 200) {
                return false;
            }
            offset[0] = Long.parseLong(head.header("Upload-Offset"));
            return offset[0] > 0 && tus(session).patch(path).statusCode() != 423;
        });
        assertThat(offset[0]).isBetween(1L, (long) half);
        assertThat(Files.size(partialFiles.of(id(path)))).isEqualTo(offset[0]);

        // A stale offset is refused; the server's own goes on.
        tus(session).header("Upload-Offset", 0).contentType(TusResource.OFFSET_OCTET_STREAM)
                .body(bytes).patch(path).then().statusCode(409);
        int videosBefore = session.request().get("/api/videos").then().extract().jsonPath().getList("$").size();
        Response done = tus(session).header("Upload-Offset", offset[0]).contentType(TusResource.OFFSET_OCTET_STREAM)
                .body(Arrays.copyOfRange(bytes, (int) offset[0], bytes.length)).patch(path);
        done.then().statusCode(204).header("Upload-Offset", String.valueOf(bytes.length));
        String video = done.header(TusResource.VIDEO_HEADER);
        assertThat(video).startsWith("/api/videos/");
        session.request().get(video).then().statusCode(200).body("name", containsString("glasses"))
                .body("sizeBytes", org.hamcrest.Matchers.equalTo(bytes.length));
        assertThat(session.request().get("/api/videos").then().extract().jsonPath().getList("$"))
                .hasSize(videosBefore + 1);
        // The upload is over: nothing of it remains, and sending again does not make a second video.
        tus(session).head(path).then().statusCode(404);
        assertThat(partialFiles.of(id(path))).doesNotExist();
        tus(session).header("Upload-Offset", bytes.length).contentType(TusResource.OFFSET_OCTET_STREAM)
                .body(new byte[0]).patch(path).then().statusCode(404);
        assertThat(session.request().get("/api/videos").then().extract().jsonPath().getList("$"))
                .hasSize(videosBefore + 1);
    }

    @Test
    void theOfficialTusClientUploadsInChunks() throws Exception {
        Accounts.Session session = Accounts.newSession("tus-client");
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL(root, "/api/uploads"));
        client.setHeaders(Map.of("Cookie", session.cookieHeader()));
        client.enableResuming(new TusURLMemoryStore());
        TusUpload upload = new TusUpload(CLIP.toFile());
        upload.setMetadata(Map.of("filename", "chunks.mp4", "consent", "true"));
        TusUploader uploader = client.resumeOrCreateUpload(upload);
        uploader.setChunkSize(32 * 1024);
        int chunks = 0;
        while (uploader.uploadChunk() > -1) {
            chunks++;
        }
        uploader.finish();
        assertThat(chunks).isGreaterThan(3);
        assertThat(session.request().get("/api/videos").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class)).containsExactly("chunks.mp4");
    }

    @Test
    void refusalsComeBeforeTheBytesWhenTheLengthDecidesAndLeaveNothingWhenTheFileDoes() throws Exception {
        Accounts.Session session = Accounts.newSession("tus-refusals");
        create(session, 1000, "x.mp4", false).then().statusCode(400).body("detail", containsString("consent"))
                .header("Tus-Resumable", "1.0.0");
        create(session, 50_000_000, "x.mp4", true).then().statusCode(413).body("detail", containsString("largest upload"));
        given().cookie(Accounts.COOKIE, session.cookie()).cookie(Accounts.SID, session.sid())
                .header("Upload-Length", 1000).post("/api/uploads").then().statusCode(412).header("Tus-Version", "1.0.0");
        given().header("Tus-Resumable", "1.0.0").header("Upload-Length", 1000).post("/api/uploads").then()
                .statusCode(401);

        // Not a video: refused when the last byte arrives, and nothing of it is kept.
        byte[] text = "hello, this is not a video at all".repeat(40).getBytes(StandardCharsets.UTF_8);
        String path = URI.create(create(session, text.length, "notes.mp4", true).then().statusCode(201)
                .extract().header("Location")).getPath();
        tus(session).header("Upload-Offset", 0).contentType(TusResource.OFFSET_OCTET_STREAM).body(text).patch(path)
                .then().statusCode(422).header("Tus-Resumable", "1.0.0");
        tus(session).head(path).then().statusCode(404);
        assertThat(partialFiles.of(id(path))).doesNotExist();
        session.request().get("/api/videos").then().body("size()", org.hamcrest.Matchers.equalTo(0));

        // Someone else's upload does not exist for you.
        String mine = URI.create(create(session, 1000, "mine.mp4", true).header("Location")).getPath();
        Accounts.Session other = Accounts.newSession("tus-other");
        tus(other).head(mine).then().statusCode(404);
        tus(other).delete(mine).then().statusCode(404);
        tus(session).head(mine).then().statusCode(200).header("Upload-Offset", "0");
        // Abandoned on purpose: gone with its bytes.
        tus(session).delete(mine).then().statusCode(204);
        tus(session).head(mine).then().statusCode(404);
        assertThat(partialFiles.of(id(mine))).doesNotExist();
    }

    @Test
    void anUploadWhoseBytesAreOnAnotherWebNodeIsGivenUpSoTheClientStartsOver() throws Exception {
        Accounts.Session session = Accounts.newSession("tus-elsewhere");
        String path = URI.create(create(session, 5000, "elsewhere.mp4", true).header("Location")).getPath();
        tus(session).header("Upload-Offset", 0).contentType(TusResource.OFFSET_OCTET_STREAM)
                .body(new byte[2000]).patch(path).then().statusCode(204);
        // This node never had the bytes (here: they are removed behind its back). Asked where it stands: gone.
        Files.delete(partialFiles.of(id(path)));
        tus(session).head(path).then().statusCode(410).header("Tus-Resumable", "1.0.0");
        tus(session).head(path).then().statusCode(404);

        // Sent the rest without asking first: refused with the reason.
        String second = URI.create(create(session, 5000, "elsewhere.mp4", true).header("Location")).getPath();
        tus(session).header("Upload-Offset", 0).contentType(TusResource.OFFSET_OCTET_STREAM)
                .body(new byte[2000]).patch(second).then().statusCode(204);
        Files.delete(partialFiles.of(id(second)));
        tus(session).header("Upload-Offset", 2000).contentType(TusResource.OFFSET_OCTET_STREAM)
                .body(new byte[3000]).patch(second).then().statusCode(410)
                .body("detail", containsString("start the upload again"));
        tus(session).head(second).then().statusCode(404);
    }

    @Test
    void anAbandonedUploadIsRemovedAfterItsExpiry() throws Exception {
        Accounts.Session session = Accounts.newSession("tus-abandoned");
        byte[] bytes = Files.readAllBytes(CLIP);
        String path = URI.create(create(session, bytes.length, "later.mp4", true).header("Location"))
                .getPath();
        tus(session).header("Upload-Offset", 0).contentType(TusResource.OFFSET_OCTET_STREAM)
                .body(Arrays.copyOf(bytes, 10_000)).patch(path).then().statusCode(204).header("Upload-Offset", "10000");

        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofHours(23)));
        uploads.clock = clock;
        uploads.sweep();
        tus(session).head(path).then().statusCode(200);
        clock.advance(Duration.ofHours(2));
        uploads.sweep();
        assertThat(partialFiles.of(id(path))).doesNotExist();
        uploads.clock = Clock.systemUTC();
        tus(session).head(path).then().statusCode(404);
    }

    private static Response create(Accounts.Session session, long length, String fileName, boolean consent) {
        return tus(session).header("Upload-Length", length)
                .header("Upload-Metadata", "filename " + b64(fileName) + ",consent " + b64(consent ? "true" : "no"))
                .post("/api/uploads");
    }

    private static RequestSpecification tus(Accounts.Session session) {
        return session.request().header("Tus-Resumable", "1.0.0");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.UUID id(String path) {
        return java.util.UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }
}

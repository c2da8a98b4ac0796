package dev.doppel.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** HTTP Range on the original, byte for byte against the file that was uploaded. */
@QuarkusTest
// Uses the database only as a fixture: left out of CI's PostgreSQL pass (see .ci/run).
@Tag("db-agnostic")
class VideoRangeTests {

    private static final Path CLIP = TestMedia.clip("grid_man-black-top_sbia1a.mp4");

    private Accounts.Session session;
    private String url;
    private byte[] original;

    @BeforeEach
    void upload() throws Exception {
        session = Accounts.newSession("range");
        url = "/api/videos/" + Uploads.uploaded(session, CLIP) + "/content";
        original = Files.readAllBytes(CLIP);
    }

    @Test
    void firstBytes() {
        Response r = range("bytes=0-99");
        r.then().statusCode(206).header("Content-Range", "bytes 0-99/" + original.length)
                .header("Content-Length", "100").contentType("video/mp4");
        assertThat(r.asByteArray()).isEqualTo(Arrays.copyOfRange(original, 0, 100));
    }

    @Test
    void middle() {
        int from = original.length / 3;
        int to = from + 12_345;
        Response r = range("bytes=" + from + "-" + to);
        r.then().statusCode(206).header("Content-Range", "bytes " + from + "-" + to + "/" + original.length);
        assertThat(r.asByteArray()).isEqualTo(Arrays.copyOfRange(original, from, to + 1));
    }

    @Test
    void openEnded() {
        int from = original.length - 5000;
        Response r = range("bytes=" + from + "-");
        r.then().statusCode(206).header("Content-Range",
                "bytes " + from + "-" + (original.length - 1) + "/" + original.length);
        assertThat(r.asByteArray()).isEqualTo(Arrays.copyOfRange(original, from, original.length));
    }

    @Test
    void suffix() {
        Response r = range("bytes=-500");
        r.then().statusCode(206).header("Content-Range",
                "bytes " + (original.length - 500) + "-" + (original.length - 1) + "/" + original.length);
        assertThat(r.asByteArray()).isEqualTo(Arrays.copyOfRange(original, original.length - 500, original.length));
    }

    @Test
    void endPastTheFileIsClamped() {
        Response r = range("bytes=" + (original.length - 10) + "-" + (original.length + 1000));
        r.then().statusCode(206).header("Content-Length", "10");
        assertThat(r.asByteArray()).isEqualTo(Arrays.copyOfRange(original, original.length - 10, original.length));
    }

    @Test
    void unsatisfiable() {
        range("bytes=" + original.length + "-").then()
                .statusCode(416)
                .header("Content-Range", "bytes */" + original.length)
                .contentType("application/problem+json")
                .body("status", equalTo(416));
        range("bytes=-0").then().statusCode(416);
    }

    @Test
    void unknownUnitsOrSeveralRangesGetTheWholeFile() {
        for (String header : new String[] { "items=0-5", "bytes=0-5,10-20", "bytes=abc" }) {
            Response r = range(header);
            r.then().statusCode(200);
            assertThat(r.asByteArray()).as(header).isEqualTo(original);
        }
    }

    private Response range(String header) {
        return session.request().header("Range", header).get(url);
    }
}

package dev.doppel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.doppel.support.AppProcess;

/**
 * The README's first command, for real: the packaged jar started by docker/start.sh in the prod profile, with
 * each role, and with a role that does not exist.
 */
class PackagedAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void webRoleServesTheAppWithSecureSessionCookiesThatSurviveARestart() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        String email = "packaged-" + UUID.randomUUID() + "@example.test";
        String session;
        try (AppProcess app = AppProcess.start("web", data)) {
            String health = app.awaitReady(Duration.ofSeconds(90));
            assertThat(health).contains("\"role\": \"web\"").contains("\"pytorch\": \"2.5.1\"")
                    .contains("\"opencv\": \"4.13");
            assertThat(app.get("/", null).body()).contains("<div id=\"app\"");
            assertThat(app.postJson("/api/auth/register",
                    "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}", null).statusCode())
                    .isEqualTo(201);
            var login = app.signIn(email, "correct horse battery");
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie = AppProcess.sessionSetCookie(login);
            assertThat(cookie).startsWith("doppel-session=").contains("Path=/;").containsIgnoringCase("Secure")
                    .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
            session = AppProcess.cookieHeaderOf(login);
            // The data directory holds the session key (and, on the embedded default, the database).
            assertThat(data.resolve("secrets/session.key")).isRegularFile();
            if (!AppProcess.onPostgres()) {
                assertThat(data.resolve("db")).isDirectory();
            }
        }
        // A restart keeps the session key, so nobody is signed out by it.
        try (AppProcess again = AppProcess.start("web", data)) {
            again.awaitReady(Duration.ofSeconds(90));
            var me = again.get("/api/me", session);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains(email);
        }
    }

    @Test
    void workerRoleStartsAndSaysSo() throws Exception {
        try (AppProcess worker = AppProcess.start("worker", Files.createDirectories(tmp.resolve("data")))) {
            assertThat(worker.awaitReady(Duration.ofSeconds(90))).contains("\"role\": \"worker\"");
        }
    }

    /**
     * Started outside the project (as an installed app is), the app still has its four presets and YuNet: both
     * ship inside it. With YuNet's file set to a path that does not exist, faces are found with Haar and the
     * health check says so.
     */
    @Test
    void startedFromAnotherDirectoryItHasItsPresetsAndDetector() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        try (AppProcess app = AppProcess.startFrom(elsewhere, "web", Files.createDirectories(tmp.resolve("data-a")));
                AppProcess noYuNet = AppProcess.startFrom(elsewhere, "web",
                        Files.createDirectories(tmp.resolve("data-b")),
                        "-Ddoppel.faces.yunet-model=" + elsewhere.resolve("missing/yunet.onnx"))) {
            assertThat(app.awaitReady(Duration.ofSeconds(90))).contains("\"detector\": \"yunet\"")
                    .contains("\"faceCheck\": \"available\"").doesNotContain("detectorProblem");
            String cookie = app.signUp("elsewhere-" + UUID.randomUUID() + "@example.test", "correct horse battery");
            var presets = app.get("/api/models/presets", cookie);
            assertThat(presets.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(presets.body()).findValuesAsText("name")).containsExactly("hq", "lite",
                    "original", "tiny");
            assertThat(JSON.readTree(app.get("/api/faces/capabilities", cookie).body()).get("detectors").toString())
                    .contains("yunet");

            assertThat(noYuNet.awaitReady(Duration.ofSeconds(90))).contains("\"detector\": \"haar\"")
                    .contains("\"detectorProblem\": \"The yunet detector is not available here (its model "
                            + elsewhere.resolve("missing/yunet.onnx") + " is missing); faces are found with haar.\"");
            String other = noYuNet.signUp("no-yunet-" + UUID.randomUUID() + "@example.test", "correct horse battery");
            JsonNode capabilities = JSON.readTree(noYuNet.get("/api/faces/capabilities", other).body());
            assertThat(capabilities.get("detectors").toString()).doesNotContain("yunet");
            assertThat(capabilities.get("defaultDetector").asText()).isEqualTo("haar");
        }
    }

    @Test
    void unknownRoleOrDetectorFailsAtStartWithAClearMessage() throws Exception {
        try (AppProcess app = AppProcess.start("gpu", Files.createDirectories(tmp.resolve("data")));
                AppProcess detector = AppProcess.start("web", Files.createDirectories(tmp.resolve("data-detector")),
                        "-Ddoppel.faces.detector=magic")) {
            assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).as("the app exits by itself").isTrue();
            assertThat(app.process().exitValue()).isNotZero();
            assertThat(app.log()).contains("doppel.role").contains("gpu");
            assertThat(detector.process().waitFor(90, TimeUnit.SECONDS)).as("the app exits by itself").isTrue();
            assertThat(detector.process().exitValue()).isNotZero();
            assertThat(detector.log()).contains("doppel.faces.detector=\"magic\" is not a detector; choose one of: "
                    + "yunet, haar, lbp");
        }
    }
}

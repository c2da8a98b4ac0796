package dev.doppel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, for real: the packaged jar started by docker/start.sh in the prod profile on
 * the embedded default, with each role, and with a role that does not exist.
 */
class PackagedAppIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void webRoleServesTheAppWithSecureSessionCookies() throws Exception {
        int port = freePort();
        Process app = start(port, "web");
        String session;
        String email = "packaged@example.test";
        try {
            String health = waitUntilReady(app, port, "web");
            assertThat(health).contains("\"role\": \"web\"").contains("\"pytorch\": \"2.5.1\"")
                    .contains("\"opencv\": \"4.13");

            assertThat(get(port, "/").body()).contains("<div id=\"app\"");
            HttpResponse<String> created = send(port, HttpRequest.newBuilder()
                    .uri(URI.create("http://127.0.0.1:" + port + "/api/auth/register"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}")));
            assertThat(created.statusCode()).isEqualTo(201);
            HttpResponse<String> login = send(port, HttpRequest.newBuilder()
                    .uri(URI.create("http://127.0.0.1:" + port + "/j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "j_username=" + email + "&j_password=correct+horse+battery")));
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie = login.headers().firstValue("set-cookie").orElseThrow();
            assertThat(cookie).startsWith("doppel-session=").containsIgnoringCase("Secure")
                    .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");

            // The embedded default keeps everything under the data directory.
            assertThat(dataDir.resolve("db")).isDirectory();
            assertThat(dataDir.resolve("secrets/session.key")).isRegularFile();
            session = cookie.substring(0, cookie.indexOf(';'));
        } finally {
            stop(app);
        }

        // A restart keeps the session key in the data directory, so nobody is signed out by it.
        Process again = start(port, "web");
        try {
            waitUntilReady(again, port, "web");
            HttpResponse<String> me = send(port, HttpRequest.newBuilder()
                    .uri(URI.create("http://127.0.0.1:" + port + "/api/me")).header("Cookie", session).GET());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains(email);
        } finally {
            stop(again);
        }
    }

    @Test
    void workerRoleStartsAndSaysSo() throws Exception {
        int port = freePort();
        Process app = start(port, "worker");
        try {
            assertThat(waitUntilReady(app, port, "worker")).contains("\"role\": \"worker\"");
        } finally {
            stop(app);
        }
    }

    @Test
    void unknownRoleFailsAtStartWithAClearMessage() throws Exception {
        Process app = start(freePort(), "gpu");
        try {
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app exits by itself").isTrue();
            assertThat(app.exitValue()).isNotZero();
            assertThat(Files.readString(logOf("gpu"), StandardCharsets.UTF_8)).contains("doppel.role").contains("gpu");
        } finally {
            app.destroyForcibly();
        }
    }

    private Process start(int port, String role) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "docker/start.sh",
                "-Dquarkus.http.port=" + port, "-Ddoppel.role=" + role, "-Ddoppel.data-dir=" + dataDir))
                .redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", "-Xmx512m");
        // To a file, never a pipe: a start-up stack trace larger than the pipe buffer would block the app.
        return pb.redirectOutput(logOf(role).toFile()).start();
    }

    private Path logOf(String role) {
        return dataDir.resolve("app-" + role + ".log");
    }

    private String waitUntilReady(Process app, int port, String role) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited early:\n" + Files.readString(logOf(role)));
            }
            try {
                HttpResponse<String> r = get(port, "/q/health/ready");
                if (r.statusCode() == 200) {
                    return r.body();
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the app was not ready within 90 s");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return send(port, HttpRequest.newBuilder().uri(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy(); // SIGTERM: Quarkus shuts down gracefully
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

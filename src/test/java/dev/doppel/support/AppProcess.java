package dev.doppel.support;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app as a separate process, started by docker/start.sh exactly as the README does. On the CI's
 * PostgreSQL pass ({@code -Dit.database=pg}) it runs the PostgreSQL build against the CI's server;
 * otherwise several processes share one H2 file database through H2's automatic server mode.
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static boolean onPostgres() {
        return "pg".equals(System.getProperty("it.database", ""));
    }

    /**
     * What the processes of one test share apart from their data directories: the database and environment
     * variables. The database is named by a directory: a PostgreSQL schema named after it on the CI's PostgreSQL
     * pass; otherwise H2's files in it, either opened by the processes themselves (H2's automatic server mode:
     * the first process serves the others) or served by an H2 TCP server in the test's JVM, as a database server
     * that no app process depends on.
     */
    public static final class Cluster implements AutoCloseable {
        private final Path database;
        private final Map<String, String> environment;
        private final org.h2.tools.Server h2;

        private Cluster(Path database, Map<String, String> environment, org.h2.tools.Server h2) {
            this.database = database;
            this.environment = environment;
            this.h2 = h2;
        }

        /** Processes sharing a database server (PostgreSQL, or H2 over TCP) and the given environment. */
        public static Cluster withDatabaseServer(Path database, Map<String, String> environment) throws IOException {
            if (onPostgres()) {
                return new Cluster(database, environment, null);
            }
            try {
                org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists",
                        "-baseDir", database.toAbsolutePath().toString()).start();
                return new Cluster(database, environment, server);
            } catch (java.sql.SQLException e) {
                throw new IOException("H2's TCP server did not start", e);
            }
        }

        String h2Url() {
            return h2 == null ? "jdbc:h2:file:" + database.toAbsolutePath() + "/db/doppel;AUTO_SERVER=TRUE"
                    : "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/doppel";
        }

        @Override
        public void close() {
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    /** Starts the app with a role, a data directory and extra -D options. */
    public static AppProcess start(String role, Path dataDir, String... options) throws IOException {
        return startFrom(null, role, dataDir, options);
    }

    /** As {@link #start}, with another working directory than the project's (null: the project's). */
    public static AppProcess startFrom(Path workingDir, String role, Path dataDir, String... options)
            throws IOException {
        return launch(workingDir, role, dataDir, new Cluster(dataDir, Map.of(), null), options);
    }

    /** Starts a process of a cluster whose processes share nothing but the cluster's database and environment. */
    public static AppProcess start(Cluster cluster, String role, Path dataDir, String... options) throws IOException {
        return launch(null, role, dataDir, cluster, options);
    }

    private static AppProcess launch(Path workingDir, String role, Path dataDir, Cluster cluster, String... options)
            throws IOException {
        Path database = cluster.database;
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("bash", Path.of("docker/start.sh").toAbsolutePath().toString(),
                "-Dquarkus.http.port=" + port,
                "-Ddoppel.role=" + role, "-Ddoppel.data-dir=" + dataDir));
        if (onPostgres()) {
            // One schema per data directory: the processes of one test share it, and nothing left queued by the
            // surefire pass or by another test (all on the CI's one database) takes a place in this test's queue.
            String schema = "it_" + Integer.toHexString(database.toAbsolutePath().toString().hashCode());
            String base = System.getenv().getOrDefault("DOPPEL_PG_URL", "jdbc:postgresql://127.0.0.1:5432/doppel");
            command.add("-Dquarkus.datasource.jdbc.url=" + base + (base.contains("?") ? "&" : "?")
                    + "currentSchema=" + schema);
            command.add("-Dquarkus.flyway.schemas=" + schema);
            command.add("-Dquarkus.flyway.default-schema=" + schema);
        } else {
            command.add("-Dquarkus.datasource.jdbc.url=" + cluster.h2Url());
        }
        command.addAll(List.of(options));
        Path log = Files.createTempFile(dataDir.getParent(), "app-" + role + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir == null ? null : workingDir.toFile())
                .redirectErrorStream(true)
                // A file, never a pipe: a start-up stack trace larger than the pipe buffer would block the app.
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_OPTS", "-Xmx512m");
        pb.environment().putAll(cluster.environment);
        if (onPostgres()) {
            pb.environment().put("QUARKUS_PROFILE", "pg");
        }
        return new AppProcess(pb.start(), port, log);
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits for /q/health/ready and returns its body. */
    public String awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited early:\n" + log());
            }
            try {
                HttpResponse<String> r = get("/q/health/ready", null);
                if (r.statusCode() == 200) {
                    return r.body();
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the app was not ready within " + timeout + ":\n" + log());
    }

    public HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    /** A binary download (a result's video). */
    public HttpResponse<byte[]> getBytes(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A ranged download, as a video player asks for it. */
    public HttpResponse<byte[]> getRange(String path, String cookie, String range) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).header("Range", range).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request with a JSON body and any method (DELETE /api/me takes the password). */
    public HttpResponse<String> sendJson(String method, String path, String json, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    public HttpResponse<String> postJson(String path, String json, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    /** Uploads a video as the browser does (multipart, consent given). */
    public HttpResponse<String> upload(Path file, String cookie) throws Exception {
        String boundary = "----doppel" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/api/videos"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Registers an account and signs in; returns the Cookie header a browser would send from then on. */
    public String signUp(String email, String password) throws Exception {
        HttpResponse<String> created = postJson("/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        if (created.statusCode() != 201) {
            throw new AssertionError("register: " + created.statusCode() + " " + created.body());
        }
        HttpResponse<String> login = signIn(email, password);
        if (login.statusCode() != 200) {
            throw new AssertionError("sign-in: " + login.statusCode());
        }
        return cookieHeaderOf(login);
    }

    /** Both cookies a sign-in sets (login and server-side session), as a Cookie header. */
    public static String cookieHeaderOf(HttpResponse<?> signIn) {
        String login = sessionSetCookie(signIn);
        String sid = signIn.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("doppel-sid=") && !c.startsWith("doppel-sid=;"))
                .findFirst().orElseThrow(() -> new AssertionError("no doppel-sid cookie in " + signIn.headers()));
        return login.substring(0, login.indexOf(';')) + "; " + sid.substring(0, sid.indexOf(';'));
    }

    /**
     * The Set-Cookie header that starts the session. A sign-in answer also drops stray copies of the cookie at
     * other paths (headers with an empty value), so it is the one with a value.
     */
    public static String sessionSetCookie(HttpResponse<?> response) {
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("doppel-session=") && !c.startsWith("doppel-session=;"))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    public HttpResponse<String> signIn(String email, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri("/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + email + "&j_password="
                        + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8))));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as an orchestrator stops a container; waits for the exit. */
    public int terminate(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** SIGKILL: the machine lost power, the OOM killer struck. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate(Duration.ofSeconds(30));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

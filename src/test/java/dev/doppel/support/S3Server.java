package dev.doppel.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: s3proxy (copied to target/s3proxy by the build) as its own process,
 * on a free port, storing in a temporary directory, checking request signatures as S3 does. One per JVM, started on
 * first use and stopped when the JVM exits.
 */
public final class S3Server {

    public static final String ACCESS_KEY = "doppel-test";
    public static final String SECRET_KEY = "doppel-test-secret";
    public static final String REGION = "us-east-1";

    private static S3Server running;

    private final Process process;
    private final int port;
    private final Path data;

    private S3Server(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    public static synchronized S3Server get() throws Exception {
        if (running == null || !running.process.isAlive()) {
            running = start();
        }
        return running;
    }

    private static S3Server start() throws Exception {
        Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build (mvn process-test-resources) first");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("doppel-s3-");
        Path properties = data.resolve("s3proxy.conf");
        Files.createDirectories(data.resolve("buckets"));
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + data.resolve("buckets"), ""));
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString()))
                .redirectErrorStream(true).redirectOutput(data.resolve("s3proxy.log").toFile()).start();
        S3Server server = new S3Server(process, port, data);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!server.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + Files.readString(data.resolve("s3proxy.log")));
            }
            Thread.sleep(200);
        }
        return server;
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.getResponseCode(); // 403 for an unsigned request: it is up
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of this server with the given secret (the right one, or a wrong one to be refused). */
    public S3Client client(String secret) {
        return S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.of(REGION))
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)))
                .build();
    }

    public S3Client client() {
        return client(SECRET_KEY);
    }

    /** A new, empty bucket. */
    public String newBucket() {
        String bucket = "doppel-" + Long.toString(System.nanoTime(), 36);
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** Keys of every object in the bucket. */
    public List<String> keys(String bucket) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(o -> o.key()).toList();
        }
    }

    /** Multipart uploads begun and neither completed nor aborted. */
    public int pendingUploads(String bucket) {
        try (S3Client s3 = client()) {
            return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
        }
    }
}

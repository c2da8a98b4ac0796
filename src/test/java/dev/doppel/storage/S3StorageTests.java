package dev.doppel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.doppel.support.Accounts;
import dev.doppel.support.S3Server;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import dev.doppel.support.SuiteProfile;

/**
 * The whole app on doppel.storage=s3 against a real S3 server: an upload lands in the bucket, its face set's faces
 * and thumbnail with it, the video plays back in ranges from there, and deleting the account leaves none of its
 * objects behind (another account's stay).
 */
@QuarkusTest
// Uses the database only as a fixture: left out of CI's PostgreSQL pass (see .ci/run).
@Tag("db-agnostic")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@TestProfile(S3StorageTests.OnS3.class)
class S3StorageTests {

    static String bucket;

    public static class OnS3 implements SuiteProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Bucket.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return SuiteProfile.withoutUi(Map.of());
        }
    }

    /** Starts s3proxy (once per JVM), makes a bucket and points the app at it. */
    public static class Bucket implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                S3Server server = S3Server.get();
                bucket = server.newBucket();
                return Map.of("doppel.storage", "s3",
                        "doppel.storage.s3.bucket", bucket,
                        "doppel.storage.s3.part-size", "5242880",
                        "quarkus.s3.endpoint-override", server.endpoint(),
                        "quarkus.s3.aws.region", S3Server.REGION,
                        "quarkus.s3.aws.credentials.type", "static",
                        "quarkus.s3.aws.credentials.static-provider.access-key-id", S3Server.ACCESS_KEY,
                        "quarkus.s3.aws.credentials.static-provider.secret-access-key", S3Server.SECRET_KEY);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
        }
    }

    @Test
    @Order(1)
    void uploadsFacesAndPlaybackLiveInTheBucketAndLeaveWithTheAccount() throws Exception {
        S3Server server = S3Server.get();
        Accounts.Session keeper = Accounts.newSession("s3-keeper");
        Uploads.uploaded(keeper, TestMedia.clip("grid_woman-pink-top_lbbc2a.mp4"));
        Uploads.awaitJobs(keeper);
        int keepersObjects = server.keys(bucket).size();
        assertThat(keepersObjects).as("video, thumbnail, faces and masks").isGreaterThan(10);

        Accounts.Session doomed = Accounts.newSession("s3-doomed");
        String video = Uploads.uploaded(doomed, TestMedia.clip("grid_man-glasses_lbax4n.mp4"));
        Uploads.awaitJobs(doomed);
        assertThat(server.keys(bucket).size()).isGreaterThan(keepersObjects + 10);
        doomed.request().get("/api/facesets").then().body("[0].status", equalTo("READY"));
        long size = doomed.request().get("/api/videos/" + video).then().extract().jsonPath().getLong("sizeBytes");
        byte[] range = doomed.request().header("Range", "bytes=100-199").get("/api/videos/" + video + "/content")
                .then().statusCode(206).header("Content-Range", "bytes 100-199/" + size).extract().asByteArray();
        byte[] original = java.nio.file.Files.readAllBytes(TestMedia.clip("grid_man-glasses_lbax4n.mp4"));
        assertThat(range).isEqualTo(java.util.Arrays.copyOfRange(original, 100, 200));

        doomed.request().contentType(ContentType.JSON).body(Map.of("password", Accounts.PASSWORD))
                .delete("/api/me").then().statusCode(204);
        Uploads.awaitJobs(keeper);
        long deadline = System.currentTimeMillis() + 30_000;
        while (server.keys(bucket).size() != keepersObjects && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(server.keys(bucket)).as("only the other account's objects are left").hasSize(keepersObjects);
        keeper.request().get("/api/facesets").then().body("[0].status", equalTo("READY"));
    }

    /** Readiness says where the blobs are and whether the bucket answers: a lost bucket makes the process not ready. */
    @Test
    @Order(2)
    void readinessReportsTheBucketAndGoesDownWithoutIt() throws Exception {
        io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'storage' }.data.kind", equalTo("s3"))
                .body("checks.find { it.name == 'storage' }.data.bucket", equalTo(bucket));
        S3Server server = S3Server.get();
        try (var s3 = server.client()) {
            for (String key : server.keys(bucket)) {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            }
            s3.deleteBucket(b -> b.bucket(bucket));
            long deadline = System.currentTimeMillis() + 20_000;
            int status = 200;
            while (status == 200 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                status = io.restassured.RestAssured.get("/q/health/ready").statusCode();
            }
            io.restassured.RestAssured.get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'storage' }.data.error",
                            org.hamcrest.Matchers.containsString("cannot reach bucket " + bucket));
        } finally {
            try (var s3 = server.client()) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
    }
}

package dev.doppel.runtime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpsEndpointsTests {

    @Test
    void readinessShouldReportNativesAndRole() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("doppel"))
                .body("checks.find { it.name == 'doppel' }.data.role", equalTo("all"))
                .body("checks.find { it.name == 'doppel' }.data.opencv", matchesPattern("4\\.13\\.\\d+"))
                .body("checks.find { it.name == 'doppel' }.data.ffmpeg", matchesPattern("8\\.0.*"))
                .body("checks.find { it.name == 'doppel' }.data.pytorch", equalTo("2.5.1"))
                .body("checks.find { it.name == 'doppel' }.data.device", matchesPattern("cpu|gpu \\d+"))
                .body("checks.find { it.name == 'doppel' }.data.faceCheck", equalTo("available"));
    }

    @Test
    void openApiShouldDescribeTheAccountEndpoints() {
        given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body(containsString("/api/auth/register"))
                .body(containsString("/api/me"));
    }

    @Test
    void openApiShouldDescribeTheFaceCheck() {
        given().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("components.schemas.FaceView.properties.faceScore.description", containsString("YuNet"))
                .body("components.schemas.FaceSetView.properties.mostlyNotFaces.type", equalTo("boolean"))
                .body("paths.'/api/facesets/{id}/faces'.get.responses.'400'.description",
                        containsString("sort"));
    }

    @Test
    void metricsShouldBeExposedForPrometheus() {
        given().get("/api/me");
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void metricsShouldShowEachLanesQueueAndWait() throws Exception {
        dev.doppel.support.Accounts.Session session = dev.doppel.support.Accounts.newSession("metrics");
        String id = session.request().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("seconds", 0.1, "lane", "cpu")).post("/api/jobs/diagnostic").then()
                .statusCode(201).extract().path("id");
        dev.doppel.support.Await.until(java.time.Duration.ofSeconds(15), () -> "SUCCEEDED"
                .equals(session.request().get("/api/jobs/" + id).then().extract().path("status")));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics)
                .contains("doppel_jobs_queued{lane=\"cpu\"}", "doppel_jobs_queued{lane=\"gpu\"}")
                .containsPattern("doppel_jobs_wait_seconds_count\\{lane=\"cpu\"\\} [1-9]")
                .contains("doppel_jobs_wait_seconds_bucket{lane=\"gpu\"");
    }
}

package dev.doppel.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
// Uses the database only as a fixture: left out of CI's PostgreSQL pass (see .ci/run).
@Tag("db-agnostic")
class ProblemResponseTests {

    @Test
    void unknownApiRouteShouldBeProblemNotHtml() {
        for (String path : new String[] { "/api/nope", "/api/videos/123/whatever", "/api" }) {
            given().get(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("title", equalTo("Not Found"))
                    .body("detail", not(equalTo(null)));
        }
        Accounts.newSession("lost").request().get("/api/nope").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMethodShouldBeProblem() {
        given().get("/api/auth/register").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("detail", containsString("not allowed"));
    }

    @Test
    void wrongMediaTypeShouldBeProblem() {
        given().contentType(ContentType.TEXT).body("hello").post("/api/auth/register").then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void noErrorShouldCarryAStackTrace() {
        String body = given().contentType(ContentType.JSON).body("[1, 2, 3]").post("/api/auth/register").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("com.fasterxml");
    }

    @Test
    void nonApiPathsShouldServeTheWebApp() {
        given().get("/library").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<div id=\"app\""));
    }
}

package dev.doppel.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.support.SuiteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The UI's own unit tests (Vitest: formatters, the job store and its event stream, the upload queue, the HTTP
 * client; frontend/src/**&#47;*.test.ts) run through Quinoa's test hook while this profile's app is built: a failing
 * suite fails the build, and with it this class, so the README's test command and CI run them.
 */
@QuarkusTest
@Tag("db-agnostic")
@TestProfile(UiUnitTests.WithUiTests.class)
class UiUnitTests {

    public static class WithUiTests implements SuiteProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.quinoa.run-tests", "true");
        }
    }

    @Test
    void theUiWhoseUnitTestsPassedIsServed() {
        given().get("/").then().statusCode(200).body(containsString("<div id=\"app\""));
    }
}

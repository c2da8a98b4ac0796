package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import dev.doppel.support.SwapFixture;

/**
 * The browser's security headers on the app's shell, its hashed assets, the API, the login form, health and the
 * users' media; the shell revalidated on every visit, the hashed assets kept for a year.
 */
@QuarkusTest
// Uses the database only as a fixture: left out of CI's PostgreSQL pass (see .ci/run).
@Tag("db-agnostic")
class SecurityHeadersTests {

    private static void assertSecurityHeaders(Response r, String what) {
        assertThat(r.header("Content-Security-Policy")).as(what).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("frame-ancestors 'none'", "script-src 'self'", "media-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
        assertThat(r.header("Permissions-Policy")).as(what).contains("camera=()", "microphone=()", "geolocation=()");
    }

    @Test
    void theAppShellIsRevalidatedAndItsHashedAssetsAreKept() {
        for (String path : new String[] { "/", "/library", "/models/00000000-0000-4000-8000-000000000000" }) {
            Response page = RestAssured.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertSecurityHeaders(page, path);
            assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-cache");
        }
        String html = RestAssured.get("/").asString();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        assertThat(script.find()).as("the built page names its hashed script").isTrue();
        // No inline script in the page the CSP protects.
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        Response asset = RestAssured.get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertSecurityHeaders(asset, "asset");
        assertThat(asset.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        // A missing asset never gets a year in the cache.
        assertThat(RestAssured.get("/assets/gone-0000.js").header("Cache-Control")).isNotEqualTo(
                "public, max-age=31536000, immutable");
    }

    @Test
    void theApiTheLoginFormAndHealthCarryThemToo() {
        Response refused = RestAssured.get("/api/me");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertSecurityHeaders(refused, "/api/me unauthenticated");
        assertThat(refused.header("Cache-Control")).isNotEqualTo("no-cache");
        assertSecurityHeaders(RestAssured.given().formParam("j_username", "nobody@example.test")
                .formParam("j_password", "wrong password").post("/j_security_check"), "failed sign-in");
        assertSecurityHeaders(RestAssured.get("/q/health/ready"), "health");
    }

    @Test
    void usersMediaIsServedAsWhatItIsWithTheHeaders() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        Response video = fixture.session.request().header("Range", "bytes=0-99")
                .get("/api/videos/" + fixture.videoA + "/content");
        assertThat(video.statusCode()).isEqualTo(206);
        assertThat(video.contentType()).isEqualTo("video/mp4");
        assertSecurityHeaders(video, "video range");
        assertThat(video.header("Cache-Control")).startsWith("private");
        Response thumbnail = fixture.session.request().get("/api/videos/" + fixture.videoA + "/thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.contentType()).startsWith("image/");
        assertSecurityHeaders(thumbnail, "thumbnail");
    }
}

package dev.doppel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.SwapFixture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every Set-Cookie for the session — sign-in, renewal on any endpoint, sign-out — carries Path=/, HttpOnly,
 * SameSite=Strict and Secure (the test profile keeps production's Secure setting and renews a session after a
 * second, so renewals happen during the walk). Raw headers through java.net.http, which keeps no cookies.
 */
@QuarkusTest
class SessionCookieTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI root;

    /** The server-side session token of the sign-in under test. */
    private String sid;

    @Test
    void shouldSendEverySessionCookieWithPathHttpOnlySameSiteAndSecure() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        String result = fixture.swap(fixture.videoA, "A_TO_B", Map.of());
        fixture.awaitReady(result);
        Accounts.Session owner = fixture.session;
        String faceSet = owner.request().get("/api/facesets").then().extract().path("[0].id");
        String face = owner.request().get("/api/facesets/" + faceSet + "/faces").then().extract().path("[0].id");
        String job = owner.request().get("/api/jobs").then().extract().path("[0].id");

        HttpResponse<String> signIn = HTTP.send(HttpRequest.newBuilder(root.resolve("/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", Accounts.freshClientAddress())
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + encode(owner.email()) + "&j_password="
                        + encode(owner.password())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        List<String> sent = new ArrayList<>(sessionCookies(signIn));
        String cookie = valueOf(sent.get(0));
        List<String> sessionIds = signIn.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(Accounts.SID + "=")).toList();
        assertThat(sessionIds).hasSize(1);
        sid = sessionIds.get(0).substring(Accounts.SID.length() + 1, sessionIds.get(0).indexOf(';'));

        List<String> walk = List.of("/api/me", "/api/me/activity", "/api/me/storage",
                "/api/videos", "/api/videos/" + fixture.videoA, "/api/videos/" + fixture.videoA + "/thumbnail",
                "/api/videos/" + fixture.videoA + "/content",
                "/api/facesets", "/api/facesets/" + faceSet, "/api/facesets/" + faceSet + "/faces",
                "/api/faces/" + face, "/api/faces/" + face + "/image", "/api/faces/" + face + "/mask",
                "/api/models", "/api/models/" + fixture.model, "/api/models/" + fixture.model + "/loss",
                "/api/models/" + fixture.model + "/preview",
                "/api/results", "/api/results/" + result, "/api/results/" + result + "/thumbnail",
                "/api/results/" + result + "/content", "/api/results/" + result + "/report",
                "/api/jobs", "/api/jobs/" + job);
        // Once at once (no renewal due), once after the renewal interval of the test profile (every call renews).
        for (int round = 0; round < 2; round++) {
            for (String path : walk) {
                HttpResponse<byte[]> response = HTTP.send(get(path, cookie), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).as(path).isIn(200, 206);
                sent.addAll(sessionCookies(response));
            }
            HttpResponse<InputStream> events = HTTP.send(get("/api/events", cookie),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(events.statusCode()).isEqualTo(200);
            sent.addAll(sessionCookies(events));
            events.body().close();
            Thread.sleep(1_100);
        }
        List<String> renewed = sent.stream().filter(c -> !valueOf(c).isEmpty() && !valueOf(c).equals(cookie)).toList();
        assertThat(renewed).as("renewals during the walk").isNotEmpty();
        HttpResponse<String> withRenewed = HTTP.send(get("/api/me", valueOf(renewed.get(0))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withRenewed.body()).contains(owner.email());

        HttpResponse<String> signOut = HTTP.send(HttpRequest.newBuilder(root.resolve("/api/auth/logout"))
                .header("Cookie", Accounts.cookieHeader(cookie, sid))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signOut.statusCode()).isEqualTo(204);
        List<String> dropped = sessionCookies(signOut);
        assertThat(dropped).anySatisfy(c -> assertThat(attributes(c)).contains("path=/", "max-age=0"));
        sent.addAll(dropped);
        List<String> droppedIds = signOut.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(Accounts.SID + "=")).toList();
        assertThat(droppedIds).singleElement().satisfies(c -> assertThat(attributes(c)).contains("path=/", "max-age=0"));
        sent.addAll(sessionIds);
        sent.addAll(droppedIds);

        for (String setCookie : sent) {
            List<String> attributes = attributes(setCookie);
            assertThat(attributes).as(setCookie).contains("httponly", "samesite=strict", "secure");
            // Only the expiry of a stray copy from older versions names another path.
            if (!attributes.contains("path=/")) {
                assertThat(attributes).as(setCookie).contains("max-age=0").containsAnyOf("path=/api", "path=/api/auth");
            }
        }
    }

    private HttpRequest get(String path, String cookie) {
        return HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", Accounts.cookieHeader(cookie, sid)).GET().build();
    }

    private static List<String> sessionCookies(HttpResponse<?> response) {
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(Accounts.COOKIE + "="))
                .toList();
    }

    private static String valueOf(String setCookie) {
        return setCookie.substring(Accounts.COOKIE.length() + 1, setCookie.indexOf(';') < 0 ? setCookie.length()
                : setCookie.indexOf(';'));
    }

    private static List<String> attributes(String setCookie) {
        List<String> attributes = new ArrayList<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            attributes.add(parts[i].trim().toLowerCase(Locale.ROOT));
        }
        return attributes;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

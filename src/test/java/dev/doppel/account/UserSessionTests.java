package dev.doppel.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Server-side sessions through the real endpoints: each sign-in is a row, and ending it (sign-out, sign-out from
 * another device, a password change, "sign out everywhere") refuses the cookies on their next request, copies
 * included.
 */
@QuarkusTest
class UserSessionTests {

    @Inject
    UserSessions sessions;

    @AfterEach
    void realClock() {
        sessions.clock = java.time.Clock.systemUTC();
    }

    @Test
    void aPasswordChangeOnOneDeviceEndsTheOthers() {
        Accounts.Session laptop = Accounts.newSession("two-devices");
        Accounts.Session phone = Accounts.session(laptop.email(), laptop.password());
        laptop.request().get("/api/me").then().statusCode(200);
        phone.request().get("/api/me").then().statusCode(200);

        List<Map<String, Object>> listed = laptop.request().get("/api/me/sessions").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(listed).hasSize(2);
        assertThat(listed).filteredOn(s -> Boolean.TRUE.equals(s.get("current"))).hasSize(1);
        assertThat(listed).allSatisfy(s -> assertThat(s).containsKeys("id", "createdAt", "lastSeenAt", "clientAddress",
                "userAgent"));

        laptop.request().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", laptop.password(), "newPassword", "a brand new passphrase"))
                .put("/api/me/password").then().statusCode(204);

        laptop.request().get("/api/me").then().statusCode(200);
        Response refused = phone.request().get("/api/me");
        refused.then().statusCode(401).contentType(containsString("application/problem+json"))
                .body("detail", containsString("session has ended"));
        assertThat(refused.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(Accounts.COOKIE + "=;").containsIgnoringCase("Max-Age=0"))
                .anySatisfy(c -> assertThat(c).startsWith(Accounts.SID + "=;").containsIgnoringCase("Max-Age=0"));
        assertThat(laptop.request().get("/api/me/sessions").then().extract().jsonPath().getList("$")).hasSize(1);
        // The phone signs in again with the new password.
        Accounts.session(laptop.email(), "a brand new passphrase").request().get("/api/me").then().statusCode(200);
    }

    @Test
    void signingOutEndsTheSessionForCopiesOfItsCookiesToo() {
        Accounts.Session session = Accounts.newSession("copied");
        // What an attacker copied while it was open: both cookies, exactly as the browser sends them.
        Accounts.Session copy = new Accounts.Session(session.email(), null, session.cookie(), session.sid());
        copy.request().get("/api/videos").then().statusCode(200);

        session.request().post("/api/auth/logout").then().statusCode(204);

        copy.request().get("/api/videos").then().statusCode(401);
        copy.request().get("/api/me").then().statusCode(401);
    }

    @Test
    void oneSessionCanBeSignedOutFromAnotherButNotFromAnotherAccount() {
        Accounts.Session laptop = Accounts.newSession("one-of-two");
        Accounts.Session phone = Accounts.session(laptop.email(), laptop.password());
        String phoneId = given().cookie(Accounts.COOKIE, phone.cookie()).cookie(Accounts.SID, phone.sid())
                .get("/api/me/sessions").then().statusCode(200)
                .extract().path("find { it.current }.id");

        Accounts.Session stranger = Accounts.newSession("stranger");
        stranger.request().delete("/api/me/sessions/" + phoneId).then().statusCode(404);
        phone.request().get("/api/me").then().statusCode(200);

        laptop.request().delete("/api/me/sessions/" + phoneId).then().statusCode(204);
        phone.request().get("/api/me").then().statusCode(401);
        laptop.request().get("/api/me").then().statusCode(200);
        stranger.request().get("/api/me").then().statusCode(200);
    }

    @Test
    void signOutEverywhereEndsEverySessionOfTheAccountOnly() {
        Accounts.Session laptop = Accounts.newSession("everywhere");
        Accounts.Session phone = Accounts.session(laptop.email(), laptop.password());
        Accounts.Session other = Accounts.newSession("bystander");

        Response answer = laptop.request().delete("/api/me/sessions");
        answer.then().statusCode(204);
        assertThat(answer.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(Accounts.SID + "=;"));

        laptop.request().get("/api/me").then().statusCode(401);
        phone.request().get("/api/me").then().statusCode(401);
        other.request().get("/api/me").then().statusCode(200);
    }

    @Test
    void theLoginCookieAloneOrWithAnotherAccountsSessionIsRefused() {
        Accounts.Session mine = Accounts.newSession("mine");
        Accounts.Session theirs = Accounts.newSession("theirs");
        given().cookie(Accounts.COOKIE, mine.cookie()).get("/api/me").then().statusCode(401);
        given().cookie(Accounts.COOKIE, mine.cookie()).cookie(Accounts.SID, theirs.sid()).get("/api/me").then()
                .statusCode(401);
        given().cookie(Accounts.COOKIE, mine.cookie()).cookie(Accounts.SID, "made-up-token").get("/api/me").then()
                .statusCode(401);
        // Signing up and signing out need no session.
        given().cookie(Accounts.COOKIE, mine.cookie()).post("/api/auth/logout").then().statusCode(204);
    }

    @Test
    void lastSeenIsWrittenAtMostOnceAMinuteAndAnIdleSessionEnds() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        sessions.clock = clock;
        Accounts.Session session = Accounts.newSession("idle");
        String token = session.sid();
        Instant started = lastSeen(token);

        clock.advance(Duration.ofSeconds(50));
        assertThat(sessions.check(token, session.email())).isEqualTo(UserSessions.Verdict.VALID);
        assertThat(lastSeen(token)).isEqualTo(started);

        clock.advance(Duration.ofSeconds(20));
        assertThat(sessions.check(token, session.email())).isEqualTo(UserSessions.Verdict.VALID);
        assertThat(lastSeen(token)).isEqualTo(clock.instant());

        // Idle past the sign-in timeout (2 h) plus the last-seen resolution: ended.
        clock.advance(Duration.ofHours(2).plusMinutes(2));
        assertThat(sessions.check(token, session.email())).isEqualTo(UserSessions.Verdict.ENDED);
    }

    @Test
    void pruningRemovesEndedAndIdleSessionsOnly() {
        Accounts.Session idle = Accounts.newSession("pruned-idle");
        Accounts.Session ended = Accounts.newSession("pruned-ended");
        Accounts.Session active = Accounts.newSession("kept");
        ended.request().post("/api/auth/logout").then().statusCode(204);
        // Pruning runs on the real clock here: moving it would end every other test's sessions in this database.
        QuarkusTransaction.requiringNew().run(() -> UserSession.update("lastSeenAt = ?1 where tokenHash = ?2",
                Instant.now().minus(Duration.ofHours(3)), UserSessions.hash(idle.sid())));
        sessions.prune();
        assertThat(rows(idle.sid())).isZero();
        assertThat(rows(ended.sid())).isZero();
        assertThat(rows(active.sid())).isOne();
        active.request().get("/api/me").then().statusCode(200);
    }

    private static long rows(String token) {
        return QuarkusTransaction.requiringNew().call(() -> UserSession.count("tokenHash", UserSessions.hash(token)));
    }

    private static Instant lastSeen(String token) {
        return QuarkusTransaction.requiringNew().call(() -> UserSession.<UserSession>find("tokenHash",
                UserSessions.hash(token)).firstResult().lastSeenAt);
    }
}

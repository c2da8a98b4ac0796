package dev.doppel.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Real accounts through the real endpoints: register, sign in with the form login, and carry the cookie. */
public final class Accounts {

    public static final String COOKIE = "doppel-session";
    /** The server-side session's token, sent next to the login cookie. */
    public static final String SID = "doppel-sid";
    public static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private Accounts() {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /**
     * A client address of its own (sent as X-Forwarded-For, trusted from loopback in the test profile), so that
     * deliberate failed sign-ins in one test never throttle another test's client.
     */
    public static String freshClientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    public static Response register(String email, String password) {
        return register(email, password, freshClientAddress());
    }

    public static Response register(String email, String password, String clientAddress) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", clientAddress)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/register");
    }

    public static Response signIn(String email, String password, String clientAddress) {
        return given().contentType(ContentType.URLENC)
                .header("X-Forwarded-For", clientAddress)
                .formParam("j_username", email)
                .formParam("j_password", password)
                .post("/j_security_check");
    }

    /** Registers a fresh account, signs in and returns a session for it. */
    public static Session newSession(String who) {
        String email = uniqueEmail(who);
        register(email, PASSWORD).then().statusCode(201);
        return session(email, PASSWORD);
    }

    public static Session session(String email, String password) {
        Response login = signIn(email, password, freshClientAddress());
        login.then().statusCode(200);
        String cookie = sessionCookieOf(login);
        String sid = sessionIdOf(login);
        if (cookie == null || sid == null) {
            throw new AssertionError("sign-in set no " + COOKIE + " or " + SID + " cookie");
        }
        return new Session(email, password, cookie, sid);
    }

    /**
     * The session the response starts, or null. A sign-in answer also drops stray copies at other paths (empty
     * values), so "the" doppel-session cookie is the one with a value.
     */
    public static String sessionCookieOf(Response response) {
        return response.getDetailedCookies().getList(COOKIE).stream()
                .map(io.restassured.http.Cookie::getValue)
                .filter(v -> v != null && !v.isEmpty())
                .findFirst().orElse(null);
    }

    /** The server-side session's token the response sets, or null. */
    public static String sessionIdOf(Response response) {
        return response.getDetailedCookies().getList(SID).stream()
                .map(io.restassured.http.Cookie::getValue)
                .filter(v -> v != null && !v.isEmpty())
                .findFirst().orElse(null);
    }

    /** A Cookie header with both cookies a signed-in browser sends. */
    public static String cookieHeader(String loginCookie, String sid) {
        return COOKIE + "=" + loginCookie + "; " + SID + "=" + sid;
    }

    public record Session(String email, String password, String cookie, String sid) {
        public RequestSpecification request() {
            return given().cookie(COOKIE, cookie).cookie(SID, sid);
        }

        /** Both cookies, for clients other than RestAssured. */
        public String cookieHeader() {
            return Accounts.cookieHeader(cookie, sid);
        }

        public String id() {
            return request().get("/api/me").then().statusCode(200).extract().path("id");
        }
    }
}

package dev.doppel.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The second cookie of a signed-in browser: the token of its {@link UserSession} row. The encrypted form-login
 * cookie alone cannot be taken back once issued; requiring this one next to it, and its row to be open, can.
 * Same attributes as the login cookie ({@link SessionCookie#harden}); it lives as long as the browser session and
 * the row decides how long it counts.
 */
@ApplicationScoped
public class SessionIdCookie {

    public static final String NAME = "doppel-sid";

    @Inject
    SessionCookie sessionCookie;

    public void set(HttpServerResponse response, String token) {
        response.addCookie(sessionCookie.harden(Cookie.cookie(NAME, token).setPath(SessionCookie.PATH)));
    }

    /** The token the browser sent, or null. */
    public static String of(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }
}

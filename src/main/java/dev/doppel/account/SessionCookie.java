package dev.doppel.account;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.doppel.runtime.DoppelConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;

/**
 * The form-login session lives in an encrypted cookie, not on the server, so signing out means telling the
 * browser to drop it.
 */
@ApplicationScoped
public class SessionCookie {

    /** Where every session cookie lives. */
    public static final String PATH = "/";

    /**
     * Paths where browsers may still hold a copy from versions that renewed the cookie without a Path (the browser
     * then files it under the request's directory). A copy there is sent before the {@code /} one on every API call,
     * so sign-in and sign-out drop it too.
     */
    static final List<String> STRAY_PATHS = List.of("/api", "/api/auth");

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String name;

    @Inject
    DoppelConfig config;

    public boolean secure() {
        return config.http().secureCookies();
    }

    public String name() {
        return name;
    }

    /** The attributes every session cookie the server sends must carry; a missing path becomes {@link #PATH}. */
    public Cookie harden(Cookie cookie) {
        if (cookie.getPath() == null) {
            cookie.setPath(PATH);
        }
        cookie.setHttpOnly(true).setSameSite(CookieSameSite.STRICT);
        if (secure()) {
            cookie.setSecure(true);
        }
        return cookie;
    }

    /**
     * Signs the browser out: drops the session cookie, any stray copy of it, and the server-side session's token
     * cookie ({@link SessionIdCookie}), which means nothing without it.
     */
    public void expire(HttpServerResponse response) {
        response.addCookie(expired(PATH));
        dropStrayCopies(response);
        response.addCookie(harden(Cookie.cookie(SessionIdCookie.NAME, "").setPath(PATH).setMaxAge(0)));
    }

    /** Drops copies filed under {@link #STRAY_PATHS}, which would otherwise shadow the one at {@code /}. */
    public void dropStrayCopies(HttpServerResponse response) {
        for (String path : STRAY_PATHS) {
            response.addCookie(expired(path));
        }
    }

    private Cookie expired(String path) {
        return harden(Cookie.cookie(name, "").setPath(path).setMaxAge(0));
    }
}

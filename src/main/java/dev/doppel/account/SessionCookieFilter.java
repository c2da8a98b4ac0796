package dev.doppel.account;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;

/**
 * Gives every session cookie the server sends — at sign-in, on renewal, at sign-out — the same attributes:
 * {@code Path=/; HttpOnly; SameSite=Strict}, and {@code Secure} as configured (Quarkus itself marks it Secure
 * only when the connection is TLS, which it is not behind a TLS-terminating proxy).
 * <p>
 * Vert.x keeps the browser's own cookies and the ones being set in one jar. Only cookies the server changed are
 * sent back; the browser's copy must be left untouched, or it goes back as a new cookie without Path, which the
 * browser files under the request's directory ({@code /api}, {@code /api/videos/…}) where sign-out cannot reach
 * it. That is exactly what an earlier version of this filter did; telling the two apart needs Vert.x's
 * {@link ServerCookie}, the type the jar itself uses to decide what to send.
 */
@ApplicationScoped
public class SessionCookieFilter {

    @Inject
    SessionCookie sessionCookie;

    void register(@Observes Router router) {
        // First on the router, so the handler is in place before the form login writes its cookie.
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> harden(rc.response()));
            rc.next();
        });
    }

    private void harden(HttpServerResponse response) {
        Set<Cookie> cookies = response.removeCookies(sessionCookie.name(), false);
        boolean startsSession = false;
        for (Cookie cookie : cookies) {
            if (sentByServer(cookie)) {
                response.addCookie(sessionCookie.harden(cookie));
                startsSession |= !cookie.getValue().isEmpty();
            } else {
                response.addCookie(cookie);
            }
        }
        // A new or renewed session also clears stray copies an older version left, which would shadow it.
        if (startsSession) {
            sessionCookie.dropStrayCopies(response);
        }
    }

    private static boolean sentByServer(Cookie cookie) {
        return !(cookie instanceof ServerCookie server) || server.isChanged();
    }
}

package dev.doppel.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;

/**
 * Quarkus marks the session cookie Secure only when the connection itself is TLS, which it is not behind a
 * TLS-terminating proxy. Outside dev and test the cookie is always Secure.
 */
@ApplicationScoped
public class SecureSessionCookieFilter {

    @Inject
    SessionCookie sessionCookie;

    void register(@Observes Router router) {
        if (!sessionCookie.secure()) {
            return;
        }
        // First on the router, so the handler is in place before the form login writes its cookie.
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                Cookie cookie = rc.response().removeCookie(sessionCookie.name(), false);
                if (cookie != null) {
                    rc.response().addCookie(cookie.setSecure(true));
                }
            });
            rc.next();
        });
    }
}

package dev.doppel.account;

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

    public void expire(HttpServerResponse response) {
        response.addCookie(Cookie.cookie(name, "")
                .setPath("/")
                .setMaxAge(0)
                .setHttpOnly(true)
                .setSecure(secure())
                .setSameSite(CookieSameSite.STRICT));
    }
}

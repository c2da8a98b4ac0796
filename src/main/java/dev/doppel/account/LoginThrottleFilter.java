package dev.doppel.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * Quarkus's form login answers every refused sign-in with 401. When the refusal came from the throttle, this
 * turns the answer into 429 with Retry-After, so a client can tell "wrong password" from "wait".
 */
@ApplicationScoped
public class LoginThrottleFilter {

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String postLocation;

    void register(@Observes Router router) {
        // First on the router: the authentication handler that answers 401 runs after this.
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            if (rc.request().method() == HttpMethod.POST && rc.normalizedPath().endsWith(postLocation)) {
                rc.addHeadersEndHandler(v -> {
                    Long seconds = rc.get(ThrottledPasswordIdentityProvider.RETRY_AFTER_SECONDS);
                    if (seconds != null) {
                        rc.response().setStatusCode(429);
                        rc.response().setStatusMessage("Too Many Requests");
                        rc.response().putHeader("Retry-After", Long.toString(seconds));
                    }
                });
            }
            rc.next();
        });
    }
}

package dev.doppel.limits;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

import dev.doppel.account.CurrentUser;

/**
 * Applies {@link RateLimited} before the endpoint runs, so a refused request does no work at all. It runs on the
 * endpoint's worker thread (the limiter reads the database); an upload's body is already on disk by then, because
 * a form parameter is read before filters, and Quarkus removes that file when the 429 is sent.
 */
public class RateLimitFilter {

    @Inject
    RequestRateLimiter limiter;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser me;

    @ServerRequestFilter
    public void limit(ResourceInfo resource) {
        RateLimited limited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        // Anonymous callers are the security check's to refuse (401), never counted against anyone.
        if (limited != null && !identity.isAnonymous()) {
            limiter.admit(me.id(), limited.value());
        }
    }
}

package dev.doppel.account;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.doppel.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every API request of a signed-in browser must also carry an open {@link UserSession}: the login cookie alone
 * stays valid until it times out, so without this check signing out elsewhere or changing the password would not
 * end a copied cookie. An ended session answers 401 and both cookies are dropped. Every endpoint is blocking, so
 * this runs on a worker thread and may ask the database.
 */
public class SessionCheckFilter {

    static final String ENDED = "Your session has ended: it was signed out, possibly from another device, or the "
            + "password was changed. Sign in again.";

    @Inject
    SecurityIdentity identity;

    @Inject
    UserSessions sessions;

    @Inject
    SessionCookie loginCookie;


    // Before the other request filters (rate limits count only requests of open sessions).
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> check(ContainerRequestContext context, HttpServerRequest request) {
        // Signing up and signing out work whatever state the browser's cookies are in.
        if (identity.isAnonymous() || context.getUriInfo().getPath().startsWith("/auth/")) {
            return Optional.empty();
        }
        String email = identity.getPrincipal().getName();
        if (sessions.check(SessionIdCookie.of(request), email) == UserSessions.Verdict.VALID) {
            return Optional.empty();
        }
        loginCookie.expire(request.response());
        return Optional.of(Problem.of(401, ENDED).toResponse());
    }
}

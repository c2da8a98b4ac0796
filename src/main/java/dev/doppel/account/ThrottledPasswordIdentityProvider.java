package dev.doppel.account;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Sits in front of the JPA identity provider for password sign-ins: normalises the email, refuses attempts
 * while the {@link LoginThrottle} says so, counts failures and records each outcome in the account's activity.
 * It runs first because its priority is higher; the JPA provider still checks the bcrypt hash.
 */
// Unremovable: only the security layer looks it up, through Instance<IdentityProvider<?>>.
@Singleton
@Unremovable
public class ThrottledPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Routing-context key that tells {@link LoginThrottleFilter} to answer 429 with this many seconds. */
    public static final String RETRY_AFTER_SECONDS = "doppel.login.retry-after";

    private static final Logger LOG = Logger.getLogger(ThrottledPasswordIdentityProvider.class);

    @Inject
    LoginThrottle throttle;

    @Inject
    AccountEventRepository events;

    @Inject
    UserSessions sessions;

    @Inject
    SessionIdCookie sessionIdCookie;

    @Inject
    @Any
    Instance<IdentityProvider<UsernamePasswordAuthenticationRequest>> providers;

    private volatile IdentityProvider<UsernamePasswordAuthenticationRequest> delegate;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Above security-jpa's own provider (1001), so the manager asks this one first. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = rc != null ? ClientAddress.of(rc.request()) : ClientAddress.UNKNOWN;
        String email = User.normalizeEmail(request.getUsername());

        // The counts live in the database: asked and updated off the event loop.
        return blocking(context, () -> throttle.blockedFor(email, address)).flatMap(blocked -> {
            if (blocked.isPresent()) {
                long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
                if (rc != null) {
                    rc.put(RETRY_AFTER_SECONDS, seconds);
                }
                LOG.debugf("Sign-in for %s from %s throttled for %d s", email, address, seconds);
                return record(context, email, AccountEvent.Type.SIGN_IN_THROTTLED, address)
                        .chain(() -> Uni.createFrom().<SecurityIdentity>failure(new AuthenticationFailedException("throttled")));
            }
            UsernamePasswordAuthenticationRequest normalized = new UsernamePasswordAuthenticationRequest(email,
                    request.getPassword());
            request.getAttributes().forEach(normalized::setAttribute);
            return delegate().authenticate(normalized, context)
                    .onItemOrFailure().call((identity, failure) -> {
                        if (failure != null || identity == null) {
                            return blocking(context, () -> {
                                throttle.recordFailure(email, address);
                                return null;
                            }).chain(() -> record(context, email, AccountEvent.Type.SIGN_IN_FAILED, address));
                        }
                        // A new server-side session; one this browser held before is replaced, not left open.
                        String previous = rc != null ? SessionIdCookie.of(rc.request()) : null;
                        String userAgent = rc != null ? rc.request().getHeader("User-Agent") : null;
                        return blocking(context, () -> {
                            throttle.recordSuccess(email);
                            sessions.end(previous);
                            return sessions.start(email, address, userAgent);
                        }).invoke(token -> {
                            if (rc != null) {
                                sessionIdCookie.set(rc.response(), token);
                            }
                        }).chain(() -> record(context, email, AccountEvent.Type.SIGNED_IN, address));
                    });
        });
    }

    /**
     * Database work for a sign-in, through security's own blocking executor: it hands the result back where the
     * form login expects it (a plain worker-pool hop made the login's failure handler answer 500).
     */
    private static <T> Uni<T> blocking(AuthenticationRequestContext context, java.util.function.Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        return context.runBlocking(() -> {
            result.set(work.get());
            return null;
        }).map(ignored -> result.get());
    }

    private Uni<Void> record(AuthenticationRequestContext context, String email, AccountEvent.Type type,
            String address) {
        return context.runBlocking(() -> {
            QuarkusTransaction.requiringNew().run(() -> User.findByEmail(email)
                    .map(u -> u.id)
                    .ifPresent((UUID id) -> events.record(id, type, address)));
            return null;
        }).replaceWithVoid();
    }

    private IdentityProvider<UsernamePasswordAuthenticationRequest> delegate() {
        if (delegate == null) {
            delegate = providers.stream()
                    .filter(p -> !(p instanceof ThrottledPasswordIdentityProvider))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No password identity provider besides the throttle"));
        }
        return delegate;
    }
}

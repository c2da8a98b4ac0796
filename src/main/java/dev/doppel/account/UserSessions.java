package dev.doppel.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Server-side sessions: started at sign-in, checked on every API request, ended by signing out, from another
 * device, or by a password change. Each call is its own short transaction, so a check never waits for the
 * request's own work.
 */
// Singleton, not a client proxy: tests move its clock.
@Singleton
public class UserSessions {

    private static final Logger LOG = Logger.getLogger(UserSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Last-seen is written at most this often per session: one row update a minute, not one per request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** What a request's check found. */
    public enum Verdict { VALID, ENDED }

    @Inject
    UserSessionRepository repository;

    @ConfigProperty(name = "quarkus.http.auth.form.timeout")
    Duration idleTimeout;

    Clock clock = Clock.systemUTC();

    /** A new session for the account; returns the token for the browser's cookie. */
    public String start(String email, String clientAddress, String userAgent) {
        String token = newToken();
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.findByEmail(email).orElseThrow(() -> new IllegalStateException("no account " + email));
            UserSession session = new UserSession();
            session.ownerId = user.id;
            session.tokenHash = hash(token);
            session.createdAt = now;
            session.lastSeenAt = now;
            session.clientAddress = clientAddress;
            session.userAgent = userAgent == null ? null : truncate(userAgent, 400);
            repository.persist(session);
        });
        return token;
    }

    /**
     * Whether the token is an open session of the signed-in account {@code email}. A missing token, a token of
     * another account, an ended session or one idle past the sign-in timeout are all ended.
     */
    public Verdict check(String token, String email) {
        if (token == null) {
            return Verdict.ENDED;
        }
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<UserSession> found = repository.findByTokenHash(hash(token));
            if (found.isEmpty() || found.get().revokedAt != null
                    || found.get().lastSeenAt.isBefore(now.minus(idleTimeout).minus(TOUCH_EVERY))) {
                return Verdict.ENDED;
            }
            UserSession session = found.get();
            User owner = User.findById(session.ownerId);
            if (owner == null || !owner.email.equals(email)) {
                return Verdict.ENDED;
            }
            if (session.lastSeenAt.plus(TOUCH_EVERY).isBefore(now)) {
                session.lastSeenAt = now;
            }
            return Verdict.VALID;
        });
    }

    /** The session behind a token, if it is still open: to tell "this device" in the list, and to keep it. */
    public Optional<UUID> idOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> repository.findByTokenHash(hash(token))
                .filter(s -> s.revokedAt == null)
                .map(s -> s.id));
    }

    /** Signing out: ends the session behind the token, whoever's it is (the token is the proof). */
    public void end(String token) {
        if (token == null) {
            return;
        }
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> repository.findByTokenHash(hash(token))
                .filter(s -> s.revokedAt == null)
                .ifPresent(s -> s.revokedAt = now));
    }

    /** Ends one session of the account; 404 problem when it is not the account's. */
    public void end(UUID ownerId, UUID sessionId) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            UserSession session = repository.requireOwned(ownerId, sessionId);
            if (session.revokedAt == null) {
                session.revokedAt = now;
            }
        });
    }

    /** Ends every session of the account but {@code keep} (null: all); returns how many were open. */
    public long endAllBut(UUID ownerId, UUID keep) {
        Instant now = clock.instant();
        long ended = QuarkusTransaction.requiringNew().call(() -> repository.revokeAllBut(ownerId, keep, now));
        LOG.debugf("Ended %d sessions of account %s", ended, ownerId);
        return ended;
    }

    public List<UserSession> active(UUID ownerId) {
        Instant since = clock.instant().minus(idleTimeout).minus(TOUCH_EVERY);
        return QuarkusTransaction.requiringNew().call(() -> repository.active(ownerId, since));
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES, identity = "sessions-prune")
    void prune() {
        Instant idleBefore = clock.instant().minus(idleTimeout).minus(TOUCH_EVERY);
        long removed = QuarkusTransaction.requiringNew().call(() -> repository.deleteUnusable(idleBefore));
        if (removed > 0) {
            LOG.debugf("Removed %d ended or idle sessions", removed);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

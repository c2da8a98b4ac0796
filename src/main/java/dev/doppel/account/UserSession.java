package dev.doppel.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One sign-in on one device. The browser holds a random token for it (the {@link SessionIdCookie}); the row keeps
 * only the token's SHA-256, so a copy of the table signs no one in.
 */
@Entity
@Table(name = "user_sessions")
public class UserSession extends OwnedEntity {

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "client_address", length = 64)
    public String clientAddress;

    @Column(name = "user_agent", length = 400)
    public String userAgent;

    /** Set when the session was ended: signed out, signed out remotely, or a password change elsewhere. */
    @Column(name = "revoked_at")
    public Instant revokedAt;
}

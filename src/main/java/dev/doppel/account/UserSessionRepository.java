package dev.doppel.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class UserSessionRepository extends OwnedRepository<UserSession> {

    @Override
    protected String noun() {
        return "This session";
    }

    public Optional<UserSession> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** Sessions not ended and seen since {@code activeSince}, most recently used first. */
    public List<UserSession> active(UUID ownerId, Instant activeSince) {
        return find("ownerId = ?1 and revokedAt is null and lastSeenAt > ?2", Sort.descending("lastSeenAt"), ownerId,
                activeSince).list();
    }

    /** Ends every open session of the account except {@code keep} (null: all of them). */
    public long revokeAllBut(UUID ownerId, UUID keep, Instant now) {
        return keep == null
                ? update("revokedAt = ?1 where ownerId = ?2 and revokedAt is null", now, ownerId)
                : update("revokedAt = ?1 where ownerId = ?2 and revokedAt is null and id <> ?3", now, ownerId, keep);
    }

    /** Rows no request can use any more: ended, or idle past the sign-in timeout. */
    public long deleteUnusable(Instant idleBefore) {
        return delete("revokedAt is not null or lastSeenAt < ?1", idleBefore);
    }
}

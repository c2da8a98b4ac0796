package dev.doppel.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import dev.doppel.web.ProblemException;

/**
 * Owner-scoped access for one owned entity type. Another user's id behaves exactly like an id that does not
 * exist: the lookups filter by owner in the query itself, so no caller can forget the check.
 */
public abstract class OwnedRepository<T extends OwnedEntity> implements PanacheRepositoryBase<T, UUID> {

    /** What the entity is called in a "… was not found" message. */
    protected abstract String noun();

    public Optional<T> findOwned(UUID ownerId, UUID id) {
        if (ownerId == null || id == null) {
            return Optional.empty();
        }
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }

    /** The entity, or a 404 problem for the caller. */
    public T requireOwned(UUID ownerId, UUID id) {
        return findOwned(ownerId, id).orElseThrow(() -> ProblemException.notFound(noun()));
    }

    public List<T> listOwned(UUID ownerId, Sort sort) {
        return find("ownerId", sort, ownerId).list();
    }

    public long countOwned(UUID ownerId) {
        return count("ownerId", ownerId);
    }

    /**
     * Account deletion empties repositories in ascending order, so a repository whose rows others refer to
     * (a video under its face sets) answers a higher number.
     */
    public int deletionOrder() {
        return 0;
    }

    /** Called when the account goes; subclasses whose rows hold blobs delete those first. */
    public long deleteAllOwnedBy(UUID ownerId) {
        return delete("ownerId", ownerId);
    }
}

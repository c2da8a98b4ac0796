package dev.doppel.limits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.doppel.account.OwnedRepository;

/** Owned rows, so deleting an account sweeps its request history with everything else. */
@ApplicationScoped
public class AdmittedRequestRepository extends OwnedRepository<AdmittedRequest> {

    @Override
    protected String noun() {
        return "This request";
    }

    /** The newest admissions of one kind after {@code since}, newest first, at most {@code limit}. */
    public List<Instant> newestSince(UUID ownerId, LimitedAction action, Instant since, int limit) {
        return getEntityManager().createQuery("select r.admittedAt from AdmittedRequest r where r.ownerId = ?1"
                + " and r.action = ?2 and r.admittedAt > ?3 order by r.admittedAt desc", Instant.class)
                .setParameter(1, ownerId).setParameter(2, action).setParameter(3, since)
                .setMaxResults(limit).getResultList();
    }
}

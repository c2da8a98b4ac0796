package dev.doppel.limits;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import dev.doppel.account.OwnedEntity;

/** One request a rate limit let through; refused requests leave no row, so waiting out a 429 always works. */
@Entity
@Table(name = "admitted_requests")
public class AdmittedRequest extends OwnedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public LimitedAction action;

    @Column(name = "admitted_at", nullable = false)
    public Instant admittedAt;
}

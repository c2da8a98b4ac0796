package dev.doppel.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A security-relevant moment in an account's life, shown to its owner as "recent activity". */
@Entity
@Table(name = "account_events")
public class AccountEvent extends OwnedEntity {

    @Schema(name = "AccountEventType")
    public enum Type {
        REGISTERED, SIGNED_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, PASSWORD_CHANGED
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public Type type;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "client_address", length = 64)
    public String clientAddress;
}

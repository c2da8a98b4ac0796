package dev.doppel.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One failed sign-in, under the key it counts against ("email:…" or "address:…"). */
@Entity
@Table(name = "login_failures")
public class LoginFailure extends PanacheEntityBase {

    @Id
    public UUID id = UUID.randomUUID();

    @Column(name = "throttle_key", nullable = false, length = 400)
    public String key;

    @Column(name = "failed_at", nullable = false)
    public Instant failedAt;
}

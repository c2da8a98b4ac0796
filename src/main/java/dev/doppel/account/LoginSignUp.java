package dev.doppel.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An account just created from an address; its first sign-in from there goes ahead. */
@Entity
@Table(name = "login_signups")
public class LoginSignUp extends PanacheEntityBase {

    @Id
    @Column(name = "signup_key", length = 400)
    public String key;

    @Column(name = "signed_up_at", nullable = false)
    public Instant signedUpAt;
}

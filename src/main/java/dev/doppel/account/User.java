package dev.doppel.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** An account. The security principal's name is the e-mail address, stored lower-case. */
@Entity
@Table(name = "users")
@UserDefinition
public class User extends PanacheEntityBase {

    public static final String ROLE = "user";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Username
    @Column(nullable = false, unique = true, length = 320)
    public String email;

    /** Modular crypt format, bcrypt ($2a$). */
    @Password(PasswordType.MCF)
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Roles
    @Column(nullable = false, length = 100)
    public String roles = ROLE;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<User> findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResultOptional();
    }
}

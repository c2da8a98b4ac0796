package dev.doppel.account;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in caller, resolved once per request; every owner-scoped query starts from {@link #id()}. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    AccountService accounts;

    private User user;

    public User get() {
        if (user == null) {
            user = accounts.current(identity.getPrincipal().getName());
        }
        return user;
    }

    public UUID id() {
        return get().id;
    }
}

package dev.doppel.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.UnauthorizedException;

import dev.doppel.account.AccountDtos.ChangePasswordRequest;
import dev.doppel.account.AccountDtos.RegisterRequest;
import dev.doppel.web.ProblemException;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    @Inject
    AccountEventRepository events;

    @Inject
    @Any
    Instance<OwnedRepository<?>> ownedRepositories;

    @Inject
    PasswordChecker passwords;

    public User register(@Valid @NotNull RegisterRequest request, String clientAddress) {
        String email = User.normalizeEmail(request.email());
        if (User.findByEmail(email).isPresent()) {
            throw taken();
        }
        User user = new User();
        user.email = email;
        user.passwordHash = BcryptUtil.bcryptHash(request.password());
        user.createdAt = Instant.now();
        try {
            user.persistAndFlush();
        } catch (PersistenceException e) {
            // Two sign-ups with one address raced past the check; the unique index decided.
            throw taken();
        }
        events.record(user.id, AccountEvent.Type.REGISTERED, clientAddress);
        LOG.debugf("Registered account %s", user.id);
        return user;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public User current(String principal) {
        return User.findByEmail(principal).orElseThrow(UnauthorizedException::new);
    }

    public void changePassword(UUID userId, @Valid @NotNull ChangePasswordRequest request, String clientAddress) {
        User user = User.findById(userId);
        if (!passwords.matches(request.currentPassword(), user.passwordHash)) {
            throw ProblemException.invalid("currentPassword", "The current password is wrong.");
        }
        user.passwordHash = BcryptUtil.bcryptHash(request.newPassword());
        events.record(user.id, AccountEvent.Type.PASSWORD_CHANGED, clientAddress);
    }

    /** Removes the account and everything it owns, rows and blobs, in one transaction. */
    public void delete(UUID userId, String password) {
        User user = User.findById(userId);
        if (!passwords.matches(password, user.passwordHash)) {
            throw ProblemException.invalid("password", "The password is wrong; the account was not deleted.");
        }
        List<OwnedRepository<?>> repositories = ownedRepositories.stream()
                .sorted(Comparator.comparingInt(OwnedRepository::deletionOrder))
                .toList();
        for (OwnedRepository<?> repository : repositories) {
            repository.deleteAllOwnedBy(userId);
            // Some repositories delete entity by entity (to remove blobs), others in bulk; flushing keeps the
            // order of the rows' removal the order of the repositories, which the foreign keys need.
            repository.flush();
        }
        user.delete();
        LOG.infof("Deleted account %s", userId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountEvent> recentActivity(UUID userId, int limit) {
        return events.recent(userId, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountEvent activity(UUID userId, UUID eventId) {
        return events.requireOwned(userId, eventId);
    }

    private static ProblemException taken() {
        return ProblemException.conflict("email", "An account with this email address already exists.");
    }
}

package dev.doppel.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the account API. */
public final class AccountDtos {

    public static final int MIN_PASSWORD = 10;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated. */
    public static final int MAX_PASSWORD = 72;

    private AccountDtos() {
    }

    public record RegisterRequest(
            @NotBlank(message = "is required") @Email(message = "must be a valid email address") @Size(max = 320, message = "must be at most 320 characters") String email,
            @NotBlank(message = "is required") @Size(min = MIN_PASSWORD, max = MAX_PASSWORD, message = "must be between 10 and 72 characters") String password) {
    }

    public record ChangePasswordRequest(
            @NotBlank(message = "is required") String currentPassword,
            @NotBlank(message = "is required") @Size(min = MIN_PASSWORD, max = MAX_PASSWORD, message = "must be between 10 and 72 characters") String newPassword) {
    }

    public record DeleteAccountRequest(@NotBlank(message = "is required") String password) {
    }

    public record UserView(UUID id, String email, Instant createdAt) {
        static UserView of(User user) {
            return new UserView(user.id, user.email, user.createdAt);
        }
    }

    public record AccountEventView(UUID id, AccountEvent.Type type, Instant at,
            @Schema(nullable = true) String clientAddress) {
        static AccountEventView of(AccountEvent e) {
            // Rows stored before addresses were captured readably still show readably.
            return new AccountEventView(e.id, e.type, e.at, ClientAddress.readable(e.clientAddress));
        }
    }

    /** One signed-in device; {@code current} is the browser asking. */
    public record SessionView(UUID id, Instant createdAt, Instant lastSeenAt,
            @Schema(nullable = true) String clientAddress, @Schema(nullable = true) String userAgent, boolean current) {
        static SessionView of(UserSession s, boolean current) {
            return new SessionView(s.id, s.createdAt, s.lastSeenAt, ClientAddress.readable(s.clientAddress), s.userAgent,
                    current);
        }
    }
}

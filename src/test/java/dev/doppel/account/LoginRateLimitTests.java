package dev.doppel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LoginRateLimitTests {

    @Test
    void shouldThrottleAnEmailAfterFiveFailuresEvenFromManyAddresses() {
        Accounts.Session victim = Accounts.newSession("victim");
        for (int i = 0; i < 5; i++) {
            Accounts.signIn(victim.email(), "guess number " + i, Accounts.freshClientAddress()).then().statusCode(401);
        }
        // The sixth try is refused before the password is even checked, the right one included.
        Response throttled = Accounts.signIn(victim.email(), Accounts.PASSWORD, Accounts.freshClientAddress());
        assertThat(throttled.statusCode()).isEqualTo(429);
        int retryAfter = Integer.parseInt(throttled.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
        assertThat(Accounts.sessionCookieOf(throttled)).isNull();

        // Another account is not affected, and the victim sees what happened.
        Accounts.Session other = Accounts.newSession("other");
        other.request().get("/api/me").then().statusCode(200);
        victim.request().get("/api/me/activity").then().statusCode(200)
                .body("type", hasItem("SIGN_IN_FAILED"))
                .body("type", hasItem("SIGN_IN_THROTTLED"));
    }

    @Test
    void shouldNotLockOutOtherPeopleBehindTheAddressOfSomeoneWhoMistypes() {
        String address = Accounts.freshClientAddress();
        Accounts.Session typo = Accounts.newSession("typo");
        Accounts.Session neighbour = Accounts.newSession("neighbour");
        for (int i = 0; i < 5; i++) {
            Accounts.signIn(typo.email(), "mistyped " + i, address).then().statusCode(401);
        }
        assertThat(Accounts.signIn(typo.email(), Accounts.PASSWORD, address).statusCode()).isEqualTo(429);
        Accounts.signIn(neighbour.email(), Accounts.PASSWORD, address).then().statusCode(200);
    }

    @Test
    void shouldThrottleAnAddressAtItsOwnLimitAcrossEmails() {
        String address = Accounts.freshClientAddress();
        Accounts.Session real = Accounts.newSession("real");
        for (int i = 0; i < 50; i++) {
            Accounts.signIn(Accounts.uniqueEmail("spray" + i), "some password " + i, address).then().statusCode(401);
        }
        Response throttled = Accounts.signIn(real.email(), Accounts.PASSWORD, address);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isNotBlank();
        // The same account from another address is fine.
        Accounts.signIn(real.email(), Accounts.PASSWORD, Accounts.freshClientAddress()).then().statusCode(200);

        // Someone signing up from that busy address is signed in all the same, once.
        String newcomer = Accounts.uniqueEmail("newcomer");
        Accounts.register(newcomer, Accounts.PASSWORD, address).then().statusCode(201);
        Accounts.signIn(newcomer, Accounts.PASSWORD, address).then().statusCode(200);
        assertThat(Accounts.signIn(newcomer, Accounts.PASSWORD, address).statusCode()).isEqualTo(429);
    }

    @Test
    void shouldNotThrottleBelowTheLimit() {
        Accounts.Session session = Accounts.newSession("almost");
        String address = Accounts.freshClientAddress();
        for (int i = 0; i < 4; i++) {
            Accounts.signIn(session.email(), "guess " + i, address).then().statusCode(401);
        }
        Accounts.signIn(session.email(), Accounts.PASSWORD, address).then().statusCode(200);
        // Success clears the account's count: four more failures are still below the limit.
        String second = Accounts.freshClientAddress();
        for (int i = 0; i < 4; i++) {
            Accounts.signIn(session.email(), "again " + i, second).then().statusCode(401);
        }
        Accounts.signIn(session.email(), Accounts.PASSWORD, second).then().statusCode(200);
    }
}

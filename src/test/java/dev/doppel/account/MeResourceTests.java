package dev.doppel.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.TwoUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;

@QuarkusTest
class MeResourceTests {

    @Inject
    AccountEventRepository events;

    @Test
    void shouldChangePassword() {
        Accounts.Session session = Accounts.newSession("pw");
        String newPassword = "a much better passphrase";
        session.request().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", newPassword))
                .put("/api/me/password").then().statusCode(204);

        Accounts.signIn(session.email(), Accounts.PASSWORD, Accounts.freshClientAddress()).then().statusCode(401);
        Accounts.signIn(session.email(), newPassword, Accounts.freshClientAddress()).then().statusCode(200);
        session.request().get("/api/me/activity").then().statusCode(200)
                .body("type", hasItems("REGISTERED", "SIGNED_IN", "SIGN_IN_FAILED", "PASSWORD_CHANGED"));
    }

    @Test
    void shouldNotChangePasswordWithWrongCurrentOrShortNew() {
        Accounts.Session session = Accounts.newSession("pw-bad");
        session.request().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not my password", "newPassword", "a much better passphrase"))
                .put("/api/me/password").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("currentPassword"));
        session.request().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "short"))
                .put("/api/me/password").then()
                .statusCode(400)
                .body("violations.field", hasItem("newPassword"));
        // Nothing changed: the old password still works.
        Accounts.signIn(session.email(), Accounts.PASSWORD, Accounts.freshClientAddress()).then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "a much better passphrase"))
                .put("/api/me/password").then().statusCode(401);
    }

    @Test
    void shouldDeleteAccountAndEverythingItOwns() {
        Accounts.Session doomed = Accounts.newSession("doomed");
        Accounts.Session bystander = Accounts.newSession("bystander");
        UUID doomedId = UUID.fromString(doomed.id());
        UUID bystanderId = UUID.fromString(bystander.id());
        assertThat(countEvents(doomedId)).isGreaterThan(0);
        long bystanderEvents = countEvents(bystanderId);

        doomed.request().contentType(ContentType.JSON).body(Map.of("password", Accounts.PASSWORD))
                .delete("/api/me").then().statusCode(204);

        doomed.request().get("/api/me").then().statusCode(401);
        Accounts.signIn(doomed.email(), Accounts.PASSWORD, Accounts.freshClientAddress()).then().statusCode(401);
        assertThat(countEvents(doomedId)).isZero();
        assertThat((Object) QuarkusTransaction.requiringNew().call(() -> User.findById(doomedId))).isNull();
        // The other account keeps everything it had.
        assertThat(countEvents(bystanderId)).isEqualTo(bystanderEvents);
        bystander.request().get("/api/me").then().statusCode(200);
        // The address is free again.
        Accounts.register(doomed.email(), Accounts.PASSWORD).then().statusCode(201);
    }

    @Test
    void shouldNotDeleteAccountWithWrongOrMissingPassword() {
        Accounts.Session session = Accounts.newSession("keep");
        session.request().contentType(ContentType.JSON).body(Map.of("password", "not my password"))
                .delete("/api/me").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("password"));
        session.request().contentType(ContentType.JSON).body(Map.of())
                .delete("/api/me").then()
                .statusCode(400)
                .body("violations.field", hasItem("password"));
        session.request().get("/api/me").then().statusCode(200).body("email", equalTo(session.email()));
    }

    @Test
    void shouldKeepActivityPrivate() {
        TwoUsers users = TwoUsers.create();
        List<String> ids = users.owner().request().get("/api/me/activity").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            users.assertHiddenFromStranger("/api/me/activity/" + id);
        }
        List<String> strangersIds = users.stranger().request().get("/api/me/activity").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(strangersIds).doesNotContainAnyElementsOf(ids);
        // A made-up id answers exactly like someone else's.
        users.stranger().request().get("/api/me/activity/" + UUID.randomUUID()).then().statusCode(404);
        users.stranger().request().get("/api/me/activity/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldNotLetAStrangerDeleteTheOwner() {
        TwoUsers users = TwoUsers.create();
        // DELETE /api/me acts on the caller only: with the owner's password the stranger still cannot reach it.
        users.stranger().request().contentType(ContentType.JSON).body(Map.of("password", Accounts.PASSWORD))
                .delete("/api/me").then().statusCode(204);
        users.owner().request().get("/api/me").then().statusCode(200).body("email", equalTo(users.owner().email()));
    }

    @Test
    void shouldShowClientAddressesReadably() {
        Accounts.Session session = Accounts.newSession("addresses");
        // An IPv4 client reaching an IPv6 socket, as a proxy in front may forward it.
        Accounts.signIn(session.email(), Accounts.PASSWORD, "::ffff:203.0.113.9").then().statusCode(200);
        Accounts.signIn(session.email(), "not my password", "2001:DB8:0:0:0:0:0:7").then().statusCode(401);
        List<Map<String, Object>> activity = session.request().get("/api/me/activity").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(activity).extracting(entry -> entry.get("clientAddress"))
                .contains("203.0.113.9", "2001:db8::7")
                .noneMatch(address -> String.valueOf(address).contains("0:0:0"));

        // Rows stored before addresses were written this way are shown readably too.
        UUID owner = UUID.fromString(session.id());
        QuarkusTransaction.requiringNew().run(() -> {
            events.record(owner, AccountEvent.Type.SIGNED_IN, "0:0:0:0:0:0:0:1");
            events.record(owner, AccountEvent.Type.SIGNED_IN, "::ffff:192.0.2.44");
        });
        List<String> shown = session.request().get("/api/me/activity").then().statusCode(200).extract().jsonPath()
                .getList("clientAddress");
        assertThat(shown).contains("::1", "192.0.2.44").doesNotContain("0:0:0:0:0:0:0:1", "::ffff:192.0.2.44");
    }

    @Test
    void isolationHelperShouldFailOnSharedData() {
        TwoUsers users = TwoUsers.create();
        // /api/me answers both users, so the helper must refuse to call it private.
        assertThatThrownBy(() -> users.assertHiddenFromStranger("/api/me")).isInstanceOf(AssertionError.class);
        String ownersEntry = users.owner().request().get("/api/me/activity").then().extract().path("[0].id");
        assertThatThrownBy(() -> users.assertStrangerCannotChange(Method.PUT, "/api/me/password",
                Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "changed by the stranger"),
                "/api/me/activity/" + ownersEntry)).isInstanceOf(AssertionError.class);
    }

    private static long countEvents(UUID owner) {
        return QuarkusTransaction.requiringNew().call(() -> AccountEvent.count("ownerId", owner));
    }
}

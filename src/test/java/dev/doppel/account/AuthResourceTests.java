package dev.doppel.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class AuthResourceTests {

    @Test
    void shouldRegisterAndSignIn() {
        String email = Accounts.uniqueEmail("alice");
        Accounts.register(email, Accounts.PASSWORD).then()
                .statusCode(201)
                .header("Location", endsWith("/api/me"))
                .body("id", notNullValue())
                .body("email", equalTo(email));

        Response login = Accounts.signIn(email, Accounts.PASSWORD, Accounts.freshClientAddress());
        login.then().statusCode(200);
        // Two cookies: the login and the server-side session's token, both HttpOnly and SameSite=Strict.
        assertThat(login.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(Accounts.COOKIE + "=").containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"))
                .anySatisfy(c -> assertThat(c).startsWith(Accounts.SID + "=").containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));

        given().cookie(Accounts.COOKIE, Accounts.sessionCookieOf(login)).cookie(Accounts.SID, Accounts.sessionIdOf(login))
                .get("/api/me").then()
                .statusCode(200)
                .body("email", equalTo(email));
    }

    @Test
    void shouldStoreOnlyABcryptHash() {
        String email = Accounts.uniqueEmail("hash");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        String hash = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> User.findByEmail(email).orElseThrow().passwordHash);
        assertThat(hash).startsWith("$2").doesNotContain(Accounts.PASSWORD);
        assertThat(new PasswordChecker().matches(Accounts.PASSWORD, hash)).isTrue();
        assertThat(new PasswordChecker().matches("wrong password!", hash)).isFalse();
    }

    @Test
    void shouldTreatEmailCaseInsensitively() {
        String email = Accounts.uniqueEmail("Case");
        Accounts.register(email.toUpperCase(), Accounts.PASSWORD).then().statusCode(201)
                .body("email", equalTo(email.toLowerCase()));
        Accounts.register(email.toLowerCase(), Accounts.PASSWORD).then().statusCode(409);
        Accounts.signIn(" " + email.toUpperCase(), Accounts.PASSWORD, Accounts.freshClientAddress()).then()
                .statusCode(200);
    }

    @Test
    void shouldNotRegisterTakenEmail() {
        String email = Accounts.uniqueEmail("taken");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        Accounts.register(email, "another password 123").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already exists"))
                .body("violations.field", hasItem("email"));
    }

    @Test
    void shouldNotRegisterInvalidEmail() {
        for (String bad : new String[] { "not-an-email", "", "a@", "@b.c" }) {
            Accounts.register(bad, Accounts.PASSWORD).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("email"));
        }
    }

    @Test
    void shouldNotRegisterShortOrLongPassword() {
        Accounts.register(Accounts.uniqueEmail("short"), "123456789").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("password"))
                .body("detail", containsString("password"));
        Accounts.register(Accounts.uniqueEmail("long"), "x".repeat(73)).then()
                .statusCode(400)
                .body("violations.field", hasItem("password"));
        Accounts.register(Accounts.uniqueEmail("exact"), "0123456789").then().statusCode(201);
    }

    @Test
    void shouldNotRegisterWithoutBody() {
        given().contentType(ContentType.JSON).post("/api/auth/register").then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"email\": ").post("/api/auth/register").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        given().contentType(ContentType.JSON).body(Map.of("email", Accounts.uniqueEmail("nopw")))
                .post("/api/auth/register").then()
                .statusCode(400)
                .body("violations.field", hasItem("password"));
    }

    @Test
    void shouldRefuseWrongPasswordAndUnknownEmailAlike() {
        String email = Accounts.uniqueEmail("wrong");
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
        Response wrong = Accounts.signIn(email, "not the password", Accounts.freshClientAddress());
        Response unknown = Accounts.signIn(Accounts.uniqueEmail("nobody"), "not the password",
                Accounts.freshClientAddress());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(Accounts.sessionCookieOf(wrong)).isNull();
        assertThat(wrong.asString()).isEqualTo(unknown.asString());
    }

    @Test
    void shouldSignOut() {
        Accounts.Session session = Accounts.newSession("bye");
        session.request().get("/api/me").then().statusCode(200);
        Response logout = session.request().post("/api/auth/logout");
        logout.then().statusCode(204);
        assertThat(logout.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(Accounts.COOKIE + "=").containsIgnoringCase("Max-Age=0"))
                .anySatisfy(c -> assertThat(c).startsWith(Accounts.SID + "=").containsIgnoringCase("Max-Age=0"));
        // The browser drops the cookie; without it the API answers 401.
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer401ProblemWhenSignedOut() {
        given().get("/api/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", notNullValue());
        given().cookie(Accounts.COOKIE, "forged-cookie-value").get("/api/me").then().statusCode(401);
    }
}

package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.doppel.support.Accounts;
import dev.doppel.support.Browser;
import dev.doppel.support.ConfirmDialog;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A new user's first minute, in a real browser against the real server and database. */
@Tag("browser")
@QuarkusTest
class AccountBrowserTests {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldSignUpSeeTheLibrarySignOutAndSignInAgain() throws Exception {
        String email = Accounts.uniqueEmail("browser");
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(20));

            driver.get(root + "signup");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signup-form")));

            // The server's validation message appears next to the field it concerns.
            type(driver, "signup-email", email);
            type(driver, "signup-password", "short");
            driver.findElement(By.id("signup-submit")).click();
            WebElement passwordError = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("signup-password-error")));
            assertThat(passwordError.getText()).containsIgnoringCase("10");
            assertThat(driver.findElement(By.id("signup-password")).getAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("signup-error");

            type(driver, "signup-password", Accounts.PASSWORD);
            driver.findElement(By.id("signup-submit")).click();

            // Signed up and signed in: the library with its four empty sections.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("library")));
            wait.until(ExpectedConditions.textToBe(By.id("account-email"), email));
            for (String section : new String[] { "library-videos", "library-facesets", "library-models",
                    "library-results" }) {
                WebElement el = driver.findElement(By.id(section));
                assertThat(el.findElements(By.cssSelector(".empty-state"))).as(section).isNotEmpty();
            }
            Path library = browser.screenshot("library");
            assertThat(Files.size(library)).isPositive();

            driver.findElement(By.id("signout-button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
            driver.get(root + "library");
            // Signed out, the library is not reachable.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));

            type(driver, "signin-email", email);
            type(driver, "signin-password", "not the password");
            driver.findElement(By.id("signin-submit")).click();
            WebElement signinError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
            assertThat(signinError.getText()).containsIgnoringCase("wrong");

            type(driver, "signin-password", Accounts.PASSWORD);
            driver.findElement(By.id("signin-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("library")));
            wait.until(ExpectedConditions.textToBe(By.id("account-email"), email));
            browser.screenshot("signed-in-again");

            driver.findElement(By.id("signout-button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        }
    }

    @Test
    void shouldShowTakenEmailNextToTheEmailField() throws Exception {
        Accounts.Session existing = Accounts.newSession("taken-ui");
        try (Browser browser = new Browser(390, 844)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(20));
            driver.get(root + "signup");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signup-form")));
            type(driver, "signup-email", existing.email());
            type(driver, "signup-password", Accounts.PASSWORD);
            driver.findElement(By.id("signup-submit")).click();
            WebElement emailError = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("signup-email-error")));
            assertThat(emailError.getText()).containsIgnoringCase("already");
            browser.screenshot("signup-taken-mobile");
        }
    }

    @Test
    void shouldChangePasswordAndDeleteTheAccountFromTheAccountPage() throws Exception {
        Accounts.Session session = Accounts.newSession("account-ui");
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(20));
            browser.signIn(root, session);

            driver.findElement(By.id("nav-account")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
            wait.until(d -> !d.findElements(By.cssSelector("#activity-list li")).isEmpty());

            // A wrong current password is reported next to that field, and nothing changes.
            type(driver, "current-password", "not my password");
            type(driver, "new-password", "a brand new passphrase");
            driver.findElement(By.id("password-submit")).click();
            WebElement currentError = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("current-password-error")));
            assertThat(currentError.getText()).containsIgnoringCase("wrong");

            type(driver, "current-password", Accounts.PASSWORD);
            driver.findElement(By.id("password-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-success")));
            browser.screenshot("account");
            Accounts.signIn(session.email(), "a brand new passphrase", Accounts.freshClientAddress()).then()
                    .statusCode(200);

            // Deleting asks for the password and a confirmation in the page: Cancel keeps the account, yes
            // deletes it and signs out.
            type(driver, "delete-password", "a brand new passphrase");
            driver.findElement(By.id("delete-submit")).click();
            ConfirmDialog question = ConfirmDialog.await(driver, wait);
            assertThat(question.title()).isEqualTo("Delete your Doppel account?");
            assertThat(question.confirmHasFocus()).isTrue();
            question.cancelButton().click();
            ConfirmDialog.awaitNone(driver, wait);
            assertThat(driver.findElement(By.id("delete-form")).isDisplayed()).isTrue();
            Accounts.signIn(session.email(), "a brand new passphrase", Accounts.freshClientAddress()).then()
                    .statusCode(200);
            driver.findElement(By.id("delete-submit")).click();
            ConfirmDialog.await(driver, wait).confirmButton().click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        }
        Accounts.signIn(session.email(), "a brand new passphrase", Accounts.freshClientAddress()).then()
                .statusCode(401);
    }

    @Test
    void shouldListSignedInDevicesAndSignThemOutOneByOneOrEverywhere() throws Exception {
        Accounts.Session otherDevice = Accounts.newSession("devices");
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(20));
            browser.signIn(root, otherDevice);
            driver.findElement(By.id("nav-account")).click();
            wait.until(d -> d.findElements(By.cssSelector("#sessions-list li")).size() == 2);

            WebElement here = driver.findElement(By.cssSelector("#sessions-list li[data-current='true']"));
            assertThat(here.getText()).contains("This device").contains("Chrome on Linux");
            WebElement there = driver.findElement(By.cssSelector("#sessions-list li[data-current='false']"));
            assertThat(there.getText()).doesNotContain("This device").contains("Active");
            browser.screenshot("account-sessions");

            // Signing out the other device: its next request is refused, this one carries on.
            there.findElement(By.cssSelector(".session-end")).click();
            wait.until(d -> d.findElements(By.cssSelector("#sessions-list li")).size() == 1);
            otherDevice.request().get("/api/me").then().statusCode(401);
            assertThat(driver.findElement(By.cssSelector("#sessions-list li")).getAttribute("data-current"))
                    .isEqualTo("true");

            // "Sign out everywhere" asks first, then ends every session, this browser's included.
            Accounts.Session thirdDevice = Accounts.session(otherDevice.email(), otherDevice.password());
            driver.navigate().refresh();
            wait.until(d -> d.findElements(By.cssSelector("#sessions-list li")).size() == 2);
            driver.findElement(By.id("sessions-end-all")).click();
            ConfirmDialog question = ConfirmDialog.await(driver, wait);
            assertThat(question.title()).isEqualTo("Sign out everywhere?");
            question.confirmButton().click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("signed out everywhere");
            browser.screenshot("signed-out-everywhere");
            thirdDevice.request().get("/api/me").then().statusCode(401);
            driver.get(root + "account");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        }
    }

    private static void type(WebDriver driver, String id, String text) {
        WebElement el = driver.findElement(By.id(id));
        el.clear();
        el.sendKeys(text);
    }
}

package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.doppel.support.Accounts;
import dev.doppel.support.Browser;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One browser, two people: what the browser keeps after a sign-out, read with Chromium's own cookie store (the
 * DevTools protocol sees HttpOnly cookies and their paths, which page scripts cannot).
 */
@Tag("browser")
@QuarkusTest
class SessionBrowserTests {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldShowOnlyTheSecondAccountAfterTheFirstSignsOut() throws Exception {
        Accounts.Session first = Accounts.newSession("first");
        String firstVideo = Uploads.uploaded(first, TestMedia.clip("grid_man-glasses_lbax4n.mp4"));
        String second = Accounts.uniqueEmail("second");
        try (Browser browser = new Browser(1280, 900)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(20));
            browser.signIn(root, first);
            wait.until(ExpectedConditions.textToBe(By.id("account-email"), first.email()));
            wait.until(d -> !d.findElements(By.cssSelector("[data-video-id='" + firstVideo + "']")).isEmpty());

            // Use the app past the session's renewal interval (a second in tests) on pages whose calls live under
            // several paths: /api/me, /api/videos/{id}, its thumbnail and content, /api/me/activity.
            Thread.sleep(1_200);
            driver.get(root + "videos/" + firstVideo);
            wait.until(d -> "true".equals(String.valueOf(((ChromeDriver) d).executeScript(
                    "const v = document.querySelector('video'); return !!v && v.readyState >= 1"))));
            Thread.sleep(1_200);
            driver.get(root + "account");
            wait.until(d -> !d.findElements(By.cssSelector("#activity-list li")).isEmpty());
            Thread.sleep(1_200);
            driver.get(root + "library");
            wait.until(d -> !d.findElements(By.cssSelector("[data-video-id='" + firstVideo + "']")).isEmpty());

            List<Map<String, Object>> held = sessionCookies(driver);
            assertThat(held).as("session cookies the browser holds").hasSize(1);
            assertThat(held.get(0)).containsEntry("path", "/").containsEntry("httpOnly", true)
                    .containsEntry("secure", true).containsEntry("sameSite", "Strict");
            String whileSignedIn = (String) held.get(0).get("value");
            String sessionIdWhileSignedIn = cookies(driver, Accounts.SID).get(0).get("value").toString();
            // Both cookies copied out of the browser open the account, until it signs out.
            assertThat(status("/api/me", whileSignedIn, sessionIdWhileSignedIn)).isEqualTo(200);

            driver.findElement(By.id("signout-button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));

            // Whatever the browser still holds opens no door, in the page or outside it.
            for (Map<String, Object> cookie : sessionCookies(driver)) {
                assertThat(status("/api/me", (String) cookie.get("value"), sessionIdWhileSignedIn))
                        .as("cookie at " + cookie.get("path")).isEqualTo(401);
            }
            assertThat(pageFetchStatus(driver, "/api/me")).isEqualTo(401);
            assertThat(pageFetchStatus(driver, "/api/videos")).isEqualTo(401);
            assertThat(sessionCookies(driver)).noneMatch(c -> whileSignedIn.equals(c.get("value")));
            assertThat(cookies(driver, Accounts.SID)).isEmpty();
            // The copies taken before signing out are refused too: the server ended the session.
            assertThat(status("/api/me", whileSignedIn, sessionIdWhileSignedIn)).as("copied cookies").isEqualTo(401);

            // The second person signs up on the same browser and sees only their own, empty, library.
            driver.findElement(By.id("goto-signup")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signup-form")));
            type(driver, "signup-email", second);
            type(driver, "signup-password", Accounts.PASSWORD);
            driver.findElement(By.id("signup-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("account-email"), second));
            assertSecondAccountOnly(driver, wait, firstVideo);
            driver.navigate().refresh();
            wait.until(ExpectedConditions.textToBe(By.id("account-email"), second));
            assertSecondAccountOnly(driver, wait, firstVideo);
            assertThat(String.valueOf(driver.executeAsyncScript(
                    "const done = arguments[0]; fetch('/api/me').then(r => r.json()).then(j => done(j.email))")))
                    .isEqualTo(second);
            browser.screenshot("second-account-library");
        }
    }

    @Test
    void shouldSignInRightAfterSignUpFromABusyAddress() throws Exception {
        String address = Accounts.freshClientAddress();
        // Fifty failed sign-ins from the address (other people's typos, or someone guessing) within the minute.
        for (int i = 0; i < 50; i++) {
            Accounts.signIn(Accounts.uniqueEmail("busy" + i), "mistyped " + i, address).then().statusCode(401);
        }
        String email = Accounts.uniqueEmail("newcomer");
        try (Browser browser = new Browser(1280, 900)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(20));
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                    Map.of("headers", Map.of("X-Forwarded-For", address)));
            driver.get(root + "signup");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signup-form")));
            type(driver, "signup-email", email);
            type(driver, "signup-password", Accounts.PASSWORD);
            driver.findElement(By.id("signup-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("account-email"), email));
            assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContainIgnoringCase("too many");
            browser.screenshot("signup-busy-address");
        }
    }

    private static void assertSecondAccountOnly(WebDriver driver, WebDriverWait wait, String firstVideo) {
        wait.until(d -> !d.findElements(By.cssSelector("#library-videos .empty-state")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("[data-video-id='" + firstVideo + "']"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sessionCookies(ChromeDriver driver) {
        return cookies(driver, Accounts.COOKIE);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cookies(ChromeDriver driver, String name) {
        Map<String, Object> all = driver.executeCdpCommand("Network.getAllCookies", Map.of());
        return ((List<Map<String, Object>>) all.get("cookies")).stream()
                .filter(c -> name.equals(c.get("name")))
                .toList();
    }

    private static long pageFetchStatus(ChromeDriver driver, String path) {
        return (Long) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], { credentials: 'same-origin' }).then(r => done(r.status))", path);
    }

    private int status(String path, String cookie, String sid) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString()).resolve(path))
                .header("Cookie", Accounts.cookieHeader(cookie, sid)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void type(WebDriver driver, String id, String text) {
        var input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}

package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.doppel.support.Browser;
import dev.doppel.support.SwapFixture;

/**
 * Every page of the app loads under its Content-Security-Policy without one violation: the browser reports each
 * blocked script, style, image, media or connection as a securitypolicyviolation event, recorded here from before
 * the page's own code runs.
 */
@Tag("browser")
@QuarkusTest
class ContentSecurityPolicyBrowserTests {

    /** Injected into every document before its scripts (DevTools scripts are not subject to the page's CSP). */
    private static final String RECORDER = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
            + "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyPageLoadsWithoutAViolation() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        String result = fixture.swap(fixture.videoA, "A_TO_B", Map.of());
        fixture.awaitReady(result);
        String faceSet = fixture.session.request().get("/api/facesets").then().extract().path("[0].id");
        try (Browser browser = new Browser(1280, 900)) {
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
            List<String> violations = new ArrayList<>();
            browser.driver().get(root + "signup");
            violations.addAll(settle(browser, "signup-form"));
            browser.driver().get(root + "signin");
            violations.addAll(settle(browser, "signin-form"));
            browser.signIn(root, fixture.session);
            violations.addAll(settle(browser, "library"));
            Map<String, String> pages = Map.of(
                    "videos/" + fixture.videoA, "video-player",
                    "facesets/" + faceSet, "face-grid",
                    "models/" + fixture.model, "loss-chart",
                    "results/" + result, "result-report",
                    "account", "delete-form");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.driver().get(root + page.getKey());
                List<String> found = settle(browser, page.getValue());
                found.forEach(v -> violations.add(page.getKey() + ": " + v));
            }
            assertThat(violations).as("CSP violations").isEmpty();
        }
    }

    /** Waits for the page's landmark, lets images, media and the event stream load, returns its violations. */
    @SuppressWarnings("unchecked")
    private static List<String> settle(Browser browser, String landmark) throws InterruptedException {
        browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id(landmark)));
        Thread.sleep(1500);
        Object found = ((JavascriptExecutor) browser.driver()).executeScript("return window.__cspViolations || ['no recorder']");
        return new ArrayList<>((List<String>) found);
    }
}

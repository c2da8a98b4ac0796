package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.doppel.support.Accounts;
import dev.doppel.support.Browser;
import dev.doppel.support.CardControls;
import dev.doppel.support.SwapFixture;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The library on a phone (390 px, an iPhone's width): every card's buttons and links show their whole text. */
@Tag("browser")
@QuarkusTest
class PhoneLayoutBrowserTests {

    static final int PHONE_WIDTH = 390;

    @TestHTTPResource("/")
    URL root;

    @Test
    void videoAndFaceSetCardsShowTheirButtonsWholeAtPhoneWidth() throws Exception {
        // A long address: the top bar must end it with an ellipsis, not run it over the nav.
        Accounts.Session session = Accounts.newSession("a-phone-user-with-a-rather-long-address");
        Uploads.uploaded(session, TestMedia.clip("grid_man-light-shirt_sbwe5n.mp4"));
        Uploads.uploaded(session, TestMedia.clip("grid_woman-long-hair_brbk7n.mp4"));
        checkLibrary(session, "library-phone-videos", ".video-card", ".faceset-card");
    }

    @Test
    void modelAndResultCardsShowTheirLinksWholeAtPhoneWidth() throws Exception {
        // A trained model comes with the fixture; a quick swap adds a result.
        SwapFixture fixture = SwapFixture.get();
        String result = fixture.swap(fixture.videoA, "A_TO_B", Map.of("label", false));
        fixture.awaitReady(result);
        checkLibrary(fixture.session, "library-phone-all", ".video-card", ".faceset-card", ".model-card",
                ".result-card");
    }

    private void checkLibrary(Accounts.Session session, String screenshot, String... cards) throws Exception {
        try (Browser browser = new Browser(PHONE_WIDTH, 844)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            browser.signIn(root, session);
            for (String card : cards) {
                wait.until(d -> !d.findElements(By.cssSelector(card)).isEmpty());
            }
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertThat(((Number) js.executeScript("return window.innerWidth;")).intValue()).isEqualTo(PHONE_WIDTH);

            // The whole page in one picture, first (the layout depends on the width only).
            int height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).intValue();
            browser.viewport(PHONE_WIDTH, Math.min(height, 6000));
            browser.screenshot(screenshot);

            assertThat(((Number) js.executeScript("return window.innerWidth;")).intValue()).isEqualTo(PHONE_WIDTH);
            assertThat(CardControls.cutOff(driver)).as("buttons and links cut off by their card").isEmpty();
            assertThat(((Number) js.executeScript("return document.querySelector('#account-email').getBoundingClientRect().left"
                    + " - document.querySelector('.nav').getBoundingClientRect().right;")).doubleValue())
                    .as("room between the nav and the email in the top bar").isGreaterThanOrEqualTo(0);
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).intValue())
                    .as("no sideways scrolling").isLessThanOrEqualTo(PHONE_WIDTH);
        }
    }
}

package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.doppel.support.Browser;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import dev.doppel.support.SwapFixture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A quick swap as a user makes one: trained model, new clip, one click, then watch, compare and download. */
@Tag("browser")
@QuarkusTest
class SwapBrowserTests {

    @TestHTTPResource("/")
    URL root;

    @Test
    void swapsANewClipWithATrainedModelAndShowsTheResult() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        String clip = Uploads.uploaded(fixture.session, TestMedia.clip("grid_s2-man-grey-hair_b_pwij3p.mp4"));
        String doomed = Uploads.uploaded(fixture.session, TestMedia.clip("grid_man-light-shirt_sbwe5n.mp4"));
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(120));
            browser.signIn(root, fixture.session);

            driver.get(new URL(root, "/models/" + fixture.model + "#swap").toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("swap-form")));
            // A video deleted (in another tab) after the form was filled in: the server's refusal is shown
            // in the form, in words, and the page stays.
            new Select(driver.findElement(By.id("swap-video"))).selectByValue(doomed);
            fixture.session.request().delete("/api/videos/" + doomed).then().statusCode(204);
            driver.findElement(By.id("swap-submit")).click();
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("swap-error")));
            assertThat(error.getText()).containsIgnoringCase("not found").doesNotContain("{");
            assertThat(driver.getCurrentUrl()).contains("/models/");

            new Select(driver.findElement(By.id("swap-video"))).selectByValue(clip);
            assertThat(new Select(driver.findElement(By.id("swap-direction"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("A_TO_B");
            assertThat(driver.findElement(By.id("swap-label")).isSelected()).as("label on by default").isTrue();
            Select whose = new Select(driver.findElement(By.id("swap-faces")));
            assertThat(whose.getFirstSelectedOption().getAttribute("value")).as("largest face by default")
                    .isEqualTo("largest");
            assertThat(whose.getOptions()).extracting(WebElement::getText).anySatisfy(text -> assertThat(text)
                    .startsWith("Only faces that look like").doesNotContain("undefined"));
            whose.selectByValue("match");
            driver.findElement(By.id("swap-submit")).click();

            wait.until(ExpectedConditions.urlContains("/results/"));
            wait.until(d -> d.findElement(By.id("result-status")).getText().toLowerCase().contains("ready"));
            WebElement video = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-video")));
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].readyState;",
                    video)).intValue() >= 1);
            double duration = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return arguments[0].duration;", video)).doubleValue();
            assertThat(duration).isBetween(2.8, 3.2);
            // Seeking works (the server answers ranges).
            ((JavascriptExecutor) driver).executeScript("arguments[0].currentTime = 2.0;", video);
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].seeking ? -1 : arguments[0].currentTime;", video)).doubleValue() >= 1.9);

            WebElement identity = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-identity")));
            wait.until(d -> identity.getText().contains("%"));
            assertThat(driver.findElement(By.id("report-ssim")).getText()).matches("(?s).*\\d\\.\\d\\d.*");
            assertThat(driver.findElement(By.id("report-flicker")).getText()).matches("(?s).*\\d\\.\\d.*");
            assertThat(driver.findElement(By.id("result-provenance")).getText()).containsIgnoringCase("AI-generated");
            assertThat(driver.findElement(By.id("result-download")).getAttribute("href")).contains("download=true");
            assertThat(driver.findElement(By.id("result-details")).getText()).contains("Faces: Only faces that look like");
            browser.screenshot("swap-result");
            // The "AI-generated" label sits at the top, clear of the player's controls (shown on hover) below.
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", video);
            new Actions(driver).moveToElement(video).perform();
            browser.screenshot("swap-result-player");

            driver.findElement(By.id("result-view-side")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-original")));
            assertThat(driver.findElement(By.id("result-video")).isDisplayed()).isTrue();
            browser.screenshot("swap-side-by-side");
            String result = driver.getCurrentUrl().replaceAll(".*/results/", "");

            // The library lists the result, and the model's card leads to the next quick swap.
            driver.findElement(By.cssSelector("a[href='/library']")).click();
            WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#library-results .result-card[data-result-id='" + result + "']")));
            assertThat(card.getText()).containsIgnoringCase("ready");
            assertThat(driver.findElements(By.cssSelector(".model-swap-link[href='/models/" + fixture.model
                    + "#swap']"))).isNotEmpty();
            browser.screenshot("library-results");
        }
    }

    @Test
    void swapFormListsAVideoUploadedElsewhereAndKeepsTheChoice() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(60));
            browser.signIn(root, fixture.session);
            driver.get(new URL(root, "/models/" + fixture.model + "#swap").toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("swap-form")));
            Select videos = new Select(driver.findElement(By.id("swap-video")));
            videos.selectByValue(fixture.videoA);
            // Marks this page: a reload would lose it.
            ((JavascriptExecutor) driver).executeScript("window.__samePage = true;");

            // Uploaded with the same account elsewhere (another tab, the API): the form hears of it through the
            // event stream.
            String uploaded = Uploads.upload(fixture.session, TestMedia.clip("grid_woman-pink-top_lbbc2a.mp4"))
                    .then().statusCode(201).extract().path("id");
            try {
                // Read in one go: the options are replaced when the list is fetched again.
                wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return [...document.querySelectorAll('#swap-video option')].some(o => o.value === arguments[0]);",
                        uploaded));
                assertThat(new Select(driver.findElement(By.id("swap-video"))).getFirstSelectedOption()
                        .getAttribute("value")).as("the user's choice stays").isEqualTo(fixture.videoA);
                assertThat(((JavascriptExecutor) driver).executeScript("return window.__samePage === true;"))
                        .as("no reload").isEqualTo(true);
                browser.screenshot("swap-form-new-video");
            } finally {
                // The fixture's account has a small quota that other swap tests share.
                Uploads.awaitJobs(fixture.session);
                fixture.session.request().delete("/api/videos/" + uploaded).then().statusCode(204);
            }
        }
    }
}

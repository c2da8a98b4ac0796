package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.doppel.support.Accounts;
import dev.doppel.support.Browser;
import dev.doppel.support.ConfirmDialog;
import dev.doppel.support.CuttingProxy;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Uploading through the page: progress, thumbnail, playback, live job progress, and a refused file. */
@Tag("browser")
@QuarkusTest
class VideoBrowserTests {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldUploadWatchTheJobAndPlayTheVideo() throws Exception {
        Accounts.Session session = Accounts.newSession("uploader");
        Path clip = TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4").toRealPath();
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            browser.signIn(root, session);

            // Consent first: without it nothing is sent.
            driver.findElement(By.id("video-upload-input")).sendKeys(clip.toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("video-consent-error")));
            assertThat(driver.findElements(By.cssSelector(".upload-item"))).isEmpty();

            driver.findElement(By.id("video-consent")).click();
            ((JavascriptExecutor) driver).executeScript("window.__maxProgress = 0;"
                    + "new MutationObserver(() => document.querySelectorAll('progress.upload-progress').forEach(p =>"
                    + "  window.__maxProgress = Math.max(window.__maxProgress, p.value)))"
                    + ".observe(document.body, {subtree: true, childList: true, attributes: true});");
            driver.findElement(By.id("video-upload-input")).sendKeys(clip.toString());

            WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".video-card")));
            Number max = (Number) ((JavascriptExecutor) driver).executeScript("return window.__maxProgress;");
            assertThat(max.doubleValue()).as("the progress bar reached 100 %").isEqualTo(100.0);
            assertThat(card.findElement(By.cssSelector(".video-name")).getText()).isEqualTo(clip.getFileName().toString());
            assertThat(card.findElement(By.cssSelector(".video-resolution")).getText()).contains("360").contains("288");
            assertThat(card.findElement(By.cssSelector(".video-duration")).getText()).isEqualTo("0:03");
            assertThat(card.findElement(By.cssSelector(".video-audio")).getText()).containsIgnoringCase("audio");

            // The thumbnail job runs on the worker; the panel shows it and the card gets its picture.
            wait.until(d -> {
                WebElement img = d.findElements(By.cssSelector(".video-card img.video-thumb")).stream().findFirst()
                        .orElse(null);
                return img != null && (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0;", img);
            });
            driver.findElement(By.id("jobs-toggle")).click();
            WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jobs-panel")));
            wait.until(d -> panel.findElements(By.cssSelector(".job-item")).stream()
                    .anyMatch(j -> j.findElement(By.cssSelector(".job-status")).getText().toLowerCase().contains("done")
                            || j.findElement(By.cssSelector(".job-status")).getText().toLowerCase().contains("succeeded")));
            browser.screenshot("upload-and-jobs");
            driver.findElement(By.id("jobs-close")).click();

            // The player page streams the original with Range requests and plays it.
            driver.findElement(By.cssSelector(".video-card .video-name")).click();
            WebElement player = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("video-player")));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            js.executeScript("arguments[0].muted = true; arguments[0].play();", player);
            wait.until(d -> ((Number) js.executeScript("return arguments[0].currentTime;", player)).doubleValue() > 0.5);
            js.executeScript("arguments[0].currentTime = 2.0;", player);
            wait.until(d -> ((Number) js.executeScript("return arguments[0].currentTime;", player)).doubleValue() >= 2.0);
            browser.screenshot("player");
        }
    }

    @Test
    void shouldFinishAnUploadWhoseConnectionWasCutMidway() throws Exception {
        Accounts.Session session = Accounts.newSession("flaky-network");
        Path clip = TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4").toRealPath();
        // The browser reaches the app through a proxy that drops the first upload's connection after 60 KB.
        try (CuttingProxy proxy = new CuttingProxy(root.getPort(), "PATCH /api/uploads/", 60_000);
                Browser browser = new Browser(1280, 900)) {
            URL throughProxy = new URL("http", root.getHost(), proxy.port(), "/");
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(40));
            browser.signIn(throughProxy, session);
            driver.findElement(By.id("video-consent")).click();
            driver.findElement(By.id("video-upload-input")).sendKeys(clip.toString());

            WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".video-card")));
            assertThat(card.findElement(By.cssSelector(".video-name")).getText()).isEqualTo(clip.getFileName().toString());
            assertThat(driver.findElements(By.cssSelector(".upload-error"))).isEmpty();
            assertThat(proxy.cuts()).isEqualTo(1);
            // The second PATCH went on from where the server stood, not from the start.
            assertThat(proxy.offsets()).hasSizeGreaterThanOrEqualTo(2).first().isEqualTo(0L);
            assertThat(proxy.offsets().get(proxy.offsets().size() - 1)).isPositive();
            assertThat(session.request().get("/api/videos").then().statusCode(200).extract().jsonPath().getList("$"))
                    .as("accepted exactly once").hasSize(1);
            browser.screenshot("upload-after-cut");
        }
    }

    @Test
    void shouldDeleteAVideoFromItsCardOnlyAfterConfirming() throws Exception {
        Accounts.Session session = Accounts.newSession("tidy");
        String video = Uploads.uploaded(session, TestMedia.clip("grid_man-glasses_lbax4n.mp4"));
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            browser.signIn(root, session);
            By card = By.cssSelector(".video-card[data-video-id='" + video + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(card)).findElement(By.cssSelector(".video-delete"))
                    .click();
            ConfirmDialog question = ConfirmDialog.await(driver, wait);
            assertThat(question.title()).isEqualTo("Delete “grid_man-glasses_lbax4n.mp4”?");
            assertThat(question.confirmHasFocus()).isTrue();
            browser.screenshot("video-delete-confirm");
            question.cancelButton().click();
            ConfirmDialog.awaitNone(driver, wait);
            assertThat(driver.findElements(card)).hasSize(1);
            session.request().get("/api/videos/" + video).then().statusCode(200);

            driver.findElement(card).findElement(By.cssSelector(".video-delete")).click();
            ConfirmDialog.await(driver, wait).confirmButton().click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(card));
            session.request().get("/api/videos/" + video).then().statusCode(404);
        }
    }

    @Test
    void shouldShowWhyAFileWasRefused() throws Exception {
        Accounts.Session session = Accounts.newSession("refused");
        Path notAVideo = TestMedia.clip("nasa_astronaut-eileen-collins.png").toRealPath();
        try (Browser browser = new Browser(390, 844)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            browser.signIn(root, session);
            driver.findElement(By.id("video-consent")).click();
            driver.findElement(By.id("video-upload-input")).sendKeys(notAVideo.toString());
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".upload-error")));
            assertThat(error.getText()).containsIgnoringCase("not a video");
            browser.screenshot("upload-refused-mobile");
            assertThat(driver.findElements(By.cssSelector(".video-card"))).isEmpty();
        }
    }

}

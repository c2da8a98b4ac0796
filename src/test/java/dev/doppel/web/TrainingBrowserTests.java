package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.doppel.support.Accounts;
import dev.doppel.support.Browser;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A new user's training run: two face sets, "Train a model", the loss falling live, the preview appearing. */
@Tag("browser")
@QuarkusTest
class TrainingBrowserTests {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldTrainAModelAndWatchTheLossFall() throws Exception {
        Accounts.Session session = Accounts.newSession("watcher");
        Uploads.uploaded(session, TestMedia.clip("grid_man-glasses_lbax4n.mp4"));
        Uploads.uploaded(session, TestMedia.clip("grid_woman-green-top_lrwp9a.mp4"));
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(60));
            browser.signIn(root, session);

            driver.findElement(By.id("new-model")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-model-form")));
            // The two face sets are chosen already; the test picks the tiny preset and a short run.
            assertThat(new Select(driver.findElement(By.id("model-faceset-a"))).getFirstSelectedOption().getAttribute("value"))
                    .isNotEqualTo(new Select(driver.findElement(By.id("model-faceset-b"))).getFirstSelectedOption()
                            .getAttribute("value"));
            new Select(driver.findElement(By.id("model-preset"))).selectByValue("tiny");
            WebElement max = driver.findElement(By.id("model-max-iterations"));
            max.clear();
            max.sendKeys("120");
            driver.findElement(By.id("model-create-submit")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loss-chart")));
            // No verdict from the loss number alone: a tiny model once read "Best so far: 0.0377, recognisable"
            // beside a preview of colour noise. The explainer sends the reader to the preview instead.
            WebElement explainer = driver.findElement(By.id("model-explainer"));
            assertThat(explainer.getText())
                    .doesNotContainPattern("(?i)recogni[sz]able|blurry|\\bsharp\\b|\\bgood\\b")
                    .containsPattern("(?i)preview");

            wait.until(d -> iterations(d) >= 50);
            WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-preview")));
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0;", preview));
            browser.screenshot("training");
            wait.until(d -> d.findElement(By.id("model-status")).getText().toLowerCase().contains("complete"));
            assertThat(iterations(driver)).isEqualTo(120);
            assertThat(driver.findElements(By.cssSelector("#loss-chart canvas"))).isNotEmpty();
            browser.screenshot("trained");
        }
    }

    /**
     * The words on the model page and in the jobs panel agree with what happens: "Training" as soon as iterations
     * move, the best loss never above the smoothed loss beside it, "Stopped" for a stopped training in the jobs
     * panel too, and every job there named after a reload, finished ones included.
     */
    @Test
    void shouldUseTheSameWordsForTheTrainingEverywhere() throws Exception {
        Accounts.Session session = Accounts.newSession("words");
        String[] sets = Uploads.twoFaceSets(session, "grid_man-black-top_sbia1a.mp4", "grid_woman-pink-top_lbbc2a.mp4");
        String videoA = session.request().get("/api/videos").then().extract().path("[1].id");
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(60));
            browser.signIn(root, session);
            // The worker is busy for a moment, so the page opens on a queued model.
            session.request().contentType(ContentType.JSON).body(Map.of("seconds", 3))
                    .post("/api/jobs/diagnostic").then().statusCode(201);
            String model = session.request().contentType(ContentType.JSON)
                    .body(Map.of("name", "Words", "faceSetA", sets[0], "faceSetB", sets[1], "preset", "tiny",
                            "plateauIterations", 0))
                    .post("/api/models").then().statusCode(201).extract().path("id");
            driver.get(root + "models/" + model);
            wait.until(d -> statusPill(d).equalsIgnoreCase("queued"));
            // Every time the iterations shown change, note what the status said then: tiny trains too fast to
            // look by polling, and its first preview (which refreshes the page anyway) comes at 50.
            ((JavascriptExecutor) driver).executeScript("window.seen = [];"
                    + "new MutationObserver(() => window.seen.push([document.querySelector('#model-iterations').textContent,"
                    + " document.querySelector('#model-status .model-status').textContent]))"
                    + ".observe(document.querySelector('#model-iterations'), { childList: true, characterData: true, subtree: true })");
            wait.until(d -> iterations(d) >= 60);
            @SuppressWarnings("unchecked")
            List<List<String>> seen = (List<List<String>>) ((JavascriptExecutor) driver).executeScript("return window.seen");
            List<List<String>> moving = seen.stream().filter(pair -> !pair.get(0).replaceAll("[^0-9]", "").isEmpty()
                    && Long.parseLong(pair.get(0).replaceAll("[^0-9]", "")) > 0).toList();
            assertThat(moving).as("(iterations, status) as the iterations moved").isNotEmpty()
                    .allSatisfy(pair -> assertThat(pair.get(1)).as("status at iteration " + pair.get(0))
                            .isEqualToIgnoringCase("training"));
            assertThat(driver.findElement(By.cssSelector("#model-status .model-status-message")).getText())
                    .doesNotContainIgnoringCase("waiting");

            for (int i = 0; i < 3; i++) {
                wait.until(d -> !loss(d, "model-smoothed-loss").isNaN());
                // Both read at one instant: the loss falls between two separate reads.
                @SuppressWarnings("unchecked")
                List<String> pair = (List<String>) ((JavascriptExecutor) driver).executeScript("return ["
                        + "document.getElementById('model-best-loss').textContent,"
                        + "document.getElementById('model-smoothed-loss').textContent]");
                assertThat(Double.parseDouble(pair.get(0))).as("best, compared with the smoothed loss")
                        .isLessThanOrEqualTo(Double.parseDouble(pair.get(1)));
                Thread.sleep(1_000);
            }
            browser.screenshot("training-words");

            driver.findElement(By.id("model-stop")).click();
            wait.until(d -> statusPill(d).equalsIgnoreCase("stopped"));
            String trainJob = session.request().get("/api/models/" + model).then().extract().path("jobId");

            driver.navigate().refresh();
            wait.until(d -> statusPill(d).equalsIgnoreCase("stopped"));
            driver.findElement(By.id("jobs-toggle")).click();
            WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jobs-panel")));
            By trainRow = By.cssSelector(".job-item[data-job-id='" + trainJob + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(trainRow));
            assertThat(panel.findElement(trainRow).findElement(By.cssSelector(".job-status")).getText())
                    .isEqualToIgnoringCase("stopped");
            assertThat(panel.findElement(trainRow).findElement(By.cssSelector(".job-subject")).getText())
                    .isEqualTo("Words");
            String videoName = session.request().get("/api/videos/" + videoA).then().extract().path("name");
            List<String> finished = session.request().get("/api/jobs").then().extract().jsonPath()
                    .getList("findAll { it.subjectId == '" + videoA + "' }.id");
            assertThat(finished).isNotEmpty();
            for (String job : finished) {
                assertThat(panel.findElement(By.cssSelector(".job-item[data-job-id='" + job + "'] .job-subject"))
                        .getText()).isEqualTo(videoName);
            }
            browser.screenshot("jobs-panel-stopped");
        }
    }

    private static String statusPill(WebDriver driver) {
        return driver.findElement(By.cssSelector("#model-status .model-status")).getText().trim();
    }

    private static Double loss(WebDriver driver, String id) {
        String text = driver.findElement(By.id(id)).getText().trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long iterations(WebDriver driver) {
        String text = driver.findElement(By.id("model-iterations")).getText().replaceAll("[^0-9]", "");
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }
}

package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.doppel.support.Accounts;
import dev.doppel.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The jobs panel follows a running job live over Server-Sent Events and cancels it. */
@Tag("browser")
@QuarkusTest
class JobsPanelBrowserTests {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldShowLiveProgressAndCancel() throws Exception {
        Accounts.Session session = Accounts.newSession("panel");
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            browser.signIn(root, session);
            driver.findElement(By.id("jobs-toggle")).click();
            WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jobs-panel")));

            // A job started elsewhere (another tab, the API) appears and moves without a reload.
            String id = session.request().contentType(ContentType.JSON).body(Map.of("seconds", 20))
                    .post("/api/jobs/diagnostic").then().statusCode(201).extract().path("id");
            By item = By.cssSelector(".job-item[data-job-id='" + id + "']");
            WebElement job = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
            double first = progress(driver, item);
            wait.until(d -> progress(d, item) > first + 5);
            assertThat(driver.findElement(By.id("jobs-active-count")).getText()).isEqualTo("1");
            assertThat(job.findElement(By.cssSelector(".job-eta")).getText()).isNotBlank();
            browser.screenshot("jobs-panel-running");

            job.findElement(By.cssSelector("button.job-cancel")).click();
            // "Cancelling…" first, then "Cancelled" once the worker has stopped (within two seconds).
            wait.until(d -> d.findElement(item).findElement(By.cssSelector(".job-status")).getText().trim()
                    .equalsIgnoreCase("cancelled"));
            session.request().get("/api/jobs/" + id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));
            assertThat(panel.findElements(By.cssSelector(".job-item[data-job-id='" + id + "'] button.job-cancel")))
                    .noneMatch(WebElement::isDisplayed);
            browser.screenshot("jobs-panel-cancelled");
        }
    }

    @Test
    void shouldSayWhereAWaitingJobStandsAndMoveItUp() throws Exception {
        Accounts.Session session = Accounts.newSession("in-line");
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            browser.signIn(root, session);
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(session.request().contentType(ContentType.JSON).body(Map.of("seconds", 4))
                        .post("/api/jobs/diagnostic").then().statusCode(201).extract().path("id"));
            }
            driver.findElement(By.id("jobs-toggle")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jobs-panel")));
            By last = By.cssSelector(".job-item[data-job-id='" + ids.get(2) + "'] .job-message");
            wait.until(d -> d.findElement(last).getText().startsWith("2nd in line — starts in"));
            browser.screenshot("jobs-panel-in-line");
            // The first finishes: the last one moves up without a reload.
            wait.until(d -> d.findElement(last).getText().startsWith("Next in line"));
        }
    }

    private static double progress(WebDriver driver, By item) {
        String value = driver.findElement(item).findElement(By.cssSelector("progress.job-progress")).getAttribute("value");
        return value == null ? 0 : Double.parseDouble(value);
    }
}

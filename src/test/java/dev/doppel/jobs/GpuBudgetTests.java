package dev.doppel.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.doppel.support.Accounts;
import dev.doppel.support.Await;
import dev.doppel.support.Browser;
import dev.doppel.support.SuiteProfile;
import dev.doppel.support.Uploads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The daily GPU limit, set to one minute: GPU work beyond it waits with the reason, and the account sees its use
 * (through the API; through the pages in the browser test, which CI's PostgreSQL pass leaves out with the web UI).
 */
@QuarkusTest
@TestProfile(GpuBudgetTests.OneMinuteADay.class)
class GpuBudgetTests {

    public static class OneMinuteADay implements SuiteProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("doppel.quota.gpu-minutes-per-day", "1");
        }
    }

    @TestHTTPResource("/")
    URL root;

    /**
     * An account whose minute is spent, with a training held by it: shared by the API test and the browser test
     * (which CI's PostgreSQL pass leaves out), made once. It stays held: only this profile's app sees it, and the
     * next profile's start-up cleans the database.
     */
    private static Held held;

    private record Held(Accounts.Session session, String model, String job) {
    }

    private static synchronized Held held() throws Exception {
        if (held == null) {
            Accounts.Session spent = Accounts.newSession("spent");
            String[] sets = Uploads.twoFaceSets(spent, "grid_man-denim-shirt_bbaf2n.mp4", "grid_woman-long-hair_brbk7n.mp4");
            // Thumbnails and faces are CPU work: the GPU limit never holds them.
            assertThat(spent.request().get("/api/facesets").then().extract().jsonPath().getList("status"))
                    .containsOnly("READY");
            // A first training ran for a minute today (recorded as the workers record every run).
            ranOnTheGpu(spent, Duration.ofSeconds(61));
            String model = spent.request().contentType(ContentType.JSON)
                    .body(Map.of("faceSetA", sets[0], "faceSetB", sets[1], "preset", "tiny", "maxIterations", 50))
                    .post("/api/models").then().statusCode(201).extract().path("id");
            String job = spent.request().get("/api/models/" + model).then().extract().path("jobId");
            held = new Held(spent, model, job);
        }
        return held;
    }

    @Test
    void gpuWorkBeyondTheDailyLimitWaitsWithTheReason() throws Exception {
        Held held = held();
        Accounts.Session spent = held.session();
        Thread.sleep(3_000);
        var job = spent.request().get("/api/jobs/" + held.job()).then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("status")).isEqualTo("QUEUED");
        assertThat(job.getString("message")).contains("GPU time is used up").contains("1 of 1 min");
        assertThat(job.getString("queuePosition")).isNull();

        var usage = spent.request().get("/api/me/usage").then().statusCode(200).extract().jsonPath();
        assertThat(usage.getDouble("gpuSecondsToday")).isGreaterThanOrEqualTo(61);
        assertThat(usage.getInt("gpuMinutesPerDay")).isEqualTo(1);
        assertThat(usage.getBoolean("gpuExhausted")).isTrue();
        assertThat(usage.getDouble("cpuSecondsToday")).as("the uploads' thumbnails and faces").isPositive();

        // Someone else's GPU work is not held by it.
        Accounts.Session fresh = Accounts.newSession("fresh");
        String theirs = fresh.request().contentType(ContentType.JSON).body(Map.of("seconds", 0.2))
                .post("/api/jobs/diagnostic").then().statusCode(201).extract().path("id");
        Await.until(Duration.ofSeconds(15), () -> "SUCCEEDED"
                .equals(fresh.request().get("/api/jobs/" + theirs).then().extract().path("status")));
        assertThat(spent.request().get("/api/jobs/" + held.job()).then().extract().<String>path("status"))
                .isEqualTo("QUEUED");
    }

    @Test
    @Tag("browser")
    void theAccountAndTheModelPageSayTheGpuTimeIsUsedUp() throws Exception {
        Held held = held();
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            browser.signIn(root, held.session());
            driver.get(root + "account");
            var wait = browser.waitUpTo(Duration.ofSeconds(20));
            wait.until(ExpectedConditions.textMatches(By.id("usage-gpu"), java.util.regex.Pattern.compile("used up")));
            assertThat(driver.findElement(By.id("usage-gpu")).getText()).contains("of 1 min today");
            browser.screenshot("account-usage-exhausted");
            driver.get(root + "models/" + held.model());
            wait.until(ExpectedConditions.textMatches(By.cssSelector("#model-status .model-status-message"),
                    java.util.regex.Pattern.compile("GPU time is used up")));
            browser.screenshot("model-held-by-budget");
        }
    }

    @Test
    void aRunningTrainingPausesWhenItsAccountRunsOutOfGpuTime() throws Exception {
        Accounts.Session nearly = Accounts.newSession("nearly");
        String[] sets = Uploads.twoFaceSets(nearly, "grid_man-denim-shirt_bbaf2n.mp4", "grid_woman-long-hair_brbk7n.mp4");
        ranOnTheGpu(nearly, Duration.ofSeconds(55));
        String model = nearly.request().contentType(ContentType.JSON)
                .body(Map.of("faceSetA", sets[0], "faceSetB", sets[1], "preset", "tiny",
                        "maxIterations", 1_000_000, "plateauIterations", 0))
                .post("/api/models").then().statusCode(201).extract().path("id");
        String job = nearly.request().get("/api/models/" + model).then().extract().path("jobId");
        Await.until(Duration.ofSeconds(30), () -> "TRAINING"
                .equals(nearly.request().get("/api/models/" + model).then().extract().path("status")));
        // Five seconds left of the day's minute: the worker pauses the training once its run has used them.
        Await.until(Duration.ofSeconds(60), () -> "QUEUED"
                .equals(nearly.request().get("/api/jobs/" + job).then().extract().path("status")));
        assertThat(nearly.request().get("/api/jobs/" + job).then().extract().<String>path("message"))
                .contains("GPU time is used up");
        var model1 = nearly.request().get("/api/models/" + model).then().extract().jsonPath();
        assertThat(model1.getString("status")).isEqualTo("QUEUED");
        assertThat(model1.getLong("checkpointIteration")).isPositive();
        nearly.request().delete("/api/models/" + model).then().statusCode(204);
    }

    private static void ranOnTheGpu(Accounts.Session session, Duration length) {
        UUID owner = UUID.fromString(session.id());
        QuarkusTransaction.requiringNew().run(() -> {
            JobRun run = new JobRun();
            run.ownerId = owner;
            run.jobId = UUID.randomUUID();
            run.lane = JobLane.GPU;
            run.endedAt = Instant.now().minusSeconds(1);
            run.startedAt = run.endedAt.minus(length);
            run.persist();
        });
    }
}

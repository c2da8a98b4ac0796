package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;

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
import dev.doppel.support.ConfirmDialog;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A face set whose faces are mostly not faces says so on its library card and its page, in words, instead of a
 * plain "Ready"; the page brings those faces to the front so they can be removed.
 */
@Tag("browser")
@QuarkusTest
class FaceSetReviewBrowserTests {

    static final String TEARS = "tos_scientist-glasses_5s";
    static final String GRID = "grid_woman-pink-top_lbbc2a";

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldFlagASetOfNonFacesAndHelpRemoveThem() throws Exception {
        Accounts.Session session = Accounts.newSession("reviewer");
        Uploads.uploaded(session, TestMedia.clip(TEARS + ".mp4"));
        Uploads.uploaded(session, TestMedia.clip(GRID + ".mp4"));
        // YuNet, the default detector, finds the scientist's face; the Haar cascade's "faces" there are mostly
        // background, which is what this test needs.
        String tearsSet = session.request().get("/api/facesets").then().extract().jsonPath()
                .getString("find { it.name == '" + TEARS + "' }.id");
        session.request().contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of("detector", "haar"))
                .post("/api/facesets/" + tearsSet + "/extract").then().statusCode(202);
        Uploads.awaitJobs(session);
        JsonPath sets = session.request().get("/api/facesets").then().extract().jsonPath();
        int doubtful = sets.getInt("find { it.name == '" + TEARS + "' }.facesDoubtful");
        int checked = sets.getInt("find { it.name == '" + TEARS + "' }.facesChecked");
        String flag = doubtful + " of " + checked + " may not be faces — review them";
        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            browser.signIn(root, session);

            // The library: the Tears of Steel set is flagged in words, the GRID set is plainly ready.
            WebElement tears = wait.until(d -> card(d, TEARS));
            WebElement grid = card(driver, GRID);
            wait.until(d -> tears.findElement(By.cssSelector(".faceset-message")).getText().equals(flag));
            assertThat(tears.findElement(By.cssSelector(".faceset-status")).getText()).isEqualTo("Needs review");
            assertThat(grid.findElement(By.cssSelector(".faceset-status")).getText()).isEqualTo("Ready");
            assertThat(grid.findElement(By.cssSelector(".faceset-message")).getText()).doesNotContain("may not be");
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", tears);
            browser.screenshot("faceset-cards-flagged");

            // Its page says it too, and shows the doubtful faces first.
            tears.findElement(By.cssSelector(".faceset-name")).click();
            WebElement review = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("faceset-review")));
            assertThat(review.getText()).contains(flag);
            assertThat(driver.findElement(By.cssSelector(".faceset-subtitle")).getText()).contains(flag);
            assertThat(driver.findElement(By.id("faceset-detail-face-check")).getText())
                    .isEqualTo((checked - doubtful) + " of " + checked + " look like faces");
            browser.screenshot("faceset-page-notice");
            driver.findElement(By.id("review-doubtful")).click();
            wait.until(d -> new Select(d.findElement(By.id("face-sort"))).getFirstSelectedOption().getText()
                    .equals("Least face-like first"));
            wait.until(d -> d.findElements(By.cssSelector(".face-tile .face-doubt")).size() == doubtful);
            List<WebElement> tiles = driver.findElements(By.cssSelector(".face-tile"));
            for (int i = 0; i < doubtful; i++) {
                assertThat(tiles.get(i).getText()).as("tile %d, least face-like first", i)
                        .contains("Not a face?");
            }
            browser.screenshot("faceset-page-flagged");

            // Select them all at once and remove them: the flag goes.
            driver.findElement(By.id("select-doubtful")).click();
            wait.until(d -> d.findElement(By.id("selected-count")).getText().startsWith(doubtful + " of"));
            driver.findElement(By.id("remove-selected")).click();
            ConfirmDialog.await(driver, wait).confirmButton().click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("faceset-review")));
            assertThat(driver.findElements(By.cssSelector(".face-tile .face-doubt"))).isEmpty();
            assertThat(driver.findElement(By.cssSelector(".faceset-subtitle")).getText()).doesNotContain("may not be");
            browser.screenshot("faceset-page-reviewed");
        }
    }

    private static WebElement card(WebDriver driver, String name) {
        return driver.findElements(By.cssSelector(".faceset-card")).stream()
                .filter(c -> c.findElement(By.cssSelector(".faceset-name")).getText().equals(name))
                .findFirst().orElse(null);
    }
}

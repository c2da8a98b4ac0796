package dev.doppel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

/** Reviewing a face set: removing faces (and the set) asks in the page first, and only a yes removes them. */
@Tag("browser")
@QuarkusTest
class FaceSetBrowserTests {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldRemoveSelectedFacesOnlyAfterTheInPageConfirmation() throws Exception {
        Accounts.Session session = Accounts.newSession("reviewer");
        Uploads.uploaded(session, TestMedia.clip("grid_man-black-top_sbia1a.mp4"));
        String faceSet = session.request().get("/api/facesets").then().statusCode(200).extract().path("[0].id");
        int faces = faceCount(session, faceSet);
        assertThat(faces).as("faces extracted").isGreaterThanOrEqualTo(3);

        try (Browser browser = new Browser(1280, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            browser.signIn(root, session);
            driver.get(new URL(root, "/facesets/" + faceSet).toString());
            wait.until(d -> d.findElements(By.cssSelector("#face-grid .face-tile")).size() == faces);
            List<WebElement> tiles = driver.findElements(By.cssSelector("#face-grid .face-tile"));
            tiles.get(0).click();
            tiles.get(1).click();
            WebElement remove = driver.findElement(By.id("remove-selected"));
            wait.until(ExpectedConditions.elementToBeClickable(remove));

            // Escape says no.
            remove.click();
            ConfirmDialog dialog = ConfirmDialog.await(driver, wait);
            assertThat(dialog.title()).isEqualTo("Remove these 2 faces?");
            assertThat(dialog.confirmButton().getText()).isEqualTo("Remove 2 faces");
            assertThat(dialog.confirmHasFocus()).as("focus on the confirm button").isTrue();
            browser.screenshot("faceset-remove-confirm");
            driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            dialog.awaitGone(wait);
            assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus back on the button")
                    .isEqualTo("remove-selected");
            assertThat(driver.findElements(By.cssSelector("#face-grid .face-tile"))).hasSize(faces);
            assertThat(faceCount(session, faceSet)).isEqualTo(faces);

            // Cancel says no.
            remove.click();
            ConfirmDialog.await(driver, wait).cancelButton().click();
            ConfirmDialog.awaitNone(driver, wait);
            assertThat(driver.findElements(By.cssSelector("#face-grid .face-tile[aria-pressed='true']"))).hasSize(2);
            assertThat(faceCount(session, faceSet)).isEqualTo(faces);

            // Yes removes exactly the two.
            remove.click();
            ConfirmDialog.await(driver, wait).confirmButton().click();
            wait.until(d -> d.findElements(By.cssSelector("#face-grid .face-tile")).size() == faces - 2);
            ConfirmDialog.awaitNone(driver, wait);
            assertThat(faceCount(session, faceSet)).isEqualTo(faces - 2);
            browser.screenshot("faceset-removed");

            // Extract again with the Face Mesh mask, offered from the server's capabilities.
            // The summary is drawn again as the set's state arrives: read it by locator, never a kept element.
            wait.until(ExpectedConditions.textToBe(By.id("faceset-detail-mask"), "Landmark outline"));
            Select mask = new Select(driver.findElement(By.id("extract-mask")));
            wait.until(d -> mask.getOptions().size() == 2);
            assertThat(mask.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("hull", "mesh");
            mask.selectByValue("mesh");
            driver.findElement(By.id("extract-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("faceset-detail-mask"),
                    "Face Mesh oval"));
            Uploads.awaitJobs(session);
            session.request().get("/api/facesets/" + faceSet).then().body("mask", equalTo("mesh"))
                    .body("status", equalTo("READY"));
            // Deleting the whole set asks the same way (its button is at the top, under the sticky bar once
            // the page has scrolled to the extract form).
            WebElement delete = driver.findElement(By.id("faceset-delete"));
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", delete);
            delete.click();
            ConfirmDialog question = ConfirmDialog.await(driver, wait);
            assertThat(question.confirmButton().getText()).isEqualTo("Delete face set");
            question.confirmButton().click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("library")));
            session.request().get("/api/facesets/" + faceSet).then().statusCode(404);
        }
    }

    private static int faceCount(Accounts.Session session, String faceSet) {
        return session.request().get("/api/facesets/" + faceSet + "/faces").then().statusCode(200).extract()
                .jsonPath().getList("id").size();
    }
}

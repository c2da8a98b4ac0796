package dev.doppel.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's own confirmation (ui/confirm-dialog.ts), where the browser's confirm() used to ask: found, checked
 * for what assistive technology needs (an alertdialog named by its title, described by its message), answered.
 */
public final class ConfirmDialog {

    public static final By OPEN = By.cssSelector("dialog.confirm-dialog[open]");

    private final WebDriver driver;
    private final WebElement element;

    private ConfirmDialog(WebDriver driver, WebElement element) {
        this.driver = driver;
        this.element = element;
    }

    /** Waits for the question to show. A browser confirm() instead fails here: Selenium reports the alert. */
    public static ConfirmDialog await(WebDriver driver, WebDriverWait wait) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(OPEN));
        assertThat(element.getAttribute("role")).isEqualTo("alertdialog");
        assertThat(element.getAttribute("aria-modal")).isEqualTo("true");
        WebElement title = element.findElement(By.id(element.getAttribute("aria-labelledby")));
        WebElement message = element.findElement(By.id(element.getAttribute("aria-describedby")));
        assertThat(title.getText()).isNotBlank();
        assertThat(message.getText()).isNotBlank();
        return new ConfirmDialog(driver, element);
    }

    /** Waits until no question is open. */
    public static void awaitNone(WebDriver driver, WebDriverWait wait) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(OPEN));
    }

    public String title() {
        return element.findElement(By.cssSelector(".confirm-title")).getText();
    }

    public String message() {
        return element.findElement(By.cssSelector(".confirm-message")).getText();
    }

    public WebElement confirmButton() {
        return element.findElement(By.cssSelector(".confirm-accept"));
    }

    public WebElement cancelButton() {
        return element.findElement(By.cssSelector(".confirm-cancel"));
    }

    public boolean confirmHasFocus() {
        return driver.switchTo().activeElement().equals(confirmButton());
    }

    /** Waits until this dialog has left the page. */
    public void awaitGone(WebDriverWait wait) {
        wait.until(ExpectedConditions.stalenessOf(element));
    }
}

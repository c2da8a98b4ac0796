package dev.doppel.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: both paths are given, so Selenium never
 * looks for (or downloads) a browser of its own.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("doppel.test.chromium", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("doppel.test.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    public Browser(int width, int height) throws IOException {
        profile = Files.createTempDirectory("doppel-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        viewport(width, height);
    }

    /**
     * Makes the page's viewport exactly this size. Chromium keeps its window at least 500 px wide, so a phone's
     * width (390 px) is only reached by emulating the screen; a window size alone would lay the page out at 500.
     */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waitUpTo(Duration d) {
        return new WebDriverWait(driver, d);
    }

    /** Signs in through the page and waits for the library. */
    public void signIn(java.net.URL root, Accounts.Session session) {
        WebDriverWait wait = waitUpTo(Duration.ofSeconds(30));
        driver.get(root + "signin");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                org.openqa.selenium.By.id("signin-form")));
        driver.findElement(org.openqa.selenium.By.id("signin-email")).sendKeys(session.email());
        driver.findElement(org.openqa.selenium.By.id("signin-password")).sendKeys(session.password());
        driver.findElement(org.openqa.selenium.By.id("signin-submit")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                org.openqa.selenium.By.id("library")));
    }

    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = dir.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

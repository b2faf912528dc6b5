package dev.kam.serve;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Headless Debian Chromium driven through chromedriver, with the flags that work on the build machine
 * (no sandbox as root, no background networking on a closed network) and a fresh profile. When either
 * program is missing the tests are skipped with a message, unless {@code KAM_BROWSER_TESTS=required}
 * (set by .ci/run, which installs them), where a missing browser fails the build.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = env("KAM_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = env("KAM_CHROMEDRIVER", "/usr/bin/chromedriver");

    final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Starts a browser, or skips the calling tests when none is installed (fails instead when one is required). */
    static Browser start(Path profile, int width, int height) {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!present) {
            String why = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver)";
            if ("required".equals(System.getenv("KAM_BROWSER_TESTS"))) Assertions.fail(why + "; KAM_BROWSER_TESTS=required");
            Assumptions.assumeTrue(false, why + "; skipped");
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, o));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    <T> T await(Function<WebDriver, T> condition, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).pollingEvery(Duration.ofMillis(50)).until(condition);
    }

    /** The page's own tab id (sessionStorage), so a test can ask the API what this tab's page should show. */
    String tabId() {
        return ServeFixture.JSON.convertValue(js("return JSON.parse(sessionStorage.getItem('kam.tab'))"), String.class);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package dev.kam.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end in a real browser: the app loads from the printed link, a slider moves the forecast,
 * moving an account changes the plan's value, Chinese renders with the bundled font, and two tabs keep
 * their own plans. What the page shows is checked against the API's answer for the same tab and inputs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeBrowserTest {
    @TempDir
    static Path dir;
    static ServeFixture f;
    static Browser b;
    static Map<String, String> before;

    @BeforeAll
    static void start() throws Exception {
        b = Browser.start(dir.resolve("profile"), 1400, 1000);
        f = ServeFixture.start(dir, ServeFixture.FAST);
        before = ServeFixture.hashes(f.folder);
        b.driver.get(f.server.url());
        b.js("localStorage.setItem('kam.lang', 'en'); sessionStorage.setItem('kam.paths', '500');");
        b.driver.get(f.server.url());
        b.await(d -> "true".equals(b.js("return document.body.dataset.ready")), 90);
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) b.close();
        if (f != null) {
            f.close();
            assertEquals(before, ServeFixture.hashes(f.folder), "the scenario's files changed");
        }
    }

    private void go(String page) {
        b.driver.findElement(By.cssSelector("#nav a[data-page='" + page + "']")).click();
        b.await(d -> d.findElement(By.id("page-" + page)).isDisplayed(), 30);
    }

    @Test
    @Order(1)
    void theLinkOpensTheOverviewAndForgetsTheToken() {
        String url = b.driver.getCurrentUrl();
        assertTrue(url.startsWith(f.base() + "/") && !url.contains("token="), "the token is taken off the address bar: " + url);
        assertEquals("Your customer base today", b.driver.findElement(By.cssSelector("#page-overview h1")).getText());
        List<WebElement> cards = b.await(d -> {
            List<WebElement> c = d.findElements(By.cssSelector("#ov-cards .card .value"));
            return c.size() == 4 ? c : null;
        }, 30);
        assertEquals("2", cards.get(1).getText(), "two key accounts today");
        assertTrue(b.driver.findElements(By.cssSelector("#ch-pyramid canvas")).size() > 0, "the pyramid is drawn by ECharts");
        int rows = b.driver.findElements(By.cssSelector("#ov-table tbody tr")).size();
        assertEquals(8, rows, "every account of the scenario is listed");
    }

    @Test
    @Order(2)
    void aSliderMovesTheForecastOnTheSameSimulatedFutures() throws Exception {
        go("simulation");
        WebElement p = b.await(d -> {
            WebElement e = d.findElement(By.id("sim-pgoal"));
            return e.getAttribute("data-value") != null ? e : null;
        }, 60);
        String start = p.getAttribute("data-value");
        WebElement slider = b.driver.findElement(By.id("sl-churnCovered"));
        slider.click();
        String value = slider.getAttribute("value");
        for (int i = 0; i < 10; i++) slider.sendKeys(Keys.ARROW_RIGHT);
        String moved = slider.getAttribute("value");
        assertNotEquals(value, moved, "the slider moved");
        double churn = Double.parseDouble(moved);
        b.await(d -> {
            String req = p.getAttribute("data-request");
            return req != null && req.contains("\"simulation.churn.covered\":" + trim(churn)) ? req : null;
        }, 60);
        JsonNode api = f.post("/api/simulate", "{\"set\": {\"simulation.churn.covered\": " + trim(churn) + "}, \"paths\": 500}",
                b.tabId()).json();
        double shown = Double.parseDouble(p.getAttribute("data-value"));
        assertEquals(api.get("goalProbability").asDouble(), shown, 0.0, "the page shows the API's P(goal) for these inputs");
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * shown), p.getText());
        assertNotEquals(start, p.getAttribute("data-value"), "more churn changes P(goal)");
        double diff = Double.parseDouble(b.driver.findElement(By.id("sim-diff")).getAttribute("data-value"));
        assertEquals(api.get("start").get("difference").asDouble(), diff, 1e-12);
        assertTrue(diff < 0, "more churn lowers the chance against the start, path by path: " + diff);
        assertEquals(String.format(java.util.Locale.ROOT, "95%% range %.1f%% to %.1f%%", 100 * api.get("goalProbabilityCiLow").asDouble(),
                100 * api.get("goalProbabilityCiHigh").asDouble()), b.driver.findElement(By.id("sim-ci")).getText(), "the interval is shown");
        String facts = b.driver.findElement(By.id("sim-facts")).getText();
        assertTrue(facts.matches("(?s).*With today's owners only: \\d+\\.\\d% \\(\\d+\\.\\d%–\\d+\\.\\d%\\).*"),
                "the no-plan chance with its interval: " + facts);
        assertTrue(facts.matches("(?s).*All three key-account goals: \\d+\\.\\d% \\(\\d+\\.\\d%–\\d+\\.\\d%\\).*"), facts);
        assertTrue(facts.contains("today's owners only: "), "the no-plan median year: " + facts);
        assertTrue(((Number) b.js("return window.kamPerf.sims.length")).intValue() > 0, "the fan chart reported its render");
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Test
    @Order(3)
    void movingAnAccountChangesThePlansValueAtOnce() {
        go("plan");
        WebElement select = b.await(d -> d.findElements(By.cssSelector("select[data-account='A2'][data-role='lead']"))
                .stream().findFirst().orElse(null), 60);
        String tab = b.tabId();
        double before = f.get("/api/plan", tab).json().get("objective").asDouble();
        String shownBefore = b.driver.findElement(By.cssSelector("#pl-objective .value")).getText();
        String lead = new Select(select).getFirstSelectedOption().getAttribute("value");
        String other = lead.equals("S3") ? "S2" : "S3";
        String seq = (String) b.js("return document.body.dataset.moveSeq || '0'");
        new Select(select).selectByValue(other);
        b.await(d -> !seq.equals(b.js("return document.body.dataset.moveSeq || '0'")), 30);
        JsonNode plan = f.get("/api/plan", tab).json();
        double after = plan.get("objective").asDouble();
        double delta = Double.parseDouble(b.driver.findElement(By.id("pl-delta")).getAttribute("data-delta"));
        assertEquals(after - before, delta, 1e-6, "the page's change is the API's");
        for (JsonNode a : plan.get("accounts")) if (a.get("id").asText().equals("A2")) assertEquals(other, a.get("lead").asText());
        String shown = b.driver.findElement(By.cssSelector("#pl-objective .value")).getText();
        if (Math.abs(delta) >= 0.01 * Math.abs(before)) assertNotEquals(shownBefore, shown, "the value card follows the move");
        String why = b.driver.findElement(By.id("pl-why")).getText();
        assertTrue(why.contains("Led by"), "the justification of the move: " + why);
        double ms = ((Number) b.js("return window.kamPerf.moves[window.kamPerf.moves.length - 1].ms")).doubleValue();
        assertTrue(ms > 0, "the move's time was measured");
    }

    @Test
    @Order(4)
    void twoTabsKeepTheirOwnPlans() {
        String first = b.driver.getWindowHandle();
        String firstTab = b.tabId();
        double firstObjective = f.get("/api/plan", firstTab).json().get("objective").asDouble();
        b.driver.switchTo().newWindow(WindowType.TAB);
        try {
            b.driver.get(f.server.url() + "#plan");
            b.await(d -> "true".equals(b.js("return document.body.dataset.ready")), 60);
            String secondTab = b.tabId();
            assertNotEquals(firstTab, secondTab, "each browser tab has its own id");
            b.await(d -> d.findElements(By.cssSelector("select[data-account='A3'][data-role='lead']")).size() == 1, 60);
            double optimized = f.get("/api/summary").json().get("objective").asDouble();
            assertEquals(optimized, f.get("/api/plan", secondTab).json().get("objective").asDouble(), 1e-9,
                    "a new tab starts from the optimized plan, whatever the other tab did");
            WebElement s = b.driver.findElement(By.cssSelector("select[data-account='A3'][data-role='lead']"));
            String lead = new Select(s).getFirstSelectedOption().getAttribute("value");
            String seq = (String) b.js("return document.body.dataset.moveSeq || '0'");
            new Select(s).selectByValue(lead.isEmpty() ? "S1" : "");
            b.await(d -> !seq.equals(b.js("return document.body.dataset.moveSeq || '0'")), 30);
            assertEquals(firstObjective, f.get("/api/plan", firstTab).json().get("objective").asDouble(), 1e-9,
                    "the first tab's plan did not change");
        } finally {
            b.driver.close();
            b.driver.switchTo().window(first);
        }
    }

    @Test
    @Order(5)
    void chineseRendersWithTheBundledFont() throws Exception {
        b.driver.findElement(By.id("lang-zh")).click();
        b.await(d -> "总览".equals(d.findElement(By.cssSelector("#nav a[data-page='overview']")).getText()), 30);
        assertEquals("zh-CN", b.js("return document.documentElement.lang"));
        Object loaded = b.jsAsync("const done = arguments[arguments.length - 1];"
                + "document.fonts.load('14px \"kam-cjk\"', '总览').then(() => done(document.fonts.check('14px \"kam-cjk\"', '总览')))"
                + ".catch(() => done(false));");
        assertEquals(Boolean.TRUE, loaded, "the bundled CJK font is loaded and covers the page's Chinese");
        go("overview");
        assertEquals("客户基础现状", b.driver.findElement(By.cssSelector("#page-overview h1")).getText());
        assertEquals("大客户", b.await(d -> d.findElements(By.cssSelector("#ov-table tbody tr td:nth-child(4)")).stream()
                .map(WebElement::getText).filter(x -> x.equals("大客户")).findFirst().orElse(null), 30), "words of the data's codes too");
        go("simulation");
        b.await(d -> d.findElement(By.id("sim-what")).getText().contains("可能性"), 60);
        Path shot = Path.of("target", "serve-zh-simulation.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) b.driver).getScreenshotAs(OutputType.BYTES));
    }
}

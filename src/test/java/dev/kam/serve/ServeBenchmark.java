package dev.kam.serve;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The figures of SPEC §7 for {@code kam serve}, measured, not asserted (a test never asserts on wall
 * time): server start after the jar is built, a slider change to the redrawn fan chart and P(goal) in a
 * real browser on the demo at 2,000 paths, and a manual move to the new objective on the page. Runs only
 * when asked:
 *
 * <pre>
 * ./kam --version &amp;&amp; mvn -o -q test -Dtest=ServeBenchmark -Dkam.bench=true \
 *     [-Dkam.bench.screenshot=docs/images/serve-simulation.png]
 * </pre>
 *
 * Writes target/serve-bench.txt. The browser side timestamps the slider's input event and the chart's
 * ECharts 'finished' event (window.kamPerf.sims), and the move's change event and the next frame after
 * the page updated (window.kamPerf.moves).
 */
class ServeBenchmark {
    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kam.bench"), "benchmark: run with -Dkam.bench=true");
        StringBuilder report = new StringBuilder();
        report.append("kam serve benchmark, ").append(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)).append('\n');
        report.append("load average at start: ").append(loadAverage()).append('\n');
        report.append("CPU: ").append(cpu()).append('\n');

        Path jar = Path.of("target", "kam-app.jar");
        if (Files.isRegularFile(jar)) {
            List<Double> starts = new ArrayList<>();
            for (int i = 0; i < 5; i++) starts.add(startSeconds(jar));
            report.append(String.format(Locale.ROOT, "server start (java -jar target/kam-app.jar serve, process start to the "
                    + "printed line), 5 runs: %s s; median %.2f s%n", fmt(starts), median(starts)));
        } else {
            report.append("server start: not measured (build the jar first: ./kam --version)\n");
        }

        Path demo = Path.of("scenarios", "demo", "scenario.yaml");
        try (Server server = Server.start(Workspace.open(demo, List.of(), List.of()), 0);
             Browser b = Browser.start(dir.resolve("profile"), 1400, 1000)) {
            b.driver.get(server.url());
            b.js("localStorage.setItem('kam.lang', 'en'); sessionStorage.setItem('kam.paths', '2000');");
            b.driver.get(server.url() + "#simulation");
            b.await(d -> "true".equals(b.js("return document.body.dataset.ready")), 180);
            b.await(d -> d.findElement(By.id("sim-pgoal")).getAttribute("data-value") != null ? true : null, 180);

            String[] sliders = {"sl-churnCovered", "sl-marketGrowthMean", "sl-shareGainCovered", "sl-conversionCovered"};
            List<Double> total = new ArrayList<>();
            List<Double> server0 = new ArrayList<>();
            List<Double> render = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long seq = ((Number) b.js("return window.kamPerf.simSeq")).longValue();
                WebElement s = b.driver.findElement(By.id(sliders[i % sliders.length]));
                s.sendKeys(i % 8 < 4 ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT);
                b.await(d -> ((Number) b.js("return window.kamPerf.simSeq")).longValue() > seq ? true : null, 60);
                @SuppressWarnings("unchecked")
                Map<String, Object> last = (Map<String, Object>) b.js("return window.kamPerf.sims[window.kamPerf.sims.length - 1]");
                total.add(((Number) last.get("ms")).doubleValue());
                server0.add(((Number) last.get("server")).doubleValue());
                render.add(((Number) last.get("render")).doubleValue());
                Thread.sleep(200);
            }
            report.append(String.format(Locale.ROOT, "slider change → fan chart and P(goal) redrawn (demo, 2,000 paths, %d changes): "
                            + "median %.0f ms, 90th %.0f ms, max %.0f ms (server part: median %.0f ms; drawing: median %.0f ms)%n",
                    total.size(), median(total), pct(total, 0.9), max(total), median(server0), median(render)));
            String shot = System.getProperty("kam.bench.screenshot");
            if (shot != null && !shot.isBlank()) {
                Path out = Path.of(shot);
                if (out.getParent() != null) Files.createDirectories(out.getParent());
                b.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
                Thread.sleep(300);
                Files.write(out, ((TakesScreenshot) b.driver).getScreenshotAs(OutputType.BYTES));
                report.append("screenshot: ").append(out).append('\n');
            }

            b.driver.findElement(By.cssSelector("#nav a[data-page='plan']")).click();
            b.await(d -> d.findElements(By.cssSelector("select[data-role='lead']")).size() > 10 ? true : null, 120);
            List<Double> moves = new ArrayList<>();
            List<Double> moveServer = new ArrayList<>();
            SplittableRandom rnd = new SplittableRandom(15);
            for (int i = 0; i < 20; i++) {
                List<WebElement> selects = b.driver.findElements(By.cssSelector("select[data-role='lead']"));
                WebElement sel = selects.get(rnd.nextInt(selects.size()));
                Select s = new Select(sel);
                if (s.getOptions().size() < 2) continue;
                String now = s.getFirstSelectedOption().getAttribute("value");
                String to = now;
                while (to.equals(now)) to = s.getOptions().get(rnd.nextInt(s.getOptions().size())).getAttribute("value");
                long seq = ((Number) b.js("return window.kamPerf.moveSeq")).longValue();
                s.selectByValue(to);
                b.await(d -> ((Number) b.js("return window.kamPerf.moveSeq")).longValue() > seq ? true : null, 60);
                @SuppressWarnings("unchecked")
                Map<String, Object> last = (Map<String, Object>) b.js("return window.kamPerf.moves[window.kamPerf.moves.length - 1]");
                moves.add(((Number) last.get("ms")).doubleValue());
                moveServer.add(((Number) last.get("server")).doubleValue());
            }
            report.append(String.format(Locale.ROOT, "manual move → new objective on the page (demo, %d moves): median %.0f ms, "
                            + "90th %.0f ms, max %.0f ms (incremental score on the server: median %.1f ms)%n",
                    moves.size(), median(moves), pct(moves, 0.9), max(moves), median(moveServer)));
        }
        report.append("load average at end: ").append(loadAverage()).append('\n');
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "serve-bench.txt"), report.toString(), StandardCharsets.UTF_8);
        System.out.print(report);
    }

    /** Seconds from starting {@code java -jar kam-app.jar serve} to its printed line; the process is then stopped. */
    private static double startSeconds(Path jar) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("java", "-Djava.awt.headless=true", "-jar", jar.toString(), "serve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            double s = (System.nanoTime() - t0) / 1e9;
            if (line == null || !line.startsWith("kam serve: http://127.0.0.1:")) throw new AssertionError("no address line: " + line);
            return s;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 2);
        } catch (Exception e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String fmt(List<Double> v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x));
        return sb.toString();
    }

    private static double median(List<Double> v) {
        return pct(v, 0.5);
    }

    private static double pct(List<Double> v, double q) {
        if (v.isEmpty()) return Double.NaN;
        double[] x = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double h = (x.length - 1) * q;
        int lo = (int) Math.floor(h);
        return lo >= x.length - 1 ? x[x.length - 1] : x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}

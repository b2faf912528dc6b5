package dev.kam.report;

import dev.kam.io.Json;
import dev.kam.io.CsvOut;
import dev.kam.io.OutputDir;
import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Layer;
import dev.kam.domain.Product;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A small scenario with hostile and Chinese names, and stage folders as the stages write them (SPEC §6). */
final class ReportFixture {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String CHINESE = "华东重工集团";

    private ReportFixture() {
    }

    static Scenario scenario() {
        List<Account> accounts = List.of(
                account("A1", SCRIPT, 9_000_000, "S1", Stage.ACTIVE),
                account("A2", FORMULA, 6_000_000, "S2", Stage.AT_RISK),
                account("A3", CHINESE, 2_000_000, "S1", Stage.ACTIVE),
                account("A4", "Small & Co \"quoted\"", 300_000, null, Stage.ACTIVE),
                account("A5", "Prospect Ltd", 0, null, Stage.PROSPECT));
        List<Soldier> soldiers = List.of(
                new Soldier("S1", "Li <b>Wei</b>", Layer.HQ, 5, Set.of("*"), Set.of("*"), 1600, 3, 300_000),
                new Soldier("S2", "张伟", Layer.PROJECT, 4, Set.of("energy"), Set.of("east"), 1400, 2, 250_000));
        List<Product> products = List.of(
                new Product("P1", "Remote <i>monitoring</i>", Set.of("uptime"), 400_000, 0.5, 0.3, 10, 3));
        StrategyParams strategy = new StrategyParams(3, 5_000_000, 0.6, 4, 30_000_000, "steady", List.of());
        return new Scenario("Hostile <Co> & \"Sons\"", "CNY", 2026, "scenarios/x/scenario.yaml", accounts, soldiers,
                products, List.of(), AnalysisParams.DEFAULT, strategy, AssignmentParams.DEFAULT, SimulationParams.DEFAULT);
    }

    private static Account account(String id, String name, double revenue, String owner, Stage stage) {
        return new Account(id, name, "energy", "east", revenue, Math.max(revenue * 2, 1_000_000), 0.3, 0.8, 0.5,
                Double.NaN, Double.NaN, Set.of("uptime"), owner, stage, false, Double.NaN);
    }

    /** Writes the four stage folders under root, as the stage writers do. */
    static void writeStages(Path root) {
        analysis(root);
        try (OutputDir d = OutputDir.open(root, "targets")) {
            CsvOut t = new CsvOut("year", "keyAccountRevenue", "keyAccountCount", "orderValue", "ordersPerAccount",
                    "keyAccountShare", "growth");
            t.row(2027, 18_000_000.0, 3, 500_000.0, 12.0, 0.5, 0.2);
            t.row(2028, 24_000_000.0, 3, 550_000.0, 14.0, 0.55, 0.33);
            t.row(2029, 30_000_000.0, 4, 600_000.0, 12.5, 0.6, 0.25);
            t.write(d.file("targets.csv"));
            new CsvOut("year", "department", "measure", "target", "text")
                    .row(2027, "sales", "new key accounts", 1, "Win 1 new key account by 2027-12-31")
                    .write(d.file("departments.csv"));
            d.commit();
        }
        try (OutputDir d = OutputDir.open(root, "plan")) {
            new CsvOut("account", "soldier", "effort", "hours", "expectedUplift", "reason")
                    .row("A1", "S2", "intensive", 300.0, 120_000.0, "best fit " + SCRIPT)
                    .row("A2", "", "", 0.0, 0.0, "no eligible soldier")
                    .row("A3", "S1", "standard", 200.0, 50_000.0, "kept owner")
                    .write(d.file("assignments.csv"));
            new CsvOut("account", "product", "expectedUplift").row("A1", "P1", 80_000.0).write(d.file("products.csv"));
            new CsvOut("soldier", "hoursUsed", "capacityHours", "utilization", "accounts")
                    .row("S1", 1600.0, 1600.0, 1.0, 2).row("S2", 300.0, 1400.0, 0.214, 1).write(d.file("soldiers.csv"));
            Json.write(d.file("plan.json"), java.util.Map.of("objective", 170000.0,
                    "baseline", java.util.Map.of("upliftAdded", 95000.0, "accountsMoved", 1)));
            d.commit();
        }
        try (OutputDir d = OutputDir.open(root, "simulation")) {
            CsvOut p = new CsvOut("year", "metric", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "mean", "stderr");
            for (int y = 2027; y <= 2029; y++) {
                double m = 15e6 * (1 + 0.1 * (y - 2026));
                p.row(y, "keyAccountRevenue", m * 0.6, m * 0.7, m * 0.85, m, m * 1.15, m * 1.3, m * 1.4, m, m * 0.01);
                p.row(y, "keyAccountShare", 0.4, 0.42, 0.45, 0.5, 0.55, 0.57, 0.6, 0.5, 0.001);
            }
            p.write(d.file("percentiles.csv"));
            CsvOut h = new CsvOut("year", "metric", "target", "probability");
            for (int y = 2027; y <= 2029; y++) {
                h.row(y, "keyAccountRevenue", 18e6 + 6e6 * (y - 2027), 0.7 - 0.2 * (y - 2027));
                h.row(y, "keyAccountShare", 0.5, 0.9);
            }
            h.write(d.file("targets-hit.csv"));
            Json.write(d.file("summary.json"), java.util.Map.of("paths", 1000, "accountYearsPerSecond", 5.0e7));
            ChartFiles.write(chart("Key-account revenue"), d, "fan-ka-revenue");
            d.commit();
        }
    }

    static void analysis(Path root) {
        try (OutputDir d = OutputDir.open(root, "analysis")) {
            new CsvOut("id", "name", "tier", "score", "rating", "diagnosis", "reason")
                    .row("A1", SCRIPT, "KEY", 0.9, 5, "HEALTHY", "growing")
                    .row("A2", FORMULA, "KEY", 0.7, 4, "CANNOT_KEEP", "revenue fell " + SCRIPT)
                    .row("A3", CHINESE, "MID", 0.5, 3, "CANNOT_GROW", "share of wallet 25%")
                    .row("A4", "Small & Co \"quoted\"", "SMALL", 0.2, 1, "HEALTHY", "")
                    .row("A5", "Prospect Ltd", "SMALL", 0.1, 1, "CANNOT_WIN", "no revenue")
                    .write(d.file("accounts.csv"));
            Json.write(d.file("summary.json"), java.util.Map.of("top1Share", 0.52, "hhi", 0.38, "verdict", SCRIPT));
            ChartFiles.write(chart("Customer pyramid"), d, "pyramid");
            d.commit();
        }
    }

    static JFreeChart chart(String title) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        ds.addValue(9_000_000, "Revenue", "Key");
        ds.addValue(2_000_000, "Revenue", "Mid");
        ds.addValue(300_000, "Revenue", CHINESE);
        JFreeChart c = ChartFactory.createBarChart(title, "Tier", "Revenue", ds);
        ChartTheme.moneyAxis(c.getCategoryPlot().getRangeAxis());
        return c;
    }
}

package dev.kam.scenario;

import dev.kam.domain.Account;
import dev.kam.domain.Layer;
import dev.kam.domain.Product;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest {
    /** The committed demo is exactly what the generator makes for this spec. */
    static final Generator.Spec DEMO = new Generator.Spec(300, 20, 8, 2026, "Demo Industrial Co. 示例工业集团", 6,
            dev.kam.domain.SimulationParams.DEFAULT);

    private static Scenario write(Map<String, String> files, Path dir) throws Exception {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        ScenarioReader.Result r = ScenarioReader.validate(dir.resolve("scenario.yaml"), List.of());
        assertEquals(List.of(), r.problems().all(), "a generated scenario is valid and raises no warning");
        return r.scenario();
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherData() {
        Generator.Spec spec = new Generator.Spec(120, 9, 5, 42, "x");
        assertEquals(Generator.generate(spec), Generator.generate(spec));
        Map<String, String> other = Generator.generate(new Generator.Spec(120, 9, 5, 43, "x"));
        assertNotEquals(Generator.generate(spec).get("accounts.csv"), other.get("accounts.csv"));
    }

    @Test
    void theCommittedDemoIsReproducible() throws Exception {
        Map<String, String> files = Generator.generate(DEMO);
        for (Map.Entry<String, String> e : files.entrySet()) {
            String committed = Files.readString(Path.of("scenarios/demo").resolve(e.getKey()), StandardCharsets.UTF_8);
            // the demo's mechanisms: section (SPEC §12) is written by hand on top of the generated scenario
            if (e.getKey().equals("scenario.yaml")) committed = committed.replaceFirst("(?ms)^mechanisms:.*?(?=^\\S|\\z)", "");
            assertEquals(e.getValue(), committed, e.getKey() + " differs from the generator's output");
        }
    }

    @Test
    void demoHasTheStructureOfARealAccountBase(@TempDir Path dir) throws Exception {
        Scenario s = write(Generator.generate(DEMO), dir);
        // 300 accounts six years ago, less the lost ones, plus the arrivals
        assertTrue(s.accounts().size() >= 300 && s.accounts().size() <= 420, "accounts " + s.accounts().size());
        assertEquals(20, s.soldiers().size());
        assertEquals(8, s.products().size());

        List<Account> accounts = s.accounts();
        long prospects = accounts.stream().filter(a -> a.stage() == Stage.PROSPECT).count();
        long atRisk = accounts.stream().filter(a -> a.stage() == Stage.AT_RISK).count();
        // with history the prospects include six years of arrivals, most of them not yet converted
        assertTrue(prospects >= 15 && prospects <= 0.4 * accounts.size(), "prospects " + prospects);
        assertTrue(atRisk >= 8 && atRisk <= 45, "at risk " + atRisk);
        for (Account a : accounts) {
            assertTrue(a.revenue() <= a.wallet());
            assertEquals(a.revenue() == 0, a.stage() == Stage.PROSPECT, a.id());
        }
        long active = accounts.stream().filter(a -> a.revenue() > 0).count();
        long owned = accounts.stream().filter(a -> a.revenue() > 0 && a.owner() != null).count();
        assertTrue(owned >= 0.7 * active, "owners for most active accounts: " + owned + " of " + active);
        Map<String, Soldier> soldiers = new java.util.HashMap<>();
        for (Soldier x : s.soldiers()) soldiers.put(x.id(), x);
        long regionFit = accounts.stream().filter(a -> a.owner() != null)
                .filter(a -> soldiers.get(a.owner()).worksIn(a.region())).count();
        assertEquals(owned, regionFit, "owners work in their account's region");

        // heavy tail: the top 10% of wallets hold a large part of the total
        double[] w = accounts.stream().mapToDouble(Account::wallet).sorted().toArray();
        double total = Arrays.stream(w).sum();
        double top = Arrays.stream(w, (int) (w.length * 0.9), w.length).sum();
        assertTrue(top / total > 0.35, "top-10% wallet share " + top / total);

        // the threshold makes roughly 8-12% key accounts; goals are derived from today's baseline
        double threshold = s.strategy().keyAccountThreshold();
        long ka = accounts.stream().filter(a -> a.revenue() >= threshold).count();
        assertTrue(ka >= 0.08 * accounts.size() && ka <= 0.12 * accounts.size(), "key accounts " + ka);
        double kaRevenue = accounts.stream().filter(a -> a.revenue() >= threshold).mapToDouble(Account::revenue).sum();
        assertEquals(Generator.GOAL_REVENUE, s.strategy().goalRevenue() / kaRevenue, 0.05);
        assertEquals(Math.round(Generator.GOAL_COUNT * ka), (long) s.strategy().goalCount());
        double share = kaRevenue / s.totalRevenue();
        assertTrue(s.strategy().goalShare() > share && s.strategy().goalShare() < share + 0.25);
        assertEquals(10, s.strategy().horizonYears());
        assertEquals(10_000, s.simulation().paths(), "kam plan's default of 10,000 paths");
        assertEquals(java.time.Duration.ofSeconds(10), s.assignment().timeLimit());

        long mustCover = accounts.stream().filter(Account::mustCover).count();
        assertTrue(mustCover >= 3 && mustCover <= 10, "mustCover " + mustCover);
        double minMust = accounts.stream().filter(Account::mustCover).mapToDouble(Account::revenue).min().orElseThrow();
        assertTrue(accounts.stream().filter(a -> !a.mustCover()).allMatch(a -> a.revenue() <= minMust),
                "mustCover goes to the biggest accounts");

        Set<Layer> layers = new HashSet<>();
        for (Soldier x : s.soldiers()) {
            layers.add(x.layer());
            assertTrue(x.stars() >= 1 && x.stars() <= 5);
            assertTrue(x.capacityHours() >= 1200 && x.capacityHours() <= 1800);
            assertTrue(x.certification() >= 0 && x.certification() <= 3);
            assertTrue(x.annualCost() > 0);
        }
        assertEquals(Set.of(Layer.values()), layers);

        Set<String> accountNeeds = new HashSet<>();
        for (Account a : accounts) accountNeeds.addAll(a.needs());
        for (Product p : s.products()) {
            assertTrue(p.needs().stream().anyMatch(accountNeeds::contains), p.id() + " addresses a need accounts have");
            assertTrue(p.capacity() >= 3 && p.price() > 0 && p.margin() > 0 && p.margin() < 1);
        }
        assertTrue(accounts.stream().anyMatch(a -> a.name().endsWith("有限公司")), "Chinese company names");
        assertTrue(accounts.stream().anyMatch(a -> a.name().endsWith("Co., Ltd.")), "English company names");
        assertTrue(s.relationships().size() > 0);
    }

    @Test
    void theDemosHistoryIsSixYearsOfTheModelEndingToday(@TempDir Path dir) throws Exception {
        Scenario s = write(Generator.generate(DEMO), dir);
        java.util.Map<String, Account> today = new java.util.HashMap<>();
        for (Account a : s.accounts()) today.put(a.id(), a);
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        java.util.Set<String> lost = new java.util.HashSet<>();
        java.util.Set<String> arrived = new java.util.HashSet<>();
        for (dev.kam.domain.HistoryEntry h : s.history()) {
            years.add(h.year());
            if (!today.containsKey(h.account())) lost.add(h.account());
            if (h.year() == 2026 && today.containsKey(h.account())) {
                assertEquals(today.get(h.account()).revenue(), h.revenue(), 0.0, "base-year row is today");
            }
        }
        for (Account a : s.accounts()) if (Integer.parseInt(a.id().substring(1)) > 300) arrived.add(a.id());
        assertEquals(java.util.List.of(2021, 2022, 2023, 2024, 2025, 2026), new java.util.ArrayList<>(years));
        assertTrue(lost.size() > 20, "lost accounts keep their history: " + lost.size());
        assertTrue(arrived.size() > 50, "new prospects arrived: " + arrived.size());
        long atRisk = s.accounts().stream().filter(a -> a.stage() == Stage.AT_RISK).count();
        assertTrue(atRisk > 10, "at-risk accounts " + atRisk);
        // the erosion the history ran with is the status-quo-neutral one of today's accounts
        String yaml = Files.readString(dir.resolve("scenario.yaml"), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("shareErosion (0\\.\\d+)").matcher(yaml);
        assertTrue(m.find(), yaml);
        assertEquals(s.simulation().erosion(), Double.parseDouble(m.group(1)), 5e-4);
    }

    @Test
    void scalesToTheLargeSize(@TempDir Path dir) throws Exception {
        Scenario s = write(Generator.generate(new Generator.Spec(5000, 300, 30, 7, "large")), dir);
        assertEquals(5000, s.accounts().size());
        assertEquals(300, s.soldiers().size());
        assertEquals(30, s.products().size());
        assertEquals(5000, new HashSet<>(s.accounts().stream().map(Account::name).toList()).size(), "names are unique");
    }

    @Test
    void tinySizesWork(@TempDir Path dir) throws Exception {
        Scenario s = write(Generator.generate(new Generator.Spec(1, 1, 1, 1, "one")), dir);
        assertEquals(1, s.accounts().size());
    }
}

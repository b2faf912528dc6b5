package dev.kam.assign;

import dev.kam.analysis.AccountAssessment;
import dev.kam.analysis.Analysis;
import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.Tier;
import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.Layer;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.StrategyParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Small scenarios for tests: a hand-made tiny one and seeded random ones. */
final class Instances {
    private Instances() {
    }

    record Instance(Scenario scenario, Analysis analysis) {
        Coefficients table() {
            return Coefficients.of(scenario, analysis);
        }
    }

    static Account account(String id, String region, double revenue, double wallet, String owner, boolean must,
                           double baseHours, String... needs) {
        return new Account(id, "Account " + id, "industry", region, revenue, wallet, 0.3, 0.8, 0.5, Double.NaN,
                Double.NaN, new java.util.HashSet<>(java.util.Arrays.asList(needs)), owner, revenue > 0 ? Stage.ACTIVE : Stage.PROSPECT, must, baseHours);
    }

    static Soldier soldier(String id, Layer layer, int stars, int cert, double capacity, String... regions) {
        return new Soldier(id, "Soldier " + id, layer, stars, Set.of("industry"), Set.of(regions), capacity, cert, Double.NaN);
    }

    static Product product(String id, int capacity, int minRating, String... needs) {
        return new Product(id, "Product " + id, Set.of(needs), 100_000, 0.4, 0.2, capacity, minRating);
    }

    static Analysis ratings(List<Account> accounts, int... rating) {
        List<AccountAssessment> out = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            out.add(new AccountAssessment(accounts.get(i).id(), Tier.MID, 0.5, rating[i], Diagnosis.HEALTHY, null));
        }
        return new Analysis(out);
    }

    static Scenario scenario(String name, List<Account> a, List<Soldier> s, List<Product> p, List<Relationship> r,
                             AssignmentParams params) {
        return new Scenario(name, "CNY", 2026, name + ".yaml", a, s, p, r, AnalysisParams.DEFAULT,
                StrategyParams.DEFAULT, params, SimulationParams.DEFAULT);
    }

    /**
     * Five accounts, two soldiers, two products. S1 (north, 4 stars, cert 2) has room for about two
     * standard leads; S2 (south, 2 stars, cert 0) is cheap but may not lead 4A+. A5 is a mustCover
     * account in the east where nobody works.
     */
    static Instance tiny() {
        List<Account> a = List.of(
                account("A1", "north", 2_000_000, 5_000_000, "S1", true, 100, "erp"),
                account("A2", "north", 800_000, 3_000_000, "S2", false, 100, "erp", "cloud"),
                account("A3", "south", 300_000, 1_000_000, null, false, 50, "cloud"),
                account("A4", "north", 0, 2_000_000, null, false, 80, "erp"),
                account("A5", "east", 500_000, 900_000, null, true, 60, "cloud"));
        List<Soldier> s = List.of(
                soldier("S1", Layer.PROJECT, 4, 2, 260, "north", "south"),
                soldier("S2", Layer.BASE, 2, 0, 200, "north", "south"));
        List<Product> p = List.of(product("P1", 1, 3, "erp"), product("P2", 2, 1, "cloud"));
        return new Instance(scenario("tiny", a, s, p, List.of(), AssignmentParams.DEFAULT), ratings(a, 4, 3, 2, 3, 2));
    }

    /** A random instance: regions, stars, certification, layers, owners, mustCover, overrides all drawn. */
    static Instance random(long seed, int accounts, int soldiers, int products) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] regions = {"north", "south"};
        String[] needs = {"erp", "cloud", "service"};
        List<Soldier> s = new ArrayList<>();
        for (int i = 0; i < soldiers; i++) {
            s.add(soldier("S" + i, Layer.values()[r.nextInt(3)], 1 + r.nextInt(5), r.nextInt(4),
                    60 + r.nextInt(200), r.nextInt(4) == 0 ? "*" : regions[r.nextInt(2)]));
        }
        List<Account> a = new ArrayList<>();
        int[] rating = new int[accounts];
        for (int i = 0; i < accounts; i++) {
            double wallet = 200_000 + r.nextInt(5_000_000);
            double revenue = r.nextInt(3) == 0 ? 0 : wallet * r.nextDouble() * 0.6;
            String owner = r.nextInt(2) == 0 && soldiers > 0 ? "S" + r.nextInt(soldiers) : null;
            a.add(account("A" + i, regions[r.nextInt(2)], revenue, wallet, owner, r.nextInt(4) == 0,
                    20 + r.nextInt(100), needs[r.nextInt(3)], needs[r.nextInt(3)]));
            rating[i] = 1 + r.nextInt(5);
        }
        List<Product> p = new ArrayList<>();
        for (int i = 0; i < products; i++) p.add(product("P" + i, 1 + r.nextInt(3), 1 + r.nextInt(3), needs[r.nextInt(3)]));
        List<Relationship> rel = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            if (soldiers > 0 && r.nextInt(3) == 0) {
                rel.add(new Relationship("S" + r.nextInt(soldiers), "A" + i, r.nextDouble(),
                        r.nextBoolean() ? 10 + r.nextInt(90) : Double.NaN, r.nextBoolean() ? r.nextInt(200_000) - 20_000 : Double.NaN));
            }
        }
        // drop duplicate pairs (the reader refuses them)
        List<Relationship> unique = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Relationship x : rel) if (seen.add(x.soldier() + "/" + x.account())) unique.add(x);
        AssignmentParams params = new AssignmentParams(AssignmentParams.DEFAULT.timeLimit(), null, seed,
                new double[] {0.5, 1.0, 1.5}, new String[] {"light", "standard", "intensive"}, 1 + r.nextInt(2),
                AssignmentParams.DEFAULT.ratingPriority(), 0.1, AssignmentParams.DEFAULT.minStars(),
                AssignmentParams.DEFAULT.minCertification(), true, AssignmentParams.DEFAULT.layerMinRating(),
                AssignmentParams.DEFAULT.layerMaxRating(), AssignmentParams.DEFAULT.baseHours(), r.nextInt(3), 0.8);
        return new Instance(scenario("random-" + seed, a, s, p, unique, params), ratings(a, rating));
    }

    /**
     * A random instance with every wave-2 feature: fractional hours and capacities (so rounding to centihours
     * matters), three effort levels that are not round numbers, locks, a move cap, a minimum utilization,
     * value overrides, prospects with offers. Locks that would overbook their owner are left out.
     */
    static Instance rich(long seed, int accounts, int soldiers, int products) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5EEDL);
        String[] regions = {"north", "south"};
        String[] needs = {"erp", "cloud", "service"};
        List<Soldier> s = new ArrayList<>();
        for (int i = 0; i < soldiers; i++) {
            double cap = 40 + r.nextInt(160) + r.nextInt(1000) / 1000.0;
            s.add(new Soldier("S" + i, "Soldier " + i, Layer.values()[r.nextInt(3)], 1 + r.nextInt(5), Set.of("industry"),
                    Set.of(r.nextInt(4) == 0 ? "*" : regions[r.nextInt(2)]), cap, r.nextInt(4), 300_000,
                    r.nextInt(3) == 0 ? cap * r.nextDouble() * 0.3 : Double.NaN));
        }
        List<Account> a = new ArrayList<>();
        int[] rating = new int[accounts];
        double[] lockLoad = new double[soldiers];
        for (int i = 0; i < accounts; i++) {
            double wallet = 200_000 + r.nextInt(5_000_000);
            double revenue = r.nextInt(3) == 0 ? 0 : wallet * r.nextDouble() * 0.6;
            String owner = r.nextInt(2) == 0 && soldiers > 0 ? "S" + r.nextInt(soldiers) : null;
            double base = 10 + r.nextInt(60) + r.nextInt(100) / 100.0 + (r.nextBoolean() ? 0.005 : 0);
            boolean locked = owner != null && r.nextInt(5) == 0;
            if (locked) {
                int o = Integer.parseInt(owner.substring(1));
                if (lockLoad[o] + base > s.get(o).capacityHours()) locked = false;
                else lockLoad[o] += base;
            }
            a.add(new Account("A" + i, "Account " + i, "industry", regions[r.nextInt(2)], revenue, wallet, 0.1 + 0.5 * r.nextDouble(),
                    0.8, 0.5, Double.NaN, Double.NaN, new java.util.HashSet<>(java.util.Arrays.asList(needs[r.nextInt(3)],
                    needs[r.nextInt(3)])), owner, revenue > 0 ? Stage.ACTIVE : Stage.PROSPECT, r.nextInt(5) == 0, base, locked));
            rating[i] = 1 + r.nextInt(5);
        }
        List<Product> p = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            p.add(new Product("P" + i, "Product " + i, Set.of(needs[r.nextInt(3)]), 50_000 + r.nextInt(200_000),
                    0.2 + 0.5 * r.nextDouble(), 0.2, 1 + r.nextInt(3), 1 + r.nextInt(3)));
        }
        List<Relationship> rel = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < accounts; i++) {
            if (soldiers == 0 || r.nextInt(3) != 0) continue;
            String so = "S" + r.nextInt(soldiers);
            if (!seen.add(so + "/A" + i)) continue;
            rel.add(new Relationship(so, "A" + i, r.nextDouble(), r.nextBoolean() ? 5 + r.nextInt(50) + 0.333 : Double.NaN,
                    r.nextBoolean() ? r.nextInt(150_000) - 10_000 + 0.4567 : Double.NaN));
        }
        // a lock whose pair has its own hours may need more than the check above allowed: unlock it then
        double[] load = new double[soldiers];
        for (int i = 0; i < a.size(); i++) {
            Account x = a.get(i);
            if (!x.locked()) continue;
            int o = Integer.parseInt(x.owner().substring(1));
            double h = x.baseHours();
            for (Relationship rr : rel) if (rr.account().equals(x.id()) && rr.soldier().equals(x.owner()) && !Double.isNaN(rr.hours())) h = rr.hours();
            if (load[o] + h > s.get(o).capacityHours()) {
                a.set(i, new Account(x.id(), x.name(), x.industry(), x.region(), x.revenue(), x.wallet(), x.margin(), x.credit(),
                        x.difficulty(), x.serviceHours(), x.orders(), x.needs(), x.owner(), x.stage(), x.mustCover(), x.baseHours(), false));
            } else {
                load[o] += h;
            }
        }
        AssignmentParams d = AssignmentParams.DEFAULT;
        AssignmentParams params = new AssignmentParams(null, null, seed, new double[] {0.55, 1.0, 1.35},
                new String[] {"light", "standard", "intensive"}, 1 + r.nextInt(2), d.ratingPriority(), 0.15 * r.nextDouble(),
                d.minStars(), d.minCertification(), r.nextBoolean(), d.layerMinRating(), d.layerMaxRating(), d.baseHours(),
                r.nextInt(3), 0.8, r.nextInt(3) == 0 ? r.nextInt(3) : -1, r.nextInt(3) == 0 ? 0.2 * r.nextDouble() : 0,
                AssignmentParams.Solver.AUTO, 0, "auto", true);
        return new Instance(scenario("rich-" + seed, a, s, p, rel, params), ratings(a, rating));
    }

    /**
     * A plan's objective in real units (currency), from the unrounded expectations: priority × uplift of each
     * lead and offer, minus the unrounded switching cost of every owned account that changes lead or is dropped.
     */
    static double realObjective(Instance inst, Coefficients t, Solution plan) {
        Scenario sc = inst.scenario();
        double v = 0;
        for (int a = 0; a < t.accounts; a++) {
            Account ac = sc.accounts().get(a);
            double prio = sc.assignment().ratingPriority()[t.rating[a] - 1];
            double sw = t.owner[a] >= 0 ? sc.assignment().switchingCost() * Math.max(0, ac.grossProfit()) : 0;
            int o = plan.choice()[a];
            if (o < 0) {
                v -= sw;
                continue;
            }
            v += prio * t.optUplift[o] - (t.owner[a] >= 0 && t.optSoldier[o] != t.owner[a] ? sw : 0);
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) if (plan.offered()[q]) v += prio * t.pairUplift(q, o);
        }
        return v;
    }
}

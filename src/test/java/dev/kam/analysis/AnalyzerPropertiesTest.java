package dev.kam.analysis;

import dev.kam.RandomCases;
import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the analysis that hold for any customer base. */
class AnalyzerPropertiesTest {
    static final dev.kam.i18n.Messages EN = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.EN);
    static final dev.kam.i18n.Messages ZH = dev.kam.i18n.Messages.of(dev.kam.i18n.Lang.ZH);
    static List<Account> base(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Account> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean prospect = r.nextDouble() < 0.2;
            double wallet = Math.floor(Math.exp(10 + 4 * r.nextDouble()));
            double revenue = prospect ? 0 : Math.floor(wallet * r.nextDouble());
            list.add(Fixtures.acc("A" + i, revenue, wallet, r.nextDouble(), r.nextBoolean() ? Double.NaN : r.nextDouble(),
                    r.nextDouble(), r.nextBoolean() ? Double.NaN : 1 + 100 * r.nextDouble(),
                    r.nextBoolean() ? Double.NaN : 1 + r.nextInt(30), r.nextBoolean() ? "S1" : null,
                    prospect ? Stage.PROSPECT : r.nextDouble() < 0.1 ? Stage.AT_RISK : Stage.ACTIVE));
        }
        return list;
    }

    private static final String[] NORMALIZATIONS = {AnalysisParams.PERCENTILE, AnalysisParams.LOG_MINMAX};

    /** n 1–120 accounts, base seed 0–1000, key share 0–1 and a normalization. */
    record Bounds(int n, long seed, double keyShare, String normalization) {
    }

    /** The first 16 tries are the corners of the ranges (with an odd seed too), the others uniform draws. */
    static Bounds bounds(int tryIndex, SplittableRandom r) {
        if (tryIndex < 16) {
            return new Bounds((tryIndex & 1) == 0 ? 1 : 120, (tryIndex & 2) == 0 ? 0 : (tryIndex & 8) == 0 ? 1000 : 999,
                    (tryIndex & 4) == 0 ? 0 : 1, NORMALIZATIONS[(tryIndex >> 3) & 1]);
        }
        return new Bounds(r.nextInt(1, 121), r.nextLong(0, 1001), r.nextDouble(0, Math.nextUp(1.0)),
                NORMALIZATIONS[r.nextInt(NORMALIZATIONS.length)]);
    }

    @Test
    void sharesAddUpAndBoundsHold() {
        RandomCases.forAll(0xA11_0001L, 60, AnalyzerPropertiesTest::bounds,
                c -> sharesAddUpAndBoundsHold(c.n(), c.seed(), c.keyShare(), c.normalization()));
    }

    private static void sharesAddUpAndBoundsHold(int n, long seed, double keyShare, String normalization) {
        List<Account> accounts = base(n, seed);
        AnalysisParams d = AnalysisParams.DEFAULT;
        AnalysisParams p = new AnalysisParams(keyShare, Math.max(keyShare, 0.8), seed % 2 == 0, d.ratingWeights(),
                d.ratingCuts(), normalization, Double.NaN, 0.5, 0.2, Double.NaN, 0.05, 0.5, 0.4, 1.0 / 3);
        Analysis a = Analyzer.analyze(Fixtures.scenario(accounts, p, Fixtures.strategy(50_000, 0.6, 10, 1e6)));

        int count = 0;
        double share = 0;
        for (TierSummary t : a.pyramid()) {
            count += t.count();
            share += t.revenueShare();
        }
        assertEquals(n, count);
        double total = accounts.stream().mapToDouble(Account::revenue).sum();
        if (total > 0) assertEquals(1, share, 1e-9);

        Concentration c = a.concentration();
        int m = c.activeAccounts();
        if (m > 0) {
            assertTrue(c.gini() >= 0 && c.gini() <= 1 - 1.0 / m + 1e-9, "gini " + c.gini());
            assertTrue(c.hhi() >= 1.0 / m - 1e-9 && c.hhi() <= 1 + 1e-9, "hhi " + c.hhi());
            assertTrue(c.top1Share() <= c.top5Share() + 1e-12);
            assertEquals(1, c.lorenz().get(c.lorenz().size() - 1).revenueShare(), 1e-12);
        }
        for (AccountAssessment x : a.accounts()) {
            assertTrue(x.score() >= 0 && x.score() <= 1, "score " + x.score());
            assertTrue(x.rating() >= 1 && x.rating() <= 5);
            for (double v : x.criteria().toArray()) assertTrue(v >= 0 && v <= 1, "criterion " + v);
            assertTrue(!EN.render(x.reason()).isBlank() && !ZH.render(x.reason()).isBlank());
            if (x.revenue() <= 0) assertEquals(Tier.SMALL, x.tier());
        }
        int[] rc = a.ratingCounts();
        assertEquals(n, rc[0] + rc[1] + rc[2] + rc[3] + rc[4]);
    }

    /** n 2–60 accounts, base seed 0–1000, the account to double picked by 0–59 modulo n. */
    record Doubling(int n, long seed, int pick) {
    }

    /** The first 8 tries are the corners of the ranges, the others uniform draws. */
    static Doubling doubling(int tryIndex, SplittableRandom r) {
        if (tryIndex < 8) {
            return new Doubling((tryIndex & 1) == 0 ? 2 : 60, (tryIndex & 2) == 0 ? 0 : 1000, (tryIndex & 4) == 0 ? 0 : 59);
        }
        return new Doubling(r.nextInt(2, 61), r.nextLong(0, 1001), r.nextInt(0, 60));
    }

    @Test
    void moreRevenueNeverLowersTheRevenueScoreOrTier() {
        RandomCases.forAll(0xA11_0002L, 40, AnalyzerPropertiesTest::doubling,
                c -> moreRevenueNeverLowersTheRevenueScoreOrTier(c.n(), c.seed(), c.pick()));
    }

    private static void moreRevenueNeverLowersTheRevenueScoreOrTier(int n, long seed, int pick) {
        List<Account> accounts = base(n, seed);
        int i = pick % n;
        Account a = accounts.get(i);
        if (a.revenue() <= 0) return;
        List<Account> more = new ArrayList<>(accounts);
        more.set(i, Fixtures.acc(a.id(), a.revenue() * 2, a.wallet() * 2, a.margin(), a.credit(), a.difficulty(),
                a.serviceHours(), a.orders(), a.owner(), a.stage()));
        var s1 = Fixtures.scenario(accounts, AnalysisParams.DEFAULT, Fixtures.strategy(50_000, 0.6, 10, 1e6));
        var s2 = Fixtures.scenario(more, AnalysisParams.DEFAULT, Fixtures.strategy(50_000, 0.6, 10, 1e6));
        AccountAssessment before = Analyzer.analyze(s1).get(a.id());
        AccountAssessment after = Analyzer.analyze(s2).get(a.id());
        assertTrue(after.criteria().revenue() >= before.criteria().revenue());
        assertTrue(after.criteria().profit() >= before.criteria().profit());
        assertTrue(after.tier().ordinal() <= before.tier().ordinal(), before.tier() + " → " + after.tier());
        assertTrue(after.rank() <= before.rank());
    }
}

package dev.kam.funnel;

import dev.kam.domain.Account;
import dev.kam.domain.MechanismParams.Funnel;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.io.CsvOut;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic, realistic {@code pipeline.csv} for a scenario ({@code kam generate --pipeline}): each soldier works
 * 2–10 open opportunities on accounts in their regions that nobody else owns, preferring large wallets with little
 * of it ours; stages follow a funnel in which each step keeps 80% of the one before (so about a third of active
 * prospects sign), drawn along a golden-ratio sequence so that the stage counts of a small pipeline follow the
 * funnel closely instead of scattering; values are a plausible first-year share of the wallet; expected close dates lie one to
 * two and a half months per remaining step ahead. The same scenario and seed give the same bytes.
 */
public final class PipelineGenerator {
    /** Share of a stage's count that the next stage keeps. */
    static final double KEEP = 0.8;
    /** The golden ratio's fractional part: the most evenly spread additive sequence modulo 1. */
    private static final double GOLDEN = 0.6180339887498949;

    private PipelineGenerator() {
    }

    public static String csv(Scenario s, long seed) {
        Funnel f = s.mechanisms().funnel();
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x7069_7065_6C69_6E65L);
        double[] stageWeight = new double[f.size()];
        for (int k = 0; k < f.size(); k++) stageWeight[k] = Math.pow(KEEP, k);
        LocalDate asOf = f.asOf(s.baseYear());
        double ceiling = s.simulation().shareCeiling();
        CsvOut out = new CsvOut("opportunity", "account", "soldier", "stage", "value", "expectedClose");
        int id = 0;
        double u = rnd.nextDouble();
        for (Soldier so : s.soldiers()) {
            List<Account> candidates = new ArrayList<>();
            double[] weights = new double[s.accounts().size()];
            for (Account a : s.accounts()) {
                if (a.owner() != null && !a.owner().equals(so.id())) continue;
                if (!so.worksIn(a.region())) continue;
                double room = Math.max(0, ceiling - a.shareOfWallet()) * a.wallet();
                if (room <= 0) continue;
                weights[candidates.size()] = room * (so.knowsIndustry(a.industry()) ? 3 : 1);
                candidates.add(a);
            }
            int left = candidates.size();
            int n = Math.min(left, 2 + rnd.nextInt(9));
            for (int j = 0; j < n; j++) {
                int pick = draw(weights, left, rnd);
                Account a = candidates.get(pick);
                left--;
                candidates.set(pick, candidates.get(left));
                weights[pick] = weights[left];
                u = (u + GOLDEN) % 1.0;
                int stage = 1 + quantile(stageWeight, u);
                double share = a.isProspect() ? 0.05 + 0.2 * rnd.nextDouble()
                        : Math.max(0.01, (ceiling - a.shareOfWallet()) * (0.1 + 0.3 * rnd.nextDouble()));
                double value = Math.max(10_000, Math.round(share * a.wallet() / 10_000.0) * 10_000.0);
                String close = null;
                if (stage < f.wonStage()) {
                    int days = 0;
                    for (int k = stage; k < f.wonStage(); k++) days += 30 + rnd.nextInt(46);
                    close = asOf.plusDays(days).toString();
                }
                id++;
                out.row(String.format(Locale.ROOT, "O%04d", id), a.id(), so.id(), stage, value, close);
            }
        }
        return out.text();
    }

    /** The index whose share of the weights' cumulative sum holds {@code u} (0 ≤ u &lt; 1). */
    private static int quantile(double[] w, double u) {
        double total = 0;
        for (double x : w) total += x;
        double acc = 0;
        for (int i = 0; i < w.length; i++) {
            acc += w[i] / total;
            if (u < acc) return i;
        }
        return w.length - 1;
    }

    /** An index below {@code len} drawn with probability proportional to its weight. */
    private static int draw(double[] w, int len, SplittableRandom rnd) {
        double total = 0;
        for (int i = 0; i < len; i++) total += w[i];
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < len; i++) {
            u -= w[i];
            if (u < 0) return i;
        }
        return len - 1;
    }
}

package dev.kam.report;

import dev.kam.io.Json;
import dev.kam.io.CsvOut;
import dev.kam.io.OutputDir;
import dev.kam.analysis.AccountAssessment;
import dev.kam.analysis.Analysis;
import dev.kam.analysis.Concentration;
import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.Health;
import dev.kam.analysis.KeyAccountBaseline;
import dev.kam.analysis.TierSummary;
import dev.kam.domain.Account;
import dev.kam.domain.AnalysisParams;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the analyze stage (SPEC §6) into its output folder: {@code accounts.csv}, {@code summary.json} and
 * the charts {@code pyramid}, {@code lorenz} and {@code ratings} as PNG and SVG.
 */
public final class AnalysisWriter {
    public static final String ACCOUNTS = "accounts.csv";
    public static final String SUMMARY = "summary.json";
    public static final List<String> CHARTS = List.of("pyramid", "lorenz", "ratings");
    static final String[] CRITERIA = {"revenue", "profit", "credit", "efficiency", "ease"};
    /** The files' texts (reasons, findings) are written in English. */
    private static final Messages EN = Messages.of(Lang.EN);

    private AnalysisWriter() {
    }

    /** Writes every file into {@code dir}, charts in the language of {@code m} (the caller commits it). */
    public static void write(Scenario s, Analysis a, OutputDir dir, Messages m) {
        writeFiles(s, a, dir);
        for (Chart c : AnalysisCharts.all(s, a, m)) c.write(dir);
    }

    /** The data files: accounts.csv and summary.json (texts in English, the files' language). */
    public static void writeFiles(Scenario s, Analysis a, OutputDir dir) {
        accountsCsv(s, a).write(dir.file(ACCOUNTS));
        Json.write(dir.file(SUMMARY), summary(s, a));
    }

    /** One row per account, largest revenue first; {@code reason} in English, {@code rule} the reason's key. */
    public static CsvOut accountsCsv(Scenario s, Analysis a) {
        CsvOut csv = new CsvOut("id", "name", "industry", "region", "stage", "owner", "rank", "revenue", "wallet",
                "shareOfWallet", "tier", "score", "revenueScore", "profitScore", "creditScore", "efficiencyScore",
                "easeScore", "rating", "ratedOn", "diagnosis", "reason", "rule");
        Map<String, Account> byId = new HashMap<>();
        for (Account acc : s.accounts()) byId.put(acc.id(), acc);
        List<AccountAssessment> rows = new ArrayList<>(a.accounts());
        rows.sort(Comparator.comparingInt(AccountAssessment::rank));
        for (AccountAssessment r : rows) {
            Account acc = byId.get(r.accountId());
            AccountAssessment.Criteria c = r.criteria();
            csv.row(r.accountId(), acc == null ? "" : acc.name(), acc == null ? "" : acc.industry(),
                    acc == null ? "" : acc.region(), acc == null ? "" : acc.stage().code(),
                    acc == null || acc.owner() == null ? "" : acc.owner(), r.rank(), r.revenue(), r.wallet(),
                    round(r.shareOfWallet()), r.tier().code(), round(r.score()), round(c.revenue()), round(c.profit()),
                    round(c.credit()), round(c.efficiency()), round(c.ease()), r.ratingLabel(),
                    r.ratedOnPotential() ? "potential" : "revenue", r.diagnosis().name(), EN.render(r.reason()),
                    r.reason().key());
        }
        return csv;
    }

    /** The content of summary.json: pyramid, concentration, baseline, health, rating and diagnosis counts. */
    public static Map<String, Object> summary(Scenario s, Analysis a) {
        AnalysisParams p = s.analysis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.name());
        m.put("currency", s.currency());
        m.put("baseYear", s.baseYear());

        Map<String, Object> pyr = new LinkedHashMap<>();
        pyr.put("keyShare", p.keyShare());
        pyr.put("midShare", p.midShare());
        pyr.put("useThreshold", p.useThreshold());
        pyr.put("keyAccountThreshold", amount(s.strategy().keyAccountThreshold()));
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (TierSummary t : a.pyramid()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("tier", t.tier().code());
            tm.put("count", t.count());
            tm.put("countShare", round(t.countShare()));
            tm.put("revenue", amount(t.revenue()));
            tm.put("revenueShare", round(t.revenueShare()));
            tm.put("minRevenue", amount(t.minRevenue()));
            tm.put("maxRevenue", amount(t.maxRevenue()));
            tiers.add(tm);
        }
        pyr.put("tiers", tiers);
        m.put("pyramid", pyr);

        Concentration c = a.concentration();
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("activeAccounts", c.activeAccounts());
        cm.put("totalRevenue", amount(c.totalRevenue()));
        cm.put("top1Share", round(c.top1Share()));
        cm.put("top5Share", round(c.top5Share()));
        cm.put("top10PctCount", c.top10PctCount());
        cm.put("top10PctShare", round(c.top10PctShare()));
        cm.put("hhi", round(c.hhi()));
        cm.put("effectiveNumber", nan(Double.isFinite(c.effectiveNumber()) ? round(c.effectiveNumber()) : Double.NaN));
        cm.put("gini", round(c.gini()));
        m.put("concentration", cm);

        KeyAccountBaseline b = a.baseline();
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("threshold", amount(b.threshold()));
        bm.put("count", b.count());
        bm.put("revenue", amount(b.revenue()));
        bm.put("share", round(b.share()));
        bm.put("totalRevenue", amount(b.totalRevenue()));
        bm.put("accounts", b.accounts());
        bm.put("activeAccounts", b.activeAccounts());
        bm.put("prospects", b.prospects());
        bm.put("ordersPerAccount", amount(round(b.ordersPerAccount())));
        bm.put("orderValue", amount(round(b.orderValue())));
        m.put("keyAccountBaseline", bm);

        Health h = a.health();
        Map<String, Object> hm = new LinkedHashMap<>();
        hm.put("verdict", h.verdict().name());
        hm.put("summary", EN.render(h.summary()));
        hm.put("keyAccountLed", h.keyAccountLed());
        List<Map<String, Object>> gaps = new ArrayList<>();
        for (Health.GoalGap g : h.gaps()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("metric", g.metric());
            gm.put("today", amount(round(g.today())));
            gm.put("goal", amount(g.goal()));
            gm.put("gap", amount(round(g.gap())));
            gm.put("requiredYearlyGrowth", nan(round(g.requiredYearlyGrowth())));
            gaps.add(gm);
        }
        hm.put("goalGaps", gaps);
        List<String> findings = new ArrayList<>();
        for (Msg f : h.findings()) findings.add(EN.render(f));
        hm.put("findings", findings);
        m.put("health", hm);

        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("normalization", p.normalization());
        Map<String, Object> wm = new LinkedHashMap<>();
        double[] w = p.ratingWeights();
        for (int i = 0; i < CRITERIA.length; i++) wm.put(CRITERIA[i], w[i]);
        rm.put("weights", wm);
        Map<String, Object> cuts = new LinkedHashMap<>();
        double[] cu = p.ratingCuts();
        for (int i = 0; i < cu.length; i++) cuts.put((i + 2) + "A", cu[i]);
        rm.put("cuts", cuts);
        int[] counts = a.ratingCounts();
        double[] rev = a.ratingRevenue();
        Map<String, Object> cnt = new LinkedHashMap<>();
        Map<String, Object> rv = new LinkedHashMap<>();
        for (int i = 4; i >= 0; i--) {
            cnt.put((i + 1) + "A", counts[i]);
            rv.put((i + 1) + "A", amount(rev[i]));
        }
        rm.put("counts", cnt);
        rm.put("revenue", rv);
        long onPotential = a.accounts().stream().filter(AccountAssessment::ratedOnPotential).count();
        rm.put("ratedOnPotential", onPotential);
        m.put("ratings", rm);

        Map<String, Object> dm = new LinkedHashMap<>();
        for (Map.Entry<Diagnosis, Integer> e : a.diagnosisCounts().entrySet()) dm.put(e.getKey().name(), e.getValue());
        m.put("diagnoses", dm);
        m.put("largest", largest(s, a));
        return m;
    }

    /** How many accounts {@link #largest} lists per diagnosis. */
    public static final int LARGEST = 5;

    /**
     * Per problem diagnosis, the accounts where most is at stake: cannot keep by revenue, cannot grow by headroom
     * to the share ceiling (s_max · wallet − revenue), cannot win by wallet.
     */
    static Map<String, Object> largest(Scenario s, Analysis a) {
        Map<String, Account> byId = new HashMap<>();
        for (Account acc : s.accounts()) byId.put(acc.id(), acc);
        double ceiling = s.simulation().shareCeiling();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Diagnosis d : List.of(Diagnosis.CANNOT_KEEP, Diagnosis.CANNOT_GROW, Diagnosis.CANNOT_WIN)) {
            java.util.function.ToDoubleFunction<AccountAssessment> stake = switch (d) {
                case CANNOT_KEEP -> AccountAssessment::revenue;
                case CANNOT_GROW -> x -> Math.max(0, ceiling * x.wallet() - x.revenue());
                default -> AccountAssessment::wallet;
            };
            List<Map<String, Object>> rows = new ArrayList<>();
            a.accounts().stream().filter(x -> x.diagnosis() == d)
                    .sorted(Comparator.comparingDouble(stake).reversed().thenComparing(AccountAssessment::accountId))
                    .limit(LARGEST)
                    .forEach(x -> {
                        Map<String, Object> r = new LinkedHashMap<>();
                        Account acc = byId.get(x.accountId());
                        r.put("id", x.accountId());
                        r.put("name", acc == null ? null : acc.name());
                        r.put("rating", x.ratingLabel());
                        r.put("revenue", amount(x.revenue()));
                        r.put("wallet", amount(x.wallet()));
                        r.put(d == Diagnosis.CANNOT_KEEP ? "revenueAtStake" : d == Diagnosis.CANNOT_GROW ? "headroom"
                                : "wallet", amount(stake.applyAsDouble(x)));
                        r.put("reason", EN.render(x.reason()));
                        rows.add(r);
                    });
            out.put(d.name(), rows);
        }
        return out;
    }

    /** A short human summary for the terminal (one line per topic), in the language of {@code m}. */
    public static List<String> summaryLines(Scenario s, Analysis a, Path written, Messages m) {
        List<String> out = new ArrayList<>();
        KeyAccountBaseline b = a.baseline();
        String cur = s.currency();
        out.add(m.get("cli.analyze.head", s.name(), b.accounts(), b.activeAccounts(), b.prospects(),
                m.money(b.totalRevenue(), cur)));
        List<String> tiers = new ArrayList<>();
        for (TierSummary t : a.pyramid()) {
            tiers.add(m.get("cli.analyze.tier", m.get(t.tier().key()), t.count(), t.countShare(), t.revenueShare()));
        }
        out.add(m.get("cli.analyze.pyramid", String.join(" | ", tiers)));
        Concentration c = a.concentration();
        out.add(m.get("cli.analyze.concentration", c.top1Share(), c.top5Share(), c.top10PctCount(), c.top10PctShare(),
                c.hhi(), c.gini()));
        out.add(m.get("cli.analyze.keyAccounts", b.count(), m.money(b.threshold(), cur), m.money(b.revenue(), cur),
                b.share()));
        Health h = a.health();
        out.add(m.get("cli.analyze.health", m.render(h.summary())));
        for (Msg f : h.findings()) out.add(m.get("cli.analyze.finding", m.render(f)));
        int[] counts = a.ratingCounts();
        List<String> r = new ArrayList<>();
        for (int i = 4; i >= 0; i--) r.add((i + 1) + "A " + m.integer(counts[i]));
        out.add(m.get("cli.analyze.ratings", String.join(" · ", r)));
        List<String> d = new ArrayList<>();
        for (Map.Entry<Diagnosis, Integer> e : a.diagnosisCounts().entrySet()) {
            d.add(m.get(e.getKey().key()) + " " + m.integer(e.getValue()));
        }
        out.add(m.get("cli.analyze.diagnoses", String.join(" · ", d)));
        if (written != null) out.add(m.get("cli.analyze.wrote", written.toString(), String.join(", ", CHARTS)));
        return out;
    }

    private static double round(double v) {
        if (!Double.isFinite(v)) return v;
        return Math.round(v * 1e6) / 1e6;
    }

    /** A number for JSON: whole values as integers (no 1.96518E8), NaN as null. */
    private static Object amount(double v) {
        if (Double.isNaN(v)) return null;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return (long) v;
        return v;
    }

    private static Object nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}

package dev.kam.report.html;

import dev.kam.analysis.AccountAssessment;
import dev.kam.analysis.Analysis;
import dev.kam.analysis.Concentration;
import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.KeyAccountBaseline;
import dev.kam.analysis.TierSummary;
import dev.kam.compare.CompareResult;
import dev.kam.compare.GoalBasis;
import dev.kam.compare.Outcome;
import dev.kam.domain.Account;
import dev.kam.domain.Msg;
import dev.kam.domain.Problem;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Messages;
import dev.kam.report.Assumptions;
import dev.kam.report.Chart;
import dev.kam.report.LegacyMessages;
import dev.kam.report.RunCharts;
import dev.kam.report.html.Page.Cell;
import dev.kam.report.html.Page.Figure;
import dev.kam.report.html.Page.Kpi;
import dev.kam.report.html.Page.Link;
import dev.kam.report.html.Page.Table;
import dev.kam.run.RunInfo;
import dev.kam.run.RunResults;
import dev.kam.run.Summary;
import dev.kam.simulation.Metric;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.Probability;
import dev.kam.simulation.Sensitivity;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Stats;
import dev.kam.simulation.TargetHit;
import dev.kam.strategy.Baseline;
import dev.kam.strategy.DepartmentTarget;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearFeasibility;
import dev.kam.strategy.YearTarget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Builds the report's {@link Page} from a run's results: every figure formatted and every word chosen here,
 * in the language of the {@link Messages}; the templates only lay it out. Nothing is read from a file.
 */
public final class PageBuilder {
    /** Accounts listed per diagnosis where most is at stake. */
    static final int LARGEST = 5;

    private final RunResults r;
    private final Messages m;
    private final RunCharts charts;
    private final Scenario sc;
    private final String cur;
    private final Names names;

    private PageBuilder(RunResults r, Messages m, RunCharts charts) {
        this.r = r;
        this.m = m;
        this.charts = charts;
        this.sc = r.scenario();
        this.cur = sc.currency();
        this.names = new Names(sc);
    }

    /** The page of a run, with {@code fontFace} as its embedded font rule. */
    public static Page build(RunResults r, Messages m, RunCharts charts, String fontFace) {
        return new PageBuilder(r, m, charts).page(fontFace);
    }

    private Page page(String fontFace) {
        Page.Customers customers = r.analysis().filter(a -> a.pyramid() != null).map(this::customers).orElse(null);
        Page.Targets targets = r.targets().map(this::targets).orElse(null);
        Page.Plan plan = r.plan().map(p -> PlanPart.build(p, sc, m, names, figures("plan"))).orElse(null);
        Page.Simulation simulation = r.simulation().map(this::simulation).orElse(null);
        Page.Compare compare = r.comparison().map(this::compare).orElse(null);
        Page.Mechanisms mechanisms = r.mechanisms().map(x -> MechanismsPart.build(x, r, m, figures("pipeline"))).orElse(null);
        Table actions = Actions.table(r, m, names);
        List<Link> toc = new ArrayList<>();
        toc.add(new Link("summary", m.get("report.sec.summary")));
        if (customers != null) toc.add(new Link("customers", m.get("report.sec.customers")));
        if (targets != null) toc.add(new Link("targets", m.get("report.sec.targets")));
        if (plan != null) toc.add(new Link("plan", m.get("report.sec.plan")));
        if (simulation != null) toc.add(new Link("simulation", m.get("report.sec.simulation")));
        if (compare != null) toc.add(new Link("compare", m.get("report.sec.compare")));
        if (mechanisms != null) toc.add(new Link("mechanisms", m.get("mechanisms.report.title")));
        if (actions != null) toc.add(new Link("actions", m.get("report.sec.actions")));
        toc.add(new Link("appendix", m.get("report.sec.appendix")));
        int h = sc.strategy().horizonYears();
        String subtitle = m.get("report.subtitle", year(sc.baseYear()), year(sc.baseYear() + 1), year(sc.baseYear() + h),
                m.currencyUnit(cur), sc.accounts().size(), sc.soldiers().size(), sc.products().size());
        return new Page(m.lang().code(), m.get("report.title", sc.name()), sc.name(), subtitle, toc, fontFace,
                summary(), customers, targets, plan, simulation, compare, mechanisms, actions, appendix(),
                m.get("report.footer", r.info().version(), sc.source() == null ? "" : sc.source()));
    }

    static String year(int y) {
        return Integer.toString(y);
    }

    private List<Figure> figures(String stage) {
        List<Figure> out = new ArrayList<>();
        for (Chart c : charts.stage(stage)) {
            out.add(new Figure(c.title(), c.dataUrl(), stage + "/" + c.name() + ".png / .svg"));
        }
        return out;
    }

    // ------------------------------------------------------------------ summary

    private Page.Summary summary() {
        Summary s = r.summary();
        String fy = year(s.finalYear());
        List<Kpi> kpis = new ArrayList<>();
        if (s.simulated()) {
            Probability g = s.goal();
            String goalDetail = m.get("report.kpi.goal.detail", m.ci(g.ciLow(), g.ciHigh()), m.money(s.finalTarget(), cur));
            if (s.goalBaseline().known()) {
                Probability b = s.goalBaseline();
                goalDetail = m.get("report.kpi.goal.detailBaseline", m.ci(g.ciLow(), g.ciHigh()),
                        m.money(s.finalTarget(), cur), m.percentCi(b.value(), b.ciLow(), b.ciHigh()),
                        m.pointsSe(s.goalVersusBaseline().value(), s.goalVersusBaseline().stderr()));
            }
            kpis.add(new Kpi(m.get("report.kpi.goal", fy), m.percent1(g.value()), goalDetail));
            if (s.allGoals().known()) {
                Probability a = s.allGoals();
                kpis.add(new Kpi(m.get("report.kpi.allGoals", fy), m.percent1(a.value()),
                        m.get("report.kpi.allGoals.detail", m.ci(a.ciLow(), a.ciHigh()))));
            }
            kpis.add(new Kpi(m.get("report.kpi.median", fy), m.money(s.medianFinalKaRevenue(), cur),
                    m.get("report.kpi.median.detail", m.money(s.p10FinalKaRevenue(), cur), m.money(s.p90FinalKaRevenue(), cur),
                            m.money(s.finalTarget(), cur), m.money(s.todayKaRevenue(), cur))));
            if (!Double.isNaN(s.neverWithinHorizon())) {
                Probability never = ofPaths(s.neverWithinHorizon(), s.paths());
                String detail = m.get("report.kpi.when.detail", m.percentCi(never.value(), never.ciLow(), never.ciHigh()), fy);
                if (!Double.isNaN(s.baselineNeverWithinHorizon())) {
                    Probability bn = ofPaths(s.baselineNeverWithinHorizon(), s.paths());
                    detail = m.get("report.kpi.when.detailBaseline", detail, whenYear(s.baselineMedianFirstYear(), fy),
                            m.percentCi(bn.value(), bn.ciLow(), bn.ciHigh()));
                }
                kpis.add(new Kpi(m.get("report.kpi.when"), whenYear(s.medianFirstYear(), fy), detail));
            }
        } else {
            kpis.add(new Kpi(m.get("report.kpi.kaToday"), m.money(s.todayKaRevenue(), cur),
                    m.get("report.kpi.kaToday.detail", s.todayKaCount(), m.percent(s.todayKaShare()))));
            if (!Double.isNaN(s.finalTarget())) {
                kpis.add(new Kpi(m.get("report.kpi.target", fy), m.money(s.finalTarget(), cur),
                        m.get("report.kpi.target.detail", m.percent(s.requiredGrowth()))));
            }
        }
        if (s.planned()) {
            int years = s.finalYear() - s.baseYear();
            double lo = s.cumulativeUpliftMean() - 1.96 * s.cumulativeUpliftStderr();
            double hi = s.cumulativeUpliftMean() + 1.96 * s.cumulativeUpliftStderr();
            kpis.add(new Kpi(m.get("report.kpi.uplift"), m.signedMoney(s.expectedUplift(), cur),
                    Double.isNaN(s.cumulativeUpliftMean()) ? m.get("report.kpi.uplift.detail")
                            : m.get("report.kpi.uplift.detailSimulated", years, m.signedMoney(s.cumulativeUpliftMean(), cur),
                            m.signedMoney(lo, cur), m.signedMoney(hi, cur))));
        }
        List<Page.Risk> risks = new ArrayList<>();
        for (Risks.Risk risk : Risks.top(r, 3)) risks.add(new Page.Risk(m.render(risk.title()), m.render(risk.detail())));
        List<String> notes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (r.analysis().isEmpty()) missing.add(m.get("report.stage.analysis"));
        if (r.targets().isEmpty()) missing.add(m.get("report.stage.targets"));
        if (r.plan().isEmpty()) missing.add(m.get("report.stage.plan"));
        if (r.simulation().isEmpty()) missing.add(m.get("report.stage.simulation"));
        if (!missing.isEmpty()) notes.add(m.get("report.notRun", missing));
        RunInfo info = r.info();
        for (Problem p : info.problems()) notes.add(p.toString());
        for (Msg w : info.warnings()) notes.add(m.render(w));
        return new Page.Summary(kpis, risks, notes);
    }

    /** A fraction of {@code paths} simulated paths as a probability with its Wilson interval. */
    static Probability ofPaths(double fraction, int paths) {
        return Probability.ofFraction(fraction, paths);
    }

    /** The median year the goal is first met, or "after the final year" when most paths never meet it. */
    private String whenYear(Integer median, String finalYear) {
        return median == null ? m.get("report.kpi.when.never", finalYear) : year(median);
    }

    /** A probability as "36.5% (95% CI 35.6–37.5%)". */
    private String pci(Probability p) {
        return m.percentCi(p.value(), p.ciLow(), p.ciHigh());
    }

    // ------------------------------------------------------------------ customers

    private Page.Customers customers(Analysis a) {
        double total = sc.totalRevenue();
        Rows tiers = new Rows().text(m.get("report.col.tier")).num(m.get("report.col.accounts"))
                .num(m.get("report.col.accountShare")).num(m.get("report.col.revenue")).num(m.get("report.col.revenueShare"));
        for (TierSummary t : a.pyramid()) {
            tiers.row(Cell.of(m.get(t.tier().key())), Cell.num(m.integer(t.count())), Cell.num(m.percent(t.countShare())),
                    Cell.num(m.money(t.revenue(), cur)), Cell.num(m.percent(t.revenueShare())));
        }
        Rows ratings = new Rows().text(m.get("report.col.rating")).num(m.get("report.col.accounts"))
                .num(m.get("report.col.revenue")).num(m.get("report.col.revenueShare"));
        int[] counts = a.ratingCounts();
        double[] revenue = a.ratingRevenue();
        for (int i = 4; i >= 0; i--) {
            if (counts[i] == 0) continue;
            ratings.row(Cell.of((i + 1) + "A"), Cell.num(m.integer(counts[i])), Cell.num(m.money(revenue[i], cur)),
                    Cell.num(m.percent(total > 0 ? revenue[i] / total : 0)));
        }
        Map<Diagnosis, double[]> byDiagnosis = new EnumMap<>(Diagnosis.class);
        for (AccountAssessment x : a.accounts()) {
            double[] v = byDiagnosis.computeIfAbsent(x.diagnosis(), k -> new double[2]);
            v[0]++;
            v[1] += Double.isNaN(x.revenue()) ? 0 : x.revenue();
        }
        Rows diagnoses = new Rows().text(m.get("report.col.diagnosis")).num(m.get("report.col.accounts"))
                .num(m.get("report.col.revenue")).num(m.get("report.col.revenueShare"));
        for (Map.Entry<Diagnosis, double[]> e : byDiagnosis.entrySet()) {
            diagnoses.row(Cell.of(m.get(e.getKey().key())), Cell.num(m.integer((long) e.getValue()[0])),
                    Cell.num(m.money(e.getValue()[1], cur)), Cell.num(m.percent(total > 0 ? e.getValue()[1] / total : 0)));
        }
        List<String> findings = new ArrayList<>();
        for (Msg f : a.health().findings()) findings.add(m.render(f));
        return new Page.Customers(tiers.open(null), ratings.open(null), diagnoses.open(null), figures("analysis"),
                m.render(a.health().summary()), findings, indicators(a), largest(a), accounts(a));
    }

    private Table indicators(Analysis a) {
        Concentration c = a.concentration();
        KeyAccountBaseline b = a.baseline();
        Rows t = new Rows().text(m.get("report.col.indicator")).num(m.get("report.col.value"));
        t.row(Cell.of(m.get("report.ind.activeAccounts")), Cell.num(m.integer(c.activeAccounts())));
        t.row(Cell.of(m.get("report.ind.totalRevenue")), Cell.num(m.money(c.totalRevenue(), cur)));
        t.row(Cell.of(m.get("report.ind.top1")), Cell.num(m.percent(c.top1Share())));
        t.row(Cell.of(m.get("report.ind.top5")), Cell.num(m.percent(c.top5Share())));
        t.row(Cell.of(m.get("report.ind.top10", c.top10PctCount())), Cell.num(m.percent(c.top10PctShare())));
        t.row(Cell.of(m.get("report.ind.hhi")), Cell.num(m.get("report.ind.hhi.value", m.number(c.hhi(), 3),
                Double.isFinite(c.effectiveNumber()) ? m.number(c.effectiveNumber(), 1) : Messages.MISSING)));
        t.row(Cell.of(m.get("report.ind.gini")), Cell.num(m.number(c.gini(), 3)));
        t.row(Cell.of(m.get("report.ind.threshold")), Cell.num(m.money(b.threshold(), cur)));
        t.row(Cell.of(m.get("report.ind.kaCount")), Cell.num(m.integer(b.count())));
        t.row(Cell.of(m.get("report.ind.kaRevenue")), Cell.num(m.money(b.revenue(), cur)));
        t.row(Cell.of(m.get("report.ind.kaShare")), Cell.num(m.percent(b.share())));
        t.row(Cell.of(m.get("report.ind.ordersPerAccount")), Cell.num(m.number(b.ordersPerAccount(), 1)));
        t.row(Cell.of(m.get("report.ind.orderValue")), Cell.num(m.money(b.orderValue(), cur)));
        t.row(Cell.of(m.get("report.ind.prospects")), Cell.num(m.integer(b.prospects())));
        return t.open("analysis/summary.json");
    }

    /** Per problem diagnosis, the accounts where most is at stake (the same choice as summary.json's largest). */
    private Table largest(Analysis a) {
        double ceiling = sc.simulation().shareCeiling();
        Rows t = new Rows().text(m.get("report.col.diagnosis")).text(m.get("report.col.account"))
                .text(m.get("report.col.rating")).num(m.get("report.col.atStake")).text(m.get("report.col.why"));
        for (Diagnosis d : List.of(Diagnosis.CANNOT_KEEP, Diagnosis.CANNOT_GROW, Diagnosis.CANNOT_WIN)) {
            ToDoubleFunction<AccountAssessment> stake = switch (d) {
                case CANNOT_KEEP -> AccountAssessment::revenue;
                case CANNOT_GROW -> x -> Math.max(0, ceiling * x.wallet() - x.revenue());
                default -> AccountAssessment::wallet;
            };
            String kind = m.get("report.stake." + d.name());
            a.accounts().stream().filter(x -> x.diagnosis() == d)
                    .sorted(Comparator.comparingDouble(stake).reversed().thenComparing(AccountAssessment::accountId))
                    .limit(LARGEST)
                    .forEach(x -> t.row(Cell.of(m.get(d.key())), names.account(x.accountId()), Cell.of(x.ratingLabel()),
                            new Cell(m.money(stake.applyAsDouble(x), cur), kind, "num"), Cell.of(m.render(x.reason()))));
        }
        return t.size() == 0 ? null : t.open(null);
    }

    private Table accounts(Analysis a) {
        Rows t = new Rows().text(m.get("report.col.account")).text(m.get("report.col.tier")).num(m.get("report.col.score"))
                .text(m.get("report.col.rating")).num(m.get("report.col.revenue")).num(m.get("report.col.wallet"))
                .num(m.get("report.col.shareOfWallet")).text(m.get("report.col.diagnosis")).text(m.get("report.col.why"));
        List<AccountAssessment> rows = new ArrayList<>(a.accounts());
        rows.sort(Comparator.comparingInt(AccountAssessment::rank));
        for (AccountAssessment x : rows) {
            t.row(names.account(x.accountId()), Cell.of(m.get(x.tier().key())), Cell.num(m.number(x.score(), 3)),
                    Cell.of(x.ratingLabel()), Cell.num(m.money(x.revenue(), cur)), Cell.num(m.money(x.wallet(), cur)),
                    Cell.num(m.percent(x.shareOfWallet())), Cell.of(m.get(x.diagnosis().key())), Cell.of(m.render(x.reason())));
        }
        return t.collapsed(m.get("report.rows", t.size()), "analysis/accounts.csv");
    }

    // ------------------------------------------------------------------ targets

    private Page.Targets targets(Targets t) {
        Rows y = new Rows().text(m.get("report.col.year")).num(m.get("report.col.kaRevenue")).num(m.get("report.col.kaCount"))
                .num(m.get("report.col.ordersPerAccount")).num(m.get("report.col.orderValue")).num(m.get("report.col.kaShare"))
                .num(m.get("report.col.growth")).num(m.get("report.col.winsNeeded")).num(m.get("report.col.soldiersNeeded"));
        Baseline b = t.baseline();
        if (b != null) {
            double perHead = b.hoursPerSoldier() * (t.assumptions() == null ? 1 : t.assumptions().sellingTimeShare());
            int neededToday = perHead > 0 ? (int) Math.ceil(b.hoursNeededToday() / perHead - 1e-9) : 0;
            y.row(Cell.of(m.get("report.targets.today", year(b.year()))), Cell.num(m.money(b.keyAccountRevenue(), cur)),
                    Cell.num(m.integer(b.keyAccountCount())), Cell.num(m.number(b.ordersPerAccount(), 2)),
                    Cell.num(m.money(b.orderValue(), cur)), Cell.num(m.percent(b.keyAccountShare())), Cell.num(""),
                    Cell.num(""), Cell.num(m.get("report.targets.ofToday", neededToday, b.soldiers())));
        }
        for (YearTarget x : t.years()) {
            YearFeasibility f = t.feasibility(x.year());
            y.row(Cell.of(year(x.year())), Cell.num(m.money(x.keyAccountRevenue(), cur)),
                    Cell.num(m.number(x.keyAccountCount(), 0)), Cell.num(m.number(x.ordersPerAccount(), 2)),
                    Cell.num(m.money(x.orderValue(), cur)), Cell.num(m.percent(x.keyAccountShare())),
                    Cell.num(Double.isNaN(x.growth()) ? Messages.MISSING : signedPercent(x.growth())),
                    Cell.num(f == null ? "" : m.integer(f.winsNeeded())),
                    Cell.num(f == null ? "" : m.get("report.targets.ofToday", f.headcountNeeded(), f.headcountAvailable())));
        }
        String title = null;
        List<String> next = new ArrayList<>();
        Table all = null;
        if (!t.years().isEmpty() && !t.departments().isEmpty()) {
            int first = t.years().get(0).year();
            title = m.get("report.targets.departmentsNext", year(first));
            for (DepartmentTarget d : t.departments(first)) next.add(department(d, t));
            Rows a = new Rows().text(m.get("report.col.year")).text(m.get("report.col.department"))
                    .text(m.get("report.col.measure")).num(m.get("report.col.start")).num(m.get("report.col.target"))
                    .num(m.get("report.col.change"));
            for (DepartmentTarget d : t.departments()) {
                a.row(Cell.of(year(d.year())), Cell.of(m.getOr("report.dept." + d.department(), d.department())),
                        Cell.of(m.getOr("report.measure." + d.metric(), d.metric())), Cell.num(measure(d.metric(), d.baseline())),
                        Cell.num(measure(d.metric(), d.target())),
                        Cell.num(Double.isNaN(d.change()) ? "" : signedPercent(d.change())));
            }
            all = a.collapsed(m.get("report.targets.allDepartments", a.size()), "targets/departments.csv");
        }
        List<String> warnings = new ArrayList<>();
        for (Msg w : LegacyMessages.targetWarnings(t, sc)) warnings.add(m.render(w));
        List<String> notes = new ArrayList<>();
        for (Msg n : LegacyMessages.targetNotes(t, sc)) notes.add(m.render(n));
        return new Page.Targets(y.open("targets/targets.csv"), title, next, all, figures("targets"), warnings, notes);
    }

    private String signedPercent(double v) {
        return (v > 0 ? "+" : "") + m.percent(v);
    }

    private String measure(String metric, double v) {
        if (Double.isNaN(v)) return "";
        return switch (metric) {
            case "orderValue" -> m.money(v, cur);
            case "keyAccountRetention" -> m.percent(v);
            case "ordersPerAccount" -> m.number(v, 2);
            default -> m.number(v, 1);
        };
    }

    /** A department target as one SMART sentence, from its figures. */
    private String department(DepartmentTarget d, Targets t) {
        String by = year(d.year());
        String change = Double.isNaN(d.change()) ? "" : m.get("report.dept.change", signedPercent(d.change()));
        return switch (d.department() + "." + d.metric()) {
            case "sales.keyAccountWins" -> {
                YearFeasibility f = t.feasibility(d.year());
                Object why = f != null && f.replacements() > 1e-9
                        ? m.get("report.dept.sales.keyAccountWins.why", f.netGrowth(), f.replacements()) : "";
                yield m.get("report.dept.sales.keyAccountWins.text", d.target(),
                        m.money(sc.strategy().keyAccountThreshold(), cur), why, by);
            }
            case "sales.keyAccountCount" -> m.get("report.dept.sales.keyAccountCount.text", d.target(),
                    Double.isNaN(d.baseline()) ? 0.0 : d.baseline(), by);
            case "marketing.orderValue" -> m.get("report.dept.marketing.orderValue.text",
                    Double.isNaN(d.baseline()) || d.baseline() <= 0 ? m.money(d.target(), cur) : m.money(d.baseline(), cur),
                    m.money(d.target(), cur), change, by);
            case "customerService.ordersPerAccount" -> Math.abs(d.target() - d.baseline()) < 0.005
                    ? m.get("report.dept.customerService.ordersPerAccount.keep", d.target(), by)
                    : m.get("report.dept.customerService.ordersPerAccount.text", d.baseline(), d.target(), change, by);
            case "customerService.keyAccountRetention" -> m.get("report.dept.customerService.keyAccountRetention.text",
                    d.target(), year(d.year() - 1), by);
            default -> m.get("report.legacy", d.text());
        };
    }

    // ------------------------------------------------------------------ simulation

    private Page.Simulation simulation(SimulationResult s) {
        Summary sum = r.summary();
        int last = s.horizon() - 1;
        String fy = year(s.years()[last]);
        List<Kpi> kpis = new ArrayList<>();
        PlanComparison c = r.planVsBaseline().orElse(null);
        if (c != null) {
            kpis.add(new Kpi(m.get("report.sim.kpi.goal", fy), m.get("report.sim.kpi.goal.value",
                    m.percent1(sum.pGoal()), m.percent1(sum.pGoalBaseline())),
                    m.get("report.sim.kpi.goal.detail", pci(sum.goal()), pci(sum.goalBaseline()),
                            m.pointsSe(sum.goalVersusBaseline().value(), sum.goalVersusBaseline().stderr()))));
            Stats up = c.upliftStats(Metric.KEY_ACCOUNT_REVENUE, last);
            kpis.add(new Kpi(m.get("report.sim.kpi.kaUplift", fy), m.signedMoney(up.p50(), cur),
                    m.get("report.sim.kpi.kaUplift.detail", m.signedMoney(up.p10(), cur), m.signedMoney(up.p90(), cur),
                            pci(ofPaths(c.probabilityBetter(Metric.KEY_ACCOUNT_REVENUE, last), s.paths())))));
            Stats cum = Stats.of(c.cumulativeProfitUplift());
            dev.kam.simulation.Difference cumD = c.cumulativeUplift();
            kpis.add(new Kpi(m.get("report.sim.kpi.profit", s.horizon()), m.signedMoney(cum.mean(), cur),
                    m.get("report.sim.kpi.profit.detail", m.signedMoney(cum.p10(), cur), m.signedMoney(cum.p90(), cur),
                            m.signedMoney(cumD.ciLow(), cur), m.signedMoney(cumD.ciHigh(), cur))));
            if (sum.medianFirstYear() != null || !Double.isNaN(sum.neverWithinHorizon())) {
                kpis.add(new Kpi(m.get("report.kpi.when"), whenYear(sum.medianFirstYear(), fy),
                        m.get("report.sim.kpi.when.detail", whenYear(sum.baselineMedianFirstYear(), fy))));
            }
        }
        Table hits = null;
        if (!s.targetHits().isEmpty()) {
            List<String> metrics = new ArrayList<>();
            Map<Integer, Map<String, TargetHit>> byYear = new LinkedHashMap<>();
            for (TargetHit h : s.targetHits()) {
                if (!metrics.contains(h.metric())) metrics.add(h.metric());
                byYear.computeIfAbsent(h.year(), k -> new LinkedHashMap<>()).put(h.metric(), h);
            }
            Rows t = new Rows().text(m.get("report.col.year"));
            for (String x : metrics) t.num(m.get("report.hit." + x));
            for (Map.Entry<Integer, Map<String, TargetHit>> e : byYear.entrySet()) {
                Cell[] cells = new Cell[metrics.size() + 1];
                cells[0] = Cell.of(year(e.getKey()));
                for (int i = 0; i < metrics.size(); i++) {
                    TargetHit h = e.getValue().get(metrics.get(i));
                    double v = h == null ? Double.NaN : h.probability();
                    String css = Double.isNaN(v) ? "num" : v >= 0.8 ? "num good" : v >= 0.5 ? "num fair" : "num bad";
                    // the interval under the value, as a name's id sits under it: the table stays readable
                    cells[i + 1] = new Cell(m.percent1(v), h == null ? null : m.ci(h.ciLow(), h.ciHigh()), css);
                }
                t.row(cells);
            }
            hits = t.open("simulation/targets-hit.csv");
        }
        Rows fin = new Rows().text(m.get("report.col.metric"));
        for (String p : List.of("P5", "P10", "P25", "P50", "P75", "P90", "P95")) fin.num(p.equals("P50") ? m.get("report.col.median") : p);
        fin.num(m.get("report.col.mean"));
        for (Metric x : Metric.values()) {
            Stats st = s.stats(x, last);
            double[] p = st.percentiles();
            Cell[] cells = new Cell[p.length + 2];
            cells[0] = Cell.of(m.get("report.metric." + x.code()));
            for (int i = 0; i < p.length; i++) cells[i + 1] = Cell.num(metric(x, p[i]));
            cells[p.length + 1] = Cell.num(metric(x, st.mean()));
            fin.row(cells);
        }
        Rows all = new Rows().text(m.get("report.col.year")).text(m.get("report.col.metric"));
        for (String p : List.of("P5", "P10", "P25", "P50", "P75", "P90", "P95")) all.num(p);
        all.num(m.get("report.col.mean")).num(m.get("report.col.stderr"));
        int[] years = s.years();
        for (int y = 0; y < years.length; y++) {
            for (Metric x : Metric.values()) {
                Stats st = s.stats(x, y);
                double[] p = st.percentiles();
                Cell[] cells = new Cell[p.length + 4];
                cells[0] = Cell.of(year(years[y]));
                cells[1] = Cell.of(m.get("report.metric." + x.code()));
                for (int i = 0; i < p.length; i++) cells[i + 2] = Cell.num(metric(x, p[i]));
                cells[p.length + 2] = Cell.num(metric(x, st.mean()));
                cells[p.length + 3] = Cell.num(metric(x, st.stderr()));
                all.row(cells);
            }
        }
        String definition = m.get("report.sim.definition", s.paths(), fy, m.money(sum.finalTarget(), cur),
                s.options().seed());
        Table tornado = null;
        String tornadoNote = null;
        Sensitivity.Tornado tor = r.sensitivity().orElse(null);
        if (tor != null) {
            boolean goal = !Double.isNaN(tor.baseGoalProbability());
            Rows tt = new Rows().text(m.get("report.col.parameter")).text(m.get("report.col.rangeSource"))
                    .num(m.get("report.col.low")).num(m.get("report.col.high"));
            if (goal) tt.num(m.get("report.col.pGoalLow")).num(m.get("report.col.pGoalHigh"));
            tt.num(m.get("report.col.medianLow", fy)).num(m.get("report.col.medianHigh", fy));
            for (Sensitivity.Bar b : tor.bars()) {
                List<Cell> row = new ArrayList<>();
                // the reader's name only: the keys are in the appendix and in sensitivity.csv
                row.add(Cell.of(m.getOr("param.simulation." + b.parameter(), b.parameter())));
                row.add(Cell.of(m.get("report.range." + b.source().name().toLowerCase(java.util.Locale.ROOT))));
                row.add(Cell.num(m.number(b.low(), 4)));
                row.add(Cell.num(m.number(b.high(), 4)));
                if (goal) {
                    for (double v : new double[] {b.lowGoalProbability(), b.highGoalProbability()}) {
                        Probability p = ofPaths(v, tor.paths());
                        row.add(new Cell(m.percent1(p.value()), m.ci(p.ciLow(), p.ciHigh()), "num"));
                    }
                }
                row.add(Cell.num(m.money(b.lowMedian(), cur)));
                row.add(Cell.num(m.money(b.highMedian(), cur)));
                tt.row(row.toArray(new Cell[0]));
            }
            tornado = tt.collapsed(m.get("report.rows", tt.size()), "simulation/sensitivity.csv");
            tornadoNote = m.get("report.sim.tornado.note", tor.paths(), Long.toString(tor.seed()),
                    goal ? pci(ofPaths(tor.baseGoalProbability(), tor.paths())) : Messages.MISSING);
        }
        return new Page.Simulation(kpis, hits, fin.open(null), figures("simulation"),
                all.collapsed(m.get("report.rows", all.size()), "simulation/percentiles.csv"), definition, tornado,
                tornadoNote);
    }

    private String metric(Metric x, double v) {
        return switch (x) {
            case KEY_ACCOUNT_SHARE -> m.percent(v);
            case KEY_ACCOUNT_COUNT -> m.number(v, 1);
            default -> m.money(v, cur);
        };
    }

    // ------------------------------------------------------------------ comparison

    private Page.Compare compare(CompareResult c) {
        int last = c.last();
        String fy = year(c.years()[last]);
        Outcome ref = c.first();
        String intro = m.get("report.compare.intro", c.outcomes().size(), c.paths(), c.options().simulation().seed());
        String goal = Double.isNaN(ref.goal()) ? null : m.get("report.compare.goal", fy, m.money(ref.goal(), cur),
                c.options().goals() == GoalBasis.FIRST ? m.get("report.compare.basisFirst", ref.label())
                        : m.get("report.compare.basisOwn"));
        List<Kpi> kpis = new ArrayList<>();
        if (c.outcomes().size() > 1) {
            Outcome best = ref;
            for (Outcome o : c.outcomes()) if (o.goalProbability() > best.goalProbability()) best = o;
            int gainIdx = 1;
            double gain = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < c.outcomes().size(); i++) {
                double d = c.differenceStats(i, Metric.KEY_ACCOUNT_REVENUE, last).p50();
                if (d > gain) {
                    gain = d;
                    gainIdx = i;
                }
            }
            kpis.add(new Kpi(m.get("report.compare.best"), m.percent1(best.goalProbability()),
                    m.get("report.compare.best.detail", best.label(), pci(ref.goalProbabilityInterval()),
                            pci(best.goalProbabilityInterval()))));
            kpis.add(new Kpi(m.get("report.compare.gain", ref.label()), m.signedMoney(gain, cur),
                    m.get("report.compare.gain.detail", c.outcomes().get(gainIdx).label(),
                            pci(ofPaths(c.probabilityAhead(gainIdx, Metric.KEY_ACCOUNT_REVENUE, last), c.paths())))));
        }
        boolean own = c.options().goals() != GoalBasis.FIRST;
        Rows t = new Rows().text(m.get("report.col.scenario"));
        if (own) t.num(m.get("report.compare.ownGoal", fy));
        t.num(m.get("report.compare.pGoal", fy)).num(m.get("report.compare.pGoalBaseline"))
                .num(m.get("report.compare.vsBaseline")).num(m.get("report.compare.when")).num(m.get("report.compare.whenBaseline"))
                .num(m.get("report.compare.p10", fy)).num(m.get("report.compare.p50", fy)).num(m.get("report.compare.p90", fy))
                .num(m.get("report.compare.diff")).num(m.get("report.compare.diffGoal")).num(m.get("report.compare.ahead"))
                .num(m.get("report.compare.roi", year(c.years()[0]), fy))
                .text(m.get("report.compare.plan")).text(m.get("report.compare.crn"));
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < c.outcomes().size(); i++) {
            Outcome o = c.outcomes().get(i);
            Stats ka = o.result().stats(Metric.KEY_ACCOUNT_REVENUE, last);
            Cell diff;
            Cell diffGoal;
            Cell ahead;
            if (i == 0) {
                diff = Cell.num(m.get("report.compare.reference"));
                diffGoal = Cell.num("");
                ahead = Cell.num("");
            } else {
                Stats d = c.differenceStats(i, Metric.KEY_ACCOUNT_REVENUE, last);
                diff = Cell.num(m.get("report.compare.diff.value", m.signedMoney(d.p50(), cur), m.signedMoney(d.p10(), cur),
                        m.signedMoney(d.p90(), cur)));
                var dg = c.goalProbabilityDifference(i);
                diffGoal = Cell.num(m.pointsSe(dg.value(), dg.stderr()));
                Probability a = ofPaths(c.probabilityAhead(i, Metric.KEY_ACCOUNT_REVENUE, last), c.paths());
                ahead = new Cell(m.percent1(a.value()), m.ci(a.ciLow(), a.ciHigh()), "num");
            }
            Probability pg = o.goalProbabilityInterval();
            Probability pb = o.baselineGoalProbability();
            var vs = o.goalProbabilityVersusBaseline();
            String plan = switch (o.plan().label()) {
                case "optimized" -> m.get("report.compare.plan.optimized");
                case "baseline" -> m.get("report.compare.plan.baseline");
                default -> m.render(o.planNote());
            };
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(o.label()));
            if (own) row.add(Cell.num(m.money(o.goal(), cur)));
            row.add(new Cell(m.percent1(pg.value()), pg.known() ? m.ci(pg.ciLow(), pg.ciHigh()) : null, "num"));
            row.add(new Cell(m.percent1(pb.value()), pb.known() ? m.ci(pb.ciLow(), pb.ciHigh()) : null, "num"));
            row.add(Cell.num(m.pointsSe(vs.value(), vs.stderr())));
            row.add(Cell.num(whenYear(o.medianGoalYear(), fy)));
            row.add(Cell.num(pb.known() ? whenYear(o.baselineMedianGoalYear(), fy) : Messages.MISSING));
            row.add(Cell.num(m.money(ka.p10(), cur)));
            row.add(Cell.num(m.money(ka.p50(), cur)));
            row.add(Cell.num(m.money(ka.p90(), cur)));
            row.add(diff);
            row.add(diffGoal);
            row.add(ahead);
            Stats roi = o.horizonRoi();
            row.add(Cell.num(m.get("report.compare.diff.value", m.signedMoney(roi.p50(), cur), m.signedMoney(roi.p5(), cur),
                    m.signedMoney(roi.p95(), cur))));
            row.add(Cell.of(plan));
            row.add(Cell.of(o.crn().full() ? m.get("report.compare.crn.full") : m.get("report.compare.crn.partial")));
            t.row(row.toArray(new Cell[0]));
            if (!o.crn().full()) notes.add(m.get("report.compare.crnNote", o.label(), o.crn().detail()));
        }
        return new Page.Compare(intro, goal, kpis, t.open("compare/summary.csv"), figures("compare"), notes);
    }

    // ------------------------------------------------------------------ appendix

    private Page.Appendix appendix() {
        Rows t = new Rows().text(m.get("report.col.item")).num(m.get("report.col.value"));
        r.plan().ifPresent(p -> {
            t.row(Cell.of(m.get("report.tech.score")), Cell.num(m.get("report.tech.score.value", p.hard(), p.medium(), p.soft())));
            t.row(Cell.of(m.get("report.tech.objective")), Cell.num(m.number(p.objective(), 2)));
            t.row(Cell.of(m.get("report.tech.objectiveBaseline")), Cell.num(m.number(p.baseline().objective(), 2)));
            t.row(Cell.of(m.get("report.tech.objectiveScaling")), Cell.num(m.get("report.tech.objectiveScaling.value")));
            t.row(Cell.of(m.get("report.tech.searchSeconds")), Cell.num(m.number(p.seconds(), 1)));
            t.row(Cell.of(m.get("report.tech.unmet")), Cell.num(m.integer(p.unmet().size())));
        });
        r.simulation().ifPresent(s -> {
            t.row(Cell.of(m.get("report.tech.paths")), Cell.num(m.integer(s.paths())));
            t.row(Cell.of(m.get("report.tech.seed")), Cell.num(Long.toString(s.options().seed())));
            t.row(Cell.of(m.get("report.tech.accountYears")), Cell.num(m.integer(s.accountYears())));
            t.row(Cell.of(m.get("report.tech.throughput")), Cell.num(m.get("report.tech.throughput.value",
                    s.accountYearsPerSecond() / 1e6, s.options().threads())));
        });
        r.sensitivity().ifPresent(x -> t.row(Cell.of(m.get("report.tech.tornado")),
                Cell.num(m.get("simulation.tornado.tech", x.paths(), Long.toString(x.seed())))));
        t.row(Cell.of(m.get("report.tech.version")), Cell.num(r.info().version()));

        Map<String, List<Page.Param>> groups = new LinkedHashMap<>();
        for (Assumptions.Entry e : Assumptions.of(sc)) {
            int dot = e.key().indexOf('.');
            String group = dot < 0 ? "scenario" : e.key().substring(0, dot);
            String label = m.getOr("param." + e.key(), null);
            String value = parameterValue(e.key(), e.value());
            groups.computeIfAbsent(group, k -> new ArrayList<>())
                    .add(new Page.Param(label == null ? e.key() : label, label == null ? null : e.key(), value));
        }
        List<Page.Params> params = new ArrayList<>();
        for (Map.Entry<String, List<Page.Param>> g : groups.entrySet()) {
            params.add(new Page.Params(m.getOr("report.params." + g.getKey(), g.getKey()), g.getValue()));
        }
        Table timings = null;
        if (!r.info().timings().isEmpty()) {
            Rows tm = new Rows().text(m.get("report.col.stage")).num(m.get("report.col.seconds"));
            double total = 0;
            for (Map.Entry<String, Double> e : r.info().timings().entrySet()) {
                total += e.getValue();
                tm.row(Cell.of(m.getOr("cli.stage." + e.getKey(), e.getKey())), Cell.num(m.get("report.seconds", e.getValue())));
            }
            tm.row(Cell.of(m.get("report.total")), Cell.num(m.get("report.seconds", total)));
            timings = tm.open(null);
        }
        return new Page.Appendix(m.get("report.appendix.intro", sc.source() == null ? "" : sc.source()), params,
                t.open("plan/plan.json"), timings);
    }

    /** A parameter's value for the reader: numbers with separators, yes/no, and the names of known choices. */
    private String parameterValue(String key, String value) {
        if (Assumptions.isNumber(value) && !key.endsWith("seed") && !key.endsWith("Year")) {
            return m.number(Double.parseDouble(value), 6);
        }
        if (value.equals("true")) return m.get("common.yes");
        if (value.equals("false")) return m.get("common.no");
        return switch (key) {
            case "strategy.path" -> m.getOr("chart.path." + value, value);
            case "analysis.normalization" -> dev.kam.domain.AnalysisParams.LOG_MINMAX.equals(value)
                    ? m.get("chart.ratings.logMinMax") : m.get("chart.ratings.percentile");
            case "assignment.effortNames" -> {
                List<String> names = new ArrayList<>();
                for (String n : value.replaceAll("^\\[|\\]$", "").split(",\\s*")) names.add(PlanPart.effort(m, n.trim()));
                yield "[" + String.join(", ", names) + "]";
            }
            default -> value;
        };
    }

    /** Names of accounts, soldiers and products by id, for cells that show a name with its id below. */
    static final class Names {
        private final Map<String, String> accounts = new LinkedHashMap<>();
        private final Map<String, String> soldiers = new LinkedHashMap<>();
        private final Map<String, String> products = new LinkedHashMap<>();
        private final Map<String, Account> accountById = new LinkedHashMap<>();
        private final Map<String, dev.kam.domain.Soldier> soldierById = new LinkedHashMap<>();

        Names(Scenario s) {
            for (Account a : s.accounts()) {
                accounts.put(a.id(), a.name());
                accountById.put(a.id(), a);
            }
            for (dev.kam.domain.Soldier x : s.soldiers()) {
                soldiers.put(x.id(), x.name());
                soldierById.put(x.id(), x);
            }
            for (dev.kam.domain.Product p : s.products()) products.put(p.id(), p.name());
        }

        Cell account(String id) {
            return Cell.named(accounts.getOrDefault(id, id), id);
        }

        Cell soldier(String id) {
            return Cell.named(soldiers.getOrDefault(id, id), id);
        }

        String accountName(String id) {
            return accounts.getOrDefault(id, id);
        }

        String soldierName(String id) {
            return soldiers.getOrDefault(id, id);
        }

        String productName(String id) {
            return products.getOrDefault(id, id);
        }

        /** "Name (ID)", or the id alone when the name is the id. */
        String accountLabel(String id) {
            String n = accountName(id);
            return n.equals(id) ? id : n + " (" + id + ")";
        }

        String soldierLabel(String id) {
            String n = soldierName(id);
            return n.equals(id) ? id : n + " (" + id + ")";
        }

        Account accountOf(String id) {
            return accountById.get(id);
        }

        dev.kam.domain.Soldier soldierOf(String id) {
            return soldierById.get(id);
        }
    }
}

package dev.kam.projects;

import dev.kam.analysis.AccountAssessment;
import dev.kam.analysis.Analysis;
import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.Tier;
import dev.kam.assign.Plan;
import dev.kam.domain.Account;
import dev.kam.domain.HistoryEntry;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.Msg;
import dev.kam.domain.Opportunity;
import dev.kam.domain.Relationship;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.funnel.FunnelAnalysis;
import dev.kam.mechanisms.ExpectedYear;
import dev.kam.mechanisms.StarReview;
import dev.kam.projects.OperatingReport.Competitors;
import dev.kam.projects.OperatingReport.Direction;
import dev.kam.projects.OperatingReport.Maintenance;
import dev.kam.projects.OperatingReport.Offer;
import dev.kam.projects.OperatingReport.OpportunityView;
import dev.kam.projects.OperatingReport.Overall;
import dev.kam.projects.OperatingReport.Potential;
import dev.kam.projects.OperatingReport.Team;
import dev.kam.projects.OperatingReport.Trend;
import dev.kam.projects.OperatingReport.YearRevenue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Account-as-a-project management (项目制管理, seed ch. 9, 113项目管理法): for every key account, and every account
 * a process selects, the operating report of {@link OperatingReport}; and the three processes, each opened by a
 * rule (docs/model.md):
 * <ul>
 *   <li>减量整改 fix decline: revenue fell by more than {@code projects.decline.drop} over the last year
 *       (history.csv), or the account's stage is at-risk;</li>
 *   <li>挖潜整改 mine potential: a key account whose share of wallet is below {@code projects.mine.shareBelow} ×
 *       the share ceiling;</li>
 *   <li>评估立项 assess and open: not a key account, its potential (ceiling × wallet) reaches the key-account
 *       threshold, and the plan gives it a lead it has not had (no owner today) or a soldier works an active
 *       opportunity on it.</li>
 * </ul>
 * Pure: the same inputs give the same reports.
 */
public final class AccountProjects {
    private AccountProjects() {
    }

    /**
     * The operating reports (largest revenue first, ties by id) and the register (same order; per account
     * decline, mine, assess).
     */
    public record Result(List<OperatingReport> reports, List<RegisterEntry> register) {
        public Result {
            reports = List.copyOf(reports);
            register = List.copyOf(register);
        }

        public long count(Process p) {
            return register.stream().filter(r -> r.process() == p).count();
        }
    }

    public static Result build(Scenario s, Analysis analysis, Plan plan, List<StarReview.Row> stars) {
        MechanismParams.Projects rules = s.mechanisms().projects();
        MechanismParams.Funnel funnel = s.mechanisms().funnel();
        double threshold = s.strategy().keyAccountThreshold();
        double ceiling = s.simulation().shareCeiling();
        int targetYear = s.baseYear() + 1;
        LocalDate start = LocalDate.of(targetYear, 1, 1);

        Map<String, Soldier> soldiers = new HashMap<>();
        for (Soldier so : s.soldiers()) soldiers.put(so.id(), so);
        Map<String, Plan.AccountPlan> decisions = new HashMap<>();
        for (Plan.AccountPlan a : plan.accounts()) decisions.put(a.accountId(), a);
        Map<String, Plan.SoldierPlan> loads = new HashMap<>();
        for (Plan.SoldierPlan p : plan.soldiers()) loads.put(p.soldierId(), p);
        Map<String, List<Plan.ProductPlan>> offers = new HashMap<>();
        for (Plan.ProductPlan p : plan.products()) offers.computeIfAbsent(p.accountId(), k -> new ArrayList<>()).add(p);
        Map<String, TreeMap<Integer, HistoryEntry>> history = new HashMap<>();
        for (HistoryEntry h : s.history()) history.computeIfAbsent(h.account(), k -> new TreeMap<>()).put(h.year(), h);
        Map<String, List<Opportunity>> pipeline = new HashMap<>();
        for (Opportunity o : s.pipeline()) pipeline.computeIfAbsent(o.account(), k -> new ArrayList<>()).add(o);
        Map<String, StarReview.Row> review = new HashMap<>();
        for (StarReview.Row r : stars) review.put(r.soldierId(), r);
        Map<String, Relationship> rel = s.relationshipIndex();
        ExpectedYear expected = ExpectedYear.of(s, plan.coverage());

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.accounts().size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -s.accounts().get(i).revenue())
                .thenComparing(i -> s.accounts().get(i).id()));

        List<OperatingReport> reports = new ArrayList<>();
        List<RegisterEntry> register = new ArrayList<>();
        for (int i : order) {
            Account a = s.accounts().get(i);
            boolean ka = a.isKeyAccount(threshold);
            Plan.AccountPlan d = decisions.get(a.id());
            String leadId = d == null ? null : d.soldierId();
            String ownerId = leadId != null ? leadId : a.owner();
            Soldier owner = ownerId == null ? null : soldiers.get(ownerId);
            double exp = expected.revenue()[i];
            Trend trend = trend(a, history.get(a.id()), s.baseYear(), rules.declineDrop(), s.simulation().growthMean());
            double prev = previous(trend, s.baseYear());
            List<Opportunity> opps = pipeline.getOrDefault(a.id(), List.of());
            boolean activeOpp = opps.stream().anyMatch(o -> funnel.active(o.stage()));

            List<RegisterEntry> mine = new ArrayList<>();
            Msg decline = declineTrigger(a, prev, rules.declineDrop(), s.baseYear());
            if (decline != null) {
                double target = Math.max(Double.isNaN(prev) ? a.revenue() : prev, exp);
                mine.add(entry(a, Process.DECLINE, decline, owner, start.plusDays(rules.declineDays()), target, targetYear));
            }
            Msg grow = mineTrigger(a, ka, ceiling, rules.mineShareRatio());
            if (grow != null) {
                mine.add(entry(a, Process.MINE, grow, owner, start.plusDays(rules.mineDays()), exp, targetYear));
            }
            Msg assess = assessTrigger(a, ka, ceiling, threshold, leadId != null && a.owner() == null, activeOpp);
            if (assess != null) {
                mine.add(entry(a, Process.ASSESS, assess, owner, start.plusDays(rules.assessDays()), exp, targetYear));
            }
            if (!ka && mine.isEmpty()) continue;
            register.addAll(mine);

            AccountAssessment as = analysis.get(a.id());
            int rating = as == null ? 1 : as.rating();
            Tier tier = as == null ? Tier.SMALL : as.tier();
            Diagnosis diagnosis = as == null ? Diagnosis.HEALTHY : as.diagnosis();
            Overall overall = new Overall(a.name(), a.industry(), a.region(), tier, rating, a.stage(), diagnosis, ka,
                    a.revenue(), a.wallet(), a.shareOfWallet(), a.margin(), a.grossProfit(), a.credit(), a.difficulty());

            Soldier lead = leadId == null ? null : soldiers.get(leadId);
            Soldier today = a.owner() == null ? null : soldiers.get(a.owner());
            Relationship r = leadId == null ? null : rel.get(Scenario.pairKey(leadId, a.id()));
            boolean moved = a.owner() != null && !a.owner().equals(leadId);
            Maintenance maintenance = new Maintenance(leadId, lead == null ? null : lead.name(),
                    d == null ? null : d.effortName(), d == null ? 0 : d.effort(), d == null ? 0 : d.hours(),
                    r == null ? Double.NaN : r.strength(), d == null || leadId == null ? Double.NaN : d.fit(),
                    a.owner(), today == null ? null : today.name(), moved, d == null ? null : d.reason(),
                    a.serviceHours(), a.orders());

            List<Offer> offered = new ArrayList<>();
            for (Plan.ProductPlan p : offers.getOrDefault(a.id(), List.of())) {
                offered.add(new Offer(p.productId(), p.productName(), p.uplift()));
            }
            double ceil = ceiling * a.wallet();
            Potential potential = new Potential(ceil, Math.max(0, ceil - a.revenue()), exp,
                    a.revenue() > 0 ? exp / a.revenue() - 1 : Double.NaN, d == null ? 0 : d.uplift(),
                    ka ? 0 : Math.max(0, threshold - a.revenue()), offered);
            Competitors competitors = new Competitors(1 - a.shareOfWallet(), Math.max(0, a.wallet() - a.revenue()));

            List<OpportunityView> views = new ArrayList<>();
            for (Opportunity o : opps) {
                views.add(new OpportunityView(o.id(), o.soldier(), o.stage(), funnel.stages().get(o.stage() - 1),
                        o.value(), o.expectedClose() == null ? null : o.expectedClose().toString()));
            }
            int minStars = s.assignment().minStars()[rating - 1];
            StarReview.Row sr = leadId == null ? null : review.get(leadId);
            Plan.SoldierPlan load = leadId == null ? null : loads.get(leadId);
            Team team = new Team(leadId, lead == null ? null : lead.name(), lead == null ? null : lead.layer().code(),
                    lead == null ? 0 : lead.stars(), sr == null ? 0 : sr.computed(), minStars,
                    lead == null ? 0 : lead.certification(), load == null ? Double.NaN : load.utilization(),
                    load == null ? 0 : load.accountsLed(), views);

            reports.add(new OperatingReport(a.id(), s.currency(), overall, maintenance, trend, potential, competitors,
                    team, nextSteps(mine, maintenance, team, offered, opps, funnel, a.locked(), s.currency()), mine));
        }
        return new Result(reports, register);
    }

    /** 减量整改: revenue fell by more than {@code drop} from last year to the base year, or the stage is at-risk. */
    static Msg declineTrigger(Account a, double previous, double drop, int baseYear) {
        if (!Double.isNaN(previous) && previous > 0 && a.revenue() < previous * (1 - drop)) {
            return Msg.of("projects.trigger.decline", 1 - a.revenue() / previous, String.valueOf(baseYear - 1),
                    String.valueOf(baseYear), previous, a.revenue(), drop);
        }
        if (a.stage() == Stage.AT_RISK) return Msg.of("projects.trigger.atRisk");
        return null;
    }

    /** 挖潜整改: a key account whose share of wallet is below {@code ratio} × the share ceiling. */
    static Msg mineTrigger(Account a, boolean keyAccount, double ceiling, double ratio) {
        if (!keyAccount || a.isProspect()) return null;
        double bar = ratio * ceiling;
        if (a.shareOfWallet() >= bar) return null;
        return Msg.of("projects.trigger.mine", a.shareOfWallet(), bar, Math.max(0, ceiling * a.wallet() - a.revenue()));
    }

    /**
     * 评估立项: not a key account; its potential, ceiling × wallet, reaches the threshold; and the plan starts to
     * invest in it (a lead for an account nobody owns today) or a soldier works an active opportunity on it.
     */
    static Msg assessTrigger(Account a, boolean keyAccount, double ceiling, double threshold, boolean newlyCovered,
                             boolean activeOpportunity) {
        if (keyAccount) return null;
        double potential = ceiling * a.wallet();
        if (!(potential >= threshold && threshold > 0)) return null;
        if (!newlyCovered && !activeOpportunity) return null;
        return Msg.of(newlyCovered ? "projects.trigger.assess.covered" : "projects.trigger.assess.pipeline", potential,
                threshold);
    }

    private static RegisterEntry entry(Account a, Process p, Msg trigger, Soldier owner, LocalDate due, double target,
                                       int year) {
        return new RegisterEntry(a.id(), a.name(), p, trigger, owner == null ? null : owner.id(),
                owner == null ? null : owner.name(), due, target, year);
    }

    /** The revenue series (history.csv, the base year from accounts.csv) and its direction. */
    static Trend trend(Account a, TreeMap<Integer, HistoryEntry> rows, int baseYear, double drop, double market) {
        List<YearRevenue> years = new ArrayList<>();
        if (rows != null) {
            for (HistoryEntry h : rows.values()) {
                if (h.year() < baseYear) years.add(new YearRevenue(h.year(), h.revenue(), h.owner()));
            }
        }
        if (years.isEmpty()) return new Trend(List.of(), Double.NaN, Double.NaN, Direction.NO_HISTORY, market);
        HistoryEntry base = rows.get(baseYear);
        years.add(new YearRevenue(baseYear, a.revenue(), base != null ? base.owner() : a.owner()));
        YearRevenue last = years.get(years.size() - 1);
        YearRevenue before = years.get(years.size() - 2);
        double change = before.year() == baseYear - 1 && before.revenue() > 0 ? last.revenue() / before.revenue() - 1
                : Double.NaN;
        YearRevenue first = years.get(0);
        int span = last.year() - first.year();
        double cagr = first.revenue() > 0 && span > 0 && last.revenue() > 0
                ? Math.pow(last.revenue() / first.revenue(), 1.0 / span) - 1 : Double.NaN;
        Direction dir = Double.isNaN(change) ? Direction.NO_HISTORY
                : change < -drop ? Direction.DECLINING : change > drop ? Direction.GROWING : Direction.FLAT;
        return new Trend(years, change, cagr, dir, market);
    }

    private static double previous(Trend t, int baseYear) {
        for (YearRevenue y : t.years()) if (y.year() == baseYear - 1) return y.revenue();
        return Double.NaN;
    }

    /** 7. Next steps, most urgent first: the processes by due date, then lead changes, stars, offers, the pipeline. */
    static List<Msg> nextSteps(List<RegisterEntry> processes, Maintenance m, Team team, List<Offer> offers,
                               List<Opportunity> opps, MechanismParams.Funnel funnel, boolean locked, String currency) {
        List<Msg> out = new ArrayList<>();
        List<RegisterEntry> byDue = new ArrayList<>(processes);
        byDue.sort(Comparator.comparing(RegisterEntry::due));
        for (RegisterEntry e : byDue) {
            out.add(Msg.of("projects.next.process", Msg.of("projects.process." + e.process().code()),
                    e.ownerName() == null ? Msg.of("projects.unassigned") : e.ownerName(), e.due().toString(),
                    currency, e.target(), String.valueOf(e.targetYear())));
        }
        if (m.leadId() == null) {
            out.add(m.ownerId() == null ? Msg.of("projects.next.noLead", m.reason())
                    : Msg.of("projects.next.dropped", m.ownerName() == null ? m.ownerId() : m.ownerName(), m.reason()));
        } else if (m.moved()) {
            out.add(Msg.of("projects.next.handover", m.ownerName() == null ? m.ownerId() : m.ownerName(), m.leadName()));
        }
        if (m.leadId() != null && team.computedStars() > 0 && team.computedStars() < team.minStars() && !locked) {
            out.add(Msg.of("projects.next.stars", m.leadName(), team.computedStars(), team.minStars()));
        }
        for (Offer o : offers) out.add(Msg.of("projects.next.offer", o.productName(), currency, o.uplift()));
        for (Opportunity o : opps) {
            if (o.stage() < funnel.wonStage()) {
                out.add(Msg.of("projects.next.advance", o.id(), FunnelAnalysis.stageLabel(funnel, o.stage()),
                        FunnelAnalysis.stageLabel(funnel, o.stage() + 1), String.valueOf(o.stage()),
                        String.valueOf(o.stage() + 1)));
            }
        }
        if (out.isEmpty()) out.add(Msg.of("projects.next.keep"));
        return out;
    }
}

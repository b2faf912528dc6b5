package dev.kam.report;

import dev.kam.assign.Plan;
import dev.kam.domain.Money;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.strategy.Baseline;
import dev.kam.strategy.Goal;
import dev.kam.strategy.TargetWarning;
import dev.kam.strategy.Targets;
import dev.kam.strategy.YearFeasibility;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the report turns the stages' results into its own {@link Msg}s: target warnings and notes rendered from
 * the typed {@link Targets} by their check code, the rule a plan's reason belongs to (read from the reason's
 * key, for the report's groups), and an underused soldier's limits.
 */
public final class LegacyMessages {
    private LegacyMessages() {
    }

    /** A reason and the rule it belongs to (the group the report counts it under). */
    public record Reason(String rule, Msg msg) {
    }

    // ------------------------------------------------------------------ strategy

    /** The feasibility warnings of the targets: the strategy stage's own messages (its {@code strategy} bundle). */
    public static List<Msg> targetWarnings(Targets t, Scenario s) {
        List<Msg> out = new ArrayList<>();
        for (TargetWarning w : t.warnings()) out.add(w.message());
        return out;
    }

    /** How the targets filled in missing goals and data: the strategy stage's own messages. */
    public static List<Msg> targetNotes(Targets t, Scenario s) {
        return t.notes();
    }

    private static Msg derived(Targets t, String note, String cur) {
        Goal revenue = t.goals().keyAccountRevenue();
        Goal count = t.goals().keyAccountCount();
        Goal share = t.goals().keyAccountShare();
        String how = note.substring("derived goal: ".length());
        if (revenue.derived() && how.equals(revenue.how())) {
            return Msg.of("report.note.derived.revenue", new Money(revenue.value(), cur));
        }
        if (count.derived() && how.equals(count.how())) return Msg.of("report.note.derived.count", count.value());
        if (share.derived() && how.equals(share.how())) return Msg.of("report.note.derived.share", share.value());
        return null;
    }

    // ------------------------------------------------------------------ assign

    /**
     * The rule a plan's reason names, for grouping (the report's {@code report.rule.*} headings): read from the
     * reason's key and, for "no eligible soldier", the binding rule it carries; a drop groups by its inner reason.
     */
    public static Reason rule(Msg reason) {
        if (reason == null) return new Reason("other", Msg.of("assign.empty"));
        String k = reason.key();
        List<Object> args = reason.args();
        String rule = switch (k) {
            case "assign.uncovered.noSoldiers" -> "noSoldiers";
            case "assign.uncovered.full" -> "full";
            case "assign.uncovered.notWorth" -> "notPay";
            case "assign.uncovered.room" -> "elsewhere";
            case "assign.uncovered.rule" -> "noEligible." + (args.size() > 3 ? args.get(3) : "other");
            case "assign.uncovered.rules" -> "noEligible.other";
            case "assign.unmet.overCapacity" -> "overCapacity";
            case "assign.unmet.tooManyAccounts" -> "tooMany";
            case "assign.unmet.productOverCapacity" -> "product";
            case "assign.unmet.ineligible" -> "ineligible";
            case "assign.unmet.mustCover" -> "mustCover";
            case "assign.baseline.ineligible" -> "owner.other";
            case "assign.baseline.overCapacity" -> "ownerOverCapacity";
            default -> null;
        };
        if (rule == null && k.equals("assign.reason.dropped") && args.size() > 3 && args.get(3) instanceof Msg inner) {
            return new Reason(rule(inner).rule(), reason);
        }
        return new Reason(rule == null ? "other" : rule, reason);
    }

    /**
     * Why a soldier has little or no work. Today the plan says only how much each soldier carries, so the
     * reasons are the soldier's own limits as the scenario states them; a plan that names the binding rule per
     * soldier (issue #13) slots in here.
     */
    public static List<Msg> underused(Plan.SoldierPlan sp, dev.kam.domain.Soldier soldier) {
        List<Msg> out = new ArrayList<>();
        out.add(sp.accountsLed() == 0 ? Msg.of("report.underused.none") : Msg.of("report.underused.some"));
        if (soldier != null) {
            out.add(Msg.of("report.underused.profile", soldier.stars(), soldier.certification(),
                    Msg.of("report.layer." + soldier.layer().code()), tags(soldier.regions()), tags(soldier.industries())));
        }
        return out;
    }

    private static Object tags(java.util.Set<String> tags) {
        if (tags.contains("*")) return Msg.of("report.underused.all");
        return String.join(", ", new java.util.TreeSet<>(tags));
    }
}

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
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one adapter between the English sentences that {@code strategy/} and {@code assign/} still return and
 * the report's {@link Msg}s (a rule id plus its values). Target warnings and notes are rendered from the typed
 * {@link Targets} by their check code; the plan's reasons are read by the fixed templates {@code assign/}
 * writes them with. Whatever is not recognised passes through as {@code report.legacy} (the sentence as it
 * is, so nothing is lost).
 *
 * <p>When the stages return {@code Msg}s themselves (issues #12 and #13), each method here becomes "return
 * the stage's message" and the rule keys below stay the groups the report counts.
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

    private static final Pattern STARS = Pattern.compile("needs (\\d+)\\+ stars for (\\d)A");
    private static final Pattern CERT = Pattern.compile("needs certification (\\d+)\\+ for (\\d)A");
    private static final Pattern REGION = Pattern.compile("no soldier works in region (.+)");
    private static final Pattern LAYER = Pattern.compile("layer rules \\((\\S+) leads (\\d)A–(\\d)A\\)");
    private static final Pattern FULL = Pattern.compile("no eligible soldier has ([\\d.,]+) h left \\(all (\\d+) eligible are full\\)");
    private static final Pattern NOT_PAY = Pattern.compile("covering it does not pay: best objective value ([-\\d.,]+).*");
    private static final Pattern ELSEWHERE = Pattern.compile(
            "eligible soldiers' hours earn more on other accounts \\(best use here: (\\S+), ([-\\d.,]+)\\S* ?\\S* for ([\\d.,]+) h\\)");
    private static final Pattern OWNER = Pattern.compile("today's owner (\\S+) of (\\S+) is not eligible: (.+)");
    private static final Pattern TODAY_OVER = Pattern.compile("today (\\S+) is over capacity: ([\\d.,]+) h of ([\\d.,]+) h");
    private static final Pattern OVER = Pattern.compile("soldier (\\S+) is over capacity: ([\\d.,]+) h assigned, ([\\d.,]+) h available");
    private static final Pattern TOO_MANY = Pattern.compile("soldier (\\S+) leads (\\d+) accounts, cap (\\d+)");
    private static final Pattern PRODUCT = Pattern.compile("product (\\S+) offered (\\d+) times, capacity (\\d+)");
    private static final Pattern INELIGIBLE = Pattern.compile("soldier (\\S+) is not eligible for account (\\S+)");
    private static final Pattern MUST = Pattern.compile("mustCover account (\\S+) \\((.*)\\) is uncovered: (.+)");

    /** Why an account is left without a lead ({@link Plan.Uncovered#reason()}). */
    public static Reason uncovered(String reason, Scenario s) {
        String cur = s.currency();
        if (reason.equals("there are no soldiers")) return new Reason("noSoldiers", Msg.of("report.reason.noSoldiers"));
        if (reason.startsWith("no eligible soldier: ")) {
            Reason why = eligibility(reason.substring("no eligible soldier: ".length()));
            return new Reason("noEligible." + why.rule(), Msg.of("report.reason.noEligible", why.msg()));
        }
        Matcher m = FULL.matcher(reason);
        if (m.matches()) return new Reason("full", Msg.of("report.reason.full", number(m.group(1)), Integer.parseInt(m.group(2))));
        m = NOT_PAY.matcher(reason);
        if (m.matches()) return new Reason("notPay", Msg.of("report.reason.notPay", new Money(number(m.group(1)), cur)));
        m = ELSEWHERE.matcher(reason);
        if (m.matches()) {
            return new Reason("elsewhere", Msg.of("report.reason.elsewhere", m.group(1),
                    new Money(number(m.group(2)), cur), number(m.group(3))));
        }
        return new Reason("other", Msg.of("report.legacy", reason));
    }

    /** Why a soldier may not lead an account ({@code Coefficients.ineligibility}'s sentence). */
    public static Reason eligibility(String why) {
        Matcher m = STARS.matcher(why);
        if (m.matches()) return new Reason("stars", Msg.of("report.reason.stars", Integer.parseInt(m.group(1)), m.group(2) + "A"));
        m = CERT.matcher(why);
        if (m.matches()) return new Reason("certification", Msg.of("report.reason.certification", Integer.parseInt(m.group(1)), m.group(2) + "A"));
        m = REGION.matcher(why);
        if (m.matches()) return new Reason("region", Msg.of("report.reason.region", m.group(1)));
        m = LAYER.matcher(why);
        if (m.matches()) {
            return new Reason("layer", Msg.of("report.reason.layer", Msg.of("report.layer." + m.group(1)),
                    m.group(2) + "A", m.group(3) + "A"));
        }
        return new Reason("other", Msg.of("report.legacy", why));
    }

    /** Where today's ownership breaks the rules ({@link Plan.Baseline#baselineInfeasible()}). */
    public static Reason todayBreak(String text) {
        Matcher m = OWNER.matcher(text);
        if (m.matches()) {
            Reason why = eligibility(m.group(3));
            return new Reason("owner." + why.rule(), Msg.of("report.reason.ownerIneligible", m.group(1), m.group(2), why.msg()));
        }
        m = TODAY_OVER.matcher(text);
        if (m.matches()) {
            return new Reason("ownerOverCapacity", Msg.of("report.reason.ownerOverCapacity", m.group(1),
                    number(m.group(2)), number(m.group(3))));
        }
        return new Reason("other", Msg.of("report.legacy", text));
    }

    /** A rule the plan cannot meet ({@link Plan#unmet()}). */
    public static Reason unmet(String text, Scenario s) {
        Matcher m = OVER.matcher(text);
        if (m.matches()) return new Reason("overCapacity", Msg.of("report.unmet.overCapacity", m.group(1), number(m.group(2)), number(m.group(3))));
        m = TOO_MANY.matcher(text);
        if (m.matches()) return new Reason("tooMany", Msg.of("report.unmet.tooMany", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        m = PRODUCT.matcher(text);
        if (m.matches()) return new Reason("product", Msg.of("report.unmet.product", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        m = INELIGIBLE.matcher(text);
        if (m.matches()) return new Reason("ineligible", Msg.of("report.unmet.ineligible", m.group(1), m.group(2)));
        m = MUST.matcher(text);
        if (m.matches()) {
            Reason why = uncovered(m.group(3), s);
            return new Reason("mustCover", Msg.of("report.unmet.mustCover", m.group(2), m.group(1), why.msg()));
        }
        return new Reason("other", Msg.of("report.legacy", text));
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

    private static double number(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }
}

package dev.kam.report.html;

import dev.kam.analysis.AccountAssessment;
import dev.kam.analysis.Analysis;
import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.Tier;
import dev.kam.assign.Plan;
import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.i18n.Messages;
import dev.kam.report.html.Page.Cell;
import dev.kam.report.html.Page.Table;
import dev.kam.run.RunResults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The action list: one line per key account (pyramid tier key, or revenue at or above the key-account
 * threshold when the analysis did not run), largest first, with its owner under the plan, effort, products,
 * and the step that follows from its diagnosis (the 113 processes: assess and open, mine potential, fix
 * decline).
 */
final class Actions {
    private Actions() {
    }

    /** The action table, or null when there is no key account. */
    static Table table(RunResults r, Messages m, PageBuilder.Names names) {
        Scenario sc = r.scenario();
        String cur = sc.currency();
        Analysis analysis = r.analysis().orElse(null);
        Map<String, Plan.AccountPlan> plan = new HashMap<>();
        Map<String, List<String>> offered = new HashMap<>();
        r.plan().ifPresent(p -> {
            for (Plan.AccountPlan a : p.accounts()) plan.put(a.accountId(), a);
            for (Plan.ProductPlan x : p.products()) {
                offered.computeIfAbsent(x.accountId(), k -> new ArrayList<>()).add(names.productName(x.productId()));
            }
        });
        List<Account> ranked = new ArrayList<>(sc.accounts());
        ranked.sort(Comparator.comparingDouble(Account::revenue).reversed().thenComparing(Account::id));
        Rows t = new Rows().text(m.get("report.col.account")).text(m.get("report.col.rating")).num(m.get("report.col.revenue"))
                .text(m.get("report.col.diagnosis")).text(m.get("report.col.owner")).text(m.get("report.col.effort"))
                .text(m.get("report.col.products")).text(m.get("report.col.action"));
        String sep = m.get("common.listSeparator");
        for (Account a : ranked) {
            AccountAssessment an = analysis == null ? null : analysis.get(a.id());
            boolean key = an != null ? an.tier() == Tier.KEY : a.isKeyAccount(sc.strategy().keyAccountThreshold());
            if (!key) continue;
            Plan.AccountPlan pl = plan.get(a.id());
            String ownerId = pl != null ? pl.soldierId() : a.owner();
            String owner = ownerId == null ? m.get("report.action.noOwner") : names.soldierName(ownerId);
            if (pl != null && a.owner() != null && !a.owner().equals(ownerId)) {
                owner = m.get("report.action.was", owner, names.soldierName(a.owner()));
            }
            String effort = pl == null ? (a.owner() == null ? "" : PlanPart.effort(m, "standard"))
                    : PlanPart.effort(m, pl.effortName());
            List<String> prods = offered.getOrDefault(a.id(), List.of());
            List<String> steps = new ArrayList<>();
            Diagnosis d = an == null ? null : an.diagnosis();
            steps.add(d != null && d != Diagnosis.HEALTHY ? m.get("report.act." + d.name())
                    : m.getOr("report.act." + a.stage().code(), m.get("report.act.HEALTHY")));
            if (!prods.isEmpty()) steps.add(m.get("report.action.offer", String.join(sep, prods)));
            if (ownerId == null) steps.add(m.get("report.action.findOwner"));
            if (an != null) steps.add(m.get("report.action.why", m.render(an.reason())));
            if (pl != null && pl.soldierId() != null) {
                steps.add(m.get("report.action.planWhy", m.get("report.plan.lead", names.soldierName(pl.soldierId()),
                        PlanPart.effort(m, pl.effortName()), m.money(pl.uplift(), cur))));
            }
            t.row(names.account(a.id()), Cell.of(an == null ? "" : an.ratingLabel()), Cell.num(m.money(a.revenue(), cur)),
                    Cell.of(d == null ? "" : m.get(d.key())), Cell.of(owner), Cell.of(effort),
                    Cell.of(prods.isEmpty() ? "—" : String.join(sep, prods)),
                    Cell.of(String.join(m.get("report.sentenceSeparator"), steps)));
        }
        return t.size() == 0 ? null : t.open(null);
    }
}

package dev.kam.projects;

import dev.kam.assign.Plan;
import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.funnel.FunnelAnalysis;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.mechanisms.MechanismFixtures;
import dev.kam.mechanisms.SalaryBands;
import dev.kam.mechanisms.StarReview;
import dev.kam.projects.OperatingReport.Direction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each process trigger of the 113 account projects, and the seven parts of an operating report. */
class AccountProjectsTest {
    private static AccountProjects.Result build(Scenario s, Map<String, String> leads) {
        Plan plan = MechanismFixtures.plan(s, leads);
        List<StarReview.Row> stars = StarReview.review(s, FunnelAnalysis.analyze(s).processScores(),
                SalaryBands.resolve(s.mechanisms(), s.soldiers()));
        return AccountProjects.build(s, MechanismFixtures.handAnalysis(s), plan, stars);
    }

    private static String rows(AccountProjects.Result r) {
        StringBuilder b = new StringBuilder();
        for (RegisterEntry e : r.register()) {
            b.append(e.accountId()).append(' ').append(e.process().code()).append(' ').append(e.trigger().key())
                    .append(' ').append(e.ownerId()).append(' ').append(e.due()).append(' ')
                    .append(Math.round(e.target())).append('\n');
        }
        return b.toString();
    }

    @Test
    void theRegister() {
        AccountProjects.Result r = build(MechanismFixtures.hand(), MechanismFixtures.handLeads());
        assertEquals("""
                K1 mine projects.trigger.mine S1 2027-04-01 2000000
                D1 decline projects.trigger.decline S2 2027-01-31 800000
                D1 assess projects.trigger.assess.pipeline S2 2027-03-02 600000
                R1 decline projects.trigger.atRisk S2 2027-01-31 400000
                P1 assess projects.trigger.assess.covered S1 2027-03-02 0
                P2 assess projects.trigger.assess.pipeline null 2027-03-02 0
                """, rows(r));
        // key accounts K2, K1, G1 by revenue, then the accounts a process selected
        assertEquals(List.of("K2", "K1", "G1", "D1", "R1", "P1", "P2"),
                r.reports().stream().map(OperatingReport::accountId).toList());
    }

    @Test
    void triggerRulesOneByOne() {
        var k1 = MechanismFixtures.handAccounts().get(0);            // share 0.2 of 10M
        Msg mine = AccountProjects.mineTrigger(k1, true, 0.8, 0.5);
        assertEquals(Msg.of("projects.trigger.mine", 0.2, 0.4, 6_000_000.0), mine);
        assertNull(AccountProjects.mineTrigger(k1, false, 0.8, 0.5));  // not a key account
        assertNull(AccountProjects.mineTrigger(k1, true, 0.8, 0.25));  // 0.2 is the 0.25 × 0.8 line: not below

        var d1 = MechanismFixtures.handAccounts().get(2);            // 600k after 800k
        assertEquals("projects.trigger.decline", AccountProjects.declineTrigger(d1, 800_000, 0.05, 2026).key());
        assertEquals(0.25, (double) AccountProjects.declineTrigger(d1, 800_000, 0.05, 2026).args().get(0), 1e-12);
        assertNull(AccountProjects.declineTrigger(d1, 800_000, 0.3, 2026)); // a 25% fall is within a 30% drop
        assertNull(AccountProjects.declineTrigger(d1, Double.NaN, 0.05, 2026)); // no history, active
        var r1 = MechanismFixtures.handAccounts().get(3);
        assertEquals("projects.trigger.atRisk", AccountProjects.declineTrigger(r1, Double.NaN, 0.05, 2026).key());

        var p1 = MechanismFixtures.handAccounts().get(5);            // potential 0.8 × 5M = 4M
        assertEquals("projects.trigger.assess.covered",
                AccountProjects.assessTrigger(p1, false, 0.8, 1_000_000, true, false).key());
        assertEquals("projects.trigger.assess.pipeline",
                AccountProjects.assessTrigger(p1, false, 0.8, 1_000_000, false, true).key());
        assertNull(AccountProjects.assessTrigger(p1, false, 0.8, 1_000_000, false, false)); // nobody works it
        assertNull(AccountProjects.assessTrigger(p1, false, 0.8, 5_000_000, true, true));   // 4M below 5M
        assertNull(AccountProjects.assessTrigger(p1, true, 0.8, 1_000_000, true, true));    // already key
    }

    @Test
    void theSevenParts() {
        AccountProjects.Result r = build(MechanismFixtures.hand(), MechanismFixtures.handLeads());
        OperatingReport k1 = r.reports().get(1);
        assertEquals("K1", k1.accountId());
        assertTrue(k1.overall().keyAccount());
        assertEquals(0.2, k1.overall().share(), 1e-12);
        assertEquals("S1", k1.maintenance().leadId());
        assertEquals(100, k1.maintenance().hours());
        assertEquals(8_000_000, k1.potential().ceilingRevenue(), 1e-9);
        assertEquals(6_000_000, k1.potential().gapToCeiling(), 1e-9);
        assertEquals(2_000_000, k1.potential().expectedRevenue(), 1e-9); // next year is today in this fixture
        assertEquals(0.8, k1.competitors().shareNotOurs(), 1e-12);
        assertEquals(8_000_000, k1.competitors().amount(), 1e-9);
        assertEquals(4, k1.team().listedStars());
        assertEquals(3, k1.team().computedStars());
        assertEquals(4, k1.team().minStars());                       // a 5A account needs 4★
        assertEquals(List.of("O6", "O11", "O14"), k1.team().opportunities().stream()
                .map(OperatingReport.OpportunityView::id).toList());
        assertEquals(List.of("projects.next.process", "projects.next.stars", "projects.next.advance",
                "projects.next.advance", "projects.next.advance"), k1.nextSteps().stream().map(Msg::key).toList());

        OperatingReport d1 = r.reports().get(3);
        assertEquals(Direction.DECLINING, d1.trend().direction());
        assertEquals(-0.25, d1.trend().lastChange(), 1e-12);
        assertEquals(Math.pow(600.0 / 700, 0.5) - 1, d1.trend().cagr(), 1e-12);
        assertEquals(List.of(2024, 2025, 2026), d1.trend().years().stream().map(OperatingReport.YearRevenue::year).toList());
        assertEquals(LocalDate.of(2027, 1, 31), r.register().get(1).due());
        assertEquals("projects.next.process", d1.nextSteps().get(0).key());
        assertEquals(Direction.GROWING, r.reports().get(2).trend().direction());
        assertEquals(Direction.NO_HISTORY, r.reports().get(0).trend().direction());
        assertEquals("projects.next.noLead", r.reports().get(6).nextSteps().get(1).key());
    }

    @Test
    void handoverAndDropAreNextSteps() {
        Map<String, String> leads = new java.util.HashMap<>(MechanismFixtures.handLeads());
        leads.put("K2", "S1");
        leads.remove("G1");
        AccountProjects.Result r = build(MechanismFixtures.hand(), leads);
        OperatingReport k2 = r.reports().get(0);
        assertTrue(k2.maintenance().moved());
        assertEquals(Msg.of("projects.next.handover", "Name S3", "Name S1"), k2.nextSteps().get(0));
        OperatingReport g1 = r.reports().get(2);
        assertEquals("projects.next.dropped", g1.nextSteps().get(0).key());
    }

    @Test
    void triggersAndStepsReadInBothLanguages() {
        AccountProjects.Result r = build(MechanismFixtures.hand(), MechanismFixtures.handLeads());
        Msg decline = r.register().get(1).trigger();
        assertEquals("revenue fell 25% from 2025 to 2026 (800,000 to 600,000), more than the 5% that opens a "
                + "fix-decline project", Messages.of(Lang.EN).render(decline));
        assertEquals("收入从2025年到2026年下降25%（800,000 → 600,000），超过启动减量整改的5%",
                Messages.of(Lang.ZH).render(decline));
        Msg step = r.reports().get(1).nextSteps().get(0);
        assertEquals("挖潜整改：由Name S1负责，2027-04-01前完成；目标为2027年收入2,000,000 CNY",
                Messages.of(Lang.ZH).render(step));
        Msg advance = r.reports().get(1).nextSteps().get(2);
        assertEquals("推进商机O6：从第2步（信息筛选）到第3步（方案制订）", Messages.of(Lang.ZH).render(advance));
        assertEquals("Move opportunity O6 from step 2 (Screening) to step 3 (Proposal)", Messages.of(Lang.EN).render(advance));
    }
}

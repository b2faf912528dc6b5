package dev.kam.assign;

import dev.kam.RandomCases;
import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.EligibilityRule;
import dev.kam.domain.Layer;
import dev.kam.domain.Msg;
import dev.kam.domain.Soldier;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every "not eligible" reason names the rule that binds: relaxing that rule alone makes the pair eligible. */
class ReasonsTest {
    record Case(long seed, int accounts, int soldiers) {
    }

    @Test
    void relaxingTheNamedRuleAloneMakesTheAccountEligible() {
        int[] named = {0};
        RandomCases.forAll(0x5EA_0001L, 80, (i, r) -> new Case(r.nextLong(1, 1_000_000_000L), r.nextInt(1, 12), r.nextInt(1, 6)), c -> {
            Instances.Instance inst = Instances.random(c.seed(), c.accounts(), c.soldiers(), 0);
            Coefficients t = inst.table();
            AssignmentParams p = inst.scenario().assignment();
            for (int a = 0; a < t.accounts; a++) {
                Msg why = t.noOptionReason[a];
                if (why == null) continue;
                if (why.key().equals("assign.uncovered.rule")) {
                    named[0]++;
                    EligibilityRule rule = EligibilityRule.valueOf(((String) why.args().get(3)).toUpperCase(java.util.Locale.ROOT));
                    Coefficients relaxed = Coefficients.of(inst.scenario().withAssignment(rule.relax(p)), inst.analysis());
                    int soldiers = 0;
                    for (int s = 0; s < t.soldiers; s++) if (relaxed.optBase[a * t.soldiers + s] >= 0) soldiers++;
                    assertTrue(soldiers > 0, "relaxing " + rule + " must make " + t.accountId[a] + " eligible: " + why);
                    assertEquals(((Number) why.args().get(1)).intValue(), soldiers, "the count of soldiers it admits");
                } else if (why.key().equals("assign.uncovered.rules")) {
                    for (EligibilityRule rule : EligibilityRule.values()) {
                        Coefficients relaxed = Coefficients.of(inst.scenario().withAssignment(rule.relax(p)), inst.analysis());
                        assertEquals(relaxed.optStart[a], relaxed.optStart[a + 1],
                                "no single rule admits a soldier, yet relaxing " + rule + " does: " + why);
                    }
                }
            }
        });
        assertTrue(named[0] > 20, "the random cases exercise the reason (" + named[0] + ")");
    }

    @Test
    void anAllRegionHqSoldierMakesTheLayerRuleBindNotTheRegion() {
        // a 2A account in 华北: the HQ soldier works everywhere but leads only 3A–5A; the other soldier works in
        // 华南 and lacks stars, so the region rule alone admits nobody: the reason must name the layer rule
        Account a = Instances.account("A1", "华北", 500_000, 2_000_000, null, false, 40, "erp");
        Soldier hq = new Soldier("H1", "总部", Layer.HQ, 5, Set.of("*"), Set.of("*"), 1600, 3, Double.NaN);
        Soldier south = new Soldier("B1", "华南", Layer.BASE, 1, Set.of("*"), Set.of("华南"), 1600, 0, Double.NaN);
        AssignmentParams p = AssignmentParams.DEFAULT.withEligibility(new int[] {1, 2, 2, 3, 4},
                AssignmentParams.DEFAULT.minCertification(), true, AssignmentParams.DEFAULT.layerMinRating(),
                AssignmentParams.DEFAULT.layerMaxRating());
        var sc = Instances.scenario("hq", List.of(a), List.of(hq, south), List.of(), List.of(), p);
        Coefficients t = Coefficients.of(sc, Instances.ratings(List.of(a), 2));
        Msg why = t.noOptionReason[0];
        assertNotNull(why);
        assertEquals("assign.uncovered.rule", why.key());
        assertEquals("layer", why.args().get(3));
        assertEquals("H1", why.args().get(2));
        String text = Messages.of(Lang.EN).render(why);
        assertTrue(text.contains("HQ project soldiers lead only 3A–5A accounts; this account is 2A"), text);
        assertFalse(text.contains("region"), text);
    }

    @Test
    void idleSoldiersAreExplained() {
        // B1 may lead nothing (1A–4A base soldier, 5A accounts only); S1 leads both
        Account a1 = Instances.account("A1", "north", 3_000_000, 6_000_000, null, false, 100, "erp");
        Account a2 = Instances.account("A2", "north", 2_000_000, 6_000_000, null, false, 100, "erp");
        Soldier s1 = Instances.soldier("S1", Layer.PROJECT, 5, 3, 1000, "north");
        Soldier b1 = Instances.soldier("B1", Layer.BASE, 5, 3, 1000, "north");
        var sc = Instances.scenario("idle", List.of(a1, a2), List.of(s1, b1), List.of(), List.of(), AssignmentParams.DEFAULT);
        Plan plan = Assigner.solve(sc, Instances.ratings(List.of(a1, a2), 5, 5), AssignOptions.steps(1, 500, 500));
        Plan.SoldierPlan idle = plan.soldiers().get(1);
        assertEquals(0, idle.accountsLed());
        assertNotNull(idle.note());
        assertEquals("assign.soldier.noneEligible", idle.note().key());
        String text = Messages.of(Lang.EN).render(idle.note());
        assertTrue(text.contains("2 more accounts are closed to them by the layer rule alone"), text);
    }

    @Test
    void reasonsAreAggregatedByRule() {
        Instances.Instance inst = Instances.random(7, 12, 3, 0);
        Plan plan = Assigner.solve(inst.scenario(), inst.analysis(), AssignOptions.steps(7, 500, 500).withWhatIf(false));
        int total = 0;
        for (Plan.ReasonCount r : plan.reasons()) {
            total += r.count();
            assertEquals(r.count(), r.accounts().size());
        }
        assertEquals(plan.baseline().uncovered().size(), total);
    }
}

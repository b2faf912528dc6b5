package dev.kam.scenario;

import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.MechanismParams.Basis;
import dev.kam.domain.MechanismParams.Method;
import dev.kam.domain.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mechanisms:} read and checked, every bad value at its file and line. */
class MechanismKeysTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
    }

    private List<String> problems(String mechanisms) {
        f.write("scenario.yaml", Fixture.YAML + mechanisms);
        return f.problems();
    }

    /** Line of the YAML appended after the fixture's 7 lines. */
    private static int line(int n) {
        return 7 + n;
    }

    @Test
    void defaultsWhenAbsent() {
        Scenario s = f.validate().scenario();
        assertEquals(MechanismParams.Commission.DEFAULT, s.mechanisms().commission());
        assertEquals(List.of(), s.pipeline());
        assertEquals(List.of(), s.mechanisms().hires());
    }

    @Test
    void aFullSectionIsRead() {
        f.write("scenario.yaml", Fixture.YAML + """
                mechanisms:
                  stars:
                    weights: {performance: 2, process: 1, certification: 1}
                    cuts: {2: 0.3, 3: 0.5, 4: 0.7, 5: 0.85}
                    fullAttainment: 2
                    elimination: {stars: 2, years: 3}
                  salaryByStars: {1: 100, 2: 200, 3: 300, 4: 400, 5: 500}
                  commission:
                    basis: grossProfit
                    method: whole
                    tiers:
                      - {upTo: 1.0, rate: 0.05}
                      - {above: 1.0, rate: 0.08}
                    cap: 90000
                    keyAccountWeight: 1.2
                    layers:
                      hq: {basis: revenue}
                  pk: {amount: 50000, rate: 0.001, top: 0.25, split: rank, minAttainment: 0.9}
                  funnel:
                    active: {from: 2, to: 6}
                    prospects: {min: 2, max: 6}
                    cycleYears: 1.5
                    asOf: 2026-06-30
                  projects:
                    mine: {shareBelow: 0.4, days: 120}
                    decline: {drop: 0.1, days: 14}
                    assess: {days: 45}
                  hiringCost: 30000
                hiring: {soldiers: 2}
                """);
        ScenarioReader.Result r = f.validate();
        assertEquals(List.of(), r.problems().all().stream().map(Object::toString).toList());
        MechanismParams m = r.scenario().mechanisms();
        assertEquals(0.5, m.stars().performance(), 1e-12);            // weights normalized by their sum
        assertEquals(0.25, m.stars().process(), 1e-12);
        assertArrayEquals(new double[] {0.3, 0.5, 0.7, 0.85}, m.stars().cuts());
        assertEquals(3, m.stars().eliminationYears());
        assertArrayEquals(new double[] {100, 200, 300, 400, 500}, m.salaryByStars());
        assertEquals(Basis.GROSS_PROFIT, m.commission().basis());
        assertEquals(Method.WHOLE, m.commission().method());
        assertEquals(2, m.commission().tiers().size());
        assertEquals(90_000, m.commission().cap());
        assertEquals(Basis.REVENUE, m.commissionFor(Layer.HQ).basis());  // the layer overrides the basis ...
        assertEquals(Method.WHOLE, m.commissionFor(Layer.HQ).method());  // ... and inherits the rest
        assertEquals(m.commission(), m.commissionFor(Layer.BASE));
        assertEquals(MechanismParams.Split.RANK, m.pk().split());
        assertEquals(2, m.funnel().activeFrom());
        assertEquals(java.time.LocalDate.of(2026, 6, 30), m.funnel().asOf(2026));
        assertEquals(14, m.projects().declineDays());
        assertEquals(30_000, m.hiringCost());
        assertEquals(List.of("HIRE01", "HIRE02"), m.hires());
    }

    @Test
    void theStarsTakeLeadsWhenTheScenarioHasMechanismsUnlessToldNot() {
        assertEquals(false, f.validate().scenario().mechanisms().stars().takesLeads(), "no mechanisms: pay only");
        f.write("scenario.yaml", Fixture.YAML + "mechanisms:\n  hiringCost: 1000\n");
        assertEquals(true, f.validate().scenario().mechanisms().stars().takesLeads());
        f.write("scenario.yaml", Fixture.YAML + "mechanisms:\n  stars: {takeLeads: false}\n");
        assertEquals(false, f.validate().scenario().mechanisms().stars().takesLeads());
        assertEquals(List.of("scenario.yaml:" + line(2) + ": mechanisms.stars.takeLeads: 'sometimes' must be true or "
                + "false"), problems("mechanisms:\n  stars: {takeLeads: sometimes}\n"));
    }

    @Test
    void unorderedTiers() {
        List<String> ps = problems("""
                mechanisms:
                  commission:
                    tiers:
                      - {upTo: 1.0, rate: 0.02}
                      - {upTo: 0.8, rate: 0.01}
                      - {above: 1.0, rate: 0.04}
                """);
        assertEquals(List.of("scenario.yaml:" + line(5) + ": mechanisms.commission.tiers[1].upTo: (0.8) is below the "
                + "previous tier's upTo (1); tiers must be in increasing order of upTo"), ps);
    }

    @Test
    void overlappingTiers() {
        List<String> ps = problems("""
                mechanisms:
                  commission:
                    tiers:
                      - {upTo: 0.8, rate: 0.01}
                      - {upTo: 0.8, rate: 0.02}
                      - {above: 0.7, rate: 0.04}
                """);
        assertEquals(List.of(
                "scenario.yaml:" + line(5) + ": mechanisms.commission.tiers[1].upTo: (0.8) repeats the previous tier's "
                        + "upTo; two tiers overlap and this one covers no attainment",
                "scenario.yaml:" + line(6) + ": mechanisms.commission.tiers[2].above: (0.7) overlaps the previous tier, "
                        + "which runs up to 0.8; above must equal it"), ps);
    }

    @Test
    void gapsAndOpenEnds() {
        assertEquals(List.of("scenario.yaml:" + line(5) + ": mechanisms.commission.tiers[1].above: (1.2) leaves "
                + "attainments between 0.8 and 1.2 without a rate; above must equal the previous tier's upTo (0.8)"),
                problems("""
                        mechanisms:
                          commission:
                            tiers:
                              - {upTo: 0.8, rate: 0.01}
                              - {above: 1.2, rate: 0.04}
                        """));
        assertEquals(List.of("scenario.yaml:" + line(5) + ": mechanisms.commission.tiers[1].upTo: the last tier must "
                + "be open so that every attainment has a rate: write {above: 1, rate: ...} after it (use "
                + "commission.cap to cap pay)"), problems("""
                mechanisms:
                  commission:
                    tiers:
                      - {upTo: 0.8, rate: 0.01}
                      - {upTo: 1.0, rate: 0.02}
                """));
        assertEquals(List.of("scenario.yaml:" + line(4) + ": mechanisms.commission.tiers[0].above: only the last tier "
                + "may be open (above); tier 1 of 2 is followed by 1 more"), problems("""
                mechanisms:
                  commission:
                    tiers:
                      - {above: 0, rate: 0.01}
                      - {upTo: 1.0, rate: 0.02}
                """).subList(0, 1));
    }

    @Test
    void ratesOutsideZeroToOne() {
        List<String> ps = problems("""
                mechanisms:
                  commission:
                    tiers:
                      - {upTo: 1.0, rate: 1.5}
                      - {above: 1.0, rate: -0.01}
                """);
        assertEquals(List.of(
                "scenario.yaml:" + line(4) + ": mechanisms.commission.tiers[0].rate: (1.5) must be between 0 and 1",
                "scenario.yaml:" + line(5) + ": mechanisms.commission.tiers[1].rate: (-0.01) must be between 0 and 1"),
                ps);
    }

    @Test
    void otherBadValues() {
        List<String> ps = problems("""
                mechanisms:
                  stars:
                    cuts: {2: 0.5, 3: 0.4}
                  salaryByStars: {1: 300, 2: 300, 3: 400, 4: 500, 5: 600}
                  commission:
                    basis: profit
                    tiers:
                      - {upTo: 1.0, above: 1.0, rate: 0.02}
                  pk: {amount: 1000, top: 0}
                  funnel:
                    active: {from: 3, to: 8}
                """);
        String s = String.join("\n", ps);
        assertTrue(ps.contains("scenario.yaml:" + line(3) + ": mechanisms.stars.cuts.3: (0.4) is below the 2-star cut "
                + "(0.5); star cuts must not decrease from 2 to 5"), s);
        assertTrue(ps.contains("scenario.yaml:" + line(4) + ": mechanisms.salaryByStars.2: (300) must be more than the "
                + "1-star salary (300): each star is a step up (梯度原则)"), s);
        assertTrue(ps.contains("scenario.yaml:" + line(6) + ": mechanisms.commission.basis: 'profit' must be one of "
                + "revenue, grossProfit (known: revenue, grossProfit)"), s);
        assertTrue(ps.contains("scenario.yaml:" + line(8) + ": mechanisms.commission.tiers[0].above: a tier has either "
                + "upTo or above, not both"), s);
        assertTrue(ps.contains("scenario.yaml:" + line(9) + ": mechanisms.pk.top: (0) lets no soldier win the pool; give "
                + "the winning share, e.g. 0.2 for the top 20%"), s);
        assertTrue(ps.contains("scenario.yaml:" + line(11) + ": mechanisms.funnel.active.to: (8) must be before the won "
                + "stage (8): a signed opportunity is no longer a prospect"), s);
    }

    @Test
    void unknownKeysGetAHint() {
        assertEquals(List.of("scenario.yaml:" + line(3) + ": mechanisms.commission.tierz: unknown key (did you mean "
                + "'tiers'?)"), problems("""
                mechanisms:
                  commission:
                    tierz: []
                """));
    }

    @Test
    void customFunnelStages() {
        f.write("scenario.yaml", Fixture.YAML + """
                mechanisms:
                  funnel:
                    stages: [lead, qualified, proposal, won]
                """);
        MechanismParams.Funnel fu = f.validate().scenario().mechanisms().funnel();
        assertEquals(4, fu.wonStage());
        assertEquals(2, fu.activeFrom());
        assertEquals(3, fu.activeTo());
        assertEquals(3, fu.step("Proposal"));
        assertEquals(0, fu.step("信息收集"));                           // the seed's names only for the seed's stages
        assertEquals(List.of("scenario.yaml:" + line(3) + ": mechanisms.funnel.stages: '2' is a number; stage names "
                + "must not be numbers, since pipeline.csv may give a stage by its step number"), problems("""
                mechanisms:
                  funnel:
                    stages: [lead, 2, won]
                """));
    }
}

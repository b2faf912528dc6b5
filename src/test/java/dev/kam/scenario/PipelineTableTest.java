package dev.kam.scenario;

import dev.kam.domain.Opportunity;
import dev.kam.domain.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** pipeline.csv read and checked (SPEC §12), every bad row at its file and line. */
class PipelineTableTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
    }

    private static final String HEADER = "opportunity,account,soldier,stage,value,expectedClose\n";

    @Test
    void readWhenBesideTheScenarioWithStagesByNumberCodeOrTheSeedsWords() {
        f.write("pipeline.csv", HEADER + """
                O1,A3,S1,3,500000,2027-03-31
                O2,A2,S2,keyPerson,200000,
                O3,A3,S2,合作签署,800000,
                O4,A1,S1,SCREEN,0,2027-09-01
                """);
        Scenario s = f.validate().scenario();
        List<Opportunity> p = s.pipeline();
        assertEquals(4, p.size());
        assertEquals(new Opportunity("O1", "A3", "S1", 3, 500000, LocalDate.of(2027, 3, 31), 2), p.get(0));
        assertEquals(6, p.get(1).stage());
        assertNull(p.get(1).expectedClose());
        assertEquals(8, p.get(2).stage());
        assertEquals(2, p.get(3).stage());
    }

    @Test
    void declaredUnderTablesAndAbsentMeansEmpty() {
        assertEquals(List.of(), f.validate().scenario().pipeline());
        f.write("crm/opps.csv", HEADER + "O1,A3,S1,3,500000,\n");
        f.write("scenario.yaml", Fixture.YAML.replace("products: products.csv}",
                "products: products.csv, pipeline: crm/opps.csv}"));
        assertEquals(1, f.validate().scenario().pipeline().size());
        f.write("scenario.yaml", Fixture.YAML.replace("products: products.csv}",
                "products: products.csv, pipeline: missing.csv}"));
        assertEquals(List.of("missing.csv: file not found"), f.problems().stream()
                .map(x -> x.replaceAll("^.*/", "")).toList());
    }

    @Test
    void badRowsAreRefusedEachAtItsLine() {
        f.write("pipeline.csv", HEADER + """
                O1,A3,S1,3,500000,2027-03-31
                O1,A9,S1,3,1,
                O3,A2,S7,pitchh,2,
                O4,A2,S2,10,-5,31/12/2027
                O5,A2,S2,0,5,
                """);
        assertEquals(List.of(
                "pipeline.csv:3: opportunity: duplicate id 'O1' (first at line 2); ids must be unique",
                "pipeline.csv:3: account: 'A9' is not the id of any account (did you mean 'A1'?)",
                "pipeline.csv:4: soldier: 'S7' is not the id of any soldier (did you mean 'S1'?)",
                "pipeline.csv:4: stage: 'pitchh' is not a funnel stage: give its step number 1–9 or its name (did you "
                        + "mean 'pitch'?)",
                "pipeline.csv:5: stage: '10' is not a funnel stage: give its step number 1–9 or its name (known: info, "
                        + "screen, solution, pitch, needs, keyPerson, relations, signing, service)",
                "pipeline.csv:5: value: (-5) must be at least 0: the yearly revenue the opportunity brings when signed",
                "pipeline.csv:5: expectedClose: '31/12/2027' is not a date; write it as YYYY-MM-DD",
                "pipeline.csv:6: stage: '0' is not a funnel stage: give its step number 1–9 or its name (known: info, "
                        + "screen, solution, pitch, needs, keyPerson, relations, signing, service)"),
                f.problems());
    }

    @Test
    void headerProblemsAndCustomStages() {
        f.write("pipeline.csv", "opportunity,account,soldier,stag,value\nO1,A1,S1,2,5\n");
        List<String> ps = f.problems();
        assertEquals("pipeline.csv:1: stag: unknown column (did you mean 'stage'?)", ps.get(0));
        f.write("scenario.yaml", Fixture.YAML + "mechanisms:\n  funnel:\n    stages: [lead, deal, won]\n");
        f.write("pipeline.csv", HEADER + "O1,A1,S1,deal,5,\nO2,A1,S1,solution,5,\n");
        assertEquals(List.of("pipeline.csv:3: stage: 'solution' is not a funnel stage: give its step number 1–3 or its "
                + "name (known: lead, deal, won)"), f.problems());
    }
}

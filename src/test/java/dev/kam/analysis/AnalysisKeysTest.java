package dev.kam.analysis;

import dev.kam.domain.AnalysisParams;
import dev.kam.domain.Problem;
import dev.kam.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code analysis:} keys: defaults, every key read, bad values reported with file:line. */
class AnalysisKeysTest {
    @TempDir
    Path tmp;

    ScenarioReader.Result read(String extra) throws Exception {
        return ScenarioReader.validate(TestScenarioFiles.write(tmp, extra), List.of());
    }

    List<String> errors(String extra) throws Exception {
        return read(extra).problems().all().stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                .map(Problem::toString).toList();
    }

    @Test
    void defaultsWhenAbsent() throws Exception {
        ScenarioReader.Result r = read("");
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        assertEquals(AnalysisParams.DEFAULT, r.scenario().analysis());
        assertEquals(0.5, AnalysisParams.DEFAULT.keyShare());
        assertEquals(0.8, AnalysisParams.DEFAULT.midShare());
        assertArrayEquals(new double[] {0.30, 0.25, 0.15, 0.15, 0.15}, AnalysisParams.DEFAULT.ratingWeights());
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8}, AnalysisParams.DEFAULT.ratingCuts());
        assertEquals("percentile", AnalysisParams.DEFAULT.normalization());
        assertTrue(Double.isNaN(AnalysisParams.DEFAULT.prospectShare()));
        assertTrue(Double.isNaN(AnalysisParams.DEFAULT.bigWallet()));
    }

    @Test
    void everyKeyIsRead() throws Exception {
        ScenarioReader.Result r = read("""
                analysis:
                  pyramid: {keyShare: 0.6, midShare: 0.9, useThreshold: false}
                  normalization: log-minmax
                  prospectShare: 0.25
                  ratingWeights: {revenue: 1, profit: 2, credit: 0, efficiency: 0.5, ease: 0.5}
                  ratingCuts: {2A: 0.1, 3A: 0.3, 4A: 0.5, 5A: 0.9}
                  health: {keyAccountShare: 0.7, maxTopAccountShare: 0.3}
                  diagnosis:
                    bigWallet: 8000000
                    win: {footholdShare: 0.02}
                    grow: {ceilingRatio: 0.6}
                    keep: {minCredit: 0.5, ordersRatio: 0}
                """);
        assertFalse(r.problems().hasErrors(), r.problems().all().toString());
        AnalysisParams p = r.scenario().analysis();
        assertEquals(new AnalysisParams(0.6, 0.9, false, new double[] {1, 2, 0, 0.5, 0.5},
                new double[] {0.1, 0.3, 0.5, 0.9}, "log-minmax", 0.25, 0.7, 0.3, 8_000_000, 0.02, 0.6, 0.5, 0), p);
    }

    @Test
    void badValuesNameFileLineKeyValueAndRule() throws Exception {
        int l = TestScenarioFiles.FIRST_EXTRA_LINE;
        List<String> e = errors("""
                analysis:
                  pyramid:
                    keyShare: 1.5
                  ratingWeights: {revenue: -1}
                  ratingCuts: {4A: 0.7, 5A: 0.65}
                  normalization: percentil
                  diagnosis:
                    keep: {minCredit: abc}
                """);
        String f = tmp.resolve("scenario.yaml").toString();
        assertTrue(e.contains(f + ":" + (l + 2) + ": analysis.pyramid.keyShare: (1.5) must be between 0 and 1"), e.toString());
        assertTrue(e.contains(f + ":" + (l + 3) + ": analysis.ratingWeights.revenue: (-1) must be at least 0"), e.toString());
        assertTrue(e.contains(f + ":" + (l + 4) + ": analysis.ratingCuts.5A: (0.65) is below the 4A cut (0.7); "
                + "rating cuts must not decrease from 2A to 5A"), e.toString());
        assertTrue(e.stream().anyMatch(x -> x.startsWith(f + ":" + (l + 5) + ": analysis.normalization: 'percentil' "
                + "must be one of percentile, log-minmax (did you mean 'percentile'?)")), e.toString());
        assertTrue(e.contains(f + ":" + (l + 7) + ": analysis.diagnosis.keep.minCredit: 'abc' is not a number"), e.toString());
    }

    @Test
    void inconsistentSettings() throws Exception {
        int l = TestScenarioFiles.FIRST_EXTRA_LINE;
        List<String> e = errors("""
                analysis:
                  pyramid: {keyShare: 0.7,
                            midShare: 0.6}
                  ratingWeights: {revenue: 0, profit: 0, credit: 0, efficiency: 0, ease: 0}
                  prospectShare: 0
                """);
        String f = tmp.resolve("scenario.yaml").toString();
        assertTrue(e.contains(f + ":" + (l + 2) + ": analysis.pyramid.midShare: (0.6) must be at least keyShare (0.7)"),
                e.toString());
        assertTrue(e.contains(f + ":" + (l + 3) + ": analysis.ratingWeights.revenue: rating weights must not all be 0"),
                e.toString());
        assertTrue(e.contains(f + ":" + (l + 4) + ": analysis.prospectShare: (0) must be above 0: "
                + "prospects would all be rated on a zero potential"),
                e.toString());
    }

    @Test
    void unknownKeysGetAHint() throws Exception {
        int l = TestScenarioFiles.FIRST_EXTRA_LINE;
        List<String> e = errors("""
                analysis:
                  pyramid: {keyshare: 0.4}
                  ratingWieghts: {revenue: 1}
                """);
        String f = tmp.resolve("scenario.yaml").toString();
        assertTrue(e.stream().anyMatch(x -> x.startsWith(f + ":" + (l + 1) + ": analysis.pyramid.keyshare: unknown key "
                + "(did you mean 'keyShare'?)")), e.toString());
        assertTrue(e.stream().anyMatch(x -> x.startsWith(f + ":" + (l + 2) + ": analysis.ratingWieghts: unknown key "
                + "(did you mean 'ratingWeights'?)")), e.toString());
    }
}

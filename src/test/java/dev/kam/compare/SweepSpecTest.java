package dev.kam.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepSpecTest {
    @Test
    void decimalStepsGiveExactValuesIncludingTheEnd() {
        SweepSpec s = SweepSpec.parse("simulation.churn.covered=0.01:0.05:0.01");
        assertEquals("simulation.churn.covered", s.key());
        assertEquals(List.of("0.01", "0.02", "0.03", "0.04", "0.05"),
                s.values().stream().map(BigDecimal::toPlainString).toList());
        assertEquals("simulation.churn.covered=0.03", s.override(s.values().get(2)));
        assertArrayEquals(new double[] {0.01, 0.02, 0.03, 0.04, 0.05}, s.doubles(), 0.0);
    }

    @Test
    void descendingStepsIntegersAndASingleValue() {
        assertEquals(List.of("10", "8", "6"), strings(SweepSpec.parse("simulation.newProspectsPerYear=10:6:-2")));
        assertEquals(List.of("0", "4", "8"), strings(SweepSpec.parse("simulation.newProspectsPerYear=0:9:4")));
        assertEquals(List.of("0.05"), strings(SweepSpec.parse(" simulation.marketGrowth.mean = 0.05:0.05:0.01 ")));
        assertEquals(List.of("-0.02", "0", "0.02"), strings(SweepSpec.parse("simulation.marketGrowth.mean=-0.02:0.02:0.02")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "simulation.churn.covered                    | has no '='",
            "=0:1:0.1                                    | names no key",
            "simulation..churn=0:1:0.1                   | not a dotted YAML key path",
            "simulation.churn.covered=0:1                | must be FROM:TO:STEP",
            "simulation.churn.covered=0:1:0.1:2          | must be FROM:TO:STEP",
            "simulation.churn.covered=a:1:0.1            | FROM 'a' is not a number",
            "simulation.churn.covered=0:1,5:0.1          | TO '1,5' is not a number",
            "simulation.churn.covered=0:1:0              | STEP must not be 0",
            "simulation.churn.covered=0.5:0.1:0.1        | use a negative step",
            "simulation.churn.covered=0:1:0.001          | at most 101",
            "simulation.seed=1:5:1                       | cannot be swept",
            "strategy.horizonYears=5:10:1                | cannot be swept",
    })
    void badSpecsAreRefusedWithTheRule(String spec, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(spec));
        assertTrue(e.getMessage().contains(message.trim()), e.getMessage());
        assertTrue(e.getMessage().startsWith("--sweep"), e.getMessage());
    }

    private static List<String> strings(SweepSpec s) {
        return s.values().stream().map(BigDecimal::toPlainString).toList();
    }
}

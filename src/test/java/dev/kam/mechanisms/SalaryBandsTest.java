package dev.kam.mechanisms;

import dev.kam.domain.Layer;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.Soldier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SalaryBandsTest {
    private static Soldier soldier(String id, int stars, double cost) {
        return new Soldier(id, id, Layer.BASE, stars, Set.of("*"), Set.of("*"), 1000, 0, cost);
    }

    @Test
    void derivedFromMedianCostPerStarWithGapsInterpolatedAndEndsExtended() {
        List<Soldier> s = List.of(soldier("a", 2, 300), soldier("b", 2, 400), soldier("c", 2, 1000),
                soldier("d", 4, 600), soldier("e", 4, 800));
        SalaryBands b = SalaryBands.resolve(MechanismParams.DEFAULT, s);
        assertFalse(b.configured());
        // medians: 2★ 400, 4★ 700; 3★ halfway 550; step (700 − 400) / 2 = 150 beyond the ends
        assertArrayEquals(new double[] {250, 400, 550, 700, 850}, b.band(), 1e-9);
        // own cost plus the step between bands: a 2★ soldier costing 300 promoted to 3★ costs 450
        assertEquals(450, b.salary(3, 2, 300), 1e-9);
        assertEquals(300, b.salary(2, 2, 300), 1e-9);
        assertEquals(550, b.salary(3, 2, Double.NaN), 1e-9);
    }

    @Test
    void configuredBandsAreTheSalary() {
        MechanismParams m = new MechanismParams(MechanismParams.Stars.DEFAULT, new double[] {1, 2, 3, 4, 5},
                MechanismParams.Commission.DEFAULT, java.util.Map.of(), MechanismParams.Pk.OFF,
                MechanismParams.Funnel.DEFAULT, MechanismParams.Projects.DEFAULT, 0, List.of());
        SalaryBands b = SalaryBands.resolve(m, List.of(soldier("a", 2, 300)));
        assertEquals(4, b.salary(4, 2, 300));
    }

    @Test
    void nothingKnown() {
        SalaryBands b = SalaryBands.resolve(MechanismParams.DEFAULT, List.of(soldier("a", 2, Double.NaN)));
        assertFalse(b.known());
        assertEquals(0, b.salary(3, 2, Double.NaN));
    }
}

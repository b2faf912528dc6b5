package dev.kam.mechanisms;

import dev.kam.domain.MechanismParams;
import dev.kam.domain.Soldier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The yearly base salary of each star level (以星级定基本工资, seed ch. 7): given under
 * {@code mechanisms.salaryByStars}, or derived from soldiers.csv {@code annualCost} as the median cost of the
 * soldiers with each number of stars (levels without soldiers interpolated linearly between their neighbours
 * and extended at the ends by the mean step between known levels).
 *
 * <p>A soldier's salary in a year: with configured bands, the band of their stars; with derived bands, their own
 * {@code annualCost} plus the step between the band of their stars and the band of their listed stars (so a
 * promotion pays the median step, and individual pay differences stay).
 *
 * @param band       salary of 1★ … 5★ (currency/year, index 0 = 1★); all NaN when nothing is known
 * @param configured true when the bands come from the YAML
 */
public record SalaryBands(double[] band, boolean configured) {
    public SalaryBands {
        band = band.clone();
    }

    @Override
    public double[] band() {
        return band.clone();
    }

    /** Whether any salary is known. */
    public boolean known() {
        return !Double.isNaN(band[0]);
    }

    public static SalaryBands resolve(MechanismParams m, List<Soldier> soldiers) {
        double[] given = m.salaryByStars();
        if (!Double.isNaN(given[0])) return new SalaryBands(given, true);
        Set<String> hires = new HashSet<>(m.hires());
        double[] median = new double[5];
        Arrays.fill(median, Double.NaN);
        for (int k = 1; k <= 5; k++) {
            List<Double> costs = new ArrayList<>();
            for (Soldier s : soldiers) {
                if (s.stars() == k && !Double.isNaN(s.annualCost()) && !hires.contains(s.id())) costs.add(s.annualCost());
            }
            if (!costs.isEmpty()) median[k - 1] = median(costs);
        }
        return new SalaryBands(fill(median), false);
    }

    /** Fills unknown levels: linear between known neighbours, the mean known step beyond the ends. */
    static double[] fill(double[] v) {
        double[] out = v.clone();
        int first = -1;
        int last = -1;
        for (int k = 0; k < 5; k++) {
            if (!Double.isNaN(v[k])) {
                if (first < 0) first = k;
                last = k;
            }
        }
        if (first < 0) return out;
        for (int k = first + 1; k < last; k++) {
            if (!Double.isNaN(out[k])) continue;
            int lo = k - 1;
            int hi = k + 1;
            while (Double.isNaN(v[hi])) hi++;
            out[k] = out[lo] + (v[hi] - out[lo]) / (hi - lo);
        }
        double step = last > first ? (out[last] - out[first]) / (last - first) : 0.0;
        for (int k = first - 1; k >= 0; k--) out[k] = Math.max(0, out[k + 1] - step);
        for (int k = last + 1; k < 5; k++) out[k] = out[k - 1] + step;
        return out;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    /**
     * A soldier's salary in a year with these stars (currency/year); 0 when nothing is known.
     *
     * @param listedStars the soldier's stars in soldiers.csv
     * @param annualCost  the soldier's annualCost, NaN when unknown
     */
    public double salary(int stars, int listedStars, double annualCost) {
        if (!known()) return Double.isNaN(annualCost) ? 0.0 : annualCost;
        if (configured || Double.isNaN(annualCost)) return band[stars - 1];
        return Math.max(0, annualCost + band[stars - 1] - band[listedStars - 1]);
    }
}

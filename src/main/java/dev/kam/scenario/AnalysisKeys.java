package dev.kam.scenario;

import dev.kam.domain.AnalysisParams;

/** Binds {@code analysis:} to {@link AnalysisParams}. */
final class AnalysisKeys {
    private static final String[] CRITERIA = {"revenue", "profit", "credit", "efficiency", "ease"};

    private AnalysisKeys() {
    }

    static AnalysisParams read(Section s) {
        AnalysisParams d = AnalysisParams.DEFAULT;
        Section py = s.section("pyramid");
        double key = py.fraction("keyShare", d.keyShare());
        double mid = py.fraction("midShare", d.midShare());
        if (mid < key) py.error("midShare", "(" + mid + ") must be at least keyShare (" + key + ")");
        boolean useThreshold = py.bool("useThreshold", d.useThreshold());
        Section w = s.section("ratingWeights");
        double[] weights = d.ratingWeights().clone();
        for (int i = 0; i < CRITERIA.length; i++) weights[i] = w.nonNegative(CRITERIA[i], weights[i]);
        double sum = 0;
        for (double x : weights) sum += x;
        if (sum <= 0) w.error("revenue", "rating weights must not all be 0");
        Section c = s.section("ratingCuts");
        double[] cuts = d.ratingCuts().clone();
        for (int r = 2; r <= 5; r++) cuts[r - 2] = c.fraction(r + "A", cuts[r - 2]);
        for (int i = 1; i < cuts.length; i++) {
            if (cuts[i] < cuts[i - 1]) c.error((i + 2) + "A", "rating cuts must not decrease from 2A to 5A");
        }
        return new AnalysisParams(key, mid, useThreshold, weights, cuts);
    }
}

package dev.kam.scenario;

import dev.kam.domain.Problem;
import dev.kam.domain.AnalysisParams;

import java.util.List;

/** Binds {@code analysis:} to {@link AnalysisParams}; every key and default in docs/model.md (Analyze). */
final class AnalysisKeys {
    private static final String[] CRITERIA = {"revenue", "profit", "credit", "efficiency", "ease"};

    private AnalysisKeys() {
    }

    static AnalysisParams read(Section s) {
        AnalysisParams d = AnalysisParams.DEFAULT;
        Section py = s.section("pyramid");
        double key = py.fraction("keyShare", d.keyShare());
        double mid = py.fraction("midShare", d.midShare());
        if (mid < key) py.error("midShare", "(" + Problem.show(mid) + ") must be at least keyShare ("
                + Problem.show(key) + ")");
        boolean useThreshold = py.bool("useThreshold", d.useThreshold());

        Section w = s.section("ratingWeights");
        double[] weights = d.ratingWeights();
        for (int i = 0; i < CRITERIA.length; i++) weights[i] = Limits.weight(w, CRITERIA[i], weights[i], 1e6);
        double sum = 0;
        for (double x : weights) sum += x;
        if (sum <= 0) w.error("revenue", "rating weights must not all be 0");

        Section c = s.section("ratingCuts");
        double[] cuts = d.ratingCuts();
        for (int r = 2; r <= 5; r++) cuts[r - 2] = c.fraction(r + "A", cuts[r - 2]);
        for (int i = 1; i < cuts.length; i++) {
            if (cuts[i] < cuts[i - 1]) {
                c.error((i + 2) + "A", "(" + Problem.show(cuts[i]) + ") is below the " + (i + 1) + "A cut ("
                        + Problem.show(cuts[i - 1]) + "); rating cuts must not decrease from 2A to 5A");
            }
        }
        String norm = s.choice("normalization", d.normalization(),
                List.of(AnalysisParams.PERCENTILE, AnalysisParams.LOG_MINMAX));
        double prospectShare = s.fraction("prospectShare", d.prospectShare());
        if (prospectShare == 0) {
            s.error("prospectShare", "(0) must be above 0: prospects would all be rated on a zero potential");
            prospectShare = d.prospectShare();
        }

        Section h = s.section("health");
        double healthKey = h.fraction("keyAccountShare", d.healthKeyShare());
        double maxTop1 = h.fraction("maxTopAccountShare", d.healthMaxTop1());

        Section dg = s.section("diagnosis");
        double bigWallet = Limits.amount(dg, "bigWallet", d.bigWallet());
        double foothold = dg.section("win").fraction("footholdShare", d.winFootholdShare());
        double growRatio = dg.section("grow").fraction("ceilingRatio", d.growCeilingRatio());
        Section k = dg.section("keep");
        double minCredit = k.fraction("minCredit", d.keepMinCredit());
        double ordersRatio = k.fraction("ordersRatio", d.keepOrdersRatio());
        return new AnalysisParams(key, mid, useThreshold, weights, cuts, norm, prospectShare, healthKey, maxTop1,
                bigWallet, foothold, growRatio, minCredit, ordersRatio);
    }
}

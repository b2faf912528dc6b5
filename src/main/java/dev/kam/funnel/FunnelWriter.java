package dev.kam.funnel;

import dev.kam.domain.Msg;
import dev.kam.funnel.FunnelResult.MeasuredConversion;
import dev.kam.funnel.FunnelResult.SoldierPipeline;
import dev.kam.funnel.FunnelResult.StageCount;
import dev.kam.i18n.Messages;
import dev.kam.io.CsvOut;
import dev.kam.io.Json;
import dev.kam.io.OutputDir;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code pipeline/}: {@code funnel.csv} (one row per stage), {@code soldiers.csv} (each soldier against the
 * 3–5 rule) and {@code summary.json} (the measured conversion and what the simulation would take). The funnel
 * chart ({@code funnel.png}, {@code funnel.svg}) is drawn by {@code report.FunnelChart} into the same folder.
 */
public final class FunnelWriter {
    private FunnelWriter() {
    }

    public static void write(OutputDir dir, FunnelResult f, double simulationCoveredConversion, Messages m) {
        CsvOut st = new CsvOut("step", "stage", "label", "opportunities", "value", "conversion", "winProbability",
                "active");
        for (StageCount s : f.stages()) {
            Object label = FunnelAnalysis.stageLabel(f.funnel(), s.step());
            st.row(s.step(), s.name(), label instanceof Msg msg ? m.render(msg) : label, s.opportunities(), Math.rint(s.value()),
                    s.conversion(), s.winProbability(), s.active());
        }
        st.write(dir.file("funnel.csv"));

        CsvOut so = new CsvOut("soldier", "name", "opportunities", "activeOpportunities", "activeProspects", "rule",
                "ruleMin", "ruleMax", "value", "weightedValue", "processScore");
        for (SoldierPipeline p : f.soldiers()) {
            so.row(p.soldierId(), p.name(), p.opportunities(), p.activeOpportunities(), p.activeProspects(),
                    p.rule().code(), f.funnel().minProspects(), f.funnel().maxProspects(), Math.rint(p.value()), Math.rint(p.weightedValue()),
                    p.processScore());
        }
        so.write(dir.file("soldiers.csv"));

        Json.write(dir.file("summary.json"), summary(f, simulationCoveredConversion));
    }

    static Map<String, Object> summary(FunnelResult f, double simulationCoveredConversion) {
        MeasuredConversion c = f.conversion();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("opportunities", f.stages().stream().mapToInt(StageCount::opportunities).sum());
        m.put("stages", f.funnel().stages());
        m.put("activeFrom", f.funnel().activeFrom());
        m.put("activeTo", f.funnel().activeTo());
        m.put("wonStage", f.funnel().wonStage());
        m.put("estimator", "snapshot stock ratio N(k+1)/N(k), steady flow and equal stage times assumed");
        m.put("winProbability", n(c.winProbability()));
        m.put("winProbabilityLogStderr", n(c.logStderr()));
        m.put("activeWinProbability", n(c.activeWinProbability()));
        m.put("entryCount", c.entryCount());
        m.put("activeCount", c.activeCount());
        m.put("wonCount", c.wonCount());
        m.put("cycleYears", n(c.cycleYears()));
        m.put("cycleFrom", c.cycleFromDates() ? "expectedClose" : "mechanisms.funnel.cycleYears");
        m.put("yearlyConversion", n(c.yearly()));
        m.put("meanResponseFit", n(c.meanResponseFit()));
        m.put("impliedCoveredConversion", n(c.coveredConversion()));
        m.put("simulationCoveredConversion", n(simulationCoveredConversion));
        Map<String, Object> rule = new LinkedHashMap<>();
        for (FunnelResult.Rule r : FunnelResult.Rule.values()) {
            rule.put(r.code(), f.soldiers().stream().filter(s -> s.rule() == r).count());
        }
        m.put("soldiersAgainstRule", rule);
        return m;
    }

    private static Double n(double v) {
        return Double.isNaN(v) ? null : v;
    }
}

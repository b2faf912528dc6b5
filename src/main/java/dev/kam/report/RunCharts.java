package dev.kam.report;

import dev.kam.compare.CompareResult;
import dev.kam.i18n.Messages;
import dev.kam.run.RunResults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every chart of a run, per stage folder, in report order, with its words in one language. Made once per
 * run from the results; each chart is drawn to PNG once and the same drawing goes into its stage folder and
 * into the report.
 */
public final class RunCharts {
    private final Map<String, List<Chart>> byStage;

    private RunCharts(Map<String, List<Chart>> byStage) {
        this.byStage = byStage;
    }

    /** The charts of the stages that ran. */
    public static RunCharts of(RunResults r, Messages m) {
        Map<String, List<Chart>> out = new LinkedHashMap<>();
        r.analysis().filter(a -> a.pyramid() != null)
                .ifPresent(a -> out.put("analysis", AnalysisCharts.all(r.scenario(), a, m)));
        r.targets().ifPresent(t -> out.put("targets", TargetsWriter.charts(t, r.scenario(), m)));
        r.plan().filter(p -> !p.disruption().curve().isEmpty())
                .ifPresent(p -> out.put("plan", List.of(Chart.of("gain-vs-moves", PlanWriter.curveChart(p, m)))));
        r.simulation().ifPresent(s -> out.put("simulation", SimulationWriter.charts(simulationInput(r), m)));
        r.comparison().ifPresent(c -> out.put("compare", CompareWriter.charts(compareInput(r, c), m)));
        r.mechanisms().filter(x -> x.funnel().present())
                .ifPresent(x -> out.put("pipeline", List.of(Chart.of("funnel", FunnelChart.chart(x.funnel(), m)))));
        return new RunCharts(out);
    }

    /** No charts (a report without pictures, e.g. for a quick preview). */
    public static RunCharts none() {
        return new RunCharts(Map.of());
    }

    /** The charts of one stage folder ({@code analysis}, {@code targets}, {@code simulation}, {@code compare}, {@code pipeline}). */
    public List<Chart> stage(String stage) {
        return byStage.getOrDefault(stage, List.of());
    }

    /** What the simulation writer needs from a run (the run must have a simulation). */
    static SimulationWriter.Input simulationInput(RunResults r) {
        return SimulationWriter.Input.of(r.scenario(), r.simulation().orElseThrow(), r.targets().orElse(null),
                r.planVsBaseline().orElse(null), r.sensitivity().orElse(null));
    }

    static CompareWriter.Input compareInput(RunResults r, CompareResult c) {
        return new CompareWriter.Input(r.scenario().currency(), c, null);
    }

    /** Every chart, stage by stage (for tests and tools). */
    public List<Chart> all() {
        List<Chart> all = new ArrayList<>();
        for (List<Chart> l : byStage.values()) all.addAll(l);
        return all;
    }
}

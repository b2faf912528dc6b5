package dev.kam.compare;

import dev.kam.analysis.Analysis;
import dev.kam.analysis.Analyzer;
import dev.kam.calibration.Calibration;
import dev.kam.domain.Coverage;
import dev.kam.domain.MechanismParams;
import dev.kam.domain.Msg;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.funnel.FunnelAnalysis;
import dev.kam.mechanisms.SimulatedCompensation;
import dev.kam.mechanisms.SimulatedCompensation.Watched;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.SimulationOptions;
import dev.kam.simulation.SimulationResult;
import dev.kam.simulation.Simulator;
import dev.kam.simulation.YearHook;
import dev.kam.strategy.TargetPlanner;
import dev.kam.strategy.Targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares growth scenarios (SPEC §1, the strategy lead's question): each scenario is analysed, given
 * its targets and a plan, and simulated with the same paths and seed, so path p of every scenario sees
 * the same random numbers as far as {@link Crn} says they line up. Each simulation also computes the variant's
 * compensation (SPEC §12: salaries by stars, tiered commission, the PK pool) on every path-year, so schemes that
 * differ only in {@code mechanisms.commission} compare by their cost and ROI on the same paths. No I/O.
 */
public final class Comparison {
    private Comparison() {
    }

    /** Told when a scenario starts (planning can take a while); may be null. */
    public interface Listener {
        void scenario(int index, int count, String label, String step);
    }

    /**
     * Runs the comparison.
     *
     * @throws IllegalArgumentException when the scenarios do not share the base year and horizon (the
     *                                  years would not line up)
     */
    public static CompareResult run(List<Variant> variants, Planner planner, CompareOptions options, Listener listener) {
        if (variants.isEmpty()) throw new IllegalArgumentException("give at least one scenario to compare");
        // a scenario with history is compared as kam plan simulates it: calibrated where its file is silent
        List<Variant> calibrated = new ArrayList<>();
        for (Variant v : variants) calibrated.add(new Variant(v.label(), Calibration.applyTo(v.scenario())));
        variants = calibrated;
        checkAligned(variants);
        Scenario ref = variants.get(0).scenario();
        Targets refTargets = TargetPlanner.plan(ref);
        Coverage kept = null;
        String keptFrom = variants.get(0).label();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            Scenario s = v.scenario();
            Targets own = i == 0 ? refTargets : TargetPlanner.plan(s);
            Coverage plan;
            Msg note;
            if (options.keepPlan() && i > 0) {
                PlanMapping.Mapped m = PlanMapping.map(kept, s, kept.label());
                plan = m.coverage();
                note = Msg.of("compare.plan.keptFrom", keptFrom, droppedNote(m));
            } else {
                if (listener != null) listener.scenario(i + 1, variants.size(), v.label(), "plan");
                Analysis analysis = Analyzer.analyze(s);
                plan = planner.plan(s, analysis);
                note = switch (plan.label()) {
                    case "baseline" -> Msg.of("compare.plan.baseline");
                    case "optimized" -> Msg.of("compare.plan.optimized");
                    default -> Msg.of("compare.plan.label", plan.label());
                };
                if (options.keepPlan()) kept = plan;
            }
            if (listener != null) listener.scenario(i + 1, variants.size(), v.label(), "simulate");
            Targets yardstick = options.goals() == GoalBasis.FIRST ? refTargets : own;
            Coverage owners = Coverage.baseline(s, new ResponseModel(s.simulation()));
            boolean same = plan.label().equals("baseline") && plan.leads().equals(owners.leads())
                    && plan.products().isEmpty();
            Watched w = simulate(s, own, yardstick, plan, owners, same, options.simulation());
            outcomes.add(new Outcome(v.label(), s, plan, note, yardstick, w.comparison().plan(),
                    w.comparison().baseline(), i == 0 ? Crn.FULL : Crn.of(ref, s), w.compensation()));
        }
        return new CompareResult(outcomes, options);
    }

    /**
     * Simulates the plan and today's owners as plain runs would (the same figures, bit for bit: the collectors only
     * read) while the compensation of both is computed on every path-year, under the variant's own scheme, quotas
     * from its own targets and the process scores of its own pipeline; paired path by path into the plan's
     * compensation and ROI ({@link SimulatedCompensation#summarize}). When the plan is today's owners one run feeds
     * both collectors.
     */
    static Watched simulate(Scenario s, Targets own, Targets yardstick, Coverage plan, Coverage owners, boolean same,
                            SimulationOptions o) {
        Map<String, Double> scores = FunnelAnalysis.analyze(s).processScores();
        SimulatedCompensation planPay = SimulatedCompensation.of(s, own, plan, true, o.paths(), scores);
        SimulatedCompensation todayPay = SimulatedCompensation.of(s, own, owners, false, o.paths(), scores);
        PlanComparison c;
        if (same) {
            SimulationResult r = Simulator.run(s, yardstick, plan, o, YearHook.both(planPay, todayPay));
            c = PlanComparison.of(r, r);
        } else {
            c = Simulator.compare(s, yardstick, owners, plan, o, todayPay, planPay);
        }
        MechanismParams m = s.mechanisms();
        SimulatedCompensation.Result pay = SimulatedCompensation.summarize(planPay, todayPay, c, s.baseYear(),
                m.hiringCost() * m.hires().size());
        return new Watched(c, pay);
    }

    private static Msg droppedNote(PlanMapping.Mapped m) {
        if (m.droppedLeads() == 0 && m.droppedOffers() == 0) return Msg.of("compare.empty");
        return Msg.of("compare.plan.dropped", m.droppedLeads(), m.droppedOffers());
    }

    private static void checkAligned(List<Variant> variants) {
        Scenario ref = variants.get(0).scenario();
        for (Variant v : variants) {
            Scenario s = v.scenario();
            if (s.baseYear() != ref.baseYear() || s.strategy().horizonYears() != ref.strategy().horizonYears()) {
                throw new IllegalArgumentException("scenarios must share baseYear and strategy.horizonYears to be "
                        + "compared year by year: " + variants.get(0).label() + " has " + ref.baseYear() + " and "
                        + ref.strategy().horizonYears() + " years, " + v.label() + " has " + s.baseYear() + " and "
                        + s.strategy().horizonYears() + " years");
            }
        }
    }

    /** Labels for scenarios: their names, made unique by appending " #2", " #3", … to repeats. */
    public static List<String> uniqueLabels(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String label = n;
            int k = 2;
            while (out.contains(label)) label = n + " #" + k++;
            out.add(label);
        }
        return out;
    }
}

package dev.kam.run;

import dev.kam.analysis.Analysis;
import dev.kam.assign.Plan;
import dev.kam.compare.CompareResult;
import dev.kam.domain.Scenario;
import dev.kam.practice.MechanismsStage;
import dev.kam.simulation.PlanComparison;
import dev.kam.simulation.Sensitivity;
import dev.kam.simulation.SimulationResult;
import dev.kam.strategy.Targets;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything one run found, as values: the scenario and each stage's result, the run's metadata, and the
 * headline figures ({@link Summary}) computed once from them. CSV, JSON, charts, the HTML report, the Excel
 * plan and the web API are output-only functions of this; none of them reads back what another wrote.
 *
 * <p>A part is absent when its stage did not run. The simulated plan-vs-baseline comparison is present when
 * the plan was simulated against today's owners on common random numbers; then {@link #simulation()} is
 * its plan side. Immutable (the stage results are immutable values) and safe to share between threads.
 */
public final class RunResults {
    private final Scenario scenario;
    private final Analysis analysis;
    private final Targets targets;
    private final Plan plan;
    private final SimulationResult simulation;
    private final PlanComparison planVsBaseline;
    private final Sensitivity.Tornado sensitivity;
    private final CompareResult comparison;
    private final MechanismsStage.Result mechanisms;
    private final RunInfo info;
    private final Summary summary;

    private RunResults(Builder b) {
        this(b, null);
    }

    /** With {@code summary} null the figures are computed from the parts; else they are the ones given. */
    private RunResults(Builder b, Summary summary) {
        this.scenario = Objects.requireNonNull(b.scenario, "scenario");
        this.analysis = b.analysis;
        this.targets = b.targets;
        this.plan = b.plan;
        this.planVsBaseline = b.planVsBaseline;
        this.simulation = b.planVsBaseline != null ? b.planVsBaseline.plan() : b.simulation;
        if (b.planVsBaseline != null && b.simulation != null && b.simulation != b.planVsBaseline.plan()) {
            throw new IllegalArgumentException("the simulation must be the plan side of the plan-vs-baseline comparison");
        }
        this.sensitivity = b.sensitivity;
        this.comparison = b.comparison;
        this.mechanisms = b.mechanisms;
        this.info = b.info == null ? RunInfo.of("kam") : b.info;
        this.summary = summary != null ? summary : Summary.of(this);
    }

    /** Starts the results of a run of this scenario. */
    public static Builder of(Scenario scenario) {
        return new Builder(scenario);
    }

    /** The scenario as read (after --set overrides). */
    public Scenario scenario() {
        return scenario;
    }

    public Optional<Analysis> analysis() {
        return Optional.ofNullable(analysis);
    }

    public Optional<Targets> targets() {
        return Optional.ofNullable(targets);
    }

    /** The assignment plan with its static comparison with today's owners ({@link Plan#baseline()}). */
    public Optional<Plan> plan() {
        return Optional.ofNullable(plan);
    }

    /** The simulation of the plan (of today's owners when no plan was made). */
    public Optional<SimulationResult> simulation() {
        return Optional.ofNullable(simulation);
    }

    /** The plan and today's owners simulated on the same paths. */
    public Optional<PlanComparison> planVsBaseline() {
        return Optional.ofNullable(planVsBaseline);
    }

    /** The sensitivity tornado of the simulated plan. */
    public Optional<Sensitivity.Tornado> sensitivity() {
        return Optional.ofNullable(sensitivity);
    }

    /** The comparison with other scenarios ({@code kam plan --compare}). */
    public Optional<CompareResult> comparison() {
        return Optional.ofNullable(comparison);
    }

    /** The seed's mechanisms (SPEC §12): funnel, star review, compensation and ROI, account projects. */
    public Optional<MechanismsStage.Result> mechanisms() {
        return Optional.ofNullable(mechanisms);
    }

    public RunInfo info() {
        return info;
    }

    /** The headline figures, computed once when the results were built. */
    public Summary summary() {
        return summary;
    }

    /** A copy with other metadata: the same stage results and the same summary (it does not depend on them). */
    public RunResults withInfo(RunInfo info) {
        return new RunResults(toBuilder().info(info), summary);
    }

    private Builder toBuilder() {
        Builder b = new Builder(scenario);
        b.analysis = analysis;
        b.targets = targets;
        b.plan = plan;
        b.simulation = planVsBaseline == null ? simulation : null;
        b.planVsBaseline = planVsBaseline;
        b.sensitivity = sensitivity;
        b.comparison = comparison;
        b.mechanisms = mechanisms;
        b.info = info;
        return b;
    }

    /** Collects the parts as the stages produce them; any part may be left out. */
    public static final class Builder {
        private final Scenario scenario;
        private Analysis analysis;
        private Targets targets;
        private Plan plan;
        private SimulationResult simulation;
        private PlanComparison planVsBaseline;
        private Sensitivity.Tornado sensitivity;
        private CompareResult comparison;
        private MechanismsStage.Result mechanisms;
        private RunInfo info;

        private Builder(Scenario scenario) {
            this.scenario = scenario;
        }

        public Builder analysis(Analysis a) {
            this.analysis = a;
            return this;
        }

        public Builder targets(Targets t) {
            this.targets = t;
            return this;
        }

        public Builder plan(Plan p) {
            this.plan = p;
            return this;
        }

        /** A simulation without a baseline beside it (use {@link #planVsBaseline} when there is one). */
        public Builder simulation(SimulationResult s) {
            this.simulation = s;
            return this;
        }

        public Builder planVsBaseline(PlanComparison c) {
            this.planVsBaseline = c;
            return this;
        }

        public Builder sensitivity(Sensitivity.Tornado t) {
            this.sensitivity = t;
            return this;
        }

        public Builder comparison(CompareResult c) {
            this.comparison = c;
            return this;
        }

        public Builder mechanisms(MechanismsStage.Result m) {
            this.mechanisms = m;
            return this;
        }

        public Builder info(RunInfo i) {
            this.info = i;
            return this;
        }

        public RunResults build() {
            return new RunResults(this);
        }
    }
}

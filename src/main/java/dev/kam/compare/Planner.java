package dev.kam.compare;

import dev.kam.analysis.Analysis;
import dev.kam.domain.Coverage;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;

/**
 * Where a scenario's plan comes from: the assignment optimizer (re-optimizing each scenario), or
 * today's owners at standard effort ({@link #BASELINE}). Injected so that the comparison itself stays
 * free of solver settings and I/O.
 */
@FunctionalInterface
public interface Planner {
    /** The plan for a validated scenario and its analysis; never null. */
    Coverage plan(Scenario scenario, Analysis analysis);

    /** Today's owners at standard effort, no new products ({@link Coverage#baseline}). */
    Planner BASELINE = (s, a) -> Coverage.baseline(s, new ResponseModel(s.simulation()));
}

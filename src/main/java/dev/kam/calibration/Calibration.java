package dev.kam.calibration;

import dev.kam.domain.Msg;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.SimulationParams.Spread;
import dev.kam.simulation.SimulationOptions;

import dev.kam.funnel.FunnelConversion;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The calibration stage (SPEC §8): the fit of history.csv, its backtest, and the scenario that uses the fit. A
 * scenario with history uses the fitted values of every parameter its file does not set, each as a distribution
 * {mean: estimate, sd} over paths so that its standard error reaches P(goal) (second-order Monte Carlo); which
 * parameters came from calibration is recorded in {@link SimulationParams#calibrated()}.
 *
 * @param fit      the fit on every year
 * @param backtest the fit on all but the last two years and its forecast of them (null with too little history)
 * @param notes    why there is no backtest, or what it assumed
 */
public record Calibration(CalibrationFit fit, Backtest backtest, List<Msg> notes) {
    public Calibration {
        notes = List.copyOf(notes);
    }

    /** Fits the scenario's history and backtests the fit; the scenario must have history. */
    public static Calibration run(Scenario s, SimulationOptions backtestOptions) {
        if (s.history().isEmpty()) {
            throw new IllegalArgumentException("the scenario has no history to calibrate from: name a history table "
                    + "under tables (tables: {history: history.csv}) with account, year, revenue and owner");
        }
        CalibrationFit fit = Calibrator.fit(s);
        Backtest bt = Backtest.run(s, backtestOptions);
        List<Msg> notes = bt == null ? List.of(Msg.of("calibration.note.noBacktest", fit.clusters())) : List.of();
        return new Calibration(fit, bt, notes);
    }

    /**
     * The scenario as {@code kam plan} simulates it: fitted from its history where its file is silent (a scenario
     * without history, or one already calibrated, is not fitted again), then with the covered conversion measured
     * from pipeline.csv where neither the file nor the history sets it ({@link FunnelConversion}).
     */
    public static Scenario applyTo(Scenario s) {
        Scenario fitted = s.history().isEmpty() || !s.simulation().calibrated().isEmpty() ? s : apply(s, Calibrator.fit(s));
        // then the funnel of pipeline.csv sets the covered conversion where neither the file nor history does
        return FunnelConversion.applyTo(fitted);
    }

    /** The scenario with the fit's applied estimates as parameter distributions. */
    public static Scenario apply(Scenario s, CalibrationFit fit) {
        SimulationParams p = s.simulation();
        Set<Param> calibrated = EnumSet.noneOf(Param.class);
        for (Estimate e : fit.estimates()) {
            if (!e.applied() || !e.known()) continue;
            double sd = e.drawSd();
            p = Double.isFinite(sd) && sd > 0 ? p.withSpread(e.param(), Spread.normal(e.estimate(), sd))
                    : p.with(e.param(), e.estimate());
            calibrated.add(e.param());
        }
        if (calibrated.isEmpty()) return s;
        double cm = p.corrMarket();
        double ci = p.corrIndustry();
        if (cm + ci > 1) {
            // both fitted near their bounds: keep their proportion within the valid total
            p = p.with(Param.CORR_MARKET, cm / (cm + ci)).with(Param.CORR_INDUSTRY, ci / (cm + ci));
        }
        return s.withSimulation(p.withProvenance(p.given(), calibrated));
    }
}

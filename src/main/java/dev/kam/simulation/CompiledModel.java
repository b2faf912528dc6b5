package dev.kam.simulation;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;
import dev.kam.domain.SimulationParams.Param;
import dev.kam.domain.SimulationParams.Spread;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario and a plan turned once into primitive arrays for the hot loop. What does not depend on the model
 * parameters (wallets, shares, margins, who leads whom at what effort and fit, relationships.csv values, switching
 * costs, offered products) is fixed here; what does (gain, churn and conversion rates, the churn bump of moves and
 * drops, the erosion) is derived by {@link #derive} from a parameter vector: once here at the parameters' centres,
 * and again per path when some parameter is uncertain (SPEC §8 second-order Monte Carlo). Every rate comes from
 * {@link ResponseModel}'s formulas. Immutable and shared by all workers.
 */
final class CompiledModel {
    static final int PARAMS = Param.values().length;

    final int accounts;
    final int capacity;
    final int poolSize;
    final int years;
    final int industries;
    /** Key-account threshold of each simulated year (index 0 = baseYear + 1), indexed (SPEC §8). */
    final double[] threshold;

    final double[] wallet0;
    final double[] share0;
    final boolean[] prospect0;
    final double[] margin;
    final int[] industry;

    // the plan
    final boolean[] covered;
    final double[] effort;
    final double[] fit;
    /** relationships.csv value of the plan's pair (NaN: none). */
    final double[] value;
    final boolean[] atRisk;
    /** Switching cost (currency) of accounts the plan moves or drops; 0 otherwise. */
    final double[] switchCost;

    // today's owners at standard effort: what the status-quo-neutral erosion is derived from
    final boolean[] ownerCovered;
    final double[] ownerFit;
    final double[] ownerValue;
    final boolean ownerOverrides;

    /** Offers of account i are {@code offerStart[i] .. offerStart[i+1]}; length capacity + 1. */
    final int[] offerStart;
    final double[] offerPrice;
    final double[] offerProfit;
    /** Key of each (account, product) offer, from their ids: the adoption sub-stream (SPEC §8). */
    final long[] offerKey;

    /** Parameter values at their centres, in {@link Param} order. */
    final double[] centre;
    /** Per parameter: 0 fixed, 1 normal, 2 uniform; with its two numbers. */
    final byte[] spreadKind;
    final double[] spreadA;
    final double[] spreadB;
    final boolean uncertain;
    final boolean erosionGiven;
    final boolean responseUncertain;
    /** r(effort) of each account's plan lead at the centre of the response parameters (0 when uncovered). */
    final double[] responsePlan;
    final double responseStandard;

    /** The rates at the centres (used directly when nothing is uncertain). */
    final Derived atCentre;

    /**
     * For the per-path neutral erosion without owner-pair values and with a fixed ceiling: by churn class (uncovered,
     * covered, uncovered at-risk, covered at-risk) Σ W·room, Σ W·fit·room and Σ W·s over today's active accounts, so
     * that δ costs O(1) per path.
     */
    private final double[] classRoom = new double[4];
    private final double[] classFitRoom = new double[4];
    private final double[] classShare = new double[4];
    private final boolean erosionBySums;

    CompiledModel(Scenario s, Coverage plan) {
        SimulationParams p = s.simulation();
        List<Account> list = s.accounts();
        accounts = list.size();
        if (accounts == 0) throw new IllegalArgumentException("the scenario has no accounts to simulate");
        years = s.strategy().horizonYears();
        threshold = new double[years];
        for (int y = 0; y < years; y++) threshold[y] = s.keyAccountThreshold(s.baseYear() + 1 + y);

        centre = p.values();
        spreadKind = new byte[PARAMS];
        spreadA = new double[PARAMS];
        spreadB = new double[PARAMS];
        double maxArrivals = p.newProspectsPerYear();
        for (Map.Entry<Param, Spread> e : p.spreads().entrySet()) {
            int q = e.getKey().ordinal();
            Spread sp = e.getValue();
            spreadKind[q] = (byte) (sp.normal() ? 1 : 2);
            spreadA[q] = sp.a();
            spreadB[q] = sp.b();
            if (e.getKey() == Param.NEW_PROSPECTS) maxArrivals = sp.upper(0, Param.NEW_PROSPECTS.max());
        }
        uncertain = p.uncertain();
        erosionGiven = !p.erosionDerived();
        responseUncertain = p.spreads().containsKey(Param.RESPONSE_SHAPE) || p.spreads().containsKey(Param.RESPONSE_HALF);

        poolSize = poolSize(maxArrivals, years);
        capacity = accounts + poolSize;

        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> industryIndex = new HashMap<>();
        Map<String, Soldier> soldiers = new HashMap<>();
        for (Soldier so : s.soldiers()) soldiers.put(so.id(), so);
        Map<String, Relationship> rel = s.relationshipIndex();
        ResponseModel rm = new ResponseModel(p);
        double switching = s.assignment() == null ? 0 : s.assignment().switchingCost();

        wallet0 = new double[accounts];
        share0 = new double[accounts];
        prospect0 = new boolean[accounts];
        margin = new double[accounts];
        industry = new int[accounts];
        covered = new boolean[accounts];
        effort = new double[accounts];
        fit = new double[accounts];
        value = new double[accounts];
        atRisk = new boolean[accounts];
        switchCost = new double[accounts];
        ownerCovered = new boolean[accounts];
        ownerFit = new double[accounts];
        ownerValue = new double[accounts];
        boolean anyOwnerOverride = false;
        for (int i = 0; i < accounts; i++) {
            Account a = list.get(i);
            index.put(a.id(), i);
            wallet0[i] = a.wallet();
            share0[i] = a.shareOfWallet();
            prospect0[i] = a.isProspect();
            margin[i] = a.margin();
            atRisk[i] = a.stage() == Stage.AT_RISK;
            industry[i] = industryIndex.computeIfAbsent(a.industry(), k -> industryIndex.size());
            Coverage.Lead lead = plan.lead(a);
            value[i] = Double.NaN;
            if (lead != null) {
                covered[i] = true;
                effort[i] = lead.effort();
                fit[i] = lead.fit();
                Relationship r = rel.get(Scenario.pairKey(lead.soldierId(), a.id()));
                if (r != null) value[i] = r.value();
            }
            if (plan.changesLead(a) && !a.isProspect()) switchCost[i] = ResponseModel.switchingCost(a, switching);
            ownerValue[i] = Double.NaN;
            Soldier owner = a.owner() == null ? null : soldiers.get(a.owner());
            if (owner != null) {
                ownerCovered[i] = true;
                Relationship r = rel.get(Scenario.pairKey(owner.id(), a.id()));
                ownerFit[i] = rm.fit(owner, a, r == null ? Double.NaN : r.strength());
                if (r != null && !Double.isNaN(r.value())) {
                    ownerValue[i] = r.value();
                    anyOwnerOverride |= !a.isProspect();
                }
            }
        }
        ownerOverrides = anyOwnerOverride;
        this.industries = industryIndex.size();
        for (String id : plan.leads().keySet()) {
            if (!index.containsKey(id)) {
                throw new IllegalArgumentException("plan '" + plan.label() + "' leads account '" + id
                        + "', which is not in the scenario");
            }
        }

        Map<String, Product> products = new HashMap<>();
        for (Product pr : s.products()) products.put(pr.id(), pr);
        int[] count = new int[accounts];
        for (Map.Entry<String, List<String>> e : plan.products().entrySet()) {
            Integer i = index.get(e.getKey());
            if (i == null) {
                throw new IllegalArgumentException("plan '" + plan.label() + "' offers products to account '"
                        + e.getKey() + "', which is not in the scenario");
            }
            count[i] = e.getValue().size();
        }
        offerStart = new int[capacity + 1];
        for (int i = 0; i < accounts; i++) offerStart[i + 1] = offerStart[i] + count[i];
        for (int i = accounts; i < capacity; i++) offerStart[i + 1] = offerStart[i];
        int offers = offerStart[accounts];
        offerPrice = new double[offers];
        offerProfit = new double[offers];
        offerKey = new long[offers];
        for (Map.Entry<String, List<String>> e : plan.products().entrySet()) {
            int i = index.get(e.getKey());
            int j = offerStart[i];
            long accountKey = Rng.key(e.getKey());
            for (String pid : e.getValue()) {
                Product pr = products.get(pid);
                if (pr == null) {
                    throw new IllegalArgumentException("plan '" + plan.label() + "' offers product '" + pid
                            + "' to account '" + e.getKey() + "', but the scenario has no such product");
                }
                offerPrice[j] = pr.price();
                offerProfit[j] = pr.price() * pr.margin();
                offerKey[j] = Rng.combine(accountKey, Rng.key(pid));
                j++;
            }
        }

        erosionBySums = !ownerOverrides && !p.spreads().containsKey(Param.SHARE_CEILING);
        for (int i = 0; i < accounts; i++) {
            if (prospect0[i] || !(wallet0[i] > 0)) continue;
            int c = (ownerCovered[i] ? 1 : 0) + (atRisk[i] ? 2 : 0);
            double room = Math.max(0.0, p.shareCeiling() - share0[i]);
            classRoom[c] += wallet0[i] * room;
            classFitRoom[c] += wallet0[i] * ownerFit[i] * room;
            classShare[c] += wallet0[i] * share0[i];
        }
        responsePlan = new double[accounts];
        responseStandard = ResponseModel.response(1.0, p.responseShape(), p.responseHalf());
        for (int i = 0; i < accounts; i++) {
            if (covered[i]) responsePlan[i] = ResponseModel.response(effort[i], p.responseShape(), p.responseHalf());
        }
        atCentre = new Derived(capacity);
        double[] v = centre.clone();
        if (!erosionGiven) v[Param.SHARE_EROSION.ordinal()] = p.erosion();
        derive(v, atCentre, !erosionGiven && Double.isNaN(p.erosion()));
    }

    /** Rates and constants of one parameter set: per scenario account, and the path-wide numbers. */
    static final class Derived {
        final double[] gain;
        final double[] churn;
        /** First-year churn: churn plus the switching-cost bump of moves and drops. */
        final double[] churnFirst;
        final double[] conversion;
        /** Each account's churn were it uncovered (its at-risk churn when at risk): where a lost lead leaves it. */
        final double[] churnIfUncovered;
        double erosion;
        double onePlusG;
        double sigma;
        double sqrtMarket;
        double sqrtIndustry;
        double sigmaIdio;
        double ceiling;
        double initialShare;
        double adoption;
        double arrivals;
        double gainUncovered;
        double churnUncovered;
        double conversionUncovered;

        Derived(int capacity) {
            churnIfUncovered = new double[capacity];
            gain = new double[capacity];
            churn = new double[capacity];
            churnFirst = new double[capacity];
            conversion = new double[capacity];
        }
    }

    /**
     * Fills {@code d} from the parameter vector {@code v} ({@link Param} order). With {@code deriveErosion} the
     * erosion is the status-quo-neutral δ of these parameters (today's owners at standard effort), else
     * {@code v[SHARE_EROSION]}. No allocation: called once per path by the workers.
     */
    void derive(double[] v, Derived d, boolean deriveErosion) {
        double g = v[Param.GROWTH_MEAN.ordinal()];
        double sd = v[Param.GROWTH_SD.ordinal()];
        double cm = v[Param.CORR_MARKET.ordinal()];
        double ci = v[Param.CORR_INDUSTRY.ordinal()];
        if (cm + ci > 1) {
            // drawn correlations whose sum exceeds 1 keep their proportion
            double t = cm + ci;
            cm /= t;
            ci /= t;
        }
        double qC = v[Param.CHURN_COVERED.ordinal()];
        double qU = v[Param.CHURN_UNCOVERED.ordinal()];
        double qR = v[Param.CHURN_AT_RISK.ordinal()];
        double ceiling = v[Param.SHARE_CEILING.ordinal()];
        double kC = v[Param.GAIN_COVERED.ordinal()];
        double kU = v[Param.GAIN_UNCOVERED.ordinal()];
        double pC = v[Param.CONVERSION_COVERED.ordinal()];
        double pU = v[Param.CONVERSION_UNCOVERED.ordinal()];
        double init = v[Param.INITIAL_SHARE.ordinal()];
        double adopt = v[Param.PRODUCT_ADOPTION.ordinal()];
        double shape = v[Param.RESPONSE_SHAPE.ordinal()];
        double half = v[Param.RESPONSE_HALF.ordinal()];
        double r1 = responseUncertain ? ResponseModel.response(1.0, shape, half) : responseStandard;

        double delta = deriveErosion ? neutralErosion(g, qC, qU, qR, ceiling, kC, kU, r1)
                : v[Param.SHARE_EROSION.ordinal()];
        d.erosion = delta;

        for (int i = 0; i < accounts; i++) {
            boolean cov = covered[i];
            double r = !cov ? 0 : responseUncertain ? ResponseModel.response(effort[i], shape, half) : responsePlan[i];
            double ratio = r1 > 0 ? r / r1 : 0;
            double pw = margin[i] * wallet0[i] * (1 + g);
            double q = ResponseModel.churn(atRisk[i], cov, qC, qU, qR);
            double k = kU;
            double conv = pU;
            if (cov) {
                k = ResponseModel.coveredRate(kU, kC, r * fit[i]);
                conv = ResponseModel.coveredRate(pU, pC, r * fit[i]);
                double val = value[i];
                if (!Double.isNaN(val)) {
                    if (prospect0[i]) {
                        double c = ResponseModel.overrideConversion(val, pw, init, pU);
                        if (!Double.isNaN(c)) conv = ResponseModel.overrideRate(pU, c, ratio);
                    } else {
                        double ks = ResponseModel.overrideGain(val, pw, share0[i], ceiling, delta,
                                ResponseModel.churn(atRisk[i], true, qC, qU, qR),
                                ResponseModel.churn(atRisk[i], false, qC, qU, qR), kU);
                        if (!Double.isNaN(ks)) k = ResponseModel.overrideRate(kU, ks, ratio);
                    }
                }
            }
            d.gain[i] = k;
            d.churn[i] = q;
            d.conversion[i] = conv;
            d.churnIfUncovered[i] = cov ? ResponseModel.churn(atRisk[i], false, qC, qU, qR) : q;
            double bump = 0;
            if (switchCost[i] > 0) {
                double gp = ResponseModel.nextShare(share0[i], k, ceiling, delta) * pw;
                for (int j = offerStart[i]; j < offerStart[i + 1]; j++) gp += adopt * offerProfit[j];
                bump = ResponseModel.churnBump(q, switchCost[i], gp);
            }
            d.churnFirst[i] = q + bump;
        }
        d.onePlusG = 1 + g;
        d.sigma = sd;
        d.sqrtMarket = Math.sqrt(cm);
        d.sqrtIndustry = Math.sqrt(ci);
        d.sigmaIdio = sd * Math.sqrt(Math.max(0, 1 - cm - ci));
        d.ceiling = ceiling;
        d.initialShare = init;
        d.adoption = adopt;
        d.arrivals = v[Param.NEW_PROSPECTS.ordinal()];
        d.gainUncovered = kU;
        d.churnUncovered = qU;
        d.conversionUncovered = pU;
    }

    /**
     * The status-quo-neutral erosion under these parameters ({@link ResponseModel#neutralErosion}), the same
     * fixed point as {@link ResponseModel#derivedErosion} on the compiled arrays.
     */
    private double neutralErosion(double g, double qC, double qU, double qR, double ceiling, double kC, double kU,
                                  double r1) {
        if (erosionBySums) {
            // the same sums as the loop below, grouped: Σ (1 − q)·W·(k_u + (k_c − k_u)·r(1)·fit)·room / Σ (1 − q)·W·s
            double gain = 0;
            double share = 0;
            for (int c = 0; c < 4; c++) {
                boolean cov = (c & 1) == 1;
                double alive = 1 - ResponseModel.churn((c & 2) == 2, cov, qC, qU, qR);
                gain += alive * (kU * classRoom[c] + (cov ? (kC - kU) * r1 * classFitRoom[c] : 0));
                share += alive * classShare[c];
            }
            return ResponseModel.neutralErosion(gain, share);
        }
        double delta = 0;
        for (int iter = 0; iter < 50; iter++) {
            double gain = 0;
            double share = 0;
            for (int i = 0; i < accounts; i++) {
                if (prospect0[i] || !(wallet0[i] > 0)) continue;
                boolean cov = ownerCovered[i];
                double q = ResponseModel.churn(atRisk[i], cov, qC, qU, qR);
                double k = kU;
                if (cov) {
                    k = ResponseModel.coveredRate(kU, kC, r1 * ownerFit[i]);
                    if (!Double.isNaN(ownerValue[i])) {
                        double ks = ResponseModel.overrideGain(ownerValue[i], margin[i] * wallet0[i] * (1 + g),
                                share0[i], ceiling, delta, q, ResponseModel.churn(atRisk[i], false, qC, qU, qR), kU);
                        if (!Double.isNaN(ks)) k = ks;
                    }
                }
                double w = (1 - q) * wallet0[i];
                gain += w * k * Math.max(0.0, ceiling - share0[i]);
                share += w * share0[i];
            }
            double next = ResponseModel.neutralErosion(gain, share);
            if (!ownerOverrides || Math.abs(next - delta) < 1e-15) return next;
            delta = next;
        }
        return delta;
    }

    /** One draw of every parameter at the uniforms u ({@link Param} order) into v. */
    void draw(double[] u, double[] v) {
        Param[] all = Param.values();
        for (int q = 0; q < PARAMS; q++) {
            switch (spreadKind[q]) {
                case 1 -> v[q] = Rng.truncatedNormal(spreadA[q], spreadB[q], all[q].min(), all[q].max(), u[q]);
                case 2 -> v[q] = spreadA[q] + u[q] * (spreadB[q] - spreadA[q]);
                default -> v[q] = centre[q];
            }
        }
    }

    /**
     * Slots reserved for arriving prospects: the horizon's expected arrivals plus 8 standard deviations
     * and 16, so a path runs out only with probability below 1e-15; arrivals beyond it are dropped and counted.
     */
    static int poolSize(double perYear, int years) {
        if (perYear <= 0) return 0;
        double mean = perYear * years;
        double size = Math.ceil(mean + 8 * Math.sqrt(mean) + 16);
        if (size > 50_000_000) throw new IllegalArgumentException("newProspectsPerYear (" + perYear
                + ") × horizon gives more new prospects than the simulation can hold");
        return (int) size;
    }
}

package dev.kam.simulation;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Product;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;
import dev.kam.domain.SimulationParams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario and a plan turned once into primitive arrays for the hot loop: everything that does not
 * change over a path is computed here (per-account gain rate, churn and conversion probabilities,
 * the offered products as a compressed row list). Immutable and shared by all workers.
 */
final class CompiledModel {
    final int accounts;
    final int capacity;
    final int poolSize;
    final int years;
    final int industries;
    final double threshold;

    final double[] wallet0;
    final double[] share0;
    final boolean[] prospect0;
    final double[] margin;
    final double[] gain;
    final double[] churn;
    final double[] conversion;
    final int[] industry;

    /** Offers of account i are {@code offerStart[i] .. offerStart[i+1]}; length capacity + 1. */
    final int[] offerStart;
    final double[] offerPrice;
    final double[] offerProfit;

    final double onePlusG;
    final double sigma;
    final double sqrtMarket;
    final double sqrtIndustry;
    final double sigmaIdio;
    final double shareCeiling;
    final double initialShare;
    final double adoption;
    final double arrivals;
    final double gainUncovered;
    final double churnUncovered;
    final double conversionUncovered;

    CompiledModel(Scenario s, Coverage plan) {
        SimulationParams p = s.simulation();
        ResponseModel rm = new ResponseModel(p);
        List<Account> list = s.accounts();
        accounts = list.size();
        if (accounts == 0) throw new IllegalArgumentException("the scenario has no accounts to simulate");
        years = s.strategy().horizonYears();
        threshold = s.strategy().keyAccountThreshold();
        poolSize = poolSize(p.newProspectsPerYear(), years);
        capacity = accounts + poolSize;

        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> industries = new HashMap<>();
        wallet0 = new double[accounts];
        share0 = new double[accounts];
        prospect0 = new boolean[accounts];
        margin = new double[accounts];
        gain = new double[accounts];
        churn = new double[accounts];
        conversion = new double[accounts];
        industry = new int[accounts];
        for (int i = 0; i < accounts; i++) {
            Account a = list.get(i);
            index.put(a.id(), i);
            wallet0[i] = a.wallet();
            share0[i] = a.shareOfWallet();
            prospect0[i] = a.isProspect();
            margin[i] = a.margin();
            industry[i] = industries.computeIfAbsent(a.industry(), k -> industries.size());
            Coverage.Lead lead = plan.leads().get(a.id());
            gain[i] = lead == null ? p.gainUncovered() : rm.shareGain(lead.effort(), lead.fit());
            churn[i] = lead == null ? p.churnUncovered() : p.churnCovered();
            conversion[i] = lead == null ? p.conversionUncovered() : rm.conversion(lead.effort(), lead.fit());
        }
        this.industries = industries.size();
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
        for (Map.Entry<String, List<String>> e : plan.products().entrySet()) {
            int i = index.get(e.getKey());
            int j = offerStart[i];
            for (String pid : e.getValue()) {
                Product pr = products.get(pid);
                if (pr == null) {
                    throw new IllegalArgumentException("plan '" + plan.label() + "' offers product '" + pid
                            + "' to account '" + e.getKey() + "', but the scenario has no such product");
                }
                offerPrice[j] = pr.price();
                offerProfit[j] = pr.price() * pr.margin();
                j++;
            }
        }

        onePlusG = 1 + p.growthMean();
        sigma = p.growthSd();
        sqrtMarket = Math.sqrt(p.corrMarket());
        sqrtIndustry = Math.sqrt(p.corrIndustry());
        sigmaIdio = sigma * Math.sqrt(Math.max(0, 1 - p.corrMarket() - p.corrIndustry()));
        shareCeiling = p.shareCeiling();
        initialShare = p.initialShare();
        adoption = p.productAdoption();
        arrivals = p.newProspectsPerYear();
        gainUncovered = p.gainUncovered();
        churnUncovered = p.churnUncovered();
        conversionUncovered = p.conversionUncovered();
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

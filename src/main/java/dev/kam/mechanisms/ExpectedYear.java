package dev.kam.mechanisms;

import dev.kam.domain.Account;
import dev.kam.domain.Coverage;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.ResponseModel;
import dev.kam.domain.Scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each account's expected revenue and gross profit in the first simulated year under a coverage, from
 * {@link ResponseModel} (the one source of first-year expectations the optimizer and the simulation share):
 * the account's own business plus its offered products (a product's revenue is its expected gross profit over
 * its margin).
 *
 * @param revenue     expected revenue per account, in the scenario's account order (currency)
 * @param grossProfit expected gross profit per account (currency)
 */
public record ExpectedYear(double[] revenue, double[] grossProfit) {

    public static ExpectedYear of(Scenario s, Coverage c) {
        ResponseModel rm = new ResponseModel(s.simulation());
        Map<String, Product> products = new HashMap<>();
        for (Product pr : s.products()) products.put(pr.id(), pr);
        List<Account> accounts = s.accounts();
        double[] rev = new double[accounts.size()];
        double[] gp = new double[accounts.size()];
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            Coverage.Lead lead = c.leads().get(a.id());
            // a relationships.csv value of the lead's pair replaces fit and response, as in the optimizer
            Relationship rel = lead == null ? null : s.relationshipIndex().get(Scenario.pairKey(lead.soldierId(), a.id()));
            double value = rel == null ? Double.NaN : rel.value();
            double r = lead == null ? rm.expectedRevenue(a, false, 0, 0)
                    : rm.expectedRevenue(a, true, lead.effort(), lead.fit(), value);
            double g = r * a.margin();
            for (String pid : c.products().getOrDefault(a.id(), List.of())) {
                Product pr = products.get(pid);
                if (pr == null || lead == null) continue;
                // a prospect adopts only in a year it converts: at its lead's effort, fit and pair value
                double up = rm.productUplift(a, pr, lead.effort(), lead.fit(), value);
                g += up;
                if (pr.margin() > 0) r += up / pr.margin();
            }
            rev[i] = r;
            gp[i] = g;
        }
        return new ExpectedYear(rev, gp);
    }

    public double totalRevenue() {
        double t = 0;
        for (double v : revenue) t += v;
        return t;
    }

    public double totalGrossProfit() {
        double t = 0;
        for (double v : grossProfit) t += v;
        return t;
    }
}

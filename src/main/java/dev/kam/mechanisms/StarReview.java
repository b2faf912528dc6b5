package dev.kam.mechanisms;

import dev.kam.domain.Account;
import dev.kam.domain.MechanismParams.Stars;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The star rating of every soldier recomputed from the base year's data (星级评定), beside the stars soldiers.csv
 * lists: the deterministic, non-simulated year of {@code mechanisms/stars.csv}.
 *
 * <p>Base-year performance: the soldier's book is the accounts they own today; their quota is today's total
 * revenue times their book's share of all wallet (the rule of {@link Books}), so attainment is their book's share
 * of wallet over the company's — how much of their accounts' potential they have captured, against the average.
 * Process: their active prospects in pipeline.csv against the 3–5 rule (dropped, with the weights renormalized,
 * when there is no pipeline). Certification: level / 3.
 */
public final class StarReview {
    private StarReview() {
    }

    /**
     * One soldier's review.
     *
     * @param listed        stars in soldiers.csv
     * @param computed      stars recomputed from the base year
     * @param score         the weighted score 0–1
     * @param attainment    revenue of the book today / quota
     * @param performance   performance score 0–1
     * @param process       process score 0–1, NaN without a pipeline
     * @param certification certification score 0–1
     * @param revenue       revenue of the book today (currency/year)
     * @param quota         the quota (currency/year)
     * @param salary        salary at the listed stars (currency/year)
     * @param salaryComputed salary at the computed stars (currency/year)
     */
    public record Row(String soldierId, String name, int listed, int computed, double score, double attainment,
                      double performance, double process, double certification, double revenue, double quota,
                      double salary, double salaryComputed) {
        public boolean promotion() {
            return computed > listed;
        }

        public boolean demotion() {
            return computed < listed;
        }
    }

    /**
     * Rows in the scenario's soldier order; hires are left out (they have no base year).
     *
     * @param process each soldier's process score 0–1 by id (the funnel's); empty when there is no pipeline
     */
    public static List<Row> review(Scenario s, Map<String, Double> process, SalaryBands salary) {
        Stars rules = s.mechanisms().stars();
        double[] cuts = rules.cuts();
        Books books = Books.today(s);
        double[] revenue = new double[s.soldiers().size()];
        double total = 0;
        List<Account> accounts = s.accounts();
        for (int i = 0; i < accounts.size(); i++) {
            total += accounts.get(i).revenue();
            if (books.lead()[i] >= 0) revenue[books.lead()[i]] += accounts.get(i).revenue();
        }
        List<Row> out = new ArrayList<>();
        for (int j = 0; j < s.soldiers().size(); j++) {
            Soldier so = s.soldiers().get(j);
            if (s.mechanisms().hires().contains(so.id())) continue;
            double quota = books.quota(j, total);
            double att = Books.attainment(revenue[j], quota);
            double p = StarRating.performance(att, rules.fullAttainment());
            Double pq = process.get(so.id());
            double q = process.isEmpty() ? Double.NaN : pq == null ? 0.0 : pq;
            double c = StarRating.certification(so.certification());
            double score = StarRating.score(rules, p, q, c);
            int stars = StarRating.stars(score, cuts);
            out.add(new Row(so.id(), so.name(), so.stars(), stars, score, att, p, q, c, revenue[j], quota,
                    salary.salary(so.stars(), so.stars(), so.annualCost()),
                    salary.salary(stars, so.stars(), so.annualCost())));
        }
        return out;
    }
}

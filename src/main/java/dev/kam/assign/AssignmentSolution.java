package dev.kam.assign;

import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.util.ArrayList;
import java.util.List;

/**
 * The planning problem and its solution. Score levels: hard = broken rules (hours in centihours over
 * capacity, counts of other violations), medium = mustCover accounts left uncovered, soft = the
 * objective in cents (currency × 100), i.e. the LP objective × 100.
 */
@PlanningSolution
public class AssignmentSolution {
    private Coefficients table;

    @ProblemFactCollectionProperty
    private List<SoldierFact> soldiers;

    @ProblemFactCollectionProperty
    private List<ProductFact> products;

    @ValueRangeProvider(id = "effortLevels")
    private List<Integer> effortLevels;

    @ValueRangeProvider(id = "offered")
    private List<Boolean> offeredValues;

    @PlanningEntityCollectionProperty
    private List<AccountAssignment> accounts;

    @PlanningEntityCollectionProperty
    private List<ProductOffer> offers;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public AssignmentSolution() {
    }

    AssignmentSolution(Coefficients table, List<SoldierFact> soldiers, List<ProductFact> products,
                       List<AccountAssignment> accounts, List<ProductOffer> offers) {
        this.table = table;
        this.soldiers = soldiers;
        this.products = products;
        this.accounts = accounts;
        this.offers = offers;
        this.effortLevels = new ArrayList<>();
        for (int e = 0; e < table.levels; e++) effortLevels.add(e);
        this.offeredValues = List.of(Boolean.FALSE, Boolean.TRUE);
    }

    /** A fresh, unassigned problem for a coefficient table. */
    static AssignmentSolution of(Coefficients t) {
        List<SoldierFact> soldiers = new ArrayList<>(t.soldiers);
        for (int s = 0; s < t.soldiers; s++) {
            soldiers.add(new SoldierFact(s, t.soldierId[s], t.capacity[s], t.maxAccountsPerSoldier, t.minHours[s]));
        }
        List<ProductFact> products = new ArrayList<>(t.products);
        for (int p = 0; p < t.products; p++) products.add(new ProductFact(p, t.productId[p], t.productCapacity[p]));
        List<AccountAssignment> accounts = new ArrayList<>(t.accounts);
        List<ProductOffer> offers = new ArrayList<>(t.pairs());
        for (int a = 0; a < t.accounts; a++) {
            List<SoldierFact> eligible = new ArrayList<>();
            for (int s = 0; s < t.soldiers; s++) {
                if (t.optBase[a * t.soldiers + s] >= 0) eligible.add(soldiers.get(s));
            }
            AccountAssignment aa = new AccountAssignment(a, t, eligible);
            if (t.locked[a]) {
                // pinned: the solver never changes it, so it starts at the lock
                aa.setLead(soldiers.get(t.optSoldier[t.optStart[a]]));
                aa.setEffort(t.optEffort[t.optStart[a]]);
            }
            accounts.add(aa);
            for (int q = t.pairStart[a]; q < t.pairStart[a + 1]; q++) {
                offers.add(new ProductOffer(q, aa, products.get(t.pairProduct[q]), true, t.pairValue[q]));
            }
        }
        return new AssignmentSolution(t, soldiers, products, accounts, offers);
    }

    Coefficients table() {
        return table;
    }

    /** The plan of this solution on the table's arrays. */
    Solution toSolution() {
        int[] choice = new int[table.accounts];
        for (AccountAssignment a : accounts) choice[a.getIndex()] = a.option();
        boolean[] offered = new boolean[table.pairs()];
        for (ProductOffer p : offers) offered[p.getPair()] = p.isOffered() && choice[p.getAccount().getIndex()] >= 0;
        return new Solution(choice, offered);
    }

    /** A solution holding a plan of the table (every variable set; an uncovered account keeps standard effort). */
    static AssignmentSolution of(Coefficients t, Solution plan) {
        AssignmentSolution sol = of(t);
        for (AccountAssignment a : sol.accounts) {
            int o = plan.choice()[a.getIndex()];
            a.setLead(o < 0 ? null : sol.soldiers.get(t.optSoldier[o]));
            a.setEffort(o < 0 ? Integer.valueOf(Math.min(t.standard, t.levels - 1)) : Integer.valueOf(t.optEffort[o]));
        }
        for (ProductOffer p : sol.offers) p.setOffered(plan.offered()[p.getPair()]);
        return sol;
    }

    public List<SoldierFact> getSoldiers() {
        return soldiers;
    }

    public List<ProductFact> getProducts() {
        return products;
    }

    public List<Integer> getEffortLevels() {
        return effortLevels;
    }

    public List<Boolean> getOfferedValues() {
        return offeredValues;
    }

    public List<AccountAssignment> getAccounts() {
        return accounts;
    }

    public List<ProductOffer> getOffers() {
        return offers;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}

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
            soldiers.add(new SoldierFact(s, t.soldierId[s], t.capacity[s], t.maxAccountsPerSoldier));
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

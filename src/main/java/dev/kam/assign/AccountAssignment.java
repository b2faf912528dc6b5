package dev.kam.assign;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

import java.util.List;

/**
 * The decision for one account: its lead soldier (null = uncovered) and the effort level, an index
 * into {@code assignment.effort}. The value range of the lead holds only the soldiers eligible for the
 * account, so eligibility is kept by construction; the constraint "Soldier not eligible" guards it anyway.
 * A locked account (accounts.csv {@code locked}) is pinned to its owner at standard effort.
 */
@PlanningEntity
public class AccountAssignment {
    @PlanningId
    private Integer index;
    private String accountId;
    private Coefficients table;
    private List<SoldierFact> eligible;

    @PlanningPin
    private boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = "eligibleSoldiers", nullable = true)
    private SoldierFact lead;

    @PlanningVariable(valueRangeProviderRefs = "effortLevels")
    private Integer effort;

    public AccountAssignment() {
    }

    AccountAssignment(int index, Coefficients table, List<SoldierFact> eligible) {
        this.index = index;
        this.accountId = table.accountId[index];
        this.table = table;
        this.eligible = eligible;
        this.pinned = table.locked[index];
    }

    @ValueRangeProvider(id = "eligibleSoldiers")
    public List<SoldierFact> getEligible() {
        return eligible;
    }

    public Integer getIndex() {
        return index;
    }

    public String getAccountId() {
        return accountId;
    }

    public SoldierFact getLead() {
        return lead;
    }

    public void setLead(SoldierFact lead) {
        this.lead = lead;
    }

    public Integer getEffort() {
        return effort;
    }

    public void setEffort(Integer effort) {
        this.effort = effort;
    }

    /** The option (row of the coefficient table) of the current decision, −1 when uncovered or ineligible. */
    int option() {
        if (lead == null || effort == null) return -1;
        return table.option(index, lead.index, effort);
    }

    boolean mustCover() {
        return table.mustCover[index];
    }

    /** True when the lead is one of the account's eligible soldiers (or there is no lead). */
    boolean leadEligible() {
        return lead == null || table.optBase[index * table.soldiers + lead.index] >= 0;
    }

    /** Selling hours (centihours) the decision takes from the lead. */
    long hours() {
        int o = option();
        return o < 0 ? 0 : table.optHours[o];
    }

    /** Objective contribution (cents) of the decision. */
    long value() {
        int o = option();
        return o < 0 ? 0 : table.optValue[o];
    }

    public boolean isPinned() {
        return pinned;
    }

    /** Whether the account has an owner today. */
    boolean owned() {
        return table.owner[index] >= 0;
    }

    /** Whether the account counts against the move cap: its owner today may still lead it. */
    boolean movable() {
        return table.movable(index);
    }

    /** Whether today's owner still leads it (an owned account that is not kept counts as a move). */
    boolean keptByOwner() {
        return lead != null && lead.index == table.owner[index];
    }

    /** The switching cost (cents) the account pays when it ends with another lead or none. */
    long switching() {
        return table.switching[index];
    }

    Coefficients table() {
        return table;
    }

    @Override
    public String toString() {
        return accountId + "->" + lead + "@" + effort;
    }
}

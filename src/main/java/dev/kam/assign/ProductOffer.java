package dev.kam.assign;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * Whether one product is offered to one account. Entities exist only for pairs whose needs match
 * and whose rating meets the product's minimum ({@code suited}), so the LP's y[a,p] has exactly the
 * same variables; {@code suited} is kept so that the guard constraint can be tested.
 */
@PlanningEntity
public class ProductOffer {
    @PlanningId
    private Integer pair;
    private AccountAssignment account;
    private ProductFact product;
    private boolean suited;
    private long value;

    @PlanningVariable(valueRangeProviderRefs = "offered")
    private Boolean offered;

    public ProductOffer() {
    }

    ProductOffer(int pair, AccountAssignment account, ProductFact product, boolean suited, long value) {
        this.pair = pair;
        this.account = account;
        this.product = product;
        this.suited = suited;
        this.value = value;
    }

    public Integer getPair() {
        return pair;
    }

    public AccountAssignment getAccount() {
        return account;
    }

    public ProductFact getProduct() {
        return product;
    }

    public Boolean getOffered() {
        return offered;
    }

    public void setOffered(Boolean offered) {
        this.offered = offered;
    }

    boolean isOffered() {
        return Boolean.TRUE.equals(offered);
    }

    boolean suited() {
        return suited;
    }

    /** Objective contribution (cents) when offered to an account led with option o (the largest one when o < 0). */
    long valueFor(int option) {
        return option < 0 ? value : account.table().pairValue(pair, option);
    }

    @Override
    public String toString() {
        return account.getAccountId() + "+" + product + "=" + offered;
    }
}

package dev.kam.assign;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The rules of SPEC §4. Every level is a sum of per-decision coefficients from {@link Coefficients},
 * so the soft level equals the exported LP's objective × 100 at any plan that breaks no rule.
 */
public final class AssignmentConstraints implements ConstraintProvider {
    static final String OVER_CAPACITY = "Soldier over capacity";
    static final String INELIGIBLE = "Soldier not eligible";
    static final String TOO_MANY_ACCOUNTS = "Soldier leads too many accounts";
    static final String PRODUCT_OVER_CAPACITY = "Product over capacity";
    static final String PRODUCT_UNSUITED = "Product not suited to account";
    static final String PRODUCT_UNCOVERED = "Product offered to uncovered account";
    static final String TOO_MANY_PRODUCTS = "Too many products for account";
    static final String TOO_MANY_MOVES = "Too many accounts change lead";
    static final String BELOW_MINIMUM = "Soldier below minimum hours";
    static final String IDLE_BELOW_MINIMUM = "Soldier without accounts below minimum hours";
    static final String MUST_COVER = "mustCover account uncovered";
    static final String DROPPED = "Owned account dropped";
    static final String LEAD_VALUE = "Expected uplift of lead";
    static final String OFFER_VALUE = "Expected uplift of product";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                // hard
                soldierOverCapacity(f),
                soldierNotEligible(f),
                soldierLeadsTooManyAccounts(f),
                productOverCapacity(f),
                productNotSuited(f),
                productToUncoveredAccount(f),
                tooManyProductsForAccount(f),
                tooManyMoves(f),
                soldierBelowMinimum(f),
                idleSoldierBelowMinimum(f),
                // medium
                mustCoverUncovered(f),
                // soft
                leadUplift(f),
                productUplift(f),
                ownedAccountDropped(f),
        };
    }

    // a soldier cannot sell more hours than they have in a year
    Constraint soldierOverCapacity(ConstraintFactory f) {
        return f.forEach(AccountAssignment.class)
                .groupBy(AccountAssignment::getLead, ConstraintCollectors.sumLong(AccountAssignment::hours))
                .filter((s, hours) -> hours > s.capacity)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (s, hours) -> hours - s.capacity)
                .justifyWith((s, hours, score) -> new Justifications.OverCapacity(s.id,
                        hours / (double) Coefficients.SCALE, s.capacity / (double) Coefficients.SCALE))
                .asConstraint(OVER_CAPACITY);
    }

    // only soldiers with enough stars, certification, the region and the layer may lead an account
    Constraint soldierNotEligible(ConstraintFactory f) {
        return f.forEach(AccountAssignment.class)
                .filter(a -> !a.leadEligible())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, a -> 1L)
                .justifyWith((a, score) -> new Justifications.Ineligible(a.getAccountId(), a.getLead().id))
                .asConstraint(INELIGIBLE);
    }

    // a soldier leads at most assignment.maxAccountsPerSoldier accounts (when set)
    Constraint soldierLeadsTooManyAccounts(ConstraintFactory f) {
        return f.forEach(AccountAssignment.class)
                .groupBy(AccountAssignment::getLead, ConstraintCollectors.count())
                .filter((s, n) -> s.maxAccounts > 0 && n > s.maxAccounts)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (s, n) -> n - (long) s.maxAccounts)
                .justifyWith((s, n, score) -> new Justifications.TooManyAccounts(s.id, n, s.maxAccounts))
                .asConstraint(TOO_MANY_ACCOUNTS);
    }

    // a product can be delivered to at most `capacity` accounts a year
    Constraint productOverCapacity(ConstraintFactory f) {
        return f.forEach(ProductOffer.class)
                .filter(ProductOffer::isOffered)
                .groupBy(ProductOffer::getProduct, ConstraintCollectors.count())
                .filter((p, n) -> n > p.capacity)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (p, n) -> n - (long) p.capacity)
                .justifyWith((p, n, score) -> new Justifications.ProductOverCapacity(p.id, n, p.capacity))
                .asConstraint(PRODUCT_OVER_CAPACITY);
    }

    // a product goes only to accounts whose needs it addresses and whose rating meets its minRating
    Constraint productNotSuited(ConstraintFactory f) {
        return f.forEach(ProductOffer.class)
                .filter(o -> o.isOffered() && !o.suited())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, o -> 1L)
                .justifyWith((o, score) -> new Justifications.ProductUnsuited(o.getAccount().getAccountId(),
                        o.getProduct().id))
                .asConstraint(PRODUCT_UNSUITED);
    }

    // products are sold through the lead soldier, so an uncovered account gets none
    Constraint productToUncoveredAccount(ConstraintFactory f) {
        return f.forEach(ProductOffer.class)
                .filter(ProductOffer::isOffered)
                .ifExistsIncludingNullVars(AccountAssignment.class,
                        Joiners.equal(ProductOffer::getAccount, a -> a),
                        Joiners.filtering((o, a) -> a.getLead() == null))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, o -> 1L)
                .justifyWith((o, score) -> new Justifications.ProductToUncovered(o.getAccount().getAccountId(),
                        o.getProduct().id))
                .asConstraint(PRODUCT_UNCOVERED);
    }

    // an account is not flooded with offers: at most assignment.maxProductsPerAccount products
    Constraint tooManyProductsForAccount(ConstraintFactory f) {
        return f.forEach(ProductOffer.class)
                .filter(ProductOffer::isOffered)
                .groupBy(ProductOffer::getAccount, ConstraintCollectors.count())
                .filter((a, n) -> n > a.table().maxProductsPerAccount)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (a, n) -> n - (long) a.table().maxProductsPerAccount)
                .justifyWith((a, n, score) -> new Justifications.TooManyProducts(a.getAccountId(), n,
                        a.table().maxProductsPerAccount))
                .asConstraint(TOO_MANY_PRODUCTS);
    }

    // at most assignment.maxMoves accounts owned today change lead; a drop is a move too (SPEC §9); an account
    // whose owner the rules no longer allow must move anyway and does not count
    Constraint tooManyMoves(ConstraintFactory f) {
        return f.forEachIncludingNullVars(AccountAssignment.class)
                .filter(a -> a.movable() && !a.keptByOwner() && a.table().maxMoves >= 0)
                // every entity shares one table, so grouping by it gives a single group that knows the cap
                .groupBy(AccountAssignment::table, ConstraintCollectors.count())
                .filter((t, n) -> n > t.maxMoves)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (t, n) -> n - (long) t.maxMoves)
                .justifyWith((t, n, score) -> new Justifications.TooManyMoves(n, t.maxMoves))
                .asConstraint(TOO_MANY_MOVES);
    }

    // balanced books: a soldier's planned hours stay at or above the minimum (minHours, minUtilization)
    Constraint soldierBelowMinimum(ConstraintFactory f) {
        return f.forEach(AccountAssignment.class)
                .groupBy(AccountAssignment::getLead, ConstraintCollectors.sumLong(AccountAssignment::hours))
                .filter((s, hours) -> hours < s.minHours)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (s, hours) -> s.minHours - hours)
                .justifyWith((s, hours, score) -> new Justifications.BelowMinimum(s.id,
                        hours / (double) Coefficients.SCALE, s.minHours / (double) Coefficients.SCALE))
                .asConstraint(BELOW_MINIMUM);
    }

    // the same for a soldier who leads nothing at all (the group above never sees them)
    Constraint idleSoldierBelowMinimum(ConstraintFactory f) {
        return f.forEach(SoldierFact.class)
                .filter(s -> s.minHours > 0)
                .ifNotExists(AccountAssignment.class, Joiners.equal(s -> s, AccountAssignment::getLead))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, s -> s.minHours)
                .justifyWith((s, score) -> new Justifications.BelowMinimum(s.id, 0, s.minHours / (double) Coefficients.SCALE))
                .asConstraint(IDLE_BELOW_MINIMUM);
    }

    // mustCover accounts get a lead; medium level so that an over-constrained instance still yields a plan
    Constraint mustCoverUncovered(ConstraintFactory f) {
        return f.forEachIncludingNullVars(AccountAssignment.class)
                .filter(a -> a.getLead() == null && a.mustCover())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, a -> 1L)
                .justifyWith((a, score) -> new Justifications.MustCoverUncovered(a.getAccountId()))
                .asConstraint(MUST_COVER);
    }

    // the objective: priority-weighted expected uplift of each lead minus the switching cost (cents)
    Constraint leadUplift(ConstraintFactory f) {
        return f.forEach(AccountAssignment.class)
                .filter(a -> a.option() >= 0)
                .impactLong(HardMediumSoftLongScore.ONE_SOFT, AccountAssignment::value)
                .justifyWith((a, score) -> new Justifications.LeadValue(a.getAccountId(), a.getLead().id,
                        a.getEffort(), a.value()))
                .asConstraint(LEAD_VALUE);
    }

    // the objective: priority-weighted expected uplift of each product offered (cents); a prospect's value
    // depends on its lead's effort and fit (it adopts only once converted), so the offer is joined to its lead
    Constraint productUplift(ConstraintFactory f) {
        return f.forEach(ProductOffer.class)
                .filter(ProductOffer::isOffered)
                .join(AccountAssignment.class, Joiners.equal(ProductOffer::getAccount, a -> a))
                .filter((o, a) -> a.option() >= 0)
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, (o, a) -> o.valueFor(a.option()))
                .justifyWith((o, a, score) -> new Justifications.OfferValue(o.getAccount().getAccountId(),
                        o.getProduct().id, o.valueFor(a.option())))
                .asConstraint(OFFER_VALUE);
    }

    // the objective: an account owned today that ends with no lead pays the switching cost too (docs/model.md, “What the optimizer maximizes is what the simulation does”)
    Constraint ownedAccountDropped(ConstraintFactory f) {
        return f.forEachIncludingNullVars(AccountAssignment.class)
                .filter(a -> a.getLead() == null && a.owned() && a.switching() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, AccountAssignment::switching)
                .justifyWith((a, score) -> new Justifications.Dropped(a.getAccountId(),
                        a.table().soldierId[a.table().owner[a.getIndex()]], a.switching()))
                .asConstraint(DROPPED);
    }
}

package dev.kam.assign;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/** Why a constraint matched: one record per constraint, read back to explain the plan per account. */
final class Justifications {
    private Justifications() {
    }

    /** A soldier's assigned hours exceed the capacity (hours per year). */
    record OverCapacity(String soldierId, double hours, double capacity) implements ConstraintJustification {
    }

    /** An account is led by a soldier who is not eligible for it. */
    record Ineligible(String accountId, String soldierId) implements ConstraintJustification {
    }

    /** A soldier leads more accounts than {@code assignment.maxAccountsPerSoldier}. */
    record TooManyAccounts(String soldierId, int accounts, int cap) implements ConstraintJustification {
    }

    /** A product is offered to more accounts than it can be delivered to. */
    record ProductOverCapacity(String productId, int offered, int capacity) implements ConstraintJustification {
    }

    /** A product is offered to an account whose needs it does not address or whose rating is too low. */
    record ProductUnsuited(String accountId, String productId) implements ConstraintJustification {
    }

    /** A product is offered to an account nobody leads. */
    record ProductToUncovered(String accountId, String productId) implements ConstraintJustification {
    }

    /** An account is offered more products than {@code assignment.maxProductsPerAccount}. */
    record TooManyProducts(String accountId, int offered, int cap) implements ConstraintJustification {
    }

    /** A mustCover account has no lead. */
    record MustCoverUncovered(String accountId) implements ConstraintJustification {
    }

    /** More accounts owned today change lead than {@code assignment.maxMoves} allows. */
    record TooManyMoves(int moves, int cap) implements ConstraintJustification {
    }

    /** A soldier's planned hours fall below the minimum (balanced books; hours per year). */
    record BelowMinimum(String soldierId, double hours, double minimum) implements ConstraintJustification {
    }

    /** An account owned today is left without a lead: it pays the switching cost (cents). */
    record Dropped(String accountId, String ownerId, long cents) implements ConstraintJustification {
    }

    /** The objective contribution of leading an account (cents). */
    record LeadValue(String accountId, String soldierId, int effort, long cents) implements ConstraintJustification {
    }

    /** The objective contribution of offering a product (cents). */
    record OfferValue(String accountId, String productId, long cents) implements ConstraintJustification {
    }
}

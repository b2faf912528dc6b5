package dev.kam.compare;

/** Which yearly targets the scenarios of a comparison are judged against. */
public enum GoalBasis {
    /** Every scenario against the first scenario's targets: one yardstick, so probabilities compare directly. */
    FIRST,
    /** Every scenario against its own targets (a variant that raises its goals is judged by them). */
    OWN
}

package dev.kam.assign;

/** A soldier as the solver sees it: an index into the coefficient table and a capacity in centihours. */
public final class SoldierFact {
    final int index;
    final String id;
    final long capacity;
    final int maxAccounts;

    SoldierFact(int index, String id, long capacity, int maxAccounts) {
        this.index = index;
        this.id = id;
        this.capacity = capacity;
        this.maxAccounts = maxAccounts;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}

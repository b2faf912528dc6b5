package dev.kam.assign;

/** A soldier as the solver sees it: an index into the coefficient table, capacity and minimum in centihours. */
public final class SoldierFact {
    final int index;
    final String id;
    final long capacity;
    final int maxAccounts;
    final long minHours;

    SoldierFact(int index, String id, long capacity, int maxAccounts, long minHours) {
        this.index = index;
        this.id = id;
        this.capacity = capacity;
        this.maxAccounts = maxAccounts;
        this.minHours = minHours;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}

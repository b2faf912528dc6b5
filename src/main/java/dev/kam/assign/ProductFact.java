package dev.kam.assign;

/** A product as the solver sees it: an index and how many accounts it can be delivered to. */
public final class ProductFact {
    final int index;
    final String id;
    final int capacity;

    ProductFact(int index, String id, int capacity) {
        this.index = index;
        this.id = id;
        this.capacity = capacity;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}

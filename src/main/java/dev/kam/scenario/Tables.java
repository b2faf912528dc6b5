package dev.kam.scenario;

import dev.kam.domain.Account;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.Soldier;

import java.nio.file.Path;
import java.util.List;

/** The CSV tables of a scenario. */
record Tables(List<Account> accounts, List<Soldier> soldiers, List<Product> products,
              List<Relationship> relationships) {

    /** Reads the tables named under {@code tables:} (placeholder until the CSV readers land). */
    static Tables read(Path yaml, Section tables, Problems problems) {
        tables.accept("accounts");
        tables.accept("soldiers");
        tables.accept("products");
        tables.accept("relationships");
        return new Tables(List.of(), List.of(), List.of(), List.of());
    }
}

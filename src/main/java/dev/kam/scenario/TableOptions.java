package dev.kam.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one table's header and cells are read, from the scenario's {@code columns:},
 * {@code ignoreColumns:} and {@code unknownColumns:} (top level, or in the table's own mapping under
 * {@code tables:}) and its {@code currency}.
 *
 * @param table         the table's name ({@code accounts}, ...), for its aliases
 * @param currency      the scenario currency code: currency signs of other currencies are refused
 * @param mapped        header (as folded by {@link Aliases#fold}) → the column it is read as
 * @param ignore        headers (folded) that are read as nothing, with a note
 * @param ignoreUnknown {@code unknownColumns: ignore}: a header that is no column is skipped with a note
 *                      (a warning when it looks like a misspelt column) instead of an error
 */
record TableOptions(String table, String currency, Map<String, Mapping> mapped, Set<String> ignore,
                    boolean ignoreUnknown) {

    /** One {@code columns:} entry: the header as written, the column, and where the entry is. */
    record Mapping(String header, String column, String file, int line) {
    }

    TableOptions {
        mapped = Map.copyOf(mapped);
        ignore = Set.copyOf(ignore);
    }

    /** The defaults: no mapping, nothing ignored, unknown columns are errors. */
    static TableOptions defaults(String table, String currency) {
        return new TableOptions(table, currency, Map.of(), Set.of(), false);
    }

    /** Allowed values of {@code unknownColumns}. */
    static final List<String> UNKNOWN_COLUMNS = List.of("error", "ignore");
}

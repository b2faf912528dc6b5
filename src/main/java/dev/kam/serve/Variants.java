package dev.kam.serve;

import dev.kam.domain.Coverage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variants saved for the compare page, shared by every tab (a variant saved in one tab can be
 * compared in another). The first is the scenario as loaded; scenarios given with {@code --variant}
 * follow; the user's saved assumptions after them. Guarded by this object's lock.
 */
final class Variants {
    /** Most variants kept. */
    static final int MAX = 24;
    /** Longest variant name. */
    static final int MAX_NAME = 80;

    /**
     * One variant.
     *
     * @param file     the scenario YAML it reads (the server's scenario or a {@code --variant} file)
     * @param set      the {@code --set}-style changes on top of the file
     * @param optimize true: re-optimize the plan for the variant when compared; false: keep {@code coverage}
     * @param coverage the plan it keeps, null for the server's optimized plan
     * @param fixed    true for the variants given at start, which cannot be deleted
     */
    record Variant(String id, String name, Path file, Map<String, String> set, boolean optimize, Coverage coverage,
                   String planLabel, boolean fixed) {
        Variant {
            set = Map.copyOf(set);
        }
    }

    private final List<Variant> list = new ArrayList<>();
    private int next = 1;

    synchronized List<Variant> all() {
        return List.copyOf(list);
    }

    synchronized Variant get(String id) {
        for (Variant v : list) if (v.id().equals(id)) return v;
        return null;
    }

    /** Adds a variant; its name is made unique (" #2", …). */
    synchronized Variant add(String name, Path file, Map<String, String> set, boolean optimize, Coverage coverage,
                             String planLabel, boolean fixed) {
        if (list.size() >= MAX) {
            throw new ApiException(409, "at most " + MAX + " variants can be kept; delete one first");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw ApiException.badInput("name: give the variant a name");
        if (n.length() > MAX_NAME) throw ApiException.badInput("name: at most " + MAX_NAME + " characters (" + n.length() + " given)");
        String unique = n;
        for (int k = 2; taken(unique); k++) unique = n + " #" + k;
        Variant v = new Variant(fixed && list.isEmpty() ? "start" : "v" + next++, unique, file, set, optimize, coverage,
                planLabel, fixed);
        list.add(v);
        return v;
    }

    private boolean taken(String name) {
        for (Variant v : list) if (v.name().equals(name)) return true;
        return false;
    }

    synchronized void remove(String id) {
        Variant v = get(id);
        if (v == null) throw ApiException.badInput("id: no variant has the id '" + id + "'");
        if (v.fixed()) throw ApiException.badInput("id: '" + v.name() + "' was given when the server started and stays");
        list.remove(v);
    }
}

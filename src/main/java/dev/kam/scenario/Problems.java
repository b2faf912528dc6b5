package dev.kam.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a scenario so that they are all reported at once. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void error(String file, int line, String field, String message) {
        list.add(new Problem(file, line, field, message, Problem.Severity.ERROR));
    }

    public void warning(String file, int line, String field, String message) {
        list.add(new Problem(file, line, field, message, Problem.Severity.WARNING));
    }

    public void add(Problem p) {
        list.add(p);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    public int errorCount() {
        return (int) list.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    }

    /** All problems, sorted by file then line (stable for problems on the same line). */
    public List<Problem> all() {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return Collections.unmodifiableList(sorted);
    }

    /** Throws {@link ScenarioException} when any error was collected. */
    public void throwIfErrors() {
        if (hasErrors()) throw new ScenarioException(all());
    }
}

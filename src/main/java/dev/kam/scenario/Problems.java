package dev.kam.scenario;

import dev.kam.domain.ScenarioException;
import dev.kam.domain.Problem;
import dev.kam.io.InputFiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of a scenario so that they are all reported at once. To keep memory and
 * output bounded on a badly broken file, at most {@link #MAX_PER_FILE} problems are kept per file;
 * the rest are counted and reported as one line at the end of that file's problems.
 */
public final class Problems {
    /** Most problems kept (and printed) per file. */
    public static final int MAX_PER_FILE = 200;

    private final List<Problem> list = new ArrayList<>();
    private final Map<String, Integer> perFile = new LinkedHashMap<>();
    private final Map<String, Integer> suppressed = new LinkedHashMap<>();
    private int suppressedErrors;
    private final InputFiles inputs = new InputFiles();

    /**
     * Every file this reading opened (the scenario, its bases, its tables), so that no output may replace
     * one: each reader calls {@code problems.inputs().add(path)} where it opens a file.
     */
    public InputFiles inputs() {
        return inputs;
    }

    public void error(String file, int line, String field, String message) {
        add(new Problem(file, line, field, message, Problem.Severity.ERROR));
    }

    public void warning(String file, int line, String field, String message) {
        add(new Problem(file, line, field, message, Problem.Severity.WARNING));
    }

    public void add(Problem p) {
        int n = perFile.merge(p.file(), 1, Integer::sum);
        if (n > MAX_PER_FILE) {
            suppressed.merge(p.file(), 1, Integer::sum);
            if (p.severity() == Problem.Severity.ERROR) suppressedErrors++;
            return;
        }
        list.add(p);
    }

    public boolean hasErrors() {
        return suppressedErrors > 0 || list.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** Errors found, including those not kept. */
    public int errorCount() {
        return suppressedErrors + (int) list.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    }

    /**
     * All problems, sorted by file then line (stable for problems on the same line); where a file had
     * more than {@link #MAX_PER_FILE}, a last line for it says how many more there were.
     */
    public List<Problem> all() {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        if (suppressed.isEmpty()) return Collections.unmodifiableList(sorted);
        List<Problem> out = new ArrayList<>(sorted.size() + suppressed.size());
        for (int i = 0; i < sorted.size(); i++) {
            Problem p = sorted.get(i);
            out.add(p);
            boolean lastOfFile = i + 1 == sorted.size() || !sorted.get(i + 1).file().equals(p.file());
            Integer more = suppressed.get(p.file());
            if (lastOfFile && more != null) {
                out.add(new Problem(p.file(), 0, "", "... and " + more + " more problems in this file, not shown"
                        + " (fix the ones above first)", Problem.Severity.ERROR));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Throws {@link ScenarioException} when any error was collected. */
    public void throwIfErrors() {
        if (hasErrors()) throw new ScenarioException(all());
    }
}

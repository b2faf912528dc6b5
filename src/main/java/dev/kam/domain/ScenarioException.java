package dev.kam.domain;

import java.util.List;

/** A scenario that cannot be used: carries every problem found. The CLI maps it to exit code 2. */
public class ScenarioException extends RuntimeException {
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid scenario" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(String file, int line, String field, String message) {
        this(List.of(new Problem(file, line, field, message, Problem.Severity.ERROR)));
    }

    public List<Problem> problems() {
        return problems;
    }
}

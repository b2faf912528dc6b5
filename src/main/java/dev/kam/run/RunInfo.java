package dev.kam.run;

import dev.kam.domain.Msg;
import dev.kam.domain.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about a run besides its results, in no language: the program version, the stages that ran,
 * how long each took, and what the user should be warned about.
 *
 * @param version  the program, e.g. {@code kam 0.1.0}
 * @param stages   the stages that ran, in order ({@code validate}, {@code analyze}, ...)
 * @param timings  wall-clock seconds per stage, in run order (informative only: no result depends on them)
 * @param problems the scenario's warnings as read, with file and line
 * @param warnings other warnings of the run (e.g. no font can draw the names)
 */
public record RunInfo(String version, List<String> stages, Map<String, Double> timings, List<Problem> problems,
                      List<Msg> warnings) {
    public RunInfo {
        Objects.requireNonNull(version, "version");
        stages = List.copyOf(stages);
        timings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A run of which nothing but the version is known (tests, a report of stage results made elsewhere). */
    public static RunInfo of(String version) {
        return new RunInfo(version, List.of(), Map.of(), List.of(), List.of());
    }
}

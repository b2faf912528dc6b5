package dev.kam.cli;

import dev.kam.domain.Coverage;
import dev.kam.domain.Scenario;

import java.nio.file.Path;

/** Reads {@code --plan plan.json} into the coverage the simulation needs. */
final class PlanInput {
    private PlanInput() {
    }

    static Coverage read(Path file, Scenario scenario) {
        if (!java.nio.file.Files.isRegularFile(file)) throw new UsageException("--plan " + file + ": file not found");
        return dev.kam.assign.PlanFiles.readCoverage(file, scenario);
    }
}

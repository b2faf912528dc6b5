package dev.kam.cli;

import dev.kam.domain.Coverage;
import dev.kam.domain.Scenario;

import java.nio.file.Path;

/** Reads {@code --plan plan.json} into the coverage the simulation needs. */
final class PlanInput {
    private PlanInput() {
    }

    static Coverage read(Path file, Scenario scenario) {
        throw new UsageException("--plan " + file + ": reading plan.json needs the assignment stage, which is not "
                + "built yet; run without --plan to simulate today's owners");
    }
}

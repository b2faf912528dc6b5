package dev.kam.compare;

import dev.kam.domain.Scenario;

import java.util.Objects;

/**
 * One scenario taking part in a comparison or sweep.
 *
 * @param label    the name shown in tables and charts (unique within a comparison)
 * @param scenario the validated scenario
 */
public record Variant(String label, Scenario scenario) {
    public Variant {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scenario, "scenario");
    }
}

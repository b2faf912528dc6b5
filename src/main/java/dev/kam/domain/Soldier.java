package dev.kam.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A sales soldier (销售特种兵) who can lead accounts.
 *
 * @param stars          star rating 1–5
 * @param industries     industries of expertise; {@code *} means all
 * @param regions        regions worked in; {@code *} means all
 * @param capacityHours  selling hours per year (&gt; 0)
 * @param certification  highest passed certification level (通关), 0–3
 * @param annualCost     yearly cost (currency/year), NaN when unknown
 * @param minHours       lowest planned selling hours per year (balanced books, SPEC §9), NaN when not set
 */
public record Soldier(String id, String name, Layer layer, int stars, Set<String> industries,
                      Set<String> regions, double capacityHours, int certification, double annualCost,
                      double minHours) {
    public Soldier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layer, "layer");
        industries = Tags.sorted(industries);
        regions = Tags.sorted(regions);
    }

    /** A soldier without a minimum workload. */
    public Soldier(String id, String name, Layer layer, int stars, Set<String> industries,
                   Set<String> regions, double capacityHours, int certification, double annualCost) {
        this(id, name, layer, stars, industries, regions, capacityHours, certification, annualCost, Double.NaN);
    }

    public boolean knowsIndustry(String industry) {
        return Tags.covers(industries, industry);
    }

    public boolean worksIn(String region) {
        return Tags.covers(regions, region);
    }
}

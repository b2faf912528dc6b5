package dev.kam.scenario;

import dev.kam.domain.Soldier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds {@code hiring:}, new sales soldiers the company plans to hire, so that "how many soldiers should we
 * hire?" can be asked with {@code --set hiring.soldiers=4} or swept with
 * {@code kam compare S --sweep hiring.soldiers=0:8:2}:
 *
 * <pre>
 * hiring:
 *   soldiers: 4        # how many to hire (default 0, at most 1000)
 *   like: S007         # the soldier each hire is cloned from (default: the median soldier)
 * </pre>
 *
 * Each hire copies the template's layer, stars, industries, regions, capacity, certification and cost,
 * gets the id {@code HIRE01}, {@code HIRE02}, … (skipping ids already taken) and the name "New hire 1", …,
 * and owns no account: hires change results only where plans are optimized (they are then available to
 * the optimizer; today's-owner baselines do not use them). The median soldier is the middle one (lower
 * middle for an even count) when the soldiers are ordered by stars, certification, capacity and id.
 */
final class HiringKeys {
    /** Most soldiers one scenario may hire. */
    static final int MAX_HIRES = 1000;

    private HiringKeys() {
    }

    /** The scenario's soldiers followed by the hires; problems are reported on the section. */
    static List<Soldier> apply(Section s, List<Soldier> soldiers) {
        int n = s.integer("soldiers", 0, 0, MAX_HIRES);
        String like = s.string("like", "");
        // no soldiers: the soldiers table is missing or broken, which the table reader reports
        if (soldiers.isEmpty()) return soldiers;
        Soldier template;
        if (like == null || like.isBlank()) {
            if (n == 0) return soldiers;
            template = median(soldiers);
        } else {
            template = soldiers.stream().filter(x -> x.id().equals(like.trim())).findFirst().orElse(null);
            if (template == null) {
                List<String> ids = soldiers.stream().map(Soldier::id).toList();
                String hint = Hints.closest(like.trim(), ids);
                s.error("like", "no soldier has the id '" + like.trim() + "'"
                        + (hint != null ? " (did you mean '" + hint + "'?)" : "; give the id of a soldier in the soldiers table"));
                return soldiers;
            }
        }
        if (n == 0) return soldiers;
        Set<String> taken = new HashSet<>();
        for (Soldier x : soldiers) taken.add(x.id());
        List<Soldier> out = new ArrayList<>(soldiers);
        int k = 0;
        for (int i = 1; i <= n; i++) {
            String id;
            do {
                k++;
                id = String.format(Locale.ROOT, "HIRE%02d", k);
            } while (taken.contains(id));
            taken.add(id);
            out.add(new Soldier(id, "New hire " + i, template.layer(), template.stars(), template.industries(),
                    template.regions(), template.capacityHours(), template.certification(), template.annualCost()));
        }
        return out;
    }

    /** The middle soldier by stars, certification, capacity, then id. */
    static Soldier median(List<Soldier> soldiers) {
        List<Soldier> sorted = new ArrayList<>(soldiers);
        sorted.sort(Comparator.comparingInt(Soldier::stars).thenComparingInt(Soldier::certification)
                .thenComparingDouble(Soldier::capacityHours).thenComparing(Soldier::id));
        return sorted.get((sorted.size() - 1) / 2);
    }
}

package dev.kam.report;

import dev.kam.io.CsvOut;
import dev.kam.domain.Scenario;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every parameter a run used, with the YAML key that sets it: read from the scenario's parameter
 * records by reflection, so a parameter added to a record later is listed too (under its record
 * component name when no YAML key is known here).
 */
public final class Assumptions {
    /** One parameter: YAML key (or record component), value as text. */
    public record Entry(String key, String value) {
    }

    private static final Map<String, String> YAML = Map.ofEntries(
            Map.entry("analysis.keyShare", "analysis.pyramid.keyShare"),
            Map.entry("analysis.midShare", "analysis.pyramid.midShare"),
            Map.entry("analysis.useThreshold", "analysis.pyramid.useThreshold"),
            Map.entry("strategy.goalShare", "strategy.goals.keyAccountRevenueShare"),
            Map.entry("strategy.goalCount", "strategy.goals.keyAccountCount"),
            Map.entry("strategy.goalRevenue", "strategy.goals.keyAccountRevenue"),
            Map.entry("simulation.growthMean", "simulation.marketGrowth.mean"),
            Map.entry("simulation.growthSd", "simulation.marketGrowth.sd"),
            Map.entry("simulation.corrMarket", "simulation.correlation.market"),
            Map.entry("simulation.corrIndustry", "simulation.correlation.industry"),
            Map.entry("simulation.churnCovered", "simulation.churn.covered"),
            Map.entry("simulation.churnUncovered", "simulation.churn.uncovered"),
            Map.entry("simulation.gainCovered", "simulation.shareGain.covered"),
            Map.entry("simulation.gainUncovered", "simulation.shareGain.uncovered"),
            Map.entry("simulation.conversionCovered", "simulation.conversion.covered"),
            Map.entry("simulation.conversionUncovered", "simulation.conversion.uncovered"),
            Map.entry("simulation.responseShape", "simulation.response.shape"),
            Map.entry("simulation.responseHalf", "simulation.response.halfEffort"));

    /** The value shown for a parameter left unset and derived from others (a NaN in its record). */
    public static final String DERIVED = "—";
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private Assumptions() {
    }

    /** Whether an entry's value is a plain number (so it can be shown with separators). */
    public static boolean isNumber(String value) {
        return value != null && NUMBER.matcher(value.trim()).matches();
    }

    /** All parameters of the scenario, section by section. */
    public static List<Entry> of(Scenario s) {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("name", s.name()));
        out.add(new Entry("currency", s.currency()));
        out.add(new Entry("baseYear", Integer.toString(s.baseYear())));
        add(out, "strategy", s.strategy());
        add(out, "analysis", s.analysis());
        add(out, "assignment", s.assignment());
        add(out, "simulation", s.simulation());
        return out;
    }

    private static void add(List<Entry> out, String prefix, Object record) {
        if (record == null) return;
        if (!record.getClass().isRecord()) {
            out.add(new Entry(prefix, String.valueOf(record)));
            return;
        }
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            String key = prefix + "." + c.getName();
            if (v != null && v.getClass().isRecord()) {
                add(out, key, v);
            } else {
                out.add(new Entry(YAML.getOrDefault(key, key), text(v)));
            }
        }
    }

    static String text(Object v) {
        if (v == null) return "—";
        if (v instanceof Double d) return Double.isNaN(d) ? DERIVED : CsvOut.num(d);
        if (v instanceof Duration d) return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) sb.append(i > 0 ? ", " : "").append(CsvOut.num(a[i]));
            return sb.append(']').toString();
        }
        if (v instanceof int[] a) return java.util.Arrays.toString(a);
        if (v instanceof Object[] a) return java.util.Arrays.toString(a);
        if (v instanceof List<?> l) {
            if (l.isEmpty()) return "[]";
            StringBuilder sb = new StringBuilder();
            for (Object o : l) sb.append(sb.length() > 0 ? "; " : "").append(o);
            return sb.toString();
        }
        return String.valueOf(v);
    }
}

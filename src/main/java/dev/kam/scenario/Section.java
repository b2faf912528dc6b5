package dev.kam.scenario;

import dev.kam.domain.Problem;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML mapping read key by key with defaults. Every read names the key as known; after reading,
 * {@link #finish()} reports the keys that were present but never read as unknown, with a
 * did-you-mean hint. Every problem is collected into {@link Problems} with file and line, and the
 * default is returned in its place, so one pass reports everything.
 */
public final class Section {
    private final String file;
    private final String path;
    private final MappingNode node;
    private final int line;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final List<Section> children = new ArrayList<>();

    /**
     * @param file     file name for messages
     * @param path     dotted key path of this mapping ("" for the root)
     * @param node     the mapping node, or null when the mapping is absent (every read gives its default)
     * @param line     1-based line of the mapping (for messages about it as a whole)
     */
    public Section(String file, String path, MappingNode node, int line, Problems problems) {
        this.file = node == null ? file : fileOf(node, file);
        this.path = path;
        this.node = node;
        this.line = line;
        this.problems = problems;
        if (node != null) {
            for (NodeTuple t : node.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    NodeTuple first = entries.putIfAbsent(k.getValue(), t);
                    if (first != null) {
                        problems.error(fileOf(k, file), lineOf(k), field(k.getValue()), "key appears twice (first at line "
                                + lineOf(first.getKeyNode()) + "); keep one");
                    }
                } else {
                    problems.error(fileOf(t.getKeyNode(), file), lineOf(t.getKeyNode()), path, "keys must be plain names");
                }
            }
        }
    }

    /** The root section of a composed YAML document. */
    public static Section root(String file, Node document, Problems problems) {
        if (document == null) return new Section(file, "", null, 1, problems);
        if (!(document instanceof MappingNode m)) {
            problems.error(fileOf(document, file), lineOf(document), "", "the scenario must be a YAML mapping of keys to values");
            return new Section(file, "", null, 1, problems);
        }
        return new Section(file, "", m, lineOf(m), problems);
    }

    /** Source label of nodes made from {@code --set} overrides (reported without a line). */
    public static final String OVERRIDE = "--set";

    /** 1-based line of a node; 0 for nodes from {@code --set}. */
    public static int lineOf(Node n) {
        return n.getStartMark().map(m -> OVERRIDE.equals(m.getName()) ? 0 : m.getLine() + 1).orElse(0);
    }

    /** The file a node was read from (its mark's label), or {@code def} when unknown. */
    public static String fileOf(Node n, String def) {
        return n.getStartMark().map(m -> m.getName()).filter(x -> x != null && !x.isEmpty()).orElse(def);
    }

    /** The file the key (or, when absent, this mapping) was declared in. */
    public String fileOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? file : fileOf(t.getKeyNode(), file);
    }

    /** True when the key is present and its value is a mapping (the key is not marked as known). */
    public boolean isMapping(String key) {
        NodeTuple t = entries.get(key);
        return t != null && t.getValueNode() instanceof MappingNode;
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    /** 1-based line of this mapping. */
    public int line() {
        return line;
    }

    public boolean present() {
        return node != null;
    }

    public boolean has(String key) {
        known.add(key);
        return entries.containsKey(key);
    }

    /** The line of a key, or this section's line when the key is absent. */
    public int lineOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line : lineOf(t.getKeyNode());
    }

    /** The full dotted path of a key, for messages. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Problems problems() {
        return problems;
    }

    /** Reports an error at a key of this section. */
    public void error(String key, String message) {
        problems.error(fileOf(key), lineOf(key), field(key), message);
    }

    public void warning(String key, String message) {
        problems.warning(fileOf(key), lineOf(key), field(key), message);
    }

    private Node value(String key) {
        known.add(key);
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    private String scalar(String key) {
        Node v = value(key);
        if (v == null) return null;
        if (v instanceof ScalarNode s) {
            String text = s.getValue().trim();
            if (text.isEmpty() || text.equals("~") || text.equals("null")) return null;
            return text;
        }
        error(key, "expected a single value, found a " + (v instanceof MappingNode ? "mapping" : "list"));
        return null;
    }

    /** A number; NaN, infinities and text are errors. */
    public double number(String key, double def) {
        return number(key, def, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** A number within [min, max] (inclusive). */
    public double number(String key, double def, double min, double max) {
        String text = scalar(key);
        if (text == null) return def;
        double v;
        try {
            v = Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            error(key, "'" + text + "' is not a number");
            return def;
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            error(key, "'" + text + "' is not a finite number");
            return def;
        }
        if (v < min || v > max) {
            error(key, "(" + Problem.show(v) + ") must be " + range(min, max));
            return def;
        }
        return v;
    }

    private static String range(double min, double max) {
        if (min == Double.NEGATIVE_INFINITY) return "at most " + Problem.show(max);
        if (max == Double.POSITIVE_INFINITY) return "at least " + Problem.show(min);
        return "between " + Problem.show(min) + " and " + Problem.show(max);
    }

    /** A number between 0 and 1. */
    public double fraction(String key, double def) {
        return number(key, def, 0, 1);
    }

    /** A number at least 0. */
    public double nonNegative(String key, double def) {
        return number(key, def, 0, Double.POSITIVE_INFINITY);
    }

    /** A whole number within [min, max]. */
    public int integer(String key, int def, int min, int max) {
        String text = scalar(key);
        if (text == null) return def;
        long v;
        try {
            v = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            error(key, "'" + text + "' is not a whole number");
            return def;
        }
        if (v < min || v > max) {
            error(key, "(" + v + ") must be " + range(min, max));
            return def;
        }
        return (int) v;
    }

    public String string(String key, String def) {
        String text = scalar(key);
        return text == null ? def : text;
    }

    /** One of the allowed words (case-insensitive); returns the allowed spelling. */
    public String choice(String key, String def, List<String> allowed) {
        String text = scalar(key);
        if (text == null) return def;
        for (String a : allowed) {
            if (a.equalsIgnoreCase(text)) return a;
        }
        error(key, "'" + text + "' must be one of " + String.join(", ", allowed) + Hints.didYouMean(text, allowed));
        return def;
    }

    public boolean bool(String key, boolean def) {
        String text = scalar(key);
        if (text == null) return def;
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> {
                error(key, "'" + text + "' must be true or false");
                return def;
            }
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    /** A duration such as {@code 30s}, {@code 2m}, {@code 500ms}, {@code 1h} or ISO-8601 {@code PT30S}. */
    public Duration duration(String key, Duration def) {
        String text = scalar(key);
        if (text == null) return def;
        Duration d = parseDuration(text);
        if (d == null || d.isNegative() || d.isZero()) {
            error(key, "'" + text + "' is not a positive duration (write e.g. 30s, 2m, 500ms)");
            return def;
        }
        return d;
    }

    /** Parses {@code 30s}, {@code 2m}, {@code 500ms}, {@code 1h}, a bare number of seconds, or ISO-8601; null when invalid. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> n;
                case "m" -> n * 60_000;
                case "h" -> n * 3_600_000;
                default -> n * 1000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A nested mapping; an absent key gives an empty section whose reads return their defaults. */
    public Section section(String key) {
        Node v = value(key);
        Section child;
        if (v instanceof MappingNode m) {
            child = new Section(file, field(key), m, lineOf(m), problems);
        } else {
            if (v != null && !(v instanceof ScalarNode s && (s.getValue().isBlank() || s.getValue().equals("~")))) {
                error(key, "expected a mapping of keys to values");
            }
            child = new Section(fileOf(key), field(key), null, lineOf(key), problems);
        }
        children.add(child);
        return child;
    }

    /** A list of mappings (e.g. milestones); an absent key gives an empty list. */
    public List<Section> sections(String key) {
        Node v = value(key);
        List<Section> out = new ArrayList<>();
        if (v == null) return out;
        if (!(v instanceof SequenceNode seq)) {
            if (!(v instanceof ScalarNode s && s.getValue().isBlank())) error(key, "expected a list");
            return out;
        }
        int i = 0;
        for (Node item : seq.getValue()) {
            if (item instanceof MappingNode m) {
                Section child = new Section(file, field(key) + "[" + i + "]", m, lineOf(m), problems);
                children.add(child);
                out.add(child);
            } else {
                problems.error(fileOf(item, file), lineOf(item), field(key) + "[" + i + "]", "expected a mapping of keys to values");
            }
            i++;
        }
        return out;
    }

    /** A list of plain values; a single scalar counts as a one-element list. */
    public List<String> strings(String key) {
        Node v = value(key);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v instanceof ScalarNode s) {
            if (!s.getValue().isBlank()) out.add(s.getValue().trim());
        } else if (v instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) {
                    out.add(s.getValue().trim());
                } else {
                    problems.error(fileOf(item, file), lineOf(item), field(key), "expected a plain value in the list");
                }
            }
        } else {
            error(key, "expected a list of values");
        }
        return out;
    }

    /** The keys present in this mapping, in file order (they are not marked as known). */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** Marks a key as known without reading it (for keys handled elsewhere). */
    public void accept(String key) {
        known.add(key);
    }

    /** Reports present-but-unread keys of this section and every child section as unknown. */
    public void finish() {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                problems.error(fileOf(e.getValue().getKeyNode(), file), lineOf(e.getValue().getKeyNode()), field(e.getKey()),
                        "unknown key" + Hints.didYouMean(e.getKey(), known));
            }
        }
        for (Section c : children) c.finish();
    }
}

package dev.kam.scenario;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario's YAML as one node tree: the file, merged over the scenarios it {@code extends}
 * (child wins, mappings merged key by key, lists and values replaced), then the {@code --set}
 * overrides applied. Every node keeps the file it came from as its mark's label, so problems are
 * reported against the right file and line, and table paths resolve relative to the file that
 * declared them.
 */
final class YamlTree {
    /** Largest scenario YAML accepted (bytes). */
    static final long MAX_BYTES = 1L << 20;
    /** Largest number of aliases to collections in one YAML file (refuses alias bombs). */
    static final int MAX_ALIASES = 50;
    /** Longest chain of {@code extends}. */
    static final int MAX_EXTENDS_DEPTH = 16;

    private static final Mark OVERRIDE_MARK = new Mark(Section.OVERRIDE, 0, 0, 0, new int[0], 0);

    private YamlTree() {
    }

    /**
     * Loads {@code yaml} with its {@code extends} chain and applies the overrides; null when a file of
     * the chain is unreadable. A bad override is reported and skipped; the others still apply.
     */
    static Node load(Path yaml, List<String> overrides, Problems problems) {
        List<String> rest = new ArrayList<>();
        ScalarNode base = extendsOverride(overrides, rest, problems);
        Node doc = loadChain(yaml, yaml.toString(), new ArrayList<>(), problems, base);
        if (problems.hasErrors()) return null;
        return applyOverrides(doc, rest, problems);
    }

    /**
     * {@code --set extends=PATH} chooses the base instead of the file's own {@code extends:} (the path
     * relative to the working folder, like other --set paths); returns it as a node marked --set, and the
     * other overrides in {@code rest}. {@code extends.KEY=...} and an empty path are errors.
     */
    private static ScalarNode extendsOverride(List<String> overrides, List<String> rest, Problems problems) {
        ScalarNode base = null;
        for (String o : overrides == null ? List.<String>of() : overrides) {
            int eq = o.indexOf('=');
            String key = eq < 0 ? o.trim() : o.substring(0, eq).trim();
            if (!key.equals("extends") && !key.startsWith("extends.")) {
                rest.add(o);
                continue;
            }
            String value = eq < 0 ? "" : o.substring(eq + 1).trim();
            if (!key.equals("extends") || value.isEmpty()) {
                problems.error(Section.OVERRIDE, 0, key, "'" + o + "': extends is the path of the scenario YAML to build "
                        + "on; write --set extends=PATH (relative to the working folder)");
                continue;
            }
            base = scalar(value);
        }
        return base;
    }

    private static Node loadChain(Path yaml, String label, List<Path> chain, Problems problems, ScalarNode override) {
        Node doc = loadFile(yaml, label, problems);
        if (!(doc instanceof MappingNode m)) return doc;
        NodeTuple ext = find(m, "extends");
        if (override != null) ext = new NodeTuple(scalar("extends"), override);
        if (ext == null) return doc;
        String extFile = Section.fileOf(ext.getKeyNode(), label);
        int extLine = Section.lineOf(ext.getKeyNode());
        if (!(ext.getValueNode() instanceof ScalarNode s) || s.getValue().isBlank()) {
            problems.error(extFile, extLine, "extends", "must be the path of the scenario YAML this one builds on");
            return doc;
        }
        Path here = yaml.toAbsolutePath().normalize();
        chain.add(here);
        if (chain.size() > MAX_EXTENDS_DEPTH) {
            problems.error(extFile, extLine, "extends", "chain is longer than " + MAX_EXTENDS_DEPTH + " files");
            return doc;
        }
        Path dir = override != null || yaml.getParent() == null ? Path.of("") : yaml.getParent();
        Path base = dir.resolve(s.getValue().trim()).normalize();
        Path baseAbs = base.toAbsolutePath().normalize();
        if (chain.contains(baseAbs)) {
            StringBuilder cycle = new StringBuilder();
            for (Path p : chain.subList(chain.indexOf(baseAbs), chain.size())) cycle.append(p.getFileName()).append(" → ");
            cycle.append(baseAbs.getFileName());
            problems.error(extFile, extLine, "extends", "'" + s.getValue().trim() + "' makes a cycle: " + cycle);
            return doc;
        }
        if (!Files.isRegularFile(base)) {
            problems.error(extFile, extLine, "extends", "'" + s.getValue().trim() + "' not found (looked for " + base
                    + "; the path is relative to " + (override != null ? "the working folder" : label) + ")");
            return doc;
        }
        Node parent = loadChain(base, base.toString(), chain, problems, null);
        chain.remove(chain.size() - 1);
        if (parent == null) return doc;
        if (!(parent instanceof MappingNode pm)) {
            problems.error(base.toString(), Section.lineOf(parent), "", "the scenario must be a YAML mapping of keys to values");
            return doc;
        }
        return merge(pm, m);
    }

    /**
     * Deep merge: keys of both, child values win; two mappings under the same key merge recursively;
     * a child key with no value keeps the base's value.
     */
    static MappingNode merge(MappingNode base, MappingNode child) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : base.getValue()) {
            String k = key(t);
            if (k != null && !k.equals("extends")) out.put(k, t);
        }
        for (NodeTuple t : child.getValue()) {
            String k = key(t);
            if (k == null) continue;
            NodeTuple old = out.get(k);
            if (old != null && isNull(t.getValueNode())) continue; // "key:" with no value keeps the base's value
            if (old != null && old.getValueNode() instanceof MappingNode om && t.getValueNode() instanceof MappingNode cm) {
                out.put(k, new NodeTuple(t.getKeyNode(), merge(om, cm)));
            } else {
                out.put(k, t);
            }
        }
        return new MappingNode(Tag.MAP, true, new ArrayList<>(out.values()), FlowStyle.BLOCK,
                child.getStartMark(), child.getEndMark());
    }

    private static boolean isNull(Node n) {
        if (!(n instanceof ScalarNode s)) return false;
        String v = s.getValue().trim();
        return v.isEmpty() || v.equals("~") || v.equals("null");
    }

    private static String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
    }

    private static NodeTuple find(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (key.equals(key(t))) return t;
        }
        return null;
    }

    /** Reads and composes one YAML file; problems (size, encoding, syntax, aliases) are collected. */
    static Node loadFile(Path yaml, String label, Problems problems) {
        problems.inputs().add(yaml);
        if (!Files.exists(yaml)) {
            problems.error(label, 0, "", "file not found");
            return null;
        }
        if (!Files.isRegularFile(yaml)) {
            problems.error(label, 0, "", "is not a file");
            return null;
        }
        byte[] bytes;
        try {
            long size = Files.size(yaml);
            if (size > MAX_BYTES) {
                problems.error(label, 0, "", "file is " + size + " bytes; a scenario YAML may be at most " + MAX_BYTES
                        + " bytes (1 MiB)");
                return null;
            }
            try (InputStream in = Files.newInputStream(yaml)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                problems.error(label, 0, "", "file is larger than " + MAX_BYTES + " bytes (1 MiB), the limit for a scenario YAML");
                return null;
            }
        } catch (IOException e) {
            problems.error(label, 0, "", "cannot read: " + e.getMessage());
            return null;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                problems.error(label, 0, "", "contains binary data (a NUL byte at byte " + i + "); a scenario must be YAML text");
                return null;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.error(label, 0, "", "is not UTF-8 text; save the scenario YAML as UTF-8");
            return null;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        return compose(text, label, problems);
    }

    static Node compose(String text, String label, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit((int) MAX_BYTES)
                .build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            return composer.getSingleNode().orElse(null);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            int line = mark.map(m -> Section.OVERRIDE.equals(label) ? 0 : m.getLine() + 1).orElse(0);
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problems.error(label, line, "", "YAML syntax: " + context + e.getProblem());
        } catch (YamlEngineException e) {
            String msg = e.getMessage();
            if (msg != null && msg.contains("aliases")) {
                problems.error(label, 0, "", "uses more than " + MAX_ALIASES
                        + " aliases to lists or mappings; refused (this guards against alias bombs)");
            } else {
                problems.error(label, 0, "", "YAML: " + msg);
            }
        } catch (StackOverflowError e) {
            problems.error(label, 0, "", "is nested too deeply to be a scenario");
        }
        return null;
    }

    /**
     * Applies {@code key.path=value} overrides. A value starting with {@code [} or {@code {} is read as
     * YAML (a list or mapping); any other value is one text value, taken verbatim.
     */
    static Node applyOverrides(Node doc, List<String> overrides, Problems problems) {
        if (overrides == null || overrides.isEmpty()) return doc;
        MappingNode root;
        if (doc instanceof MappingNode m) {
            root = m;
        } else if (doc == null) {
            root = new MappingNode(Tag.MAP, true, new ArrayList<>(), FlowStyle.BLOCK, Optional.of(OVERRIDE_MARK),
                    Optional.of(OVERRIDE_MARK));
        } else {
            return doc;
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            String path = eq < 0 ? o : o.substring(0, eq).trim();
            if (eq < 0 || path.isEmpty()) {
                problems.error(Section.OVERRIDE, 0, "", "'" + o + "' must be KEY.PATH=VALUE, e.g. simulation.paths=5000");
                continue;
            }
            String[] keys = path.split("\\.", -1);
            boolean bad = false;
            for (String k : keys) bad |= k.isBlank();
            if (bad) {
                problems.error(Section.OVERRIDE, 0, path, "'" + path + "' has an empty key; write keys separated by single dots");
                continue;
            }
            String valueText = o.substring(eq + 1);
            String t = valueText.trim();
            // a flow list or mapping is read as YAML; anything else is taken verbatim (so ': ' and '#' stay text)
            boolean flow = t.startsWith("[") || t.startsWith("{");
            Node value = flow ? compose(t, Section.OVERRIDE, problems) : scalar(t);
            if (value == null) value = scalar("");
            set(root, keys, 0, value);
        }
        return root;
    }

    private static void set(MappingNode m, String[] keys, int i, Node value) {
        List<NodeTuple> tuples = new ArrayList<>(m.getValue());
        int at = -1;
        for (int j = 0; j < tuples.size(); j++) {
            if (keys[i].equals(key(tuples.get(j)))) at = j;
        }
        Node replacement;
        if (i == keys.length - 1) {
            replacement = value;
        } else {
            MappingNode child;
            if (at >= 0 && tuples.get(at).getValueNode() instanceof MappingNode cm) {
                child = cm;
            } else {
                child = new MappingNode(Tag.MAP, true, new ArrayList<>(), FlowStyle.BLOCK, Optional.of(OVERRIDE_MARK),
                        Optional.of(OVERRIDE_MARK));
            }
            set(child, keys, i + 1, value);
            replacement = child;
        }
        // the key node of a set value is marked --set, so problems with the value are reported there
        boolean kept = at >= 0 && i < keys.length - 1 && tuples.get(at).getValueNode() instanceof MappingNode;
        Node keyNode = kept ? tuples.get(at).getKeyNode() : scalar(keys[i]);
        NodeTuple t = new NodeTuple(keyNode, replacement);
        if (at >= 0) tuples.set(at, t); else tuples.add(t);
        m.setValue(tuples);
    }

    private static ScalarNode scalar(String text) {
        return new ScalarNode(Tag.STR, true, text, ScalarStyle.PLAIN, Optional.of(OVERRIDE_MARK), Optional.of(OVERRIDE_MARK));
    }
}

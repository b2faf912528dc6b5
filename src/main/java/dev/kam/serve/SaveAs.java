package dev.kam.serve;

import dev.kam.assign.Plan;
import dev.kam.domain.ScenarioException;
import dev.kam.io.Json;
import dev.kam.report.PlanWriter;
import dev.kam.scenario.ScenarioReader;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "Save as": the tab's assumptions as a new scenario folder. The new {@code scenario.yaml} {@code extends}
 * the server's scenario and sets only what changed, so the original files are never written; the plan
 * as the tab shows it goes beside it as {@code plan.json} ({@code kam simulate NEW/scenario.yaml --plan
 * NEW/plan.json}). Only a folder that does not exist yet is accepted: its name is claimed atomically,
 * the files are written into a hidden sibling, checked by reading the scenario back, and renamed into
 * place in one step, so the folder appears complete or not at all.
 *
 * <p>Interim: issue #10 brings one safe-write rule for every output; this class then uses it.
 */
final class SaveAs {
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private SaveAs() {
    }

    /** A folder next to the scenario's that does not exist yet, for the form to offer. */
    static Path suggest(Path scenarioFile) {
        Path abs = scenarioFile.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Path parent = dir.getParent() == null ? dir : dir.getParent();
        String stem = dir.getFileName() == null ? "scenario" : dir.getFileName().toString();
        for (int k = 1; k < 1000; k++) {
            Path p = parent.resolve(stem + "-whatif-" + k);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return p;
        }
        return parent.resolve(stem + "-whatif-" + System.currentTimeMillis());
    }

    /**
     * Writes the new folder.
     *
     * @param scenarioFile the server's scenario (the new one extends it)
     * @param changes      {@code --set}-style key → value text (command-line overrides first, the tab's after)
     * @param folder       the new folder; relative paths are relative to the folder holding the scenario file
     * @param plan         the plan to write as plan.json, null for none
     */
    static Map<String, Object> save(Path scenarioFile, Map<String, String> changes, String folder, Plan plan) {
        if (folder == null || folder.isBlank()) throw ApiException.badInput("folder: give the path of a new folder");
        Path base = scenarioFile.toAbsolutePath().normalize();
        Path target = base.getParent().resolve(folder.strip()).toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ApiException(409, "folder: " + target + " already exists; kam serve saves only into a new folder "
                    + "and never overwrites anything");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw ApiException.badInput("folder: " + (parent == null ? target : parent) + " is not an existing folder "
                    + "to create the new one in");
        }
        String yaml = yaml(base, target, changes);
        Path temp = null;
        boolean claimed = false;
        try {
            Files.createDirectory(target);
            claimed = true;
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            Files.writeString(temp.resolve("scenario.yaml"), yaml, StandardCharsets.UTF_8);
            if (plan != null) Files.writeString(temp.resolve("plan.json"), Json.text(PlanWriter.json(plan)), StandardCharsets.UTF_8);
            ScenarioReader.Result check = ScenarioReader.validate(temp.resolve("scenario.yaml"), List.of());
            if (check.problems().hasErrors()) {
                throw new IllegalStateException("the saved scenario does not read back: " + check.problems().all().get(0));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            claimed = false;
        } catch (FileAlreadyExistsException e) {
            throw new ApiException(409, "folder: " + target + " already exists; kam serve never overwrites anything");
        } catch (IOException e) {
            throw new ApiException(500, "cannot save into " + target + ": " + e.getMessage());
        } catch (ScenarioException e) {
            throw new IllegalStateException("the saved scenario does not read back: " + e.getMessage(), e);
        } finally {
            if (temp != null) Downloads.deleteTree(temp);
            if (claimed) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // the claimed folder is empty; leaving it behind loses nothing
                }
            }
        }
        return JsonIo.obj("folder", target.toString(), "scenario", target.resolve("scenario.yaml").toString(),
                "plan", plan == null ? null : target.resolve("plan.json").toString(), "changes", changes.size());
    }

    /** The new scenario.yaml: a comment, {@code extends}, then the changes as nested YAML. */
    static String yaml(Path base, Path target, Map<String, String> changes) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : changes.entrySet()) put(tree, c.getKey().split("\\."), 0, value(c.getValue()));
        String rel = target.relativize(base).toString().replace('\\', '/');
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("extends", rel);
        doc.putAll(tree);
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(120).build();
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        return "# Saved by kam serve on " + when + ": " + base.getFileName() + " with the changes made in the browser.\n"
                + "# The original files are untouched; this file extends them. Run: kam plan scenario.yaml\n"
                + "# The plan as it was shown is in plan.json: kam simulate scenario.yaml --plan plan.json\n"
                + new Dump(settings).dumpToString(doc);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> m, String[] keys, int i, Object value) {
        if (i == keys.length - 1) {
            m.put(keys[i], value);
            return;
        }
        Object child = m.get(keys[i]);
        if (!(child instanceof Map)) {
            child = new LinkedHashMap<String, Object>();
            m.put(keys[i], child);
        }
        put((Map<String, Object>) child, keys, i + 1, value);
    }

    /** A value as YAML will read it back: numbers and booleans plain, lists and mappings as structures. */
    private static Object value(String text) {
        String t = text.strip();
        if (t.startsWith("[") || t.startsWith("{")) {
            return new Load(LoadSettings.builder().build()).loadFromString(t);
        }
        if (t.equals("true") || t.equals("false")) return Boolean.valueOf(t);
        if (NUMBER.matcher(t).matches()) {
            if (t.matches("-?\\d+") && t.length() < 18) return Long.valueOf(t);
            return Double.valueOf(t);
        }
        return text;
    }
}

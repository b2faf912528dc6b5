package dev.kam.scenario;

import dev.kam.domain.Account;
import dev.kam.domain.MechanismParams.Funnel;
import dev.kam.domain.Opportunity;
import dev.kam.domain.Soldier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the optional {@code pipeline.csv} (SPEC §12, 过程管理): open opportunities with their account, soldier,
 * funnel stage, value and expected close. Declared as {@code tables: {pipeline: pipeline.csv}} (a path or
 * {@code {file, encoding}}, relative to the YAML that declares it); when not declared, {@code pipeline.csv}
 * beside the scenario is read if it exists. Refused, each at its line: duplicate opportunity ids, unknown
 * accounts or soldiers, stages that are not in the funnel, negative values, dates that are not dates.
 */
final class PipelineTable {
    static final String NAME = "pipeline";
    static final List<CsvRows.Column> COLUMNS = List.of(new CsvRows.Column("opportunity", true),
            new CsvRows.Column("account", true), new CsvRows.Column("soldier", true), new CsvRows.Column("stage", true),
            new CsvRows.Column("value", true), new CsvRows.Column("expectedClose", false));
    /** Unknown ids that get a did-you-mean hint (each costs a scan of every id). */
    private static final int MAX_HINTS = 50;

    private PipelineTable() {
    }

    /**
     * The opportunities, in file order; empty when there is no pipeline table. Cross-checks against the
     * accounts and soldiers run only when those tables could be read.
     */
    static List<Opportunity> read(Path topYaml, Section tables, Csv.Encoding encoding, Funnel funnel,
                                  List<Account> accounts, List<Soldier> soldiers, Problems problems) {
        Path topDir = topYaml.getParent() == null ? Path.of("") : topYaml.getParent();
        Path path;
        Csv.Encoding enc = encoding;
        if (tables.isMapping(NAME)) {
            Section t = tables.section(NAME);
            String rel = t.string("file", null);
            enc = Csv.Encoding.read(t, "encoding", encoding);
            if (rel == null) {
                t.error("file", "is required: the CSV file of the pipeline table");
                return List.of();
            }
            path = dirOf(t.fileOf("file"), topDir).resolve(rel).normalize();
        } else {
            String rel = tables.string(NAME, null);
            if (rel == null) {
                Path def = topDir.resolve(NAME + ".csv");
                if (!Files.exists(def)) return List.of();
                path = def;
            } else {
                path = dirOf(tables.fileOf(NAME), topDir).resolve(rel).normalize();
            }
        }
        String display = path.toString().isEmpty() ? "." : path.toString();
        Csv.Table table = Csv.read(path, display, enc, problems);
        if (table == null) return List.of();
        return read(CsvRows.bind(table, COLUMNS, problems), funnel, accounts, soldiers);
    }

    private static Path dirOf(String file, Path fallback) {
        if (file == null) return fallback;
        if (file.equals(Section.OVERRIDE)) return Path.of("");
        Path p = Path.of(file).getParent();
        return p == null ? Path.of("") : p;
    }

    static List<Opportunity> read(CsvRows r, Funnel funnel, List<Account> accounts, List<Soldier> soldiers) {
        Set<String> accountIds = new HashSet<>();
        for (Account a : accounts) accountIds.add(a.id());
        Set<String> soldierIds = new HashSet<>();
        for (Soldier s : soldiers) soldierIds.add(s.id());
        Map<String, Integer> seen = new HashMap<>();
        List<Opportunity> out = new ArrayList<>();
        int unknown = 0;
        for (Csv.Row row : r.rows()) {
            r.at(row);
            String id = r.required("opportunity");
            if (!id.isEmpty()) {
                Integer first = seen.putIfAbsent(id, r.line());
                if (first != null) {
                    r.error("opportunity", "duplicate id '" + id + "' (first at line " + first + "); ids must be unique");
                }
            }
            String account = r.required("account");
            if (!account.isEmpty() && !accountIds.isEmpty() && !accountIds.contains(account)) {
                r.error("account", "'" + account + "' is not the id of any account" + hint(account, accountIds, ++unknown));
            }
            String soldier = r.required("soldier");
            if (!soldier.isEmpty() && !soldierIds.isEmpty() && !soldierIds.contains(soldier)) {
                r.error("soldier", "'" + soldier + "' is not the id of any soldier" + hint(soldier, soldierIds, ++unknown));
            }
            int stage = 0;
            String stageText = r.cell("stage");
            if (stageText != null) {
                stage = funnel.step(stageText);
                if (stage == 0) {
                    r.error("stage", "'" + CsvRows.clip(stageText) + "' is not a funnel stage: give its step number 1–"
                            + funnel.size() + " or its name" + Hints.didYouMean(stageText, funnel.stages()));
                }
            } else {
                r.required("stage");
            }
            double value = r.number("value", true, 0, 0, Double.MAX_VALUE,
                    "must be at least 0: the yearly revenue the opportunity brings when signed");
            LocalDate close = null;
            String closeText = r.cell("expectedClose");
            if (closeText != null) {
                try {
                    close = LocalDate.parse(closeText);
                } catch (DateTimeParseException e) {
                    r.error("expectedClose", "'" + CsvRows.clip(closeText) + "' is not a date; write it as YYYY-MM-DD");
                }
            }
            if (stage > 0 && !Double.isNaN(value) && !id.isEmpty() && !account.isEmpty() && !soldier.isEmpty()) {
                out.add(new Opportunity(id, account, soldier, stage, value, close, r.line()));
            }
        }
        return out;
    }

    private static String hint(String wrong, Set<String> ids, int unknownSoFar) {
        if (unknownSoFar > MAX_HINTS || ids.size() > 100_000) return "";
        String c = Hints.closest(wrong, ids);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }
}

package dev.kam.scenario;

import dev.kam.domain.Account;
import dev.kam.domain.MechanismParams.Funnel;
import dev.kam.domain.Opportunity;
import dev.kam.domain.Soldier;

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
 * funnel stage, value and expected close. Declared as {@code tables: {pipeline: pipeline.csv}} (a path or a
 * mapping like any table's, a sheet of a workbook included); when not declared, {@code pipeline.csv} beside
 * the scenario is read if it exists, or the {@code pipeline} sheet of a top-level {@code workbook:}. Refused, each at its line: duplicate opportunity ids, unknown
 * accounts or soldiers, stages that are not in the funnel, negative values, dates that are not dates.
 */
final class PipelineTable {
    static final String NAME = "pipeline";
    static final List<CsvRows.Column> COLUMNS = List.of(new CsvRows.Column("opportunity", true, CsvRows.Kind.ID),
            new CsvRows.Column("account", true, CsvRows.Kind.ID), new CsvRows.Column("soldier", true, CsvRows.Kind.ID),
            new CsvRows.Column("stage", true, CsvRows.Kind.WORD), new CsvRows.Column("value", true, CsvRows.Kind.AMOUNT),
            new CsvRows.Column("expectedClose", false, CsvRows.Kind.DATE));
    /** Unknown ids that get a did-you-mean hint (each costs a scan of every id). */
    private static final int MAX_HINTS = 50;

    private PipelineTable() {
    }

    /**
     * The opportunities, in file order; empty when there is no pipeline table. The table may be a CSV file
     * or a sheet like any other ({@link Tables.Context}), with Chinese headers and lenient numbers.
     * Cross-checks against the accounts and soldiers run only when those tables could be read.
     */
    static List<Opportunity> read(Tables.Context ctx, Funnel funnel, List<Account> accounts, List<Soldier> soldiers,
                                  Problems problems) {
        Tables.Source src = ctx.source(NAME);
        if (src == null) return List.of();
        TableData table = src.loader().load(src);
        if (table == null) return List.of();
        CsvRows r = CsvRows.bind(table, COLUMNS, src.options(), problems);
        List<Opportunity> out = read(r, funnel, accounts, soldiers);
        r.finish();
        return out;
    }

    static List<Opportunity> read(CsvRows r, Funnel funnel, List<Account> accounts, List<Soldier> soldiers) {
        Set<String> accountIds = new HashSet<>();
        for (Account a : accounts) accountIds.add(a.id());
        Set<String> soldierIds = new HashSet<>();
        for (Soldier s : soldiers) soldierIds.add(s.id());
        Map<String, Integer> seen = new HashMap<>();
        List<Opportunity> out = new ArrayList<>();
        int unknown = 0;
        for (TableData.Row row : r.rows()) {
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

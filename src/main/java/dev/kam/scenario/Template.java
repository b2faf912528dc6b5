package dev.kam.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code kam init} writes: a scenario.yaml with every top-level section explained, and each table
 * with its header and one example row that validates. The example rows fit together (the account's
 * owner is the example soldier, the product addresses the account's needs, the history row is last
 * year's), so {@code kam validate} passes on the template as written.
 */
public final class Template {
    private Template() {
    }

    /**
     * One column of a template table.
     *
     * @param name    kam's header
     * @param example the example row's value ("" = left empty)
     * @param meaning one line for the documentation sheet and header comments
     * @param allowed the values allowed when the column has a fixed set (data validation), else empty
     */
    public record Column(String name, String example, String meaning, List<String> allowed) {
        /** Whether the column must be present and filled. */
        public boolean required(String table) {
            for (CsvRows.Column c : Tables.COLUMNS.get(table)) if (c.name().equals(name)) return c.required();
            return false;
        }

        /** Its Chinese header names (may be empty). */
        public List<String> aliases(String table) {
            return Aliases.COLUMNS.get(table).getOrDefault(name, List.of());
        }

        /** Whether the example is a number (written as a number in a workbook). */
        public boolean numeric(String table) {
            for (CsvRows.Column c : Tables.COLUMNS.get(table)) {
                if (c.name().equals(name)) {
                    return switch (c.kind()) {
                        case AMOUNT, FRACTION, HOURS, QUANTITY -> true;
                        default -> false;
                    };
                }
            }
            return false;
        }
    }

    private static final List<String> BOOLEANS = List.of("true", "false", "是", "否");
    private static final List<String> STAGES = List.of("prospect", "active", "at-risk", "潜在", "活跃", "风险");
    private static final List<String> LAYERS = List.of("base", "project", "hq", "基层", "项目", "总部");
    private static final List<String> RATINGS = List.of("1", "2", "3", "4", "5", "1A", "2A", "3A", "4A", "5A");

    /** The tables and their columns, in the order of {@link Tables#COLUMNS}; {@code baseYear} dates the history row. */
    public static Map<String, List<Column>> tables(int baseYear) {
        Map<String, List<Column>> t = new LinkedHashMap<>();
        t.put("accounts", List.of(
                c("id", "A001", "unique id of the account"),
                c("name", "示例客户有限公司", "display name (any language)"),
                c("industry", "manufacturing", "industry tag, matched against soldiers' industries"),
                c("region", "east", "region tag, matched against soldiers' regions"),
                c("revenue", "1200000", "revenue with us over the last 12 months (0 for a prospect)"),
                c("wallet", "5000000", "the account's whole yearly spend in our category (at least revenue)"),
                c("margin", "0.25", "gross margin 0-1 (25% may be written 25%)"),
                c("credit", "0.8", "creditworthiness 0-1 (default 0.8)"),
                c("difficulty", "0.5", "how hard the account is to develop, 0-1 (default 0.5)"),
                c("serviceHours", "200", "hours per year our people spend serving it"),
                c("orders", "12", "orders per year"),
                c("needs", "automation;maintenance", "need tags products address, separated by ;"),
                c("owner", "S001", "id (or unique name) of the soldier who leads it today; empty if none"),
                new Column("stage", "active", "prospect, active or at-risk (default from revenue)", STAGES),
                new Column("mustCover", "false", "true if the plan must give it a lead", BOOLEANS),
                c("baseHours", "", "selling hours a lead needs at standard effort (empty: the tier default)"),
                new Column("locked", "false", "true keeps today's owner (needs an owner)", BOOLEANS)));
        t.put("soldiers", List.of(
                c("id", "S001", "unique id of the soldier"),
                c("name", "张三", "name"),
                new Column("layer", "project", "base, project or hq (正奇合)", LAYERS),
                c("stars", "4", "star rating 1-5"),
                c("industries", "manufacturing;energy", "industries of expertise; * = all"),
                c("regions", "east", "regions worked in; * = all"),
                c("capacityHours", "1600", "selling hours per year (more than 0, at most 8760)"),
                c("certification", "2", "highest passed certification (通关), 0-3"),
                c("annualCost", "500000", "yearly cost of the soldier"),
                c("minHours", "", "least selling hours the plan must give the soldier (empty: none)")));
        t.put("products", List.of(
                c("id", "P001", "unique id of the product"),
                c("name", "智能运维平台", "name"),
                c("needs", "maintenance", "need tags it addresses, separated by ;"),
                c("price", "300000", "yearly revenue from one adopting account"),
                c("margin", "0.4", "gross margin 0-1"),
                c("serviceShare", "0.2", "share of the price that is service revenue, 0-1"),
                c("capacity", "20", "accounts it can be delivered to per year"),
                new Column("minRating", "1", "lowest 5A rating it may be offered to, 1-5 or 1A-5A", RATINGS)));
        t.put("relationships", List.of(
                c("soldier", "S001", "soldier id"),
                c("account", "A001", "account id"),
                c("strength", "0.7", "relationship strength 0-1"),
                c("hours", "", "override of the pair's hours at standard effort"),
                c("value", "", "override of the pair's yearly value")));
        t.put("history", List.of(
                c("account", "A001", "account id (lost accounts may be listed too)"),
                c("year", Integer.toString(baseYear - 1), "calendar year, at most baseYear; one row per account and year"),
                c("revenue", "1000000", "the account's revenue with us that year (the baseYear row must equal accounts revenue)"),
                c("owner", "S001", "who led it that year (empty: nobody)")));
        t.put("pipeline", List.of(
                c("opportunity", "O001", "unique id of the open opportunity"),
                c("account", "A001", "account id"),
                c("soldier", "S001", "soldier id working it"),
                c("stage", "3", "funnel step 1-9 or its name (mechanisms.funnel.stages)"),
                c("value", "800000", "yearly revenue it brings when signed"),
                c("expectedClose", baseYear + "-12-31", "expected signing date, YYYY-MM-DD (optional)")));
        return t;
    }

    private static Column c(String name, String example, String meaning) {
        return new Column(name, example, meaning, List.of());
    }

    /** The template's scenario.yaml; {@code workbook} names the workbook (null for CSV tables). */
    public static String yaml(int baseYear, String workbook) {
        List<String> l = new ArrayList<>();
        l.add("# A kam scenario. Fill in the tables, then run:  kam validate <this folder>");
        l.add("# Every key and column is explained in docs/scenario-format.md; every key below is optional");
        l.add("# unless it says otherwise, and a commented key shows its default.");
        l.add("");
        l.add("name: My Company                  # display name in reports (default: the folder name)");
        l.add("currency: CNY                     # code of every amount in the tables");
        l.add("baseYear: " + baseYear + "                    # \"today\"; the first planned year is baseYear + 1");
        l.add("# encoding: auto                  # CSV text: auto | utf-8 | gbk (GBK is what Excel writes on Chinese Windows)");
        l.add("# extends: base.yaml              # build on another scenario: its keys apply unless set here");
        l.add("");
        if (workbook != null) {
            l.add("# Every table is a sheet of this workbook, named after the table (accounts, soldiers, products,");
            l.add("# relationships, history, pipeline) or in Chinese (客户, 销售, 产品, 关系, 历史, 商机). The 说明 README sheet");
            l.add("# is not read.");
            l.add("workbook: " + workbook);
            l.add("# tables:                         # or give a table its own file or sheet:");
            l.add("#   accounts: {sheet: 客户, headerRow: 1}");
            l.add("#   soldiers: team.csv");
        } else {
            l.add("# Where the tables are (paths relative to this file). A table may also be a sheet of a workbook:");
            l.add("#   accounts: {file: data.xlsx, sheet: 客户}   or, for every table at once, a top-level workbook: data.xlsx");
            l.add("tables:");
            l.add("  accounts: accounts.csv");
            l.add("  soldiers: soldiers.csv");
            l.add("  products: products.csv");
            l.add("  relationships: relationships.csv   # optional");
            l.add("  history: history.csv               # optional: past revenue per account and year (kam calibrate)");
            l.add("  pipeline: pipeline.csv             # optional: open opportunities in the sales funnel");
        }
        l.add("");
        l.add("# Headers: kam's names (id, name, revenue, ...) or Chinese ones (客户编号, 客户名称, 收入, ...). Other headers:");
        l.add("# columns:                        # read any header as a kam column");
        l.add("#   accounts: {\"客户全称\": name, \"年销售额\": revenue}");
        l.add("# ignoreColumns: [最近拜访, 联系人] # extra CRM columns to skip (with a note)");
        l.add("# unknownColumns: error           # error (default: a header kam does not know is an error, so a");
        l.add("#                                 # misspelt column is never silently dropped) | ignore (skip with a note)");
        l.add("");
        l.add("strategy:");
        l.add("  horizonYears: 10                # years planned, 1-50");
        l.add("  keyAccountThreshold: 5000000    # yearly revenue that makes an account a key account");
        l.add("  # goals:                        # where the company wants to be in the last year (default: derived)");
        l.add("  #   keyAccountRevenue: 900000000");
        l.add("  #   keyAccountCount: 120");
        l.add("  #   keyAccountRevenueShare: 0.6");
        l.add("  # path: steady                  # steady | linear | s-curve | milestones");
        l.add("");
        l.add("# analysis:                       # pyramid and 5A rating");
        l.add("#   pyramid: {keyShare: 0.5, midShare: 0.8, useThreshold: true}");
        l.add("#   ratingWeights: {revenue: 0.30, profit: 0.25, credit: 0.15, efficiency: 0.15, ease: 0.15}");
        l.add("");
        l.add("assignment:                       # who leads which account (OptaPlanner)");
        l.add("  timeLimit: 30s");
        l.add("  seed: 1");
        l.add("  # maxProductsPerAccount: 2");
        l.add("  # switchingCost: 0.10           # x the account's yearly gross profit, charged when its lead changes");
        l.add("");
        l.add("simulation:                       # Monte Carlo over the horizon");
        l.add("  paths: 10000");
        l.add("  seed: 1");
        l.add("  # marketGrowth: {mean: 0.05, sd: 0.10}");
        l.add("  # churn: {covered: 0.03, uncovered: 0.12}");
        l.add("");
        l.add("# hiring:                         # soldiers the company plans to hire");
        l.add("#   soldiers: 0");
        l.add("#   like: S001                    # each hire is a copy of this soldier (default: the median one)");
        return String.join("\n", l) + "\n";
    }
}

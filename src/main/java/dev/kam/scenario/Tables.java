package dev.kam.scenario;

import dev.kam.domain.Problem;
import dev.kam.domain.Account;
import dev.kam.domain.HistoryEntry;
import dev.kam.domain.Layer;
import dev.kam.domain.Product;
import dev.kam.domain.Relationship;
import dev.kam.domain.Scenario;
import dev.kam.domain.Soldier;
import dev.kam.domain.Stage;
import dev.kam.domain.Tags;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CSV tables of a scenario (SPEC §3), read into domain records and cross-checked: duplicate ids,
 * owners and relationships that name unknown soldiers or accounts, empty required tables.
 *
 * <p>Under {@code tables:} each table is a path relative to the YAML file that declares it, or a
 * mapping {@code {file: PATH, encoding: gbk}}. Absent entries default to {@code accounts.csv},
 * {@code soldiers.csv}, {@code products.csv} beside the scenario, and {@code relationships.csv}
 * when such a file exists there.
 */
public record Tables(List<Account> accounts, List<Soldier> soldiers, List<Product> products,
                    List<Relationship> relationships, List<HistoryEntry> history) {

    /** Default credit of an account whose {@code credit} cell is empty (SPEC §3). */
    public static final double DEFAULT_CREDIT = 0.8;
    /** Default difficulty of an account whose {@code difficulty} cell is empty (SPEC §3). */
    public static final double DEFAULT_DIFFICULTY = 0.5;
    /** Hours in a year: no soldier sells more. */
    public static final double HOURS_PER_YEAR = 8760;

    private static CsvRows.Column req(String n) {
        return new CsvRows.Column(n, true);
    }

    private static CsvRows.Column opt(String n) {
        return new CsvRows.Column(n, false);
    }

    static final List<CsvRows.Column> ACCOUNT_COLUMNS = List.of(req("id"), req("name"), req("industry"),
            req("region"), req("revenue"), req("wallet"), req("margin"), opt("credit"), opt("difficulty"),
            opt("serviceHours"), opt("orders"), opt("needs"), opt("owner"), opt("stage"), opt("mustCover"),
            opt("baseHours"), opt("locked"));
    static final List<CsvRows.Column> SOLDIER_COLUMNS = List.of(req("id"), req("name"), opt("layer"),
            req("stars"), opt("industries"), opt("regions"), req("capacityHours"), opt("certification"),
            opt("annualCost"), opt("minHours"));
    static final List<CsvRows.Column> PRODUCT_COLUMNS = List.of(req("id"), req("name"), req("needs"),
            req("price"), req("margin"), opt("serviceShare"), req("capacity"), opt("minRating"));
    static final List<CsvRows.Column> RELATIONSHIP_COLUMNS = List.of(req("soldier"), req("account"),
            opt("strength"), opt("hours"), opt("value"));
    static final List<CsvRows.Column> HISTORY_COLUMNS = List.of(req("account"), req("year"), req("revenue"),
            opt("owner"));

    /** Names of the tables under {@code tables:}. */
    public static final List<String> NAMES = List.of("accounts", "soldiers", "products", "relationships", "history");
    /** Tables that may be absent: read from {@code NAME.csv} beside the scenario only when that file exists. */
    static final Set<String> OPTIONAL = Set.of("relationships", "history");

    private static final double MAX = Double.MAX_VALUE;

    /**
     * An amount or count: at least 0 (else {@code rule}) and at most {@link Limits#MAX_AMOUNT}, beyond which
     * kam's money arithmetic would overflow; {@code def} when empty (NaN when required and refused).
     */
    private static double amount(CsvRows r, String column, boolean required, double def, String rule) {
        double v = r.number(column, required, def, 0, MAX, rule);
        if (v > Limits.MAX_AMOUNT) {
            r.error(column, "(" + CsvRows.clip(r.cell(column)) + ") is larger than " + Limits.MAX_AMOUNT_TEXT
                    + ", the largest figure kam computes with; state amounts in thousands (or millions) instead");
            return required ? Double.NaN : def;
        }
        return v;
    }
    /** Unknown ids per check that get a did-you-mean hint (each costs a scan of every id). */
    private static final int MAX_ID_HINTS = 50;

    /** Records read from a table, with the line each came from (for cross-check messages). */
    record Read<T>(List<T> items, List<Integer> lines) {
    }

    /** Where a table comes from. */
    private record Source(Path path, String display, Csv.Encoding encoding, boolean optional) {
    }

    /**
     * Reads the tables declared under {@code tables} (a section of the merged scenario).
     *
     * @param topYaml  the scenario file named on the command line (default location of tables)
     * @param encoding the scenario-wide encoding (top-level {@code encoding:})
     */
    static Tables read(Path topYaml, Section tables, Csv.Encoding encoding, int baseYear, Problems problems) {
        Map<String, Source> sources = new HashMap<>();
        for (String name : NAMES) sources.put(name, source(topYaml, tables, name, encoding));

        List<Soldier> soldiers = readSoldiers(sources.get("soldiers"), problems);
        Read<Account> accounts = readAccounts(sources.get("accounts"), problems);
        Read<Product> products = readProducts(sources.get("products"), problems);
        Source rel = sources.get("relationships");
        Read<Relationship> relationships = rel == null ? null : readRelationships(rel, problems);
        Source hist = sources.get("history");
        List<HistoryEntry> history = hist == null ? List.of() : readHistory(hist, baseYear, problems);
        if (accounts != null && !history.isEmpty()) checkHistory(hist, history, accounts.items(), baseYear, problems);

        // Cross-references are checked only when the referenced table could be read, to avoid noise.
        if (soldiers != null && !soldiers.isEmpty() && accounts != null) checkOwners(sources.get("accounts"), accounts, soldiers, sources.get("soldiers").display(), problems);
        if (relationships != null && soldiers != null && accounts != null && !soldiers.isEmpty() && !accounts.items().isEmpty()) {
            checkRelationships(rel, relationships, accounts.items(), soldiers, sources.get("accounts").display(),
                    sources.get("soldiers").display(), problems);
        }
        if (products != null && accounts != null && !accounts.items().isEmpty()) {
            checkProductNeeds(sources.get("products"), products, accounts.items(), problems);
            checkProductTotal(sources.get("products"), products, accounts.items().size(), problems);
        }
        if (accounts != null && !accounts.items().isEmpty()
                && accounts.items().stream().allMatch(a -> a.revenue() == 0)) {
            problems.warning(sources.get("accounts").display(), 0, "revenue", "every account has revenue 0: "
                    + "shares, the pyramid and the key-account baseline are all zero");
        }
        return new Tables(accounts == null ? List.of() : accounts.items(), soldiers == null ? List.of() : soldiers,
                products == null ? List.of() : products.items(), relationships == null ? List.of() : relationships.items(),
                history);
    }

    private static Source source(Path topYaml, Section tables, String name, Csv.Encoding scenarioEncoding) {
        Path topDir = parent(topYaml);
        boolean optional = OPTIONAL.contains(name);
        String rel;
        Path base;
        Csv.Encoding enc = scenarioEncoding;
        if (tables.isMapping(name)) {
            Section t = tables.section(name);
            rel = t.string("file", null);
            enc = Csv.Encoding.read(t, "encoding", scenarioEncoding);
            if (rel == null) {
                t.error("file", "is required: the CSV file of the " + name + " table");
                return null;
            }
            base = dirOf(t.fileOf("file"), topDir);
            optional = false;
        } else {
            rel = tables.string(name, null);
            if (rel == null) {
                Path def = topDir.resolve(name + ".csv");
                if (optional && !Files.exists(def)) return null;
                return new Source(def, display(def), enc, false);
            }
            base = dirOf(tables.fileOf(name), topDir);
            optional = false;
        }
        Path p = base.resolve(rel).normalize();
        return new Source(p, display(p), enc, optional);
    }

    private static Path parent(Path p) {
        Path d = p.getParent();
        return d == null ? Path.of("") : d;
    }

    /** The folder against which a path declared in {@code file} resolves; {@code --set} paths resolve in the working directory. */
    private static Path dirOf(String file, Path fallback) {
        if (file == null) return fallback;
        if (file.equals(Section.OVERRIDE)) return Path.of("");
        return parent(Path.of(file));
    }

    private static String display(Path p) {
        String s = p.toString();
        return s.isEmpty() ? "." : s;
    }

    private static CsvRows open(Source src, List<CsvRows.Column> columns, String what, Problems problems) {
        if (src == null) return null;
        Csv.Table t = Csv.read(src.path(), src.display(), src.encoding(), problems);
        if (t == null) return null;
        CsvRows r = CsvRows.bind(t, columns, problems);
        if (t.rows().isEmpty()) {
            problems.error(src.display(), t.headerLine(), "", "has a header but no rows; at least one " + what
                    + " is needed");
        }
        return r;
    }

    static Read<Account> readAccounts(Source src, Problems problems) {
        CsvRows r = open(src, ACCOUNT_COLUMNS, "account", problems);
        if (r == null) return null;
        List<Account> out = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        double totalWallet = 0;
        for (Csv.Row row : r.rows()) {
            r.at(row);
            String id = r.required("id");
            unique(r, "id", id, seen);
            String name = r.required("name");
            String industry = r.required("industry");
            String region = r.required("region");
            double revenue = amount(r, "revenue", true, 0, "must be at least 0 (0 for a prospect)");
            double wallet = amount(r, "wallet", true, 0, "must be at least 0");
            if (!Double.isNaN(wallet) && totalWallet <= Limits.MAX_AMOUNT && (totalWallet += wallet) > Limits.MAX_AMOUNT) {
                r.error("wallet", "(" + CsvRows.clip(r.cell("wallet")) + ") brings the accounts' total wallet to "
                        + Problem.show(totalWallet) + ", above " + Limits.MAX_AMOUNT_TEXT + ", the largest total kam "
                        + "computes with; state amounts in thousands (or millions) instead");
            }
            if (!Double.isNaN(revenue) && !Double.isNaN(wallet) && revenue > wallet) {
                r.error("wallet", "(" + Problem.show(wallet) + ") must be at least revenue (" + Problem.show(revenue)
                        + "): the wallet is the account's whole yearly spend in our category");
            }
            double margin = r.number("margin", true, 0, 0, 1, "must be between 0 and 1 (e.g. 0.25 for 25%)");
            double credit = r.number("credit", false, DEFAULT_CREDIT, 0, 1, "must be between 0 and 1");
            double difficulty = r.number("difficulty", false, DEFAULT_DIFFICULTY, 0, 1, "must be between 0 and 1");
            double serviceHours = amount(r, "serviceHours", false, Double.NaN, "must be at least 0");
            double orders = amount(r, "orders", false, Double.NaN, "must be at least 0");
            Set<String> needs = r.tags("needs");
            String owner = r.cell("owner");
            Stage stage = null;
            String stageText = r.cell("stage");
            double rev = Double.isNaN(revenue) ? 0 : revenue;
            if (stageText != null) {
                stage = Stage.parse(stageText.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-'));
                if (stage == null) {
                    r.error("stage", "'" + CsvRows.clip(stageText) + "' must be one of prospect, active, at-risk"
                            + Hints.didYouMean(stageText, List.of("prospect", "active", "at-risk")));
                } else if (stage == Stage.PROSPECT && rev > 0) {
                    r.warning("stage", "is prospect but revenue is " + Problem.show(rev)
                            + "; a prospect has no revenue with us yet");
                } else if (stage != Stage.PROSPECT && rev == 0) {
                    r.warning("stage", "is " + stage.code() + " but revenue is 0; is it a prospect?");
                }
            }
            if (stage == null) stage = rev > 0 ? Stage.ACTIVE : Stage.PROSPECT;
            boolean mustCover = r.bool("mustCover", false);
            double baseHours = r.number("baseHours", false, Double.NaN, 0, HOURS_PER_YEAR,
                    "must be between 0 and 8760 (hours in a year)");
            if (baseHours == 0) {
                r.error("baseHours", "(0) must be more than 0; leave it empty for the tier default");
                baseHours = Double.NaN;
            }
            boolean locked = r.bool("locked", false);
            if (locked && owner == null) {
                r.error("locked", "is true but the account has no owner; a lock keeps today's owner, so name one in owner");
                locked = false;
            }
            out.add(new Account(id, name, industry, region, nan0(revenue), nan0(wallet), nan0(margin), credit,
                    difficulty, serviceHours, orders, needs, owner, stage, mustCover, baseHours, locked));
            lines.add(row.line());
        }
        return new Read<>(out, lines);
    }

    static List<Soldier> readSoldiers(Source src, Problems problems) {
        CsvRows r = open(src, SOLDIER_COLUMNS, "soldier", problems);
        if (r == null) return null;
        List<Soldier> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        if (!r.hasColumn("regions")) {
            problems.warning(r.file(), 1, "regions", "column is missing: soldiers work in no region and may be eligible "
                    + "for no account; add it, with * for all regions");
        }
        for (Csv.Row row : r.rows()) {
            r.at(row);
            String id = r.required("id");
            unique(r, "id", id, seen);
            String name = r.required("name");
            Layer layer = Layer.BASE;
            String layerText = r.cell("layer");
            if (layerText != null) {
                Layer l = Layer.parse(layerText);
                if (l == null) {
                    r.error("layer", "'" + CsvRows.clip(layerText) + "' must be one of base, project, hq"
                            + Hints.didYouMean(layerText, List.of("base", "project", "hq")));
                } else {
                    layer = l;
                }
            }
            int stars = r.integer("stars", true, 1, 1, 5, "must be between 1 and 5");
            Set<String> industries = r.tags("industries");
            Set<String> regions = r.tags("regions");
            if (regions.isEmpty() && r.hasColumn("regions")) {
                r.warning("regions", "is empty: the soldier works in no region and may be eligible for no account; "
                        + "write * for all regions");
            }
            double capacity = r.number("capacityHours", true, 0, 0, HOURS_PER_YEAR,
                    "must be between 0 and 8760 (hours in a year)");
            if (capacity == 0 && r.cell("capacityHours") != null) {
                r.error("capacityHours", "(0) must be more than 0: a soldier needs selling hours to lead accounts");
            }
            int certification = r.integer("certification", false, 0, 0, 3, "must be between 0 and 3");
            double cost = amount(r, "annualCost", false, Double.NaN, "must be at least 0");
            double minHours = r.number("minHours", false, Double.NaN, 0, HOURS_PER_YEAR,
                    "must be between 0 and 8760 (hours in a year)");
            if (!Double.isNaN(minHours) && !Double.isNaN(capacity) && capacity > 0 && minHours > capacity) {
                r.error("minHours", "(" + Problem.show(minHours) + ") must be at most capacityHours ("
                        + Problem.show(capacity) + "): a soldier cannot be planned above capacity");
                minHours = Double.NaN;
            }
            out.add(new Soldier(id, name, layer, stars, industries, regions, nan0(capacity), certification, cost,
                    minHours));
        }
        return out;
    }

    static Read<Product> readProducts(Source src, Problems problems) {
        CsvRows r = open(src, PRODUCT_COLUMNS, "product", problems);
        if (r == null) return null;
        List<Product> out = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Csv.Row row : r.rows()) {
            r.at(row);
            String id = r.required("id");
            unique(r, "id", id, seen);
            String name = r.required("name");
            Set<String> needs = r.tags("needs");
            if (needs.isEmpty() && r.hasColumn("needs")) {
                r.error("needs", "is empty; a product must address at least one need tag");
            }
            double price = amount(r, "price", true, 0, "must be at least 0");
            double margin = r.number("margin", true, 0, 0, 1, "must be between 0 and 1 (e.g. 0.3 for 30%)");
            double serviceShare = r.number("serviceShare", false, 0, 0, 1, "must be between 0 and 1");
            int capacity = r.integer("capacity", true, 0, 0, Integer.MAX_VALUE, "must be at least 0");
            int minRating = minRating(r);
            out.add(new Product(id, name, needs, nan0(price), nan0(margin), serviceShare, capacity, minRating));
            lines.add(row.line());
        }
        return new Read<>(out, lines);
    }

    /** minRating as 1–5 or 1A–5A. */
    private static int minRating(CsvRows r) {
        String text = r.cell("minRating");
        if (text != null && text.length() == 2 && Character.toUpperCase(text.charAt(1)) == 'A'
                && text.charAt(0) >= '1' && text.charAt(0) <= '5') {
            return text.charAt(0) - '0';
        }
        return r.integer("minRating", false, 1, 1, 5, "must be a 5A rating between 1 and 5");
    }

    static Read<Relationship> readRelationships(Source src, Problems problems) {
        Csv.Table t = Csv.read(src.path(), src.display(), src.encoding(), problems);
        if (t == null) return new Read<>(List.of(), List.of());
        CsvRows r = CsvRows.bind(t, RELATIONSHIP_COLUMNS, problems);
        List<Relationship> out = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        double totalValue = 0;
        for (Csv.Row row : r.rows()) {
            r.at(row);
            String soldier = r.required("soldier");
            String account = r.required("account");
            double strength = r.number("strength", false, Double.NaN, 0, 1, "must be between 0 and 1");
            double hours = r.number("hours", false, Double.NaN, 0, HOURS_PER_YEAR,
                    "must be between 0 and 8760 (hours in a year)");
            double value = amount(r, "value", false, Double.NaN, "must be at least 0");
            if (!Double.isNaN(value) && totalValue <= Limits.MAX_AMOUNT && (totalValue += value) > Limits.MAX_AMOUNT) {
                r.error("value", "(" + CsvRows.clip(r.cell("value")) + ") brings the relationships' total value to "
                        + Problem.show(totalValue) + ", above " + Limits.MAX_AMOUNT_TEXT + ", the largest total kam "
                        + "computes with; state amounts in thousands (or millions) instead");
            }
            out.add(new Relationship(soldier, account, strength, hours, value));
            lines.add(row.line());
        }
        return new Read<>(out, lines);
    }

    static List<HistoryEntry> readHistory(Source src, int baseYear, Problems problems) {
        Csv.Table t = Csv.read(src.path(), src.display(), src.encoding(), problems);
        if (t == null) return List.of();
        CsvRows r = CsvRows.bind(t, HISTORY_COLUMNS, problems);
        List<HistoryEntry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Csv.Row row : r.rows()) {
            r.at(row);
            String account = r.required("account");
            int year = r.integer("year", true, Integer.MIN_VALUE, 1900, baseYear,
                    "must be a calendar year up to baseYear (" + baseYear + "): history is the past");
            double revenue = amount(r, "revenue", true, 0, "must be at least 0 (0 when the account bought nothing that year)");
            String owner = r.cell("owner");
            if (year == Integer.MIN_VALUE) continue;
            if (!account.isEmpty()) {
                Integer first = seen.putIfAbsent(account + "\u0000" + year, row.line());
                if (first != null) {
                    r.error("year", "account " + account + " has a second row for " + year + " (first at line " + first
                            + "); one row per account and year");
                }
            }
            out.add(new HistoryEntry(account, year, nan0(revenue), owner, row.line()));
        }
        return out;
    }

    /** A base-year history row must agree with accounts.csv revenue (SPEC §8). */
    private static void checkHistory(Source src, List<HistoryEntry> history, List<Account> accounts, int baseYear,
                                     Problems problems) {
        Map<String, Account> byId = new HashMap<>();
        for (Account a : accounts) byId.putIfAbsent(a.id(), a);
        for (HistoryEntry h : history) {
            if (h.year() != baseYear) continue;
            Account a = byId.get(h.account());
            if (a == null) {
                if (h.revenue() > 0) {
                    problems.error(src.display(), h.line(), "account", "'" + h.account() + "' has base-year (" + baseYear
                            + ") revenue " + Problem.show(h.revenue()) + " but is not in the accounts table; every account "
                            + "with revenue today must be there");
                }
                continue;
            }
            double tol = Math.max(0.5, 1e-9 * Math.abs(a.revenue()));
            if (Math.abs(h.revenue() - a.revenue()) > tol) {
                problems.error(src.display(), h.line(), "revenue", "(" + Problem.show(h.revenue()) + ") for " + baseYear
                        + " must equal the account's revenue in the accounts table (" + Problem.show(a.revenue())
                        + "): the base-year row is today");
            }
        }
    }

    private static void unique(CsvRows r, String column, String id, Map<String, Integer> seen) {
        if (id.isEmpty()) return;
        Integer first = seen.putIfAbsent(id, r.line());
        if (first != null) r.error(column, "duplicate id '" + id + "' (first at line " + first + "); ids must be unique");
    }

    private static void checkOwners(Source src, Read<Account> read, List<Soldier> soldiers, String soldiersFile,
                                    Problems problems) {
        Map<String, Soldier> byId = new HashMap<>();
        for (Soldier s : soldiers) byId.putIfAbsent(s.id(), s);
        List<Account> accounts = read.items();
        List<Integer> lines = read.lines();
        int unknown = 0;
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            if (a.owner() != null && !byId.containsKey(a.owner())) {
                problems.error(src.display(), i < lines.size() ? lines.get(i) : 0, "owner", "'" + a.owner()
                        + "' is not the id of any soldier in " + soldiersFile + idHint(a.owner(), byId.keySet(), ++unknown));
            }
        }
    }

    private static void checkRelationships(Source src, Read<Relationship> read, List<Account> accounts,
                                           List<Soldier> soldiers, String accountsFile, String soldiersFile,
                                           Problems problems) {
        List<Relationship> rels = read.items();
        Set<String> soldierIds = new HashSet<>();
        for (Soldier s : soldiers) soldierIds.add(s.id());
        Set<String> accountIds = new HashSet<>();
        for (Account a : accounts) accountIds.add(a.id());
        List<Integer> lines = read.lines();
        Map<String, Integer> pairs = new HashMap<>();
        int unknown = 0;
        for (int i = 0; i < rels.size(); i++) {
            Relationship r = rels.get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            if (!r.soldier().isEmpty() && !soldierIds.contains(r.soldier())) {
                problems.error(src.display(), line, "soldier", "'" + r.soldier() + "' is not the id of any soldier in "
                        + soldiersFile
                        + idHint(r.soldier(), soldierIds, ++unknown));
            }
            if (!r.account().isEmpty() && !accountIds.contains(r.account())) {
                problems.error(src.display(), line, "account", "'" + r.account() + "' is not the id of any account in "
                        + accountsFile
                        + idHint(r.account(), accountIds, ++unknown));
            }
            Integer first = pairs.putIfAbsent(Scenario.pairKey(r.soldier(), r.account()), line);
            if (first != null) {
                problems.error(src.display(), line, "account", "the pair (" + r.soldier() + ", " + r.account()
                        + ") appears twice (first at line " + first + ")");
            }
        }
    }

    /**
     * The most all products can add to a plan's value, price × the accounts each can be offered to, stays
     * within {@link Limits#MAX_AMOUNT} (the objective is summed in cents as 64-bit integers).
     */
    private static void checkProductTotal(Source src, Read<Product> products, int accounts, Problems problems) {
        double total = 0;
        for (int i = 0; i < products.items().size(); i++) {
            Product p = products.items().get(i);
            total += p.price() * Math.min(p.capacity(), accounts);
            if (total > Limits.MAX_AMOUNT) {
                problems.error(src.display(), products.lines().get(i), "price", "(" + Problem.show(p.price())
                        + ") × capacity brings the products' total (price × the accounts each can reach) to "
                        + Problem.show(total) + ", above " + Limits.MAX_AMOUNT_TEXT + ", the largest total kam computes "
                        + "with; state amounts in thousands (or millions) instead");
                return;
            }
        }
    }

    /** A product whose needs no account has can never be offered: a warning (usually a typo in a tag). */
    private static void checkProductNeeds(Source src, Read<Product> products, List<Account> accounts, Problems problems) {
        Set<String> needs = new HashSet<>();
        for (Account a : accounts) needs.addAll(a.needs());
        List<String> known = new ArrayList<>(needs);
        known.sort(null);
        for (int i = 0; i < products.items().size(); i++) {
            Product p = products.items().get(i);
            if (p.needs().isEmpty() || p.needs().contains(Tags.ANY)) continue;
            if (p.needs().stream().noneMatch(needs::contains)) {
                String first = new TreeSet<>(p.needs()).first();
                String c = known.size() <= 10_000 ? Hints.closest(first, known) : null;
                problems.warning(src.display(), products.lines().get(i), "needs", "no account has any of the needs "
                        + String.join(";", new TreeSet<>(p.needs())) + ", so product " + p.id()
                        + " can never be offered" + (c == null ? "" : " (did you mean '" + c + "'?)"));
            }
        }
    }

    /** Did-you-mean for an unknown id; costly on big tables, so given only while few ids are unknown. */
    private static String idHint(String wrong, Set<String> ids, int unknownSoFar) {
        if (unknownSoFar > MAX_ID_HINTS || ids.size() > 100_000) return "";
        String c = Hints.closest(wrong, ids);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    private static double nan0(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

}

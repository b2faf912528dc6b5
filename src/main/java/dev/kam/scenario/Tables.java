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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of a scenario (SPEC §3, §10), read into domain records and cross-checked: duplicate ids,
 * owners and relationships that name unknown soldiers or accounts, empty required tables.
 *
 * <p>Under {@code tables:} each table is a path relative to the YAML file that declares it, or a
 * mapping {@code {file: PATH, encoding: gbk, sheet: 客户, headerRow: 2, columns: {...}, ignoreColumns:
 * [...], unknownColumns: ignore}}. A path may name a CSV file or an .xlsx workbook (the file's content
 * decides). A top-level {@code workbook: data.xlsx} supplies every table not declared otherwise, from
 * the sheet named after the table or one of its Chinese names ({@link Aliases#SHEETS}). Without either,
 * tables default to {@code accounts.csv}, {@code soldiers.csv}, {@code products.csv} beside the
 * scenario, and {@code relationships.csv} / {@code history.csv} when such a file exists there.
 */
public record Tables(List<Account> accounts, List<Soldier> soldiers, List<Product> products,
                    List<Relationship> relationships, List<HistoryEntry> history) {

    /** Default credit of an account whose {@code credit} cell is empty (SPEC §3). */
    public static final double DEFAULT_CREDIT = 0.8;
    /** Default difficulty of an account whose {@code difficulty} cell is empty (SPEC §3). */
    public static final double DEFAULT_DIFFICULTY = 0.5;
    /** Hours in a year: no soldier sells more. */
    public static final double HOURS_PER_YEAR = 8760;

    private static CsvRows.Column req(String n, CsvRows.Kind k) {
        return new CsvRows.Column(n, true, k);
    }

    private static CsvRows.Column opt(String n, CsvRows.Kind k) {
        return new CsvRows.Column(n, false, k);
    }

    private static final CsvRows.Kind ID = CsvRows.Kind.ID;
    private static final CsvRows.Kind TEXT = CsvRows.Kind.TEXT;
    private static final CsvRows.Kind TAGS = CsvRows.Kind.TAGS;
    private static final CsvRows.Kind AMOUNT = CsvRows.Kind.AMOUNT;
    private static final CsvRows.Kind FRACTION = CsvRows.Kind.FRACTION;
    private static final CsvRows.Kind HOURS = CsvRows.Kind.HOURS;
    private static final CsvRows.Kind QUANTITY = CsvRows.Kind.QUANTITY;
    private static final CsvRows.Kind BOOL = CsvRows.Kind.BOOL;
    private static final CsvRows.Kind WORD = CsvRows.Kind.WORD;

    static final List<CsvRows.Column> ACCOUNT_COLUMNS = List.of(req("id", ID), req("name", TEXT),
            req("industry", TAGS), req("region", TAGS), req("revenue", AMOUNT), req("wallet", AMOUNT),
            req("margin", FRACTION), opt("credit", FRACTION), opt("difficulty", FRACTION), opt("serviceHours", HOURS),
            opt("orders", QUANTITY), opt("needs", TAGS), opt("owner", ID), opt("stage", WORD), opt("mustCover", BOOL),
            opt("baseHours", HOURS), opt("locked", BOOL));
    static final List<CsvRows.Column> SOLDIER_COLUMNS = List.of(req("id", ID), req("name", TEXT), opt("layer", WORD),
            req("stars", QUANTITY), opt("industries", TAGS), opt("regions", TAGS), req("capacityHours", HOURS),
            opt("certification", QUANTITY), opt("annualCost", AMOUNT), opt("minHours", HOURS));
    static final List<CsvRows.Column> PRODUCT_COLUMNS = List.of(req("id", ID), req("name", TEXT), req("needs", TAGS),
            req("price", AMOUNT), req("margin", FRACTION), opt("serviceShare", FRACTION), req("capacity", QUANTITY),
            opt("minRating", WORD));
    static final List<CsvRows.Column> RELATIONSHIP_COLUMNS = List.of(req("soldier", ID), req("account", ID),
            opt("strength", FRACTION), opt("hours", HOURS), opt("value", AMOUNT));
    static final List<CsvRows.Column> HISTORY_COLUMNS = List.of(req("account", ID), req("year", QUANTITY),
            req("revenue", AMOUNT), opt("owner", ID));

    /** Every table's columns, in documentation order ({@code pipeline} is read by {@link PipelineTable}). */
    public static final Map<String, List<CsvRows.Column>> COLUMNS = columnsByTable();

    private static Map<String, List<CsvRows.Column>> columnsByTable() {
        Map<String, List<CsvRows.Column>> m = new LinkedHashMap<>();
        m.put("accounts", ACCOUNT_COLUMNS);
        m.put("soldiers", SOLDIER_COLUMNS);
        m.put("products", PRODUCT_COLUMNS);
        m.put("relationships", RELATIONSHIP_COLUMNS);
        m.put("history", HISTORY_COLUMNS);
        m.put(PipelineTable.NAME, PipelineTable.COLUMNS);
        return Collections.unmodifiableMap(m);
    }

    /** Names of the tables under {@code tables:}. */
    public static final List<String> NAMES = List.of("accounts", "soldiers", "products", "relationships", "history");
    /** Tables that may be absent: read from {@code NAME.csv} beside the scenario only when that file exists. */
    static final Set<String> OPTIONAL = Set.of("relationships", "history", PipelineTable.NAME);

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
    record Read<T>(List<T> items, List<Integer> lines, boolean badRevenue) {
        Read(List<T> items, List<Integer> lines) {
            this(items, lines, false);
        }
    }

    /**
     * Where a table comes from: a file (CSV or workbook) and, for a workbook, the sheet (null: the one
     * named after the table); {@code optional} tables whose file or sheet is absent are skipped.
     */
    record Source(String table, Path path, String display, Csv.Encoding encoding, boolean optional, String sheet,
                  boolean workbook, int headerRow, TableOptions options, Loader loader) {
        /** The label problems of this table are reported under once it is read (a sheet adds [name]). */
        String label() {
            return loader.label(this);
        }
    }

    /**
     * One read of a scenario's tables: where they are (the {@code tables:} section, a {@code workbook:}),
     * how their headers are read (the top-level {@code columns:}, {@code ignoreColumns:},
     * {@code unknownColumns:}), and the {@link Loader} that opens each file once. Every table of the
     * scenario, {@code pipeline} included, takes its {@link Source} from here.
     */
    static final class Context implements AutoCloseable {
        private final Path topYaml;
        private final Section tables;
        private final Csv.Encoding encoding;
        private final Workbook workbook;
        private final Settings global;
        private final Loader loader;

        private Context(Path topYaml, Section tables, Csv.Encoding encoding, Workbook workbook, Settings global,
                        Loader loader) {
            this.topYaml = topYaml;
            this.tables = tables;
            this.encoding = encoding;
            this.workbook = workbook;
            this.global = global;
            this.loader = loader;
        }

        /** Where table {@code name} comes from; null when it is optional and absent, or badly declared (reported). */
        Source source(String name) {
            return Tables.source(topYaml, tables, name, encoding, workbook, global, loader);
        }

        @Override
        public void close() {
            loader.close();
        }
    }

    /**
     * The reading context of a scenario.
     *
     * @param topYaml  the scenario file named on the command line (default location of tables)
     * @param root     the merged YAML's root section (for {@code workbook}, {@code columns}, ...)
     * @param tables   its {@code tables:} section (one instance, shared by every table's reader)
     * @param encoding the scenario-wide encoding (top-level {@code encoding:})
     * @param currency the scenario currency: amounts written with another currency's sign are refused
     */
    static Context context(Path topYaml, Section root, Section tables, Csv.Encoding encoding, String currency,
                           Problems problems) {
        return new Context(topYaml, tables, encoding, workbook(topYaml, root), Settings.read(root, null, currency),
                new Loader(problems));
    }

    /** Reads the five tables of SPEC §3 and §8 (accounts, soldiers, products, relationships, history) and cross-checks them. */
    static Tables read(Context ctx, int baseYear, Problems problems) {
        Map<String, Source> sources = new HashMap<>();
        for (String name : NAMES) sources.put(name, ctx.source(name));
        return read(sources, baseYear, problems);
    }

    private static Tables read(Map<String, Source> sources, int baseYear, Problems problems) {
        List<Soldier> soldiers = readSoldiers(sources.get("soldiers"), problems);
        Read<Account> accounts = readAccounts(sources.get("accounts"), problems);
        Read<Product> products = readProducts(sources.get("products"), problems);
        Source rel = sources.get("relationships");
        Read<Relationship> relationships = rel == null ? null : readRelationships(rel, problems);
        Source hist = sources.get("history");
        List<HistoryEntry> history = hist == null ? List.of() : readHistory(hist, baseYear, problems);

        // Cross-references are checked only when the referenced table could be read, to avoid noise.
        SoldierNames names = soldiers == null ? null : new SoldierNames(soldiers);
        if (soldiers != null && !soldiers.isEmpty() && accounts != null) {
            accounts = checkOwners(sources.get("accounts"), accounts, names, sources.get("soldiers").label(), problems);
        }
        if (soldiers != null && !soldiers.isEmpty() && !history.isEmpty()) history = historyOwners(hist, history, names, problems);
        if (accounts != null && !history.isEmpty()) checkHistory(hist, history, accounts.items(), baseYear, problems);
        if (relationships != null && soldiers != null && accounts != null && !soldiers.isEmpty() && !accounts.items().isEmpty()) {
            relationships = checkRelationships(rel, relationships, accounts.items(), names, sources.get("accounts").label(),
                    sources.get("soldiers").label(), problems);
        }
        if (products != null && accounts != null && !accounts.items().isEmpty()) {
            checkProductNeeds(sources.get("products"), products, accounts.items(), problems);
            checkProductTotal(sources.get("products"), products, accounts.items().size(), problems);
        }
        if (accounts != null && !accounts.items().isEmpty() && !accounts.badRevenue()
                && accounts.items().stream().allMatch(a -> a.revenue() == 0)) {
            problems.warning(sources.get("accounts").label(), 0, "revenue", "every account has revenue 0: "
                    + "shares, the pyramid and the key-account baseline are all zero");
        }
        return new Tables(accounts == null ? List.of() : accounts.items(), soldiers == null ? List.of() : soldiers,
                products == null ? List.of() : products.items(), relationships == null ? List.of() : relationships.items(),
                history);
    }

    /** The top-level {@code workbook:}: the file every table not declared otherwise is a sheet of. */
    private record Workbook(Path path, String display) {
    }

    private static Workbook workbook(Path topYaml, Section root) {
        String rel = root.string("workbook", null);
        if (rel == null) return null;
        Path p = dirOf(root.fileOf("workbook"), parent(topYaml)).resolve(rel).normalize();
        return new Workbook(p, display(p));
    }

    /** The header options of one table: a mapping, ignored headers, and what an unknown header does. */
    private record Settings(Map<String, Section> columnsByTable, Set<String> ignore, boolean ignoreUnknown,
                            String currency) {
        /** Reads {@code columns}, {@code ignoreColumns}, {@code unknownColumns} of {@code s} over {@code base}. */
        static Settings read(Section s, Settings base, String currency) {
            Map<String, Section> cols = new HashMap<>(base == null ? Map.of() : base.columnsByTable());
            if (base == null) {
                Section c = s.section("columns");
                for (String n : COLUMNS.keySet()) if (c.has(n)) cols.put(n, c.section(n));
            }
            Set<String> ignore = new HashSet<>(base == null ? Set.of() : base.ignore());
            for (String h : s.strings("ignoreColumns")) ignore.add(Aliases.fold(h));
            boolean unknown = base != null && base.ignoreUnknown();
            String u = s.choice("unknownColumns", null, TableOptions.UNKNOWN_COLUMNS);
            if (u != null) unknown = u.equals("ignore");
            return new Settings(cols, ignore, unknown, currency);
        }

        TableOptions options(String table, Section own) {
            Map<String, TableOptions.Mapping> mapped = new HashMap<>();
            Section global = columnsByTable.get(table);
            if (global != null) mapping(global, table, mapped);
            if (own != null) mapping(own, table, mapped);
            return new TableOptions(table, currency, mapped, ignore, ignoreUnknown);
        }

        /** Reads {@code {"客户全称": name}} entries; a value must be a column of the table (or an alias of one). */
        private static void mapping(Section s, String table, Map<String, TableOptions.Mapping> out) {
            List<String> names = new ArrayList<>();
            for (CsvRows.Column c : COLUMNS.get(table)) names.add(c.name());
            for (String header : new ArrayList<>(s.keys())) {
                String v = s.string(header, null);
                if (v == null) continue;
                String col = names.contains(v) ? v : Aliases.column(table, v);
                if (col == null) {
                    s.error(header, "'" + v + "' is not a column of the " + table + " table" + Hints.didYouMean(v, names));
                    continue;
                }
                out.put(Aliases.fold(header), new TableOptions.Mapping(header, col, s.fileOf(header), s.lineOf(header)));
            }
        }
    }

    private static Source source(Path topYaml, Section tables, String name, Csv.Encoding scenarioEncoding,
                                 Workbook wb, Settings global, Loader loader) {
        Path topDir = parent(topYaml);
        boolean optional = OPTIONAL.contains(name);
        Csv.Encoding enc = scenarioEncoding;
        if (tables.isMapping(name)) {
            Section t = tables.section(name);
            String rel = t.string("file", null);
            enc = Csv.Encoding.read(t, "encoding", scenarioEncoding);
            String sheet = t.string("sheet", null);
            int headerRow = t.integer("headerRow", 1, 1, 1_048_576);
            Settings own = Settings.read(t, global, global.currency());
            TableOptions options = own.options(name, t.has("columns") ? t.section("columns") : null);
            if (rel == null) {
                if (wb != null) return new Source(name, wb.path(), wb.display(), enc, false, sheet, true, headerRow, options, loader);
                t.error("file", "is required: the CSV file or workbook of the " + name + " table"
                        + (sheet != null ? " (or a top-level workbook: that holds the sheet)" : ""));
                return null;
            }
            Path p = dirOf(t.fileOf("file"), topDir).resolve(rel).normalize();
            return new Source(name, p, display(p), enc, false, sheet, sheet != null, headerRow, options, loader);
        }
        TableOptions options = global.options(name, null);
        String rel = tables.string(name, null);
        if (rel == null) {
            if (wb != null) return new Source(name, wb.path(), wb.display(), enc, optional, null, true, 1, options, loader);
            Path def = topDir.resolve(name + ".csv");
            if (optional && !Files.exists(def, LinkOption.NOFOLLOW_LINKS)) return null;
            return new Source(name, def, display(def), enc, false, null, false, 1, options, loader);
        }
        Path p = dirOf(tables.fileOf(name), topDir).resolve(rel).normalize();
        return new Source(name, p, display(p), enc, false, null, false, 1, options, loader);
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

    /**
     * Opens table files for one read of a scenario: each file once (a workbook that holds several tables
     * is read and checked once), each through {@link TableFile#read}.
     */
    static final class Loader {
        private final Problems problems;
        private final Map<Path, TableFile.Opened> files = new HashMap<>();
        private final Set<Path> failed = new HashSet<>();
        private final Map<Path, XlsxBook> books = new HashMap<>();
        private final Map<Source, XlsxBook.SheetInfo> chosen = new HashMap<>();

        Loader(Problems problems) {
            this.problems = problems;
        }

        String label(Source src) {
            XlsxBook.SheetInfo s = chosen.get(src);
            return s == null ? src.display() : src.display() + "[" + s.name() + "]";
        }

        /** The file of a table, opened once per read of the scenario. */
        private TableFile.Opened file(Source src) {
            Path key = src.path().toAbsolutePath().normalize();
            if (failed.contains(key)) return null;
            TableFile.Opened f = files.get(key);
            if (f == null) {
                f = TableFile.open(src.path(), src.display(), problems);
                if (f == null) {
                    failed.add(key);
                    return null;
                }
                files.put(key, f);
            }
            return f;
        }

        /** The table's rows, or null when the file or sheet cannot be read (reported) or an optional sheet is absent. */
        TableData load(Source src) {
            Path key = src.path().toAbsolutePath().normalize();
            if (src.optional() && src.workbook() && !Files.exists(src.path())) return null;
            TableFile.Opened f = file(src);
            if (f == null) return null;
            if (f.type() == TableFile.Type.TEXT) {
                if (src.workbook()) {
                    problems.error(src.display(), 0, "", XlsxBook.notAWorkbook(f.bytes()) + (src.sheet() != null
                            ? " (the " + src.table() + " table names a sheet: '" + src.sheet() + "')" : ""));
                    failed.add(key);
                    return null;
                }
                return Csv.parse(f.bytes(), src.display(), src.encoding(), problems);
            }
            XlsxBook book = books.get(key);
            if (book == null) {
                if (failed.contains(key)) return null;
                book = XlsxBook.open(f, problems);
                if (book == null) {
                    failed.add(key);
                    return null;
                }
                if (src.display().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    problems.warning(src.display(), 0, "", "is an Excel workbook, not CSV text; it was read as a workbook "
                            + "(rename it to .xlsx)");
                }
                books.put(key, book);
            }
            XlsxBook.SheetInfo sheet = pick(book, src);
            if (sheet == null) return null;
            chosen.put(src, sheet);
            return book.read(sheet, src.headerRow(), problems);
        }

        /** The sheet of a table: the one named, else the one named after the table, else the only one. */
        private XlsxBook.SheetInfo pick(XlsxBook book, Source src) {
            if (src.sheet() != null) {
                XlsxBook.SheetInfo s = book.sheet(src.sheet());
                if (s == null) {
                    List<String> names = new ArrayList<>();
                    for (XlsxBook.SheetInfo i : book.sheets()) names.add(i.name());
                    String close = Hints.closest(src.sheet(), names);
                    problems.error(src.display(), 0, "", "has no sheet '" + src.sheet() + "' (its sheets: "
                            + book.sheetList() + ")" + (close == null ? "" : "; did you mean '" + close + "'?"));
                }
                return s;
            }
            XlsxBook.SheetInfo exact = book.sheet(src.table());
            if (exact != null) return exact;
            List<XlsxBook.SheetInfo> found = new ArrayList<>();
            for (String alias : Aliases.SHEETS.get(src.table())) {
                XlsxBook.SheetInfo s = book.sheet(alias);
                if (s != null && !found.contains(s)) found.add(s);
            }
            if (found.size() == 1) return found.get(0);
            if (found.size() > 1) {
                List<String> n = new ArrayList<>();
                for (XlsxBook.SheetInfo s : found) n.add(s.name());
                problems.error(src.display(), 0, "", "has several sheets that could be the " + src.table() + " table ("
                        + String.join(", ", n) + "); say which with tables: {" + src.table() + ": {sheet: NAME}}");
                return null;
            }
            if (!src.workbook() && book.sheets().size() == 1) return book.sheets().get(0);
            if (src.optional()) return null;
            List<String> looked = new ArrayList<>();
            looked.add(src.table());
            looked.addAll(Aliases.SHEETS.get(src.table()));
            problems.error(src.display(), 0, "", "has no sheet for the " + src.table() + " table (looked for "
                    + String.join(", ", looked) + "; its sheets: " + book.sheetList() + "); name the sheet with tables: {"
                    + src.table() + ": {sheet: NAME}}");
            return null;
        }

        void close() {
            for (XlsxBook b : books.values()) b.close();
        }
    }

    /** Opens a table and binds its header; null when it cannot be read. Reports a table with no rows. */
    private static CsvRows open(Source src, List<CsvRows.Column> columns, String what, Problems problems) {
        if (src == null) return null;
        TableData t = src.loader().load(src);
        if (t == null) return null;
        CsvRows r = CsvRows.bind(t, columns, src.options(), problems);
        if (t.rows().isEmpty()) {
            problems.error(t.file(), t.headerLine(), "", "has a header but no rows; at least one " + what + " is needed");
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
        boolean badRevenue = false;
        for (TableData.Row row : r.rows()) {
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
            // a revenue that could not be read is unknown, not 0: it must not also raise "revenue is 0" warnings
            boolean revenueKnown = !Double.isNaN(revenue) && (r.cell("revenue") != null || !r.hasColumn("revenue"));
            badRevenue |= !revenueKnown;
            double rev = Double.isNaN(revenue) ? 0 : revenue;
            if (stageText != null) {
                stage = Aliases.stage(stageText);
                if (stage == null) {
                    r.error("stage", "'" + CsvRows.clip(stageText) + "' must be one of prospect, active, at-risk, "
                            + "or 潜在, 活跃, 风险" + Hints.didYouMean(stageText, List.of("prospect", "active", "at-risk")));
                } else if (revenueKnown && stage == Stage.PROSPECT && rev > 0) {
                    r.warning("stage", "is prospect but revenue is " + Problem.show(rev)
                            + "; a prospect has no revenue with us yet");
                } else if (revenueKnown && stage != Stage.PROSPECT && rev == 0) {
                    r.warning("stage", "is " + stage.code() + " but revenue is 0; is it a prospect?");
                }
            }
            if (stage == null) stage = rev > 0 || !revenueKnown ? Stage.ACTIVE : Stage.PROSPECT;
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
        r.finish();
        return new Read<>(out, lines, badRevenue);
    }

    static List<Soldier> readSoldiers(Source src, Problems problems) {
        CsvRows r = open(src, SOLDIER_COLUMNS, "soldier", problems);
        if (r == null) return null;
        List<Soldier> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        if (!r.hasColumn("regions")) {
            problems.warning(r.file(), r.headerLine(), "regions", "column is missing: soldiers work in no region and may be "
                    + "eligible for no account; add it, with * for all regions");
        }
        for (TableData.Row row : r.rows()) {
            r.at(row);
            String id = r.required("id");
            unique(r, "id", id, seen);
            String name = r.required("name");
            Layer layer = Layer.BASE;
            String layerText = r.cell("layer");
            if (layerText != null) {
                Layer l = Aliases.layer(layerText);
                if (l == null) {
                    r.error("layer", "'" + CsvRows.clip(layerText) + "' must be one of base, project, hq, or 基层, 项目, 总部"
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
        r.finish();
        return out;
    }

    static Read<Product> readProducts(Source src, Problems problems) {
        CsvRows r = open(src, PRODUCT_COLUMNS, "product", problems);
        if (r == null) return null;
        List<Product> out = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TableData.Row row : r.rows()) {
            r.at(row);
            String id = r.required("id");
            unique(r, "id", id, seen);
            String name = r.required("name");
            Set<String> needs = r.tags("needs");
            if (needs.isEmpty() && r.hasColumn("needs") && r.cell("needs") == null) {
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
        r.finish();
        return new Read<>(out, lines);
    }

    /** minRating as 1–5 or 1A–5A (a full-width Ａ too). */
    private static int minRating(CsvRows r) {
        String text = r.cell("minRating");
        if (text != null) {
            String t = CsvRows.halfWidth(text).trim();
            if (t.length() == 2 && Character.toUpperCase(t.charAt(1)) == 'A' && t.charAt(0) >= '1' && t.charAt(0) <= '5') {
                return t.charAt(0) - '0';
            }
        }
        return r.integer("minRating", false, 1, 1, 5, "must be a 5A rating between 1 and 5");
    }

    static Read<Relationship> readRelationships(Source src, Problems problems) {
        TableData t = src.loader().load(src);
        if (t == null) return new Read<>(List.of(), List.of());
        CsvRows r = CsvRows.bind(t, RELATIONSHIP_COLUMNS, src.options(), problems);
        List<Relationship> out = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        double totalValue = 0;
        for (TableData.Row row : r.rows()) {
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
        r.finish();
        return new Read<>(out, lines);
    }

    static List<HistoryEntry> readHistory(Source src, int baseYear, Problems problems) {
        TableData t = src.loader().load(src);
        if (t == null) return List.of();
        CsvRows r = CsvRows.bind(t, HISTORY_COLUMNS, src.options(), problems);
        List<HistoryEntry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TableData.Row row : r.rows()) {
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
        r.finish();
        return out;
    }

    /** A base-year history row must agree with the accounts table's revenue (SPEC §8). */
    private static void checkHistory(Source src, List<HistoryEntry> history, List<Account> accounts, int baseYear,
                                     Problems problems) {
        Map<String, Account> byId = new HashMap<>();
        for (Account a : accounts) byId.putIfAbsent(a.id(), a);
        for (HistoryEntry h : history) {
            if (h.year() != baseYear) continue;
            Account a = byId.get(h.account());
            if (a == null) {
                if (h.revenue() > 0) {
                    problems.error(src.label(), h.line(), "account", "'" + h.account() + "' has base-year (" + baseYear
                            + ") revenue " + Problem.show(h.revenue()) + " but is not in the accounts table; every account "
                            + "with revenue today must be there");
                }
                continue;
            }
            double tol = Math.max(0.5, 1e-9 * Math.abs(a.revenue()));
            if (Math.abs(h.revenue() - a.revenue()) > tol) {
                problems.error(src.label(), h.line(), "revenue", "(" + Problem.show(h.revenue()) + ") for " + baseYear
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

    /**
     * Soldiers by id and by name, to resolve a reference written either way: an id wins; a name that
     * belongs to exactly one soldier stands for that soldier's id.
     */
    static final class SoldierNames {
        final Map<String, Soldier> byId = new HashMap<>();
        final Map<String, List<Soldier>> byName = new HashMap<>();
        private final List<String> everything = new ArrayList<>();

        SoldierNames(List<Soldier> soldiers) {
            for (Soldier s : soldiers) {
                if (byId.putIfAbsent(s.id(), s) == null) everything.add(s.id());
                List<Soldier> same = byName.computeIfAbsent(s.name().strip(), k -> new ArrayList<>());
                same.add(s);
                if (same.size() == 1) everything.add(s.name().strip());
            }
        }

        /** The soldiers a reference could mean: one by id, or every soldier of that name. */
        List<Soldier> find(String ref) {
            Soldier s = byId.get(ref);
            if (s != null) return List.of(s);
            return byName.getOrDefault(ref.strip(), List.of());
        }

        /** " (did you mean 'S1' (王伟)?)" with the closest id or name, or "" when nothing is close. */
        String hint(String wrong, int unknownSoFar) {
            if (unknownSoFar > MAX_ID_HINTS || everything.size() > 100_000) return "";
            String c = Hints.closest(wrong, everything);
            if (c == null) return "";
            Soldier s = byId.get(c);
            if (s != null) return " (did you mean '" + c + "' (" + s.name() + ")?)";
            List<Soldier> named = byName.get(c);
            return " (did you mean '" + c + "' (" + ids(named) + ")?)";
        }

        static String ids(List<Soldier> soldiers) {
            List<String> ids = new ArrayList<>();
            for (Soldier s : soldiers) ids.add(s.id());
            return String.join(", ", ids);
        }
    }

    /** Owners must be soldiers; an owner written as a soldier's unique name becomes that soldier's id. */
    private static Read<Account> checkOwners(Source src, Read<Account> read, SoldierNames names, String soldiersFile,
                                             Problems problems) {
        List<Account> accounts = new ArrayList<>(read.items());
        List<Integer> lines = read.lines();
        int unknown = 0;
        Map<String, String> byName = new TreeMap<>();
        int resolved = 0;
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            if (a.owner() == null) continue;
            int line = i < lines.size() ? lines.get(i) : 0;
            String id = resolve(a.owner(), names, src.label(), line, "owner", soldiersFile, ++unknown, problems);
            if (id == null || id.equals(a.owner())) continue;
            byName.putIfAbsent(a.owner(), id);
            resolved++;
            accounts.set(i, new Account(a.id(), a.name(), a.industry(), a.region(), a.revenue(), a.wallet(), a.margin(),
                    a.credit(), a.difficulty(), a.serviceHours(), a.orders(), a.needs(), id, a.stage(), a.mustCover(),
                    a.baseHours(), a.locked()));
        }
        noteNames(src.label(), "owner", resolved, byName, problems);
        return new Read<>(accounts, lines, read.badRevenue());
    }

    /**
     * The soldier id a reference means, or null when it means none (reported: an unknown reference with a
     * did-you-mean, an ambiguous name with the candidates' ids).
     */
    private static String resolve(String ref, SoldierNames names, String file, int line, String field,
                                  String soldiersFile, int unknownSoFar, Problems problems) {
        List<Soldier> found = names.find(ref);
        if (found.size() == 1) return found.get(0).id();
        if (found.size() > 1) {
            problems.error(file, line, field, "'" + ref + "' is the name of " + found.size() + " soldiers ("
                    + SoldierNames.ids(found) + "); write the id of the one you mean");
            return null;
        }
        problems.error(file, line, field, "'" + ref + "' is not the id or name of any soldier in " + soldiersFile
                + names.hint(ref, unknownSoFar));
        return null;
    }

    private static void noteNames(String file, String field, int resolved, Map<String, String> byName, Problems problems) {
        if (resolved == 0) return;
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : byName.entrySet()) {
            if (pairs.size() == 5) {
                pairs.add("...");
                break;
            }
            pairs.add(e.getKey() + " → " + e.getValue());
        }
        problems.add(new Problem(file, 0, field, resolved + (resolved == 1 ? " soldier given by name was" : " soldiers "
                + "given by name were") + " read as the soldier's id (" + String.join(", ", pairs) + ")",
                Problem.Severity.NOTE));
    }

    /** Past owners need not be soldiers today; a unique name of one is still read as the id. */
    private static List<HistoryEntry> historyOwners(Source src, List<HistoryEntry> history, SoldierNames names,
                                                    Problems problems) {
        List<HistoryEntry> out = new ArrayList<>(history.size());
        Map<String, String> byName = new TreeMap<>();
        int resolved = 0;
        for (HistoryEntry h : history) {
            String owner = h.owner();
            if (owner != null && !names.byId.containsKey(owner)) {
                List<Soldier> named = names.byName.getOrDefault(owner.strip(), List.of());
                if (named.size() == 1) {
                    byName.putIfAbsent(owner, named.get(0).id());
                    resolved++;
                    h = new HistoryEntry(h.account(), h.year(), h.revenue(), named.get(0).id(), h.line());
                }
            }
            out.add(h);
        }
        noteNames(src.label(), "owner", resolved, byName, problems);
        return out;
    }

    private static Read<Relationship> checkRelationships(Source src, Read<Relationship> read, List<Account> accounts,
                                                         SoldierNames names, String accountsFile, String soldiersFile,
                                                         Problems problems) {
        List<Relationship> rels = new ArrayList<>(read.items());
        Set<String> accountIds = new HashSet<>();
        for (Account a : accounts) accountIds.add(a.id());
        List<Integer> lines = read.lines();
        Map<String, Integer> pairs = new HashMap<>();
        Map<String, String> byName = new TreeMap<>();
        int resolved = 0;
        int unknown = 0;
        for (int i = 0; i < rels.size(); i++) {
            Relationship r = rels.get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            String soldier = r.soldier();
            if (!soldier.isEmpty()) {
                String id = resolve(soldier, names, src.label(), line, "soldier", soldiersFile, ++unknown, problems);
                if (id != null && !id.equals(soldier)) {
                    byName.putIfAbsent(soldier, id);
                    resolved++;
                    soldier = id;
                    r = new Relationship(id, r.account(), r.strength(), r.hours(), r.value());
                    rels.set(i, r);
                }
            }
            if (!r.account().isEmpty() && !accountIds.contains(r.account())) {
                problems.error(src.label(), line, "account", "'" + r.account() + "' is not the id of any account in "
                        + accountsFile + idHint(r.account(), accountIds, ++unknown));
            }
            Integer first = pairs.putIfAbsent(Scenario.pairKey(soldier, r.account()), line);
            if (first != null) {
                problems.error(src.label(), line, "account", "the pair (" + soldier + ", " + r.account()
                        + ") appears twice (first at line " + first + ")");
            }
        }
        noteNames(src.label(), "soldier", resolved, byName, problems);
        return new Read<>(rels, lines);
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
                problems.warning(src.label(), products.lines().get(i), "needs", "no account has any of the needs "
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

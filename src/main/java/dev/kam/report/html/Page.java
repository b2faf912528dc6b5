package dev.kam.report.html;

import java.util.List;

/**
 * What the report page shows, with every text already in the reader's language and every figure formatted:
 * the view the templates under {@code src/main/jte/report/} lay out (they escape every value). Parts of
 * stages that did not run are null. The records are the vocabulary of the templates and their partials, so
 * the web app can fill the same partials.
 *
 * @param lang      HTML {@code lang} code
 * @param title     document title
 * @param heading   the scenario's name
 * @param subtitle  base year, horizon, currency and sizes in one line
 * @param toc       the sections shown, in order
 * @param fontFace  the {@code @font-face} rule embedding the CJK font subset (CSS made by kam, no user text)
 * @param summary   the executive summary (always present)
 * @param customers the customer base, null without an analysis
 * @param targets   targets, null without targets
 * @param plan      the assignment plan, null without a plan
 * @param simulation the simulation, null without one
 * @param compare   the scenario comparison, null without one
 * @param mechanisms the seed's mechanisms (compensation, stars, funnel, projects), null when they were not run
 * @param actions   the action list, null when there is no key account
 * @param appendix  assumptions and the technical appendix (always present)
 * @param footer    the footer line
 */
public record Page(String lang, String title, String heading, String subtitle, List<Link> toc, String fontFace,
                   Summary summary, Customers customers, Targets targets, Plan plan, Simulation simulation,
                   Compare compare, Mechanisms mechanisms, Table actions, Appendix appendix, String footer) {

    /** A section in the table of contents. */
    public record Link(String id, String title) {
    }

    /** A headline figure: what it is, its value, the detail that qualifies it. */
    public record Kpi(String label, String value, String detail) {
    }

    /** A table cell: text, an optional second line in small type (an id), and CSS classes (num, good, ...). */
    public record Cell(String text, String sub, String css) {
        public static Cell of(String text) {
            return new Cell(text, null, null);
        }

        public static Cell num(String text) {
            return new Cell(text, null, "num");
        }

        public static Cell named(String name, String id) {
            return new Cell(name, name.equals(id) ? null : id, null);
        }
    }

    /**
     * A table; collapsed under {@code summary} (a {@code <details>}) when that is not null.
     *
     * @param header  column titles
     * @param numeric which columns are right-aligned numbers
     * @param rows    the cells, row by row
     * @param summary the line a reader clicks to open it, or null to show it open
     * @param file    the output file holding the same data (a relative link), or null
     */
    public record Table(List<String> header, List<Boolean> numeric, List<List<Cell>> rows, String summary, String file) {
        public Table {
            header = List.copyOf(header);
            numeric = List.copyOf(numeric);
            rows = List.copyOf(rows);
        }
    }

    /** A chart: alternative text, the PNG as a data: URL, the caption naming its files. */
    public record Figure(String alt, String src, String caption) {
    }

    /** A group of items under a heading with a count, the items on demand. */
    public record Group(String title, int count, List<String> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /** A risk: headline and the figures behind it. */
    public record Risk(String title, String detail) {
    }

    public record Summary(List<Kpi> kpis, List<Risk> risks, List<String> notes) {
    }

    public record Customers(Table tiers, Table ratings, Table diagnoses, List<Figure> figures, String verdict,
                            List<String> findings, Table indicators, Table largest, Table accounts) {
    }

    public record Targets(Table yearly, String departmentsTitle, List<String> departments, Table allDepartments,
                          List<Figure> figures, List<String> warnings, List<String> notes) {
    }

    /**
     * The plan in a manager's words.
     *
     * @param headline  what the plan does, in two or three sentences
     * @param kpis      covered, moved, uplift
     * @param soldiers  one row per soldier: load and movements
     * @param books     per soldier, the accounts led and what moves in and out
     * @param underused soldiers with little or no work, and why
     * @param uncovered accounts without a lead, grouped by why
     * @param todayBreaks where today's ownership breaks the rules, grouped by rule
     * @param unmet     rules the plan cannot meet, grouped
     * @param products  the offers, per product
     */
    /**
     * The plan section. {@code quality} says how close the plan is to the proven bound; {@code moves} what each
     * change of lead is worth, {@code curve} the gain against the number of moves allowed, {@code recommendations}
     * hire-or-certify advice (each null or empty when the plan has none).
     */
    public record Plan(String headline, String quality, List<Kpi> kpis, Table soldiers, List<Book> books,
                       List<Note> underused, List<Group> uncovered, List<Group> todayBreaks, List<Group> unmet,
                       Table products, Table moves, Table curve, List<Figure> figures, List<String> recommendations) {
    }

    /** One soldier's book of accounts. */
    public record Book(String soldier, String summary, Table accounts, List<String> movesOut) {
    }

    /** A soldier and the reasons behind the load. */
    public record Note(String soldier, String load, List<String> reasons) {
    }

    /** The simulation section; {@code tornado} and {@code tornadoNote} are null when no tornado was run. */
    public record Simulation(List<Kpi> kpis, Table hits, Table finalYear, List<Figure> figures, Table percentiles,
                             String definition, Table tornado, String tornadoNote) {
    }

    public record Compare(String intro, String goal, List<Kpi> kpis, Table table, List<Figure> figures,
                          List<String> notes) {
    }

    /** Parameters (grouped) and the technical figures of the run. */
    public record Appendix(String intro, List<Params> params, Table technical, Table timings) {
    }

    /** One group of parameters: its title and rows of (label, YAML key, value). */
    public record Params(String title, List<Param> rows) {
    }

    public record Param(String label, String key, String value) {
    }

    /**
     * The seed's mechanisms (SPEC §12).
     *
     * @param kpis         the plan's return: ROI, incremental compensation, hiring cost
     * @param compensation each compensation figure: first-year expectation and, when simulated, its spread
     * @param note         how the figures are computed
     * @param stars        soldiers per number of stars, listed and recomputed
     * @param funnel       each soldier's active prospects against the 3–5 rule, null without a pipeline
     * @param figures      the funnel chart
     * @param register     the processes opened, counted per process
     * @param projects     a link to each account's operating report
     * @param index        the projects folder's index page (a relative link)
     */
    public record Mechanisms(List<Kpi> kpis, Table compensation, String note, Table stars, Table funnel,
                             List<Figure> figures, Table register, List<FileLink> projects, String index) {
        public Mechanisms {
            kpis = List.copyOf(kpis);
            figures = List.copyOf(figures);
            projects = List.copyOf(projects);
        }
    }

    /** A link to another file of the run: relative address, text, a second line in small type (or null). */
    public record FileLink(String href, String text, String sub) {
    }
}

package dev.kam.report;

import dev.kam.i18n.Messages;
import dev.kam.io.OutputDir;
import dev.kam.report.html.EmbeddedFont;
import dev.kam.report.html.Page;
import dev.kam.report.html.PageBuilder;
import dev.kam.run.RunResults;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The board-ready report: one self-contained {@code report.html} (inline CSS, the CJK font embedded, charts as
 * base64 PNG, no script, no network) rendered from a run's {@link RunResults} alone, in the language of the
 * {@link Messages}. A section whose stage did not run is left out.
 *
 * <p>The page is laid out by jte templates ({@code src/main/jte/report/page.jte} and its partials), compiled to
 * Java at build time; jte escapes every value by its HTML context, so a name like {@code <script>} is shown,
 * never run.
 */
public final class HtmlReport {
    private static final String FONT_SLOT = "/*kam-font-face*/";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private HtmlReport() {
    }

    /** The report as HTML text, with charts. */
    public static String render(RunResults r, Messages m) {
        return render(r, m, RunCharts.of(r, m));
    }

    /** The report as HTML text, with the given charts (the ones the stage folders hold). */
    public static String render(RunResults r, Messages m, RunCharts charts) {
        // laid out once with a placeholder font rule, then the font is reduced to the characters the page uses
        Page page = PageBuilder.build(r, m, charts, FONT_SLOT);
        StringOutput out = new StringOutput(1 << 20);
        ENGINE.render("report/page.jte", Map.of("page", page, "t", m), out);
        String html = out.toString();
        int at = html.indexOf(FONT_SLOT);
        return html.substring(0, at) + EmbeddedFont.fontFace(html) + html.substring(at + FONT_SLOT.length());
    }

    /** Renders and writes the report atomically (temporary file, then rename). */
    public static Path write(RunResults r, Messages m, RunCharts charts, Path file) {
        OutputDir.writeAtomically(file, render(r, m, charts).getBytes(StandardCharsets.UTF_8));
        return file;
    }
}

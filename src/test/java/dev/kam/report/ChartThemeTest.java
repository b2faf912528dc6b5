package dev.kam.report;

import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.io.OutputDir;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Font;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartThemeTest {
    static final Messages EN = Messages.of(Lang.EN);
    static final Messages ZH = Messages.of(Lang.ZH);
    /** Names of the demo and generated scenarios, and the words of the diagnoses: all GB 2312. */
    static final String CHINESE = "华东重工集团 厦门鼎力物流有限公司 进不来 做不大 留不住 大客户收入 份额上限";

    @TempDir
    Path dir;

    @Test
    void compactMoneyInEnglishAndChinese() {
        assertEquals("950", Messages.compact(950, Lang.EN));
        assertEquals("12.5K", Messages.compact(12_500, Lang.EN));
        assertEquals("3.46M", Messages.compact(3_456_000, Lang.EN));
        assertEquals("430M", Messages.compact(430_000_000, Lang.EN));
        assertEquals("1.2B", Messages.compact(1_200_000_000, Lang.EN));
        assertEquals("-12.5K", Messages.compact(-12_500, Lang.EN));
        assertEquals("1.25万", Messages.compact(12_500, Lang.ZH));
        assertEquals("4.3亿", Messages.compact(430_000_000, Lang.ZH));
        assertEquals("346万", Messages.compact(3_456_000, Lang.ZH));
        assertEquals("34.6万", Messages.compact(345_600, Lang.ZH));
        assertEquals("1,234,567.5", ChartTheme.grouped().format(1_234_567.5));
        assertEquals("12.5%", ChartTheme.percent().format(0.125));
    }

    private static JFreeChart line(String title, Messages m) {
        XYSeries s = new XYSeries(m.get("chart.fan.median"));
        for (int y = 2026; y <= 2036; y++) s.add(y, 1e6 * (y - 2020));
        XYSeries t = new XYSeries(m.get("chart.fan.target"));
        for (int y = 2027; y <= 2036; y++) t.add(y, 1.2e6 * (y - 2020));
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(s);
        ds.addSeries(t);
        return ChartFactory.createXYLineChart(title, m.get("chart.axis.year"),
                m.get("chart.withUnit", m.get("chart.metric.keyAccountRevenue"),
                        m.get("chart.unit.perYear", m.currencyUnit("CNY"))), ds);
    }

    @Test
    void writesPngAndSvgWithTitleAndUnits() throws Exception {
        JFreeChart c = line("Key-account revenue — 华东重工集团", EN);
        ChartTheme.moneyAxis(c.getXYPlot().getRangeAxis(), EN);
        try (OutputDir d = OutputDir.open(dir, "simulation")) {
            Chart.of("fan", c).write(d);
            d.commit();
        }
        Path png = dir.resolve("simulation/fan.png");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, head);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(ChartFiles.WIDTH * ChartFiles.SCALE, img.getWidth());
        String svg = Files.readString(dir.resolve("simulation/fan.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains("华东重工集团"), "title text in the SVG");
        assertEquals("Key-account revenue (CNY per year)", c.getXYPlot().getRangeAxis().getLabel(), "label carries the unit");
        assertTrue(svg.contains(">12M<"), "compact money ticks");
        assertTrue(svg.contains(">2030<"), "year ticks without a thousands separator");
        assertFalse(svg.contains(">2,030<"));
    }

    @Test
    void moneyTicksFollowTheLanguageOfEachChartNotAGlobalSetting() {
        NumberAxis zh = new NumberAxis("x");
        ChartTheme.moneyAxis(zh, ZH);
        NumberAxis en = new NumberAxis("x");
        ChartTheme.moneyAxis(en, EN);
        assertEquals("4.3亿", zh.getNumberFormatOverride().format(430_000_000));
        assertEquals("430M", en.getNumberFormatOverride().format(430_000_000), "a Chinese chart made first changes nothing");
    }

    @Test
    void chineseAndEnglishChartsOfOneRunStayInTheirLanguage() {
        JFreeChart zh = line(ZH.get("chart.pyramid.title"), ZH);
        JFreeChart en = line(EN.get("chart.pyramid.title"), EN);
        ChartTheme.apply(zh);
        ChartTheme.apply(en);
        assertEquals("客户金字塔", zh.getTitle().getText());
        assertEquals("年份", zh.getXYPlot().getDomainAxis().getLabel());
        assertEquals("大客户收入（元/年）", zh.getXYPlot().getRangeAxis().getLabel());
        assertEquals("中位数", zh.getXYPlot().getRenderer().getLegendItem(0, 0).getLabel());
        assertEquals("Customer pyramid", en.getTitle().getText());
        assertEquals("Year", en.getXYPlot().getDomainAxis().getLabel());
        assertEquals("Median", en.getXYPlot().getRenderer().getLegendItem(0, 0).getLabel());
    }

    @Test
    void themeKeepsSeriesStylesTheWriterChose() {
        JFreeChart c = line("x", EN);
        XYItemRenderer r = c.getXYPlot().getRenderer();
        r.setSeriesPaint(1, Color.MAGENTA);
        r.setSeriesStroke(1, ChartTheme.dashed());
        ChartTheme.apply(c);
        assertEquals(Color.MAGENTA, r.getSeriesPaint(1));
        assertEquals(ChartTheme.dashed(), r.getSeriesStroke(1));
        assertEquals(ChartTheme.family(), c.getTitle().getFont().getFamily());
    }

    @Test
    void numberAxesGetThousandsSeparators() {
        JFreeChart c = line("x", EN);
        ChartTheme.apply(c);
        NumberAxis y = (NumberAxis) c.getXYPlot().getRangeAxis();
        assertEquals("12,000,000", y.getNumberFormatOverride().format(12_000_000));
    }

    /**
     * The font the charts use draws Chinese whatever the machine has installed: a system CJK family, or the
     * bundled font registered when there is none. Fails when the bundled font is missing from the build or is
     * not registered as the fallback.
     */
    @Test
    void theChartFontDrawsChineseOnAnyMachine() {
        Font bundled = ChartTheme.bundledFont();
        assertNotNull(bundled, "the jar bundles a CJK font at " + ChartTheme.BUNDLED_FONT);
        assertEquals(-1, bundled.canDisplayUpTo(CHINESE + " Acme (CNY) 12,345 ±20%"), "the bundled font covers GB 2312");
        Font used = ChartTheme.font(Font.PLAIN, 12);
        assertEquals(-1, used.canDisplayUpTo(CHINESE), "chart family " + ChartTheme.family() + " cannot draw Chinese");
        assertTrue(ChartTheme.CJK_FAMILIES.contains(ChartTheme.family()) || ChartTheme.family().equals(bundled.getFamily()),
                "the chart family is a known CJK family or the bundled one, not " + ChartTheme.family());
    }

    @Test
    void warnsOnlyAboutNamesTheFontCannotDraw() {
        assertTrue(ChartTheme.missingGlyphWarning(List.of("Acme", "Beta Ltd", CHINESE)).isEmpty(),
                "Latin and GB 2312 names are drawn");
        // U+10FFFD is a private-use code point no font maps
        var w = ChartTheme.missingGlyphWarning(List.of("Acme", "x\uDBFF\uDFFD"));
        assertTrue(w.isPresent());
        assertEquals("chart.warning.glyphs", w.get().key());
        assertTrue(EN.render(w.get()).contains("'x\uDBFF\uDFFD'"), EN.render(w.get()));
    }
}

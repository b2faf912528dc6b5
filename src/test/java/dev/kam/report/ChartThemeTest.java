package dev.kam.report;

import dev.kam.i18n.Lang;
import dev.kam.io.OutputDir;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartThemeTest {
    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        ChartTheme.setLang(Lang.EN);
        ChartTheme.setCurrency("");
    }

    @Test
    void compactMoneyInEnglishAndChinese() {
        assertEquals("950", ChartTheme.compact(950, Lang.EN));
        assertEquals("12.5K", ChartTheme.compact(12_500, Lang.EN));
        assertEquals("3.46M", ChartTheme.compact(3_456_000, Lang.EN));
        assertEquals("430M", ChartTheme.compact(430_000_000, Lang.EN));
        assertEquals("1.2B", ChartTheme.compact(1_200_000_000, Lang.EN));
        assertEquals("-12.5K", ChartTheme.compact(-12_500, Lang.EN));
        assertEquals("1.25万", ChartTheme.compact(12_500, Lang.ZH));
        assertEquals("4.3亿", ChartTheme.compact(430_000_000, Lang.ZH));
        assertEquals("346万", ChartTheme.compact(3_456_000, Lang.ZH));
        assertEquals("34.6万", ChartTheme.compact(345_600, Lang.ZH));
        assertEquals("1,234,567.5", ChartTheme.grouped().format(1_234_567.5));
        assertEquals("12.5%", ChartTheme.percent().format(0.125));
    }

    private static JFreeChart line(String title) {
        XYSeries s = new XYSeries("Median");
        for (int y = 2026; y <= 2036; y++) s.add(y, 1e6 * (y - 2020));
        XYSeries t = new XYSeries("Target");
        for (int y = 2027; y <= 2036; y++) t.add(y, 1.2e6 * (y - 2020));
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(s);
        ds.addSeries(t);
        return ChartFactory.createXYLineChart(title, "Year", "Key-account revenue", ds);
    }

    @Test
    void writesPngAndSvgWithTitleAndUnits() throws Exception {
        ChartTheme.setCurrency("CNY");
        JFreeChart c = line("Key-account revenue — 华东重工集团");
        ChartTheme.moneyAxis(c.getXYPlot().getRangeAxis());
        Path png;
        try (OutputDir d = OutputDir.open(dir, "simulation")) {
            ChartFiles.write(c, d, "fan");
            d.commit();
        }
        png = dir.resolve("simulation/fan.png");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, head);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(ChartFiles.WIDTH * ChartFiles.SCALE, img.getWidth());
        String svg = Files.readString(dir.resolve("simulation/fan.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains("华东重工集团"), "title text in the SVG");
        assertEquals("Key-account revenue (CNY)", c.getXYPlot().getRangeAxis().getLabel(), "label carries the currency");
        assertTrue(svg.contains(">12M<"), "compact money ticks");
        assertTrue(svg.contains(">2030<"), "year ticks without a thousands separator");
        assertFalse(svg.contains(">2,030<"));
    }

    @Test
    void moneyAxisPutsTheCurrencyInTheUnit() {
        ChartTheme.setCurrency("CNY");
        NumberAxis a = new NumberAxis("Key-account revenue (per year)");
        ChartTheme.moneyAxis(a);
        assertEquals("Key-account revenue (CNY per year)", a.getLabel());
        NumberAxis b = new NumberAxis("Revenue (CNY)");
        ChartTheme.moneyAxis(b);
        assertEquals("Revenue (CNY)", b.getLabel());
    }

    @Test
    void themeKeepsSeriesStylesTheWriterChose() {
        JFreeChart c = line("x");
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
        JFreeChart c = line("x");
        ChartTheme.apply(c);
        NumberAxis y = (NumberAxis) c.getXYPlot().getRangeAxis();
        assertEquals("12,000,000", y.getNumberFormatOverride().format(12_000_000));
    }

    @Test
    void chineseLabelsWithZh() {
        ChartTheme.setLang(Lang.ZH);
        JFreeChart c = line("Customer pyramid");
        ChartTheme.apply(c);
        XYPlot p = c.getXYPlot();
        assertEquals("客户金字塔", c.getTitle().getText());
        assertEquals("年份", p.getDomainAxis().getLabel());
        assertEquals("大客户收入", p.getRangeAxis().getLabel());
        assertEquals("中位数", p.getRenderer().getLegendItem(0, 0).getLabel());
        assertEquals("Something unknown", Text.chartLabel(Lang.ZH, "Something unknown"));
        assertEquals("大客户收入（CNY）", Text.chartLabel(Lang.ZH, "Key-account revenue (CNY)"));
        assertEquals("Customer pyramid", Text.chartLabel(Lang.EN, "Customer pyramid"));
        assertEquals("客户金字塔 — 示例工业集团", Text.chartLabel(Lang.ZH, "Customer pyramid — 示例工业集团"));
        assertEquals("大客户收入 — 2000 条模拟路径，方案：优化方案",
                Text.chartLabel(Lang.ZH, "Key-account revenue — 2000 simulated paths, plan: optimized"));
        assertEquals("参数 +20%", Text.chartLabel(Lang.ZH, "parameter +20%"));
        assertEquals("大客户收入（CNY/年）", Text.chartLabel(Lang.ZH, "Key-account revenue (CNY per year)"));
    }

    @Test
    void bundledFontDrawsChineseNames() {
        java.awt.Font f = ChartTheme.bundledFont();
        assertTrue(f != null, "the jar bundles a CJK font");
        assertEquals(-1, f.canDisplayUpTo("华东重工集团 厦门鼎力物流有限公司 Acme (CNY) 12,345 ±20% 进不来 做不大 留不住"));
        assertTrue(ChartTheme.canDisplay("华东重工集团"), "an installed or the bundled font is used");
    }

    @Test
    void warnsWhenTheFontCannotDrawTheNames() {
        assertTrue(ChartTheme.missingGlyphWarning(List.of("Acme", "Beta Ltd")).isEmpty());
        // U+10FFFD is a private-use code point no font maps
        assertTrue(ChartTheme.missingGlyphWarning(List.of("Acme", "x\uDBFF\uDFFD")).isPresent());
        boolean cjk = ChartTheme.canDisplay("华东重工集团");
        assertEquals(!cjk, ChartTheme.missingGlyphWarning(List.of("华东重工集团")).isPresent());
    }
}

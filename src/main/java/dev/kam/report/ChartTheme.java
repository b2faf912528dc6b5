package dev.kam.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Set;

/** The house chart theme: white background, light grid, a font that can show Chinese when one is installed. */
public final class ChartTheme {
    private static final String FAMILY = pickFamily();

    private ChartTheme() {
    }

    public static void apply(JFreeChart chart) {
        StandardChartTheme t = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        t.setExtraLargeFont(new Font(FAMILY, Font.BOLD, 20));
        t.setLargeFont(new Font(FAMILY, Font.BOLD, 14));
        t.setRegularFont(new Font(FAMILY, Font.PLAIN, 12));
        t.setSmallFont(new Font(FAMILY, Font.PLAIN, 10));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        t.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        t.apply(chart);
    }

    /** The font family used for charts: a CJK-capable one when installed, else SansSerif. */
    public static String family() {
        return FAMILY;
    }

    private static String pickFamily() {
        Set<String> preferred = Set.of("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
                "Source Han Sans SC", "AR PL UMing CN", "Droid Sans Fallback");
        try {
            for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
                if (preferred.contains(f)) return f;
            }
        } catch (RuntimeException | Error e) {
            // no font configuration: fall back to the logical font
        }
        return Font.SANS_SERIF;
    }
}

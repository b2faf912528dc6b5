package dev.kam.report;

import dev.kam.io.OutputDir;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a chart as {@code name.png} and {@code name.svg} in the house theme ({@link ChartTheme}); {@link Chart}
 * keeps a chart's PNG so that a stage folder and the report share one drawing.
 * The PNG is drawn at twice the nominal size (1920×1080 pixels for 960×540) so that it stays sharp on
 * high-density screens, in slides and in the HTML report.
 */
public final class ChartFiles {
    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;
    /** Pixel scale of the PNG. */
    public static final int SCALE = 2;

    private ChartFiles() {
    }

    /** Applies the theme and writes PNG and SVG into the stage folder; returns the PNG path. */
    public static Path write(JFreeChart chart, OutputDir dir, String name) {
        return write(chart, dir, name, WIDTH, HEIGHT);
    }

    /** As {@link #write(JFreeChart, OutputDir, String)} with a nominal size in points. */
    public static Path write(JFreeChart chart, OutputDir dir, String name, int width, int height) {
        if (width == WIDTH && height == HEIGHT) {
            Chart.of(name, chart).write(dir);
            return dir.file(name + ".png");
        }
        ChartTheme.apply(chart);
        Path png = dir.file(name + ".png");
        try {
            Files.write(png, png(chart, width, height));
            Files.writeString(dir.file(name + ".svg"), svg(chart, width, height, name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + name + ": " + e.getMessage(), e);
        }
        return png;
    }

    /** The (already themed) chart as PNG bytes at {@link #SCALE} times the nominal size. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            ChartUtils.writeScaledChartAsPNG(out, chart, width, height, SCALE, SCALE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart as a standalone SVG document. */
    public static String svg(JFreeChart chart) {
        return svg(chart, WIDTH, HEIGHT, "chart");
    }

    /** The chart as a standalone SVG document; {@code idPrefix} keeps its element ids unique when inlined. */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }
}

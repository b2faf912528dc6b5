package dev.kam.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a chart as {@code name.png} and {@code name.svg} in the house theme. */
public final class ChartFiles {
    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;

    private ChartFiles() {
    }

    /** Applies the theme and writes PNG and SVG into the stage folder; returns the PNG path. */
    public static Path write(JFreeChart chart, OutputDir dir, String name) {
        ChartTheme.apply(chart);
        Path png = dir.file(name + ".png");
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
            Files.writeString(dir.file(name + ".svg"), svg(chart), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + name + ": " + e.getMessage(), e);
        }
        return png;
    }

    /** The chart as a standalone SVG document. */
    public static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGDocument();
    }
}

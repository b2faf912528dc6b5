package dev.kam.report;

import dev.kam.io.OutputDir;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Objects;

/**
 * One chart of a run, in the house theme, with its file name: drawn to PNG once (kept for the stage folder
 * and the HTML report alike) and to SVG on demand.
 */
public final class Chart {
    private final String name;
    private final JFreeChart chart;
    private byte[] png;

    private Chart(String name, JFreeChart chart) {
        this.name = Objects.requireNonNull(name, "name");
        this.chart = chart;
        ChartTheme.apply(chart);
    }

    /** Themes the chart; {@code name} is its file name without extension, e.g. {@code pyramid}. */
    public static Chart of(String name, JFreeChart chart) {
        return new Chart(name, chart);
    }

    public String name() {
        return name;
    }

    /** The chart's title as drawn (its alt text in the report). */
    public String title() {
        return chart.getTitle() == null ? name : chart.getTitle().getText();
    }

    public JFreeChart chart() {
        return chart;
    }

    /** PNG at {@link ChartFiles#SCALE} times the nominal 960×540, drawn the first time it is asked for. */
    public synchronized byte[] png() {
        if (png == null) png = ChartFiles.png(chart, ChartFiles.WIDTH, ChartFiles.HEIGHT);
        return png.clone();
    }

    /** The PNG as a {@code data:} URL for an {@code <img src>}. */
    public String dataUrl() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png());
    }

    /** A standalone SVG document of the chart. */
    public String svg() {
        return ChartFiles.svg(chart, ChartFiles.WIDTH, ChartFiles.HEIGHT, name);
    }

    /** Writes {@code name.png} and {@code name.svg} into the stage folder. */
    public void write(OutputDir dir) {
        try {
            Files.write(dir.file(name + ".png"), png());
            Files.writeString(dir.file(name + ".svg"), svg(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + name + ": " + e.getMessage(), e);
        }
    }
}

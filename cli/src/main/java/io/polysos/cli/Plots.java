package io.polysos.cli;

import io.polysos.util.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The residual plots of the paper's Figure 1, drawn with JFreeChart: for test residuals
 * eps_i = y'_i - y~_i (i = 1..N, one row per sample, m outputs), the left plot shows every
 * entry eps_{i,j} (j = 1..m, one colour per output) against i, the right plot ||eps_i||_2
 * against i.
 */
public final class Plots {

    /** Width of each PNG, pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** Height of each PNG, pixels. */
    public static final int DEFAULT_HEIGHT = 560;
    /** File name of the left plot. */
    public static final String ENTRIES_FILE = "figure1-residuals.png";
    /** File name of the right plot. */
    public static final String NORMS_FILE = "figure1-residual-norms.png";

    private Plots() {
    }

    /**
     * Writes the two plots into dir ({@link #ENTRIES_FILE}, {@link #NORMS_FILE}), each through a
     * temporary file moved into place.
     *
     * @param eps the residuals, eps[i][j] (not modified)
     * @param config the configuration shown in the titles, e.g. "N=50, widths 20"
     * @return the two files written
     */
    public static Path[] figure1(double[][] eps, String config, Path dir) throws IOException {
        if (eps.length == 0) {
            throw new IllegalArgumentException("no residuals to plot");
        }
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        int m = eps[0].length;
        XYSeriesCollection entries = new XYSeriesCollection();
        for (int j = 0; j < m; j++) {
            XYSeries s = new XYSeries("output " + (j + 1), false, true);
            for (int i = 0; i < eps.length; i++) {
                if (eps[i].length != m) {
                    throw new IllegalArgumentException("residual row " + i + " has " + eps[i].length + " entries, expected " + m);
                }
                s.add(i + 1, eps[i][j]);
            }
            entries.addSeries(s);
        }
        JFreeChart left = ChartFactory.createScatterPlot("Test residuals eps_i = y'_i - y~_i, each output, (N, m0..m3) = " + config,
                "sample index i", "residual entry eps_i,j", entries, PlotOrientation.VERTICAL, m <= 20, false, false);
        style(left, false);
        if (left.getLegend() != null) {
            left.getLegend().setPosition(RectangleEdge.RIGHT);
        }
        XYSeriesCollection norms = new XYSeriesCollection();
        XYSeries ns = new XYSeries("||eps_i||_2", false, true);
        for (int i = 0; i < eps.length; i++) {
            double s = 0;
            for (double v : eps[i]) {
                s += v * v;
            }
            ns.add(i + 1, Math.sqrt(s));
        }
        norms.addSeries(ns);
        JFreeChart right = ChartFactory.createXYLineChart("Norm of the test residuals ||eps_i||_2, (N, m0..m3) = " + config,
                "sample index i", "||eps_i||_2", norms, PlotOrientation.VERTICAL, false, false, false);
        style(right, true);
        Path a = dir.resolve(ENTRIES_FILE);
        Path b = dir.resolve(NORMS_FILE);
        save(left, a);
        save(right, b);
        return new Path[] {a, b};
    }

    private static void style(JFreeChart chart, boolean lines) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(15f));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, true);
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            r.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
            r.setSeriesStroke(s, new BasicStroke(1f));
        }
        if (lines) {
            r.setSeriesPaint(0, new Color(0, 90, 180));
        }
        plot.setRenderer(r);
    }

    private static void save(JFreeChart chart, Path target) throws IOException {
        AtomicFiles.write(target, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }
}

package org.edgeslice.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG plots of a run (JFreeChart, headless). */
public final class Charts {
    private static final int W = 900;
    private static final int H = 540;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A marker line (e.g. the paper's mean) on a plot. */
    public record Marker(double value, String label) {
    }

    /** Empirical CDFs of latency series (ms) on a log x axis, with vertical markers. */
    public static void cdf(Path file, String title, Map<String, double[]> series, List<Marker> markers)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] v = e.getValue().clone();
            Arrays.sort(v);
            XYSeries s = new XYSeries(e.getKey(), false, true);
            for (int i = 0; i < v.length; i++) {
                s.add(Math.max(v[i], 1e-3), (i + 1.0) / v.length);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "latency (ms, log scale)",
                "fraction of requests", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("latency (ms, log scale)");
        x.setSmallestValue(1e-3);
        x.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
        plot.setDomainAxis(x);
        style(chart, plot);
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            ValueMarker vm = new ValueMarker(m.value(), Color.DARK_GRAY, new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            vm.setLabel(m.label());
            vm.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            // alternate sides and heights so neighbouring markers' labels do not overlap
            vm.setLabelAnchor(i % 2 == 0 ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_RIGHT);
            vm.setLabelTextAnchor(i % 2 == 0 ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(vm);
        }
        save(file, chart);
    }

    /** Lines over a numeric x (log-log when asked), e.g. p50 against the emulated RTT. */
    public static void lines(Path file, String title, String xLabel, String yLabel, Map<String, double[][]> series,
                             boolean logX, boolean logY) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), true, true);
            for (double[] p : e.getValue()) {
                if ((!logX || p[0] > 0) && (!logY || p[1] > 0)) {
                    s.add(p[0], p[1]);
                }
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        if (logX) {
            LogAxis x = new LogAxis(xLabel);
            x.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
            plot.setDomainAxis(x);
        }
        if (logY) {
            LogAxis y = new LogAxis(yLabel);
            y.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
            plot.setRangeAxis(y);
        }
        style(chart, plot);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesShapesVisible(i, true);
        }
        save(file, chart);
    }

    /**
     * A bar chart: rows are the series (legend), columns the categories.
     *
     * @param stacked stack the rows (e.g. the phases of one run)
     */
    public static void bars(Path file, String title, String categoryLabel, String valueLabel,
                            DefaultCategoryDataset data, boolean stacked, Marker marker) throws IOException {
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(title, categoryLabel, valueLabel, data,
                PlotOrientation.VERTICAL, true, false, false)
                : ChartFactory.createBarChart(title, categoryLabel, valueLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < data.getRowCount(); i++) {
            plot.getRenderer().setSeriesPaint(i, COLORS[i % COLORS.length]);
        }
        ((org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer())
                .setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        if (marker != null) {
            ValueMarker vm = new ValueMarker(marker.value(), Color.DARK_GRAY, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            vm.setLabel(marker.label());
            vm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            vm.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(vm);
            NumberAxis axis = (NumberAxis) plot.getRangeAxis();
            axis.setAutoRangeIncludesZero(true);
            double max = 0;
            for (int r = 0; r < data.getRowCount(); r++) {
                for (int c = 0; c < data.getColumnCount(); c++) {
                    Number n = data.getValue(r, c);
                    max = Math.max(max, n == null ? 0 : n.doubleValue());
                }
            }
            if (!stacked) {
                axis.setUpperBound(Math.max(max, marker.value()) * 1.15);
            }
        }
        chart.setBackgroundPaint(Color.WHITE);
        save(file, chart);
    }

    private static void style(JFreeChart chart, XYPlot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            r.setSeriesPaint(i, COLORS[i % COLORS.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
    }

    private static void save(Path file, JFreeChart chart) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, W, H);
    }
}

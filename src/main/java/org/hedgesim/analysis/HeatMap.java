package org.hedgesim.analysis;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;

/**
 * A heat map of an outcome over two factors of a grid (JFreeChart's block renderer with a lookup
 * paint scale): one cell per pair of levels, its shade the cell's mean, and written in it the mean
 * and, below, the half-width of its 95% interval ("±0.12"). The shades run from near white to a
 * middle blue, light enough for black text and distinct in greyscale; the written numbers, not the
 * shades, are what to read off. A cell without a value (no run gave one) stays blank and says so.
 */
final class HeatMap {
  /** Shades of the scale, from the lowest mean to the highest. */
  static final int SHADES = 9;
  private static final Color LOW = new Color(0xF4F4F4);
  private static final Color HIGH = new Color(0x5B9BD0);
  private static final Font MEAN = new Font(Font.SANS_SERIF, Font.BOLD, 11);
  private static final Font HALF = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
  /** Written numbers only when the cells are large enough to hold them. */
  static final int MAX_ANNOTATED = 16;

  private HeatMap() {}

  /** How a cell's mean is written (three significant digits). */
  static String mean(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** How a cell's interval is written: "±" and the half-width, or the count when it has none. */
  static String halfWidth(Estimate e) {
    if (Double.isNaN(e.ciHigh())) return "n = " + e.n();
    return "\u00b1" + String.format(Locale.ROOT, "%.2g", (e.ciHigh() - e.ciLow()) / 2);
  }

  /**
   * @param cells [level of x][level of y]
   */
  static JFreeChart chart(String title, String subtitle, String xLabel, List<String> xLevels, String yLabel,
      List<String> yLevels, String valueLabel, Estimate[][] cells) {
    int n = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Estimate[] column : cells) {
      for (Estimate e : column) {
        if (Double.isNaN(e.mean())) continue;
        n++;
        lo = Math.min(lo, e.mean());
        hi = Math.max(hi, e.mean());
      }
    }
    double[][] xyz = new double[3][n];
    int k = 0;
    for (int i = 0; i < cells.length; i++) {
      for (int j = 0; j < cells[i].length; j++) {
        if (Double.isNaN(cells[i][j].mean())) continue;
        xyz[0][k] = i;
        xyz[1][k] = j;
        xyz[2][k++] = cells[i][j].mean();
      }
    }
    if (n == 0) {
      lo = 0;
      hi = 1;
    } else if (hi <= lo) { // one value everywhere: a scale around it
      double pad = Math.max(Math.abs(lo) * 0.01, 1e-9);
      lo -= pad;
      hi += pad;
    }
    LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.WHITE);
    for (int s = 0; s < SHADES; s++) {
      scale.add(lo + (hi - lo) * s / SHADES, blend((double) s / (SHADES - 1)));
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("cell means", xyz);
    XYBlockRenderer r = new XYBlockRenderer();
    r.setBlockWidth(1);
    r.setBlockHeight(1);
    r.setBlockAnchor(RectangleAnchor.CENTER);
    r.setPaintScale(scale);
    SymbolAxis x = new SymbolAxis(xLabel, xLevels.toArray(String[]::new));
    SymbolAxis y = new SymbolAxis(yLabel, yLevels.toArray(String[]::new));
    for (SymbolAxis a : List.of(x, y)) {
      a.setGridBandsVisible(false);
      Charts.styleAxis(a);
    }
    x.setRange(-0.5, xLevels.size() - 0.5);
    y.setRange(-0.5, yLevels.size() - 0.5);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setOutlinePaint(Color.GRAY);
    boolean annotate = xLevels.size() <= MAX_ANNOTATED && yLevels.size() <= MAX_ANNOTATED;
    for (int i = 0; i < cells.length && annotate; i++) {
      for (int j = 0; j < cells[i].length; j++) {
        Estimate e = cells[i][j];
        if (Double.isNaN(e.mean())) {
          plot.addAnnotation(text("no value", i, j, HALF));
          continue;
        }
        plot.addAnnotation(text(mean(e.mean()), i, j + 0.13, MEAN));
        plot.addAnnotation(text(halfWidth(e), i, j - 0.17, HALF));
      }
    }
    JFreeChart chart = Charts.chart(title, subtitle, plot, false);
    NumberAxis legendAxis = new NumberAxis(valueLabel);
    legendAxis.setRange(lo, hi);
    Charts.styleAxis(legendAxis);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setStripWidth(12);
    legend.setMargin(new RectangleInsets(8, 6, 8, 6));
    legend.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(legend);
    return chart;
  }

  private static XYTextAnnotation text(String s, double x, double y, Font font) {
    XYTextAnnotation a = new XYTextAnnotation(s, x, y);
    a.setFont(font);
    a.setPaint(Color.BLACK);
    a.setTextAnchor(TextAnchor.CENTER);
    return a;
  }

  private static Color blend(double t) {
    return new Color((int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
        (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
        (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
  }
}

package org.hedgesim.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;

/**
 * The charts of a report (JFreeChart 1.0.19), made to be read in greyscale print: every line has
 * its own dash pattern as well as its own colour (the Okabe-Ito palette, distinguishable with the
 * common colour-vision deficiencies), axes are labelled with their units, the time axis with
 * dates (yyyy-MM, UTC), and numbered markers show when milestones happened.
 */
public final class Charts {

  /** Okabe and Ito (2008), "Color Universal Design", without the yellow, too light on white. */
  static final Color[] COLOURS = {new Color(0x000000), new Color(0xE69F00), new Color(0x0072B2),
      new Color(0x009E73), new Color(0xD55E00), new Color(0x56B4E9), new Color(0xCC79A7),
      new Color(0x666666)};

  /** Dash patterns, in the same order: solid, long dash, dot, dash-dot, short dash, ... */
  static final float[][] DASHES = {null, {10f, 5f}, {2f, 3f}, {10f, 4f, 2f, 4f}, {5f, 4f},
      {14f, 4f, 2f, 4f, 2f, 4f}, {2f, 7f}, {18f, 6f}};

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Color GRID = new Color(0xDDDDDD);

  /** A line of a time-series chart: its legend label and its band. */
  public record Line(String label, Bands.Band band) {}

  private Charts() {}

  /** Line style i: a stroke 1.8 px wide with dash pattern i. */
  static Stroke stroke(int i) {
    float[] dash = DASHES[i % DASHES.length];
    return dash == null
        ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
        : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  static Paint colour(int i) {
    return COLOURS[i % COLOURS.length];
  }

  /** The report's line colours, in order (for other views that should look like the report). */
  public static List<Color> palette() {
    return List.of(COLOURS);
  }

  /** The report's dash pattern {@code i} (in pixels at 1.8 px width), or null for a solid line. */
  public static float[] dashPattern(int i) {
    float[] d = DASHES[i % DASHES.length];
    return d == null ? null : d.clone();
  }

  /** The first moment of a month (yyyy-MM), in UTC milliseconds. */
  static long millis(String yearMonth) {
    return YearMonth.parse(yearMonth).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /**
   * Replication means over time with their 95% bands, one line per entry, and numbered event
   * markers.
   *
   * @param markers date (yyyy-MM) to the numbers of the milestones at that date
   */
  public static JFreeChart timeSeries(String title, String subtitle, String valueLabel, List<Line> lines,
      Map<String, List<Integer>> markers) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Line l : lines) {
      YIntervalSeries s = new YIntervalSeries(l.label(), false, true);
      Bands.Band b = l.band();
      for (int t = 0; t < b.mean().length; t++) {
        double m = b.mean()[t];
        if (Double.isNaN(m) || b.dates().get(t).isEmpty()) continue;
        double lo = Double.isNaN(b.low()[t]) ? m : b.low()[t];
        double hi = Double.isNaN(b.high()[t]) ? m : b.high()[t];
        s.add(millis(b.dates().get(t)), m, lo, hi);
      }
      data.addSeries(s);
    }
    DeviationRenderer r = new DeviationRenderer(true, false);
    r.setAlpha(0.18f);
    for (int i = 0; i < lines.size(); i++) {
      r.setSeriesStroke(i, stroke(i));
      r.setSeriesPaint(i, colour(i));
      r.setSeriesFillPaint(i, colour(i));
    }
    long months = months(lines);
    boolean years = months > 36;
    DateAxis time = new DateAxis(years ? "date (year; ticks at January)" : "date (month, yyyy-MM)");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    SimpleDateFormat f = new SimpleDateFormat(years ? "yyyy" : "yyyy-MM", Locale.ROOT);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    time.setDateFormatOverride(f);
    if (years) {
      time.setTickUnit(new DateTickUnit(DateTickUnitType.YEAR, months > 240 ? 5 : months > 120 ? 2 : 1, f));
    }
    time.setLowerMargin(0.02);
    time.setUpperMargin(0.03);
    NumberAxis value = new NumberAxis(valueLabel);
    value.setAutoRangeIncludesZero(false);
    styleAxis(time);
    styleAxis(value);
    XYPlot plot = new MilestonePlot(data, time, value, r);
    stylePlot(plot);
    for (var e : markers.entrySet()) {
      ValueMarker m = new ValueMarker(millis(e.getKey()));
      m.setPaint(new Color(0x555555));
      m.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
      m.setLabel(e.getValue().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
      m.setLabelPaint(Color.BLACK);
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      // the rows of the labels are chosen when the chart is drawn (MilestonePlot), so close dates stay legible
      plot.addDomainMarker(m);
    }
    return chart(title, subtitle, plot, true);
  }

  /** The span of the lines' dates in months. */
  private static long months(List<Line> lines) {
    String first = null;
    String last = null;
    for (Line l : lines) {
      for (String d : l.band().dates()) {
        if (d.isEmpty()) continue;
        if (first == null || d.compareTo(first) < 0) first = d;
        if (last == null || d.compareTo(last) > 0) last = d;
      }
    }
    if (first == null) return 0;
    return java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.parse(first), YearMonth.parse(last));
  }

  /**
   * Points (x, y) as open circles with no line, for an outcome against a parameter across the
   * points of a sweep: black on white, so it prints in greyscale as it shows on screen.
   */
  public static JFreeChart scatter(String title, String subtitle, String xLabel, String yLabel, double[][] points) {
    XYSeries s = new XYSeries("design points", false, true);
    for (double[] p : points) s.add(p[0], p[1]);
    NumberAxis x = new NumberAxis(xLabel);
    NumberAxis y = new NumberAxis(yLabel);
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    styleAxis(x);
    styleAxis(y);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    r.setSeriesShapesFilled(0, false);
    r.setSeriesPaint(0, Color.BLACK);
    XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
    stylePlot(plot);
    return chart(title, subtitle, plot, false);
  }

  /**
   * One box per lever setting of its regret over the futures (median, quartiles, whiskers to the
   * most extreme value within 1.5 interquartile ranges, outliers as dots; JFreeChart's box and
   * whisker renderer), settings in the order given, horizontal so that long labels read.
   */
  public static JFreeChart regretBoxes(String title, String subtitle, String valueLabel, List<String> settings,
      List<double[]> regrets) {
    org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset data =
        new org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset();
    for (int i = 0; i < settings.size(); i++) {
      List<Double> values = new java.util.ArrayList<>();
      for (double v : regrets.get(i)) values.add(v);
      data.add(values, "regret", settings.get(i));
    }
    CategoryAxis axis = new CategoryAxis("lever setting");
    NumberAxis value = new NumberAxis(valueLabel);
    styleAxis(axis);
    styleAxis(value);
    org.jfree.chart.renderer.category.BoxAndWhiskerRenderer r = new org.jfree.chart.renderer.category.BoxAndWhiskerRenderer();
    r.setSeriesPaint(0, Color.WHITE);
    r.setSeriesOutlinePaint(0, Color.BLACK);
    r.setUseOutlinePaintForWhiskers(true);
    r.setMeanVisible(false);
    r.setFillBox(true);
    r.setMaximumBarWidth(0.08);
    CategoryPlot plot = new CategoryPlot(data, axis, value, r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
    return chart(title, subtitle, plot, false);
  }

  /**
   * The trade-off of two objectives: one point per lever setting, filled black when it is on the
   * Pareto set and open otherwise, so the set reads in greyscale print; each point carries its
   * label (the setting's number, say).
   */
  public static JFreeChart tradeOff(String title, String subtitle, String xLabel, String yLabel, double[][] points,
      boolean[] pareto, List<String> labels) {
    XYSeries on = new XYSeries("on the Pareto set", false, true);
    XYSeries off = new XYSeries("dominated", false, true);
    List<List<String>> names = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>());
    int[] place = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      List<String> own = names.get(pareto[i] ? 0 : 1);
      place[i] = own.size();
      (pareto[i] ? on : off).add(points[i][0], points[i][1]);
      // settings on the same spot share one label, "0, 1", rather than print over each other
      String label = labels.get(i);
      for (int j = 0; j < i; j++) {
        if (points[j][0] == points[i][0] && points[j][1] == points[i][1]) {
          List<String> first = names.get(pareto[j] ? 0 : 1);
          if (!first.get(place[j]).isEmpty()) {
            first.set(place[j], first.get(place[j]) + ", " + label);
            label = "";
            break;
          }
        }
      }
      own.add(label);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(on);
    data.addSeries(off);
    NumberAxis x = new NumberAxis(xLabel);
    NumberAxis y = new NumberAxis(yLabel);
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    styleAxis(x);
    styleAxis(y);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    for (int i = 0; i < 2; i++) {
      r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
      r.setSeriesPaint(i, Color.BLACK);
      r.setSeriesShapesFilled(i, i == 0);
      r.setSeriesItemLabelsVisible(i, true);
    }
    r.setBaseItemLabelGenerator((dataset, series, item) -> names.get(series).get(item));
    r.setBaseItemLabelFont(TICK);
    y.setUpperMargin(0.12);
    XYPlot plot = new XYPlot(data, x, y, r);
    stylePlot(plot);
    return chart(title, subtitle, plot, true);
  }

  /** One index of one parameter with its 95% interval, for a sensitivity bar chart. */
  public record Bar(String parameter, String index, double value, double low, double high) {}

  /**
   * Horizontal bars of sensitivity indices per parameter (e.g. S1 and ST, or mu*), each index in
   * its own fill (dark grey, white, ...) with its 95% interval as a whisker, parameters in the
   * order given.
   */
  public static JFreeChart sensitivityBars(String title, String subtitle, String valueLabel, List<Bar> bars) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Map<String, double[]> intervals = new java.util.HashMap<>();
    for (Bar b : bars) {
      data.addValue(b.value(), b.index(), b.parameter());
      intervals.put(b.index() + "\u0000" + b.parameter(), new double[] {b.low(), b.high()});
    }
    CategoryAxis params = new CategoryAxis("parameter");
    NumberAxis value = new NumberAxis(valueLabel);
    double lo = 0;
    double hi = 0;
    for (Bar b : bars) {
      for (double v : new double[] {b.value(), b.low(), b.high()}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (hi > lo) value.setRange(lo - 0.02 * (hi - lo), hi + 0.04 * (hi - lo)); // whiskers inside the plot
    styleAxis(params);
    styleAxis(value);
    WhiskerBarRenderer r = new WhiskerBarRenderer(intervals);
    Color[] fills = {new Color(0x444444), Color.WHITE, new Color(0xAAAAAA), new Color(0xE69F00)};
    for (int i = 0; i < fills.length; i++) {
      r.setSeriesPaint(i, fills[i]);
      r.setSeriesOutlinePaint(i, Color.BLACK);
    }
    r.setDrawBarOutline(true);
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setItemMargin(0.05);
    CategoryPlot plot = new CategoryPlot(data, params, value, r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
    return chart(title, subtitle, plot, true);
  }

  /** Bars with a whisker from the 95% interval's low to high end (NaN: no whisker). */
  static final class WhiskerBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, double[]> intervals;

    WhiskerBarRenderer(Map<String, double[]> intervals) {
      this.intervals = intervals;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
        CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset,
        int row, int column, int pass) {
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      if (pass != getPassCount() - 1) return;
      double[] ci = intervals.get(dataset.getRowKey(row) + "\u0000" + dataset.getColumnKey(column));
      if (ci == null || Double.isNaN(ci[0]) || Double.isNaN(ci[1])) return;
      double w0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column);
      double mid = w0 + state.getBarWidth() / 2;
      double cap = Math.min(4, state.getBarWidth() / 3);
      RectangleEdge edge = plot.getRangeAxisEdge();
      double lo = rangeAxis.valueToJava2D(ci[0], dataArea, edge);
      double hi = rangeAxis.valueToJava2D(ci[1], dataArea, edge);
      g2.setPaint(Color.BLACK);
      g2.setStroke(new BasicStroke(1.2f));
      if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
        g2.draw(new Line2D.Double(lo, mid, hi, mid));
        g2.draw(new Line2D.Double(lo, mid - cap, lo, mid + cap));
        g2.draw(new Line2D.Double(hi, mid - cap, hi, mid + cap));
      } else {
        g2.draw(new Line2D.Double(mid, lo, mid, hi));
        g2.draw(new Line2D.Double(mid - cap, lo, mid + cap, lo));
        g2.draw(new Line2D.Double(mid - cap, hi, mid + cap, hi));
      }
    }
  }

  // ------------------------------------------------------------------ calibration

  /**
   * A weighted histogram of a sample (bars of density: each bar's share of the weight over its
   * width, so that it reads on the scale of a density) against a density curve, with an interval
   * shaded and a median marked: a posterior marginal against its prior.
   *
   * @param edges the bins' edges, one more than the heights
   * @param curve points (x, density) of the curve, in increasing x
   */
  public static JFreeChart marginal(String title, String subtitle, String xLabel, double[] edges, double[] heights,
      String curveLabel, double[][] curve, double low, double high, double median) {
    XYIntervalSeries bars = new XYIntervalSeries("posterior (weighted histogram)", false, true);
    for (int i = 0; i < heights.length; i++) {
      bars.add((edges[i] + edges[i + 1]) / 2, edges[i], edges[i + 1], heights[i], 0, heights[i]);
    }
    XYIntervalSeriesCollection barData = new XYIntervalSeriesCollection();
    barData.addSeries(bars);
    XYBarRenderer br = new XYBarRenderer(0);
    br.setBarPainter(new StandardXYBarPainter());
    br.setShadowVisible(false);
    br.setDrawBarOutline(true);
    br.setSeriesPaint(0, new Color(0xBBBBBB));
    br.setSeriesOutlinePaint(0, new Color(0x444444));
    NumberAxis x = new NumberAxis(xLabel);
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis("density");
    styleAxis(x);
    styleAxis(y);
    XYPlot plot = new XYPlot(barData, x, y, br);
    stylePlot(plot);
    XYSeries prior = new XYSeries(curveLabel, false, true);
    for (double[] p : curve) {
      if (Double.isFinite(p[1])) prior.add(p[0], p[1]);
    }
    XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
    lr.setSeriesPaint(0, Color.BLACK);
    lr.setSeriesStroke(0, stroke(1));
    lr.setDrawSeriesLineAsPath(true); // one path, so that the dashes run on over the curve's short segments
    plot.setDataset(1, new XYSeriesCollection(prior));
    plot.setRenderer(1, lr);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    if (Double.isFinite(low) && Double.isFinite(high) && high >= low) {
      plot.addDomainMarker(intervalMarker(low, high, "90% interval"), org.jfree.ui.Layer.BACKGROUND);
    }
    if (Double.isFinite(median)) plot.addDomainMarker(valueMarker(median, "median"));
    return chart(title, subtitle, plot, true);
  }

  /**
   * A profile: the distance at each value of a parameter, the others held at the optimum, with
   * the threshold whose crossing ends the 90% interval and that interval shaded.
   *
   * @param points (value, distance), in increasing value
   */
  public static JFreeChart profile(String title, String subtitle, String xLabel, double[][] points,
      double threshold, double low, double high, double best) {
    XYSeries s = new XYSeries("distance, the others at the optimum", false, true);
    for (double[] p : points) {
      if (Double.isFinite(p[1])) s.add(p[0], p[1]);
    }
    NumberAxis x = new NumberAxis(xLabel);
    NumberAxis y = new NumberAxis("distance (sum of squared standardised errors)");
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    styleAxis(x);
    styleAxis(y);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, Color.BLACK);
    r.setSeriesStroke(0, stroke(0));
    r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    r.setSeriesShapesFilled(0, false);
    XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
    stylePlot(plot);
    if (Double.isFinite(threshold)) {
      ValueMarker t = valueMarker(threshold, "90% threshold");
      t.setStroke(stroke(1));
      t.setLabelAnchor(RectangleAnchor.TOP_LEFT); // the label above the line, at the left, inside the plot
      t.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      t.setLabelOffset(new RectangleInsets(2, 6, 2, 2));
      plot.addRangeMarker(t);
      if (s.getItemCount() > 0 && s.getMaxY() < threshold) y.setUpperBound(threshold * 1.05 + 0.05);
    }
    if (Double.isFinite(low) && Double.isFinite(high) && high >= low) {
      plot.addDomainMarker(intervalMarker(low, high, "90% interval"), org.jfree.ui.Layer.BACKGROUND);
    }
    if (Double.isFinite(best)) plot.addDomainMarker(valueMarker(best, "optimum"));
    return chart(title, subtitle, plot, false);
  }

  /**
   * Weighted points (x, y, weight) as filled dots whose opacity grows with the weight (the
   * heaviest opaque, the lightest faint), for a pair of parameters of a weighted posterior sample.
   */
  public static JFreeChart weightedScatter(String title, String xLabel, String yLabel, double[][] points) {
    XYSeries s = new XYSeries("particles", false, true);
    double max = 0;
    for (double[] p : points) max = Math.max(max, p[2]);
    double[] alpha = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      s.add(points[i][0], points[i][1]);
      alpha[i] = max > 0 ? 0.12 + 0.88 * points[i][2] / max : 1;
    }
    NumberAxis x = new NumberAxis(xLabel);
    NumberAxis y = new NumberAxis(yLabel);
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    styleAxis(x);
    styleAxis(y);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true) {
      private static final long serialVersionUID = 1L;

      @Override
      public Paint getItemPaint(int row, int column) {
        return new Color(0, 0, 0, (int) Math.round(255 * alpha[column]));
      }
    };
    r.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    r.setSeriesShapesFilled(0, true);
    XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
    stylePlot(plot);
    return chart(title, null, plot, false);
  }

  /**
   * One observation with its posterior predictive: the date (UTC milliseconds), the median and
   * the 50% and 90% central intervals, the observed value with its sd, and whether it was held out.
   */
  public record Predicted(long at, double median, double q05, double q25, double q75, double q95,
      double observed, double sd, boolean heldOut) {}

  /**
   * Predictive bands over observed points: the median line, the 50% and 90% bands, the observed
   * values with error bars of one sd, and the hold-out period shaded from its first date.
   *
   * @param holdOutFrom the first moment of the hold-out (UTC milliseconds), or null when none
   */
  public static JFreeChart predictive(String title, String subtitle, String valueLabel, List<Predicted> points,
      Long holdOutFrom) {
    YIntervalSeries p90 = new YIntervalSeries("predictive median, 90% band", false, true);
    YIntervalSeries p50 = new YIntervalSeries("50% band", false, true);
    YIntervalSeries obs = new YIntervalSeries("observed \u00b1 1 sd", false, true);
    long halfWidth = 30L * 24 * 3600 * 1000; // a lone date gets a band two months wide, so it shows
    for (Predicted p : points) {
      if (points.size() == 1) {
        for (long at : new long[] {p.at() - halfWidth, p.at() + halfWidth}) {
          p90.add(at, p.median(), p.q05(), p.q95());
          p50.add(at, p.median(), p.q25(), p.q75());
        }
      } else {
        p90.add(p.at(), p.median(), p.q05(), p.q95());
        p50.add(p.at(), p.median(), p.q25(), p.q75());
      }
      obs.add(p.at(), p.observed(), p.observed() - p.sd(), p.observed() + p.sd());
    }
    YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    bands.addSeries(p90);
    bands.addSeries(p50);
    DeviationRenderer dr = new DeviationRenderer(true, false);
    dr.setAlpha(0.25f);
    dr.setSeriesPaint(0, colour(2));
    dr.setSeriesFillPaint(0, colour(5));
    dr.setSeriesStroke(0, stroke(0));
    dr.setSeriesPaint(1, colour(2));
    dr.setSeriesFillPaint(1, colour(2));
    dr.setSeriesStroke(1, stroke(0));
    YIntervalSeriesCollection observed = new YIntervalSeriesCollection();
    observed.addSeries(obs);
    XYErrorRenderer er = new XYErrorRenderer();
    er.setDrawXError(false);
    er.setDrawYError(true);
    er.setBaseLinesVisible(false);
    er.setBaseShapesVisible(true);
    er.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    er.setSeriesPaint(0, Color.BLACK);
    er.setErrorPaint(Color.BLACK);
    er.setErrorStroke(new BasicStroke(1.2f));
    DateAxis time = new DateAxis("date (observations of a year at its middle)");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    SimpleDateFormat f = new SimpleDateFormat("yyyy-MM", Locale.ROOT);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    time.setDateFormatOverride(f);
    time.setLowerMargin(0.08);
    time.setUpperMargin(0.08);
    long first = points.stream().mapToLong(Predicted::at).min().orElse(0);
    long last = points.stream().mapToLong(Predicted::at).max().orElse(0);
    long halfYear = 183L * 24 * 3600 * 1000;
    if (last - first < 2 * halfYear) time.setRange(first - halfYear, last + halfYear); // a readable span of dates
    NumberAxis value = new NumberAxis(valueLabel);
    value.setAutoRangeIncludesZero(false);
    styleAxis(time);
    styleAxis(value);
    XYPlot plot = new XYPlot(observed, time, value, er);
    plot.setDataset(1, bands);
    plot.setRenderer(1, dr);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE); // the observations on top
    stylePlot(plot);
    if (holdOutFrom != null) {
      long end = Math.max(last, holdOutFrom) + 4 * 365L * 24 * 3600 * 1000; // past the axis' right end
      IntervalMarker m = intervalMarker(holdOutFrom, end, "hold-out");
      m.setPaint(new Color(0xE8E8E8));
      m.setAlpha(1f);
      plot.addDomainMarker(m, org.jfree.ui.Layer.BACKGROUND);
    }
    return chart(title, subtitle, plot, true);
  }

  private static IntervalMarker intervalMarker(double low, double high, String label) {
    IntervalMarker m = new IntervalMarker(low, high);
    m.setPaint(new Color(0xF2DDB0));
    m.setAlpha(0.6f);
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    m.setLabelPaint(Color.BLACK);
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    m.setLabelOffset(new RectangleInsets(2, 3, 2, 2));
    return m;
  }

  private static ValueMarker valueMarker(double at, String label) {
    ValueMarker m = new ValueMarker(at);
    m.setPaint(Color.BLACK);
    m.setStroke(new BasicStroke(1.2f));
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    m.setLabelPaint(Color.BLACK);
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    m.setLabelOffset(new RectangleInsets(14, 2, 2, 2));
    return m;
  }

  static void styleAxis(org.jfree.chart.axis.Axis a) {
    a.setLabelFont(LABEL);
    a.setTickLabelFont(TICK);
    a.setLabelPaint(Color.BLACK);
    a.setTickLabelPaint(Color.BLACK);
    a.setAxisLinePaint(Color.GRAY);
  }

  static void stylePlot(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
  }

  static JFreeChart chart(String title, String subtitle, org.jfree.chart.plot.Plot plot, boolean legend) {
    JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
    c.setBackgroundPaint(Color.WHITE);
    c.setAntiAlias(true);
    if (subtitle != null && !subtitle.isEmpty()) {
      TextTitle t = new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      t.setPaint(new Color(0x333333));
      c.addSubtitle(t);
    }
    LegendTitle l = c.getLegend();
    if (l != null) {
      l.setItemFont(LABEL);
      l.setFrame(BlockBorder.NONE);
      l.setPosition(RectangleEdge.BOTTOM);
      l.setBackgroundPaint(Color.WHITE);
    }
    return c;
  }
}

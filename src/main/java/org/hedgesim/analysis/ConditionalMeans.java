package org.hedgesim.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The pictures of a sampled design (Latin hypercube, random, Sobol, and the sensitivity designs):
 * for each outcome and factor, the outcome's conditional mean in quantile bins of the factor, each
 * with its 95% interval over the bin's runs, drawn over the design points' own means and intervals
 * (grey) when there are few enough to see. A categorical factor gets one bin per level, on a category
 * axis. Where a raw scatter of hundreds of points hides the trend under the other factors' spread,
 * the binned means show it, and the intervals show whether it is more than noise.
 */
final class ConditionalMeans {
  /** Figures, at most. */
  static final int MAX_FIGURES = 12;
  static final int MIN_BINS = 5;
  static final int MAX_BINS = 10;
  /** Design points drawn one by one (grey, with their intervals), at most. */
  static final int MAX_POINTS_SHOWN = 200;

  private ConditionalMeans() {}

  /** Bins of a numeric factor: as many as sqrt(points), within 5 to 10, and never more than its distinct values. */
  static int bins(int points, int distinct) {
    int k = (int) Math.round(Math.sqrt(points));
    return Math.max(1, Math.min(distinct, Math.max(MIN_BINS, Math.min(MAX_BINS, k))));
  }

  /**
   * Which bin each design point falls in (by position in design.csv): the points sorted by the
   * factor's value and cut into groups of (nearly) equal count, ties kept together.
   */
  static int[] binOf(SweepFactors d, int k, int bins) {
    SweepFactors.Factor f = d.factors().get(k);
    int n = d.points().size();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) order.add(i);
    order.sort(Comparator.comparingInt(i -> d.level(i, k))); // levels are sorted by value
    int[] bin = new int[n];
    int previousLevel = -1;
    int previousBin = 0;
    for (int r = 0; r < n; r++) {
      int i = order.get(r);
      int level = d.level(i, k);
      int b = level == previousLevel ? previousBin : (int) ((long) r * bins / n);
      bin[i] = b;
      previousLevel = level;
      previousBin = b;
    }
    return f.categorical() ? levels(d, k) : bin;
  }

  private static int[] levels(SweepFactors d, int k) {
    int[] out = new int[d.points().size()];
    for (int i = 0; i < out.length; i++) out[i] = d.level(i, k);
    return out;
  }

  /**
   * Adds the figures of a sampled sweep.
   *
   * @param pointMeans per outcome, the rows of summary.csv (point, mean, ci_low, ci_high), in file order
   * @return sentences for the report saying what was drawn
   */
  static List<String> add(Path folder, SweepFactors design, List<String> outcomes,
      Map<String, List<Map<String, String>>> pointMeans, List<ReportContent.Figure> figures) throws IOException {
    List<SweepFactors.Factor> fs = design.factors();
    int n = design.points().size();
    List<RunCells.Grouping> groupings = new ArrayList<>();
    int[] binCount = new int[fs.size()];
    for (int k = 0; k < fs.size(); k++) {
      SweepFactors.Factor f = fs.get(k);
      binCount[k] = f.categorical() ? f.levels().size() : bins(n, f.levels().size());
      groupings.add(new RunCells.Grouping(binOf(design, k, binCount[k]), binCount[k]));
    }
    RunCells cells = RunCells.read(folder, design.points(), outcomes, groupings);
    int made = 0;
    int left = 0;
    for (int o = 0; o < outcomes.size(); o++) {
      for (int k = 0; k < fs.size(); k++) {
        if (made >= MAX_FIGURES) {
          left++;
          continue;
        }
        SweepFactors.Factor f = fs.get(k);
        Estimate[] est = new Estimate[binCount[k]];
        for (int b = 0; b < est.length; b++) est[b] = cells.estimate(k, o, b);
        String out = outcomes.get(o);
        String title = out + " against " + f.name();
        JFreeChart chart;
        String caption;
        if (f.categorical()) {
          chart = InteractionPlot.chart(title, "each point: mean of the runs at that level (all other factors as the"
              + " design set them); whiskers: 95% CI", f.label(), f.levels(), out + " (mean)", List.of("all runs"),
              new Estimate[][] {est});
          caption = out + " at each level of " + f.name() + ", over all runs at that level. Whiskers that overlap"
              + " mark levels the runs do not tell apart.";
        } else {
          chart = numeric(title, design, k, groupings.get(k).cellOfPoint(), est, pointMeans.get(out), f);
          caption = out + " against " + f.name() + " in " + est.length + " quantile bins (each holding about as many"
              + " design points as the others): black, the mean of the bin's runs with its 95% CI, the horizontal"
              + " bar spanning the bin's values; grey, each design point's mean with the 95% CI of its replications"
              + (n > MAX_POINTS_SHOWN ? " (not drawn: more than " + MAX_POINTS_SHOWN + " points)" : "")
              + ". A trend of the black marks is the factor's main effect, averaged over the other factors.";
        }
        figures.add(new ReportContent.Figure("conditional-" + out + "-" + f.name(), caption, chart));
        made++;
      }
    }
    List<String> notes = new ArrayList<>();
    notes.add("A sampled design (" + design.kind() + "): the plots show each outcome's mean in bins of each factor,"
        + " with 95% intervals, rather than every point.");
    if (left > 0) {
      notes.add("Not drawn, to keep the report readable: " + left + " plot" + (left == 1 ? "" : "s")
          + " of the later outcomes (at most " + MAX_FIGURES + ").");
    }
    return notes;
  }

  private static JFreeChart numeric(String title, SweepFactors d, int k, int[] binOf, Estimate[] est,
      List<Map<String, String>> rows, SweepFactors.Factor f) {
    int n = d.points().size();
    double[] lo = new double[est.length];
    double[] hi = new double[est.length];
    double[] sum = new double[est.length];
    int[] count = new int[est.length];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      double x = f.number(d.level(i, k));
      int b = binOf[i];
      lo[b] = Math.min(lo[b], x);
      hi[b] = Math.max(hi[b], x);
      sum[b] += x;
      count[b]++;
    }
    XYIntervalSeries points = new XYIntervalSeries("design points: mean \u00b1 95% CI of their replications");
    if (n <= MAX_POINTS_SHOWN && rows != null) {
      Map<Integer, Integer> position = new java.util.HashMap<>(); // looked up only
      for (int i = 0; i < n; i++) position.put(d.points().get(i), i);
      for (Map<String, String> r : rows) {
        Integer at = position.get(Integer.parseInt(r.get("point")));
        double m = ResultFiles.number(r.get("mean"));
        if (at == null || Double.isNaN(m)) continue;
        double x = f.number(d.level(at, k));
        double l = ResultFiles.number(r.get("ci_low"));
        double h = ResultFiles.number(r.get("ci_high"));
        points.add(x, x, x, m, Double.isNaN(l) ? m : l, Double.isNaN(h) ? m : h);
      }
    }
    XYIntervalSeries binned = new XYIntervalSeries("quantile bins: mean \u00b1 95% CI of their runs");
    for (int b = 0; b < est.length; b++) {
      Estimate e = est[b];
      if (count[b] == 0 || Double.isNaN(e.mean())) continue;
      double l = Double.isNaN(e.ciLow()) ? e.mean() : e.ciLow();
      double h = Double.isNaN(e.ciHigh()) ? e.mean() : e.ciHigh();
      binned.add(sum[b] / count[b], lo[b], hi[b], e.mean(), l, h);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(points);
    data.addSeries(binned);
    XYErrorRenderer r = new XYErrorRenderer();
    r.setErrorPaint(null); // each series' whiskers in its own colour
    r.setCapLength(5);
    r.setSeriesPaint(0, new Color(0xAAAAAA));
    r.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
    r.setSeriesLinesVisible(0, false);
    r.setSeriesPaint(1, Color.BLACK);
    r.setSeriesShape(1, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
    r.setSeriesLinesVisible(1, true);
    r.setSeriesStroke(1, new BasicStroke(1.6f));
    r.setErrorStroke(new BasicStroke(1.2f));
    ValueAxis x;
    if (f.logScale()) {
      x = new LogAxis(f.label());
    } else {
      NumberAxis nx = new NumberAxis(f.label());
      nx.setAutoRangeIncludesZero(false);
      x = nx;
    }
    NumberAxis y = new NumberAxis(title.substring(0, title.indexOf(" against ")) + " (mean)");
    y.setAutoRangeIncludesZero(false);
    Charts.styleAxis(x);
    Charts.styleAxis(y);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // the bins over the points
    Charts.stylePlot(plot);
    return Charts.chart(title, "black: quantile bins of " + f.name() + "; grey: design points", plot, true);
  }
}

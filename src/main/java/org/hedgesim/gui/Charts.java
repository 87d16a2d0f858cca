package org.hedgesim.gui;

import java.awt.Color;
import java.awt.Stroke;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.swing.SwingUtilities;
import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.Scenario;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import sim.display.GUIState;

/**
 * The live charts, plain JFreeChart panels (MASON's chart generator adds controls, Fill, Scale and
 * Proportion, that mean nothing to a class, and draws at a fixed proportion): each small state's
 * alignment toward each power and its dependence on each power (one chart per small state, so that
 * every line of a chart has a colour of its own: the power's), the hedging index and lean of every
 * small state on one chart, and each power's courtship and coercion of each small state. Time runs
 * along a date axis over the scenario's whole span, so the lines grow across it as the run goes.
 *
 * <p>The series are made once (the actors do not change between runs); each run clears them, and
 * after each step of the model the values the run recorded are added on Swing's thread.
 */
final class Charts {
  /** What a chart shows. */
  enum Kind { ALIGNMENT, HEDGING, DEPENDENCE, POWERS }

  /** A chart on the screen: what it shows, for which small state ("" for all), and its panel. */
  record Chart(Kind kind, String state, JFreeChart chart, ChartPanel panel) {}

  /** A line of a chart and the run series it plots. */
  private record Line(XYSeries series, String metric, String actor, String target) {}

  /** Spans longer than this get year ticks (yyyy); shorter ones, month ticks (yyyy-MM). */
  static final int YEAR_TICKS_FROM_MONTHS = 36;

  private final Scenario scenario;
  private final List<Chart> charts = new ArrayList<>();
  private final List<Line> lines = new ArrayList<>();
  /** The hedging chart's second value axis (and dataset), for the lean. */
  static final int LEAN_AXIS = 1;
  private int shown;
  private int run = -1;

  Charts(Scenario s, String poleA, String poleB) {
    this.scenario = s;
    int ia = s.poles().indexOf(poleA);
    int ib = s.poles().indexOf(poleB);
    String pair = ia >= 0 && ib >= 0 ? (ia < ib ? poleA + "|" + poleB : poleB + "|" + poleA) : null;
    List<ActorSpec> small = s.actors().stream().filter(ActorSpec::isSmall).toList();

    Chart hedging = chart(Kind.HEDGING, "", "Hedging index (left) and lean (right)", "hedging index", false);
    for (int k = 0; k < small.size(); k++) {
      String id = small.get(k).id();
      // a colour for every line; solid for the index, dashed for the lean
      line(hedging, 0, id + " hedging index", ChartLook.state(2 * k), 0, "hedging_index", id, "");
      if (pair != null && !id.equals(poleA) && !id.equals(poleB)) {
        line(hedging, LEAN_AXIS, id + " lean, " + pair.replace("|", " vs "), ChartLook.state(2 * k + 1), 1, "lean", id, pair);
      }
    }
    for (ActorSpec a : small) {
      String id = a.id();
      Chart alignment = chart(Kind.ALIGNMENT, id, "Alignment of " + id + " toward each power",
          "alignment (0: neutral)", true);
      Chart dependence = chart(Kind.DEPENDENCE, id, "Dependence of " + id + " on each power",
          "share of its ties", true);
      Chart powers = chart(Kind.POWERS, id, "Courtship (solid) and coercion (dashed) of " + id,
          "US$ bn a year; share cut", true);
      int other = 0;
      int style = 0;
      for (String p : s.poles()) {
        if (p.equals(id)) continue;
        Color c = ChartLook.pole(p.equals(poleA), p.equals(poleB), p.equals(poleA) || p.equals(poleB) ? 0 : other++);
        line(alignment, 0, p, c, style, "alignment", id, p);
        line(dependence, 0, p, c, style, "dependence", id, p);
        line(powers, 0, p + " courts", c, 0, "courtship", p, id);
        line(powers, 0, p + " coerces", c, 1, "coercion", p, id);
        style++;
      }
      charts.add(alignment);
      charts.add(dependence);
      charts.add(powers);
    }
    charts.add(0, hedging);
  }

  /** A chart with a date axis over the scenario's span; the value axis fits the data. */
  private Chart chart(Kind kind, String state, String title, String valueLabel, boolean withZero) {
    XYSeriesCollection data = new XYSeriesCollection();
    NumberAxis value = new NumberAxis(valueLabel);
    // the hedging index lives near 1: an axis from 0 would flatten it; elsewhere 0 means something
    value.setAutoRangeIncludesZero(withZero);
    value.setAutoRangeMinimumSize(0.05);
    value.setUpperMargin(0.08);
    value.setLowerMargin(0.08);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    XYPlot plot = new XYPlot(data, timeAxis(), value, renderer);
    if (withZero) {
      ValueMarker zero = new ValueMarker(0, Color.GRAY, new java.awt.BasicStroke(1f));
      plot.addRangeMarker(zero);
    }
    if (kind == Kind.HEDGING) {
      // the lean (near 0, signed) on an axis of its own at the right, so that neither it nor the
      // index (near 1) is flattened by the other's range
      NumberAxis lean = new NumberAxis("lean (0: equidistant)");
      lean.setAutoRangeIncludesZero(true);
      lean.setAutoRangeMinimumSize(0.05);
      lean.setUpperMargin(0.08);
      lean.setLowerMargin(0.08);
      plot.setRangeAxis(LEAN_AXIS, lean);
      plot.setDataset(LEAN_AXIS, new XYSeriesCollection());
      plot.mapDatasetToRangeAxis(LEAN_AXIS, LEAN_AXIS);
      XYLineAndShapeRenderer leanRenderer = new XYLineAndShapeRenderer(true, false);
      leanRenderer.setDrawSeriesLineAsPath(true);
      plot.setRenderer(LEAN_AXIS, leanRenderer);
    }
    JFreeChart chart = new JFreeChart(title, ChartLook.TITLE, plot, true);
    ChartLook.style(chart);
    ChartPanel panel = new ChartPanel(chart, false, true, false, false, true);
    // draw at the panel's own size: JFreeChart otherwise draws small charts larger and shrinks them,
    // fonts and all, and large ones smaller and blows them up
    panel.setMinimumDrawWidth(0);
    panel.setMinimumDrawHeight(0);
    panel.setMaximumDrawWidth(8000);
    panel.setMaximumDrawHeight(8000);
    panel.setMouseZoomable(false);
    panel.setName(kind.name().toLowerCase(Locale.ROOT) + (state.isEmpty() ? "" : " " + state));
    return new Chart(kind, state, chart, panel);
  }

  /** The time axis: the scenario's start to its end, ticks at years (yyyy) or months (yyyy-MM). */
  private DateAxis timeAxis() {
    long months = (long) scenario.steps() * scenario.step().months();
    boolean years = months > YEAR_TICKS_FROM_MONTHS;
    DateAxis time = new DateAxis(years ? "year" : "month");
    TimeZone utc = TimeZone.getTimeZone("UTC");
    time.setTimeZone(utc);
    SimpleDateFormat f = new SimpleDateFormat(years ? "yyyy" : "yyyy-MM", Locale.ROOT);
    f.setTimeZone(utc);
    TickUnits units = new TickUnits();
    if (years) {
      for (int n : new int[] {1, 2, 5, 10, 20, 50, 100}) units.add(new DateTickUnit(DateTickUnitType.YEAR, n, f));
    } else {
      for (int n : new int[] {1, 2, 3, 6, 12}) units.add(new DateTickUnit(DateTickUnitType.MONTH, n, f));
    }
    time.setStandardTickUnits(units);
    time.setAutoTickUnitSelection(true);
    time.setRange(millis(scenario.start()), millis(scenario.dateOf(Math.max(1, scenario.steps() - 1))));
    time.setLowerMargin(0);
    time.setUpperMargin(0);
    return time;
  }

  /** Adds a line to a chart, on its value axis {@code axis} (0, or the hedging chart's lean axis). */
  private void line(Chart chart, int axis, String name, Color colour, int style, String metric, String actor,
      String target) {
    XYSeries series = new XYSeries(name, false, true);
    XYSeriesCollection data = (XYSeriesCollection) chart.chart().getXYPlot().getDataset(axis);
    data.addSeries(series);
    int i = data.getSeriesCount() - 1;
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.chart().getXYPlot().getRenderer(axis);
    Stroke stroke = ChartLook.stroke(style);
    r.setSeriesPaint(i, colour);
    r.setSeriesStroke(i, stroke);
    lines.add(new Line(series, metric, actor, target));
  }

  static long millis(YearMonth month) {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** Every chart: the hedging chart first, then for each small state its alignment, dependence and powers. */
  List<Chart> all() {
    return List.copyOf(charts);
  }

  /** The charts of one kind, in the order of the small states. */
  List<Chart> of(Kind kind) {
    return charts.stream().filter(c -> c.kind() == kind).toList();
  }

  /**
   * Clears the series and, after each step of the run that has just started, adds the steps
   * recorded since the last update (on Swing's thread, which owns the charts).
   */
  void schedule(GUIState gui, Recorder recorder) {
    gui.scheduleRepeatingImmediatelyAfter(s -> SwingUtilities.invokeLater(() -> catchUp(recorder)));
  }

  private void clear() {
    shown = 0;
    for (Line l : lines) l.series().clear();
  }

  private void catchUp(Recorder recorder) {
    if (recorder.runs() != run) {
      run = recorder.runs();
      clear();
    }
    List<double[]> rows = recorder.historyFrom(shown);
    if (rows.isEmpty()) return;
    int[] index = new int[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      index[i] = recorder.indexOf(l.metric(), l.actor(), l.target());
    }
    for (double[] row : rows) {
      long x = millis(scenario.dateOf(shown));
      for (int i = 0; i < lines.size(); i++) {
        lines.get(i).series().add(x, index[i] < 0 ? Double.NaN : row[index[i]], false);
      }
      shown++;
    }
    for (Line l : lines) l.series().fireSeriesChanged();
  }

  void quit() {
    clear();
  }
}

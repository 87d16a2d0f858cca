package org.hedgesim.gui;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.Scenario;
import sim.display.ChartUtilities;
import sim.display.GUIState;
import sim.util.media.chart.TimeSeriesAttributes;
import sim.util.media.chart.TimeSeriesChartGenerator;

/**
 * The live charts, made with MASON's chart generators: each small state's alignment toward each
 * pole; its hedging index and its lean between the two main poles; its dependence on each pole;
 * and each pole's courtship and coercion of it, over the steps of the run. The series
 * are made once (the actors do not change between runs); each run clears them and schedules them
 * again, after each step of the model, from the values the run records.
 */
final class Charts {
  /** A series of a chart and the run series it plots. */
  private record Line(TimeSeriesAttributes attributes, String metric, String actor, String target) {}

  private static final Color[] OTHER_POLES = {new Color(27, 158, 119), new Color(217, 95, 2),
      new Color(117, 112, 179), new Color(231, 41, 138), new Color(102, 166, 30), new Color(166, 118, 29)};
  private static final Color[] STATES = {new Color(30, 30, 30), new Color(0, 128, 128),
      new Color(128, 0, 128), new Color(128, 96, 0)};
  private static final int[] DASHES = {TimeSeriesAttributes.PATTERN_SOLID, TimeSeriesAttributes.PATTERN_DASH,
      TimeSeriesAttributes.PATTERN_DOT, TimeSeriesAttributes.PATTERN_DASH_DOT};

  final TimeSeriesChartGenerator alignment;
  final TimeSeriesChartGenerator hedging;
  final TimeSeriesChartGenerator dependence;
  final TimeSeriesChartGenerator powers;
  private final List<Line> lines = new ArrayList<>();

  Charts(Scenario s, String poleA, String poleB) {
    String x = s.step().name().toLowerCase(java.util.Locale.ROOT) + "s since " + s.start();
    alignment = ChartUtilities.buildTimeSeriesChartGenerator("Alignment toward each power", x);
    alignment.setYAxisLabel("alignment (-1 balancing, +1 bandwagoning)");
    hedging = ChartUtilities.buildTimeSeriesChartGenerator("Hedging index and lean", x);
    hedging.setYAxisLabel("hedging index (1 = equidistant); lean between the main powers");
    dependence = ChartUtilities.buildTimeSeriesChartGenerator("Dependence on each power", x);
    dependence.setYAxisLabel("dependence share");
    powers = ChartUtilities.buildTimeSeriesChartGenerator("Courtship and coercion by each power", x);
    powers.setYAxisLabel("courtship, US$ bn a year (solid); coercion, share cut (dashed)");
    int ia = s.poles().indexOf(poleA);
    int ib = s.poles().indexOf(poleB);
    String pair = ia >= 0 && ib >= 0 ? (ia < ib ? poleA + "|" + poleB : poleB + "|" + poleA) : null;
    int state = 0;
    for (ActorSpec a : s.actors()) {
      if (!a.isSmall()) continue;
      int dash = DASHES[state % DASHES.length];
      int other = 0;
      for (String p : s.poles()) {
        if (p.equals(a.id())) continue;
        Color c = p.equals(poleA) ? Palette.POLE_A : p.equals(poleB) ? Palette.POLE_B
            : OTHER_POLES[other++ % OTHER_POLES.length];
        add(alignment, a.id() + " to " + p, c, dash, "alignment", a.id(), p);
        add(dependence, a.id() + " on " + p, c, dash, "dependence", a.id(), p);
        if (state == 0) {
          add(powers, p + " courts " + a.id(), c, TimeSeriesAttributes.PATTERN_SOLID, "courtship", p, a.id());
          add(powers, p + " coerces " + a.id(), c, TimeSeriesAttributes.PATTERN_DASH, "coercion", p, a.id());
        }
      }
      add(hedging, a.id(), STATES[state % STATES.length], dash, "hedging_index", a.id(), "");
      if (pair != null && !a.id().equals(poleA) && !a.id().equals(poleB)) {
        add(hedging, a.id() + " lean " + pair.replace("|", " vs "), STATES[state % STATES.length],
            TimeSeriesAttributes.PATTERN_DOT, "lean", a.id(), pair);
      }
      state++;
    }
  }

  private void add(TimeSeriesChartGenerator chart, String name, Color colour, int dash, String metric,
      String actor, String target) {
    TimeSeriesAttributes attributes = ChartUtilities.addSeries(chart, name);
    attributes.setStrokeColor(colour);
    attributes.setDashPattern(dash);
    attributes.setThickness(2.0);
    lines.add(new Line(attributes, metric, actor, target));
  }

  List<TimeSeriesChartGenerator> all() {
    return List.of(alignment, hedging, dependence, powers);
  }

  /** Clears the series and schedules them for a run that has just started. */
  void schedule(GUIState gui, Recorder recorder) {
    for (Line l : lines) {
      l.attributes().clear();
      int index = recorder.indexOf(l.metric(), l.actor(), l.target());
      ChartUtilities.scheduleSeries(gui, l.attributes(), () -> recorder.latest(index));
    }
  }

  void quit() {
    for (TimeSeriesChartGenerator c : all()) c.quit();
  }
}

package org.hedgesim.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The pictures of a grid (full factorial) sweep: for each outcome a heat map over each pair of
 * factors (the first {@link #MAX_PAIRS} pairs) and, for each factor, an interaction plot of the
 * outcome against its levels with one line per level of a second factor; a grid of one factor gets
 * its main-effects plot. Every mean is over the runs of its cell, pooled over the factors the
 * picture does not show, with its 95% interval ({@link RunCells}), so a reader sees at once where
 * the outcome changes and whether the change is larger than the replications' noise.
 */
final class GridPictures {
  /** Pairs of factors drawn as heat maps, at most (a grid of k factors has k (k - 1) / 2). */
  static final int MAX_PAIRS = 3;
  static final int MAX_HEAT_MAPS = 12;
  static final int MAX_INTERACTIONS = 16;

  private GridPictures() {}

  /**
   * Adds the figures of a grid sweep.
   *
   * @return sentences for the report saying what was drawn and what the caps left out
   */
  static List<String> add(Path folder, SweepFactors design, List<String> outcomes, int reps,
      List<ReportContent.Figure> figures) throws IOException {
    List<SweepFactors.Factor> fs = design.factors();
    int k = fs.size();
    List<int[]> heatPairs = new ArrayList<>();
    for (int a = 0; a < k && heatPairs.size() < MAX_PAIRS; a++) {
      for (int b = a + 1; b < k && heatPairs.size() < MAX_PAIRS; b++) heatPairs.add(new int[] {a, b});
    }
    // the interaction plots: factor i against its levels, one line per level of factor 1 (for factor 0) or 0
    List<int[]> lines = new ArrayList<>();
    for (int i = 0; i < k; i++) lines.add(new int[] {i, k == 1 ? -1 : i == 0 ? 1 : 0});
    Map<String, Integer> groupingOf = new LinkedHashMap<>();
    List<RunCells.Grouping> groupings = new ArrayList<>();
    for (int[] p : heatPairs) grouping(design, p[0], p[1], groupingOf, groupings);
    for (int[] p : lines) grouping(design, p[0], p[1], groupingOf, groupings);
    RunCells cells = RunCells.read(folder, design.points(), outcomes, groupings);

    List<String> notes = new ArrayList<>();
    int heat = 0;
    int inter = 0;
    int heatLeft = 0;
    int interLeft = 0;
    for (int o = 0; o < outcomes.size(); o++) {
      String out = outcomes.get(o);
      for (int[] p : heatPairs) {
        if (heat >= MAX_HEAT_MAPS) {
          heatLeft++;
          continue;
        }
        figures.add(heatMap(design, out, o, p[0], p[1], cells, groupingOf.get(key(p[0], p[1])), reps));
        heat++;
      }
      for (int[] p : lines) {
        if (inter >= MAX_INTERACTIONS) {
          interLeft++;
          continue;
        }
        figures.add(interaction(design, out, o, p[0], p[1], cells, groupingOf.get(key(p[0], p[1])), reps));
        inter++;
      }
    }
    notes.add("A grid: every combination of the factors' levels was run, so the plots show the outcomes cell by cell. "
        + (k >= 2 ? "Heat maps: " + heat + " (over " + pairs(fs, heatPairs) + "); " : "")
        + (k >= 2 ? "interaction plots: " : "main-effects plots: ") + inter + ".");
    if (k > MAX_PAIRS && heatPairs.size() < k * (k - 1) / 2) {
      notes.add("Heat maps are drawn for the first " + MAX_PAIRS + " pairs of factors only.");
    }
    if (heatLeft + interLeft > 0) {
      notes.add("Not drawn, to keep the report readable: " + heatLeft + " heat map" + (heatLeft == 1 ? "" : "s") + " and "
          + interLeft + " interaction plot" + (interLeft == 1 ? "" : "s") + " of the later outcomes (at most "
          + MAX_HEAT_MAPS + " and " + MAX_INTERACTIONS + "); the cell means are in summary.csv.");
    }
    return notes;
  }

  private static String pairs(List<SweepFactors.Factor> fs, List<int[]> ps) {
    List<String> out = new ArrayList<>();
    for (int[] p : ps) out.add(fs.get(p[0]).name() + " x " + fs.get(p[1]).name());
    return String.join(", ", out);
  }

  private static String key(int a, int b) {
    return Math.min(a, b) + "," + Math.max(a, b);
  }

  /** The grouping of the runs by the levels of factors a and b (b = -1: by a alone); cell = level(a) * levels(b) + level(b). */
  private static void grouping(SweepFactors d, int a, int b, Map<String, Integer> groupingOf,
      List<RunCells.Grouping> groupings) {
    int lo = b < 0 ? a : Math.min(a, b);
    int hi = b < 0 ? -1 : Math.max(a, b);
    String key = b < 0 ? key(a, -1) : key(lo, hi);
    if (groupingOf.containsKey(key)) return;
    int nHi = hi < 0 ? 1 : d.factors().get(hi).levels().size();
    int[] cellOf = new int[d.points().size()];
    for (int i = 0; i < cellOf.length; i++) cellOf[i] = d.level(i, lo) * nHi + (hi < 0 ? 0 : d.level(i, hi));
    groupingOf.put(key, groupings.size());
    groupings.add(new RunCells.Grouping(cellOf, d.factors().get(lo).levels().size() * nHi));
  }

  /** The estimate of the cell where factor a is at level i and factor b (may be -1) at level j. */
  private static Estimate cell(SweepFactors d, RunCells cells, int g, int o, int a, int i, int b, int j) {
    if (b < 0) return cells.estimate(g, o, i);
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    int li = a == lo ? i : j;
    int hj = a == lo ? j : i;
    return cells.estimate(g, o, li * d.factors().get(hi).levels().size() + hj);
  }

  /** Runs in a cell showing factors a and b (b may be -1): the replications times the levels of the other factors. */
  private static String pooled(SweepFactors d, int a, int b, int reps) {
    long runs = reps;
    List<String> others = new ArrayList<>();
    for (int k = 0; k < d.factors().size(); k++) {
      if (k == a || k == b) continue;
      runs *= d.factors().get(k).levels().size();
      others.add(d.factors().get(k).name());
    }
    return runs + " run" + (runs == 1 ? "" : "s") + (others.isEmpty() ? "" : ", pooled over " + String.join(", ", others));
  }

  private static ReportContent.Figure heatMap(SweepFactors d, String outcome, int o, int a, int b, RunCells cells,
      int g, int reps) {
    SweepFactors.Factor fa = d.factors().get(a);
    SweepFactors.Factor fb = d.factors().get(b);
    Estimate[][] e = new Estimate[fa.levels().size()][fb.levels().size()];
    for (int i = 0; i < e.length; i++) {
      for (int j = 0; j < e[i].length; j++) e[i][j] = cell(d, cells, g, o, a, i, b, j);
    }
    JFreeChart chart = HeatMap.chart(outcome + " over " + fa.name() + " and " + fb.name(),
        "each cell: mean of its " + pooled(d, a, b, reps) + "; below it, \u00b1 the half-width of its 95% CI",
        fa.label(), fa.levels(), fb.label(), fb.levels(), outcome + " (mean)", e);
    return new ReportContent.Figure("heatmap-" + outcome + "-" + fa.name() + "-" + fb.name(),
        outcome + " over the " + e.length + " x " + e[0].length + " cells of " + fa.name() + " and " + fb.name()
            + ". The darker the cell, the higher the mean (scale at the right); read the numbers rather than the"
            + " shades. Where the \u00b1 of two neighbouring cells is as large as the gap between their means, the"
            + " replications do not tell them apart. \"no value\": no run of the cell gave one.",
        chart);
  }

  private static ReportContent.Figure interaction(SweepFactors d, String outcome, int o, int a, int b,
      RunCells cells, int g, int reps) {
    SweepFactors.Factor fa = d.factors().get(a);
    List<String> lines = new ArrayList<>();
    int nLines = b < 0 ? 1 : d.factors().get(b).levels().size();
    for (int j = 0; j < nLines; j++) {
      lines.add(b < 0 ? "all runs" : d.factors().get(b).name() + " = " + d.factors().get(b).levels().get(j));
    }
    Estimate[][] e = new Estimate[nLines][fa.levels().size()];
    for (int j = 0; j < nLines; j++) {
      for (int i = 0; i < fa.levels().size(); i++) e[j][i] = cell(d, cells, g, o, a, i, b, b < 0 ? 0 : j);
    }
    String title = b < 0 ? outcome + " by " + fa.name()
        : outcome + " by " + fa.name() + ", one line per " + d.factors().get(b).name();
    JFreeChart chart = InteractionPlot.chart(title,
        "each point: mean of its " + pooled(d, a, b, reps) + "; whiskers: 95% CI of the mean",
        fa.label(), fa.levels(), outcome + " (mean)", lines, e);
    String caption = b < 0
        ? outcome + " at each level of " + fa.name() + " (a main-effects plot). The line's slope is the factor's"
            + " effect; whiskers that overlap mark levels the replications do not tell apart."
        : outcome + " at each level of " + fa.name() + ", one line per level of " + d.factors().get(b).name()
            + " (an interaction plot). The slope of a line is the effect of " + fa.name() + " at that level of "
            + d.factors().get(b).name() + "; parallel lines: the two act apart; lines that cross or fan out: the effect"
            + " of one depends on the other. Whiskers are 95% CIs of the means.";
    return new ReportContent.Figure("interaction-" + outcome + "-" + fa.name() + (b < 0 ? "" : "-by-"
        + d.factors().get(b).name()), caption, chart);
  }
}

package org.hedgesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hedgesim.analysis.PairedDifference;
import org.hedgesim.experiment.ScenarioComparison;
import org.hedgesim.experiment.ScenarioComparison.Contrast;
import org.hedgesim.experiment.ScenarioComparison.Key;
import org.hedgesim.experiment.ScenarioComparison.Row;

/** The console table of a comparison: per contrast, the largest standardized effects. */
final class EffectsTable {
  private EffectsTable() {}

  /** Flagged rows, largest first ({@link PairedDifference#LARGEST_FIRST}). */
  static List<Row> largest(Contrast c, int top) {
    return c.rows().stream()
        .filter(r -> r.difference().ciExcludesZero())
        .sorted(Comparator.comparing(Row::difference, PairedDifference.LARGEST_FIRST))
        .limit(top)
        .toList();
  }

  static void print(PrintWriter out, ScenarioComparison.Result result, List<Path> files, int top) {
    print(out, result, files, top, null);
  }

  /**
   * The table, with {@code note} (where the parameters came from, or null) under its first line:
   * with parameters drawn, the intervals include their uncertainty, and the table says so.
   */
  static void print(PrintWriter out, ScenarioComparison.Result result, List<Path> files, int top, String note) {
    ScenarioComparison.Sample s = result.sample();
    out.printf(Locale.ROOT, "compare: %d scenarios, %d replications each on common random numbers (seed %d)%n",
        s.arms().size(), s.replications(), s.seed());
    if (note != null) {
      out.println(note + " Replication r of every scenario takes the same"
          + " draw, so each 95% CI includes the parameters' uncertainty.");
    }
    for (int i = 0; i < s.arms().size(); i++) {
      out.printf(Locale.ROOT, "  %s = %s (%s)%n", letter(i), s.arms().get(i).label(), files.get(i));
    }
    for (int ci = 0; ci < result.contrasts().size(); ci++) {
      Contrast c = result.contrasts().get(ci);
      String b = letter(ci + 1);
      long q05 = c.rows().stream().filter(r -> r.q() < 0.05).count();
      out.printf(Locale.ROOT, "%n%s - A (%s - %s): %d of %d outcomes differ: their 95%% CI of the paired "
          + "difference excludes 0 (%d with Benjamini-Hochberg q < 0.05)%n", b, c.b(), c.a(), c.flagged(),
          c.rows().size(), q05);
      List<Row> rows = largest(c, top);
      if (!rows.isEmpty()) {
        out.printf(Locale.ROOT, "Largest effects by |d_av| (Cohen's d_z = mean difference / sd of the paired "
            + "differences; d_av = mean difference / mean sd of the two scenarios; inf = no spread):%n");
        out.printf(Locale.ROOT, "  %-40s %10s %10s %11s  %-23s %9s %8s%n", "outcome", "mean A", "mean " + b,
            b + " - A", "95% CI", "d_z", "d_av");
        for (Row r : rows) {
          PairedDifference d = r.difference();
          out.printf(Locale.ROOT, "  %-40s %10s %10s %11s  %-23s %9s %8s%n", clip(r.key().label(), 40),
              num(d.meanA()), num(d.meanB()), signed(d.difference()),
              "[" + num(d.ciLow()) + ", " + num(d.ciHigh()) + "]", dz(d.effectDz()), dz(d.effectDav()));
        }
      }
      if (!c.onlyInA().isEmpty() || !c.onlyInB().isEmpty()) {
        out.printf(Locale.ROOT, "Left out, not in both: %d outcomes only in A%s, %d only in %s%s%n",
            c.onlyInA().size(), examples(c.onlyInA()), c.onlyInB().size(), b, examples(c.onlyInB()));
      }
    }
    out.printf(Locale.ROOT, "%n%d events in %.1f s. Results: %s%n", result.events(),
        result.elapsed().toMillis() / 1000.0, result.folder());
    out.printf(Locale.ROOT, "  compare.csv has every outcome; outcomes.csv the paired values%n");
    Path report = result.folder().resolve(ReportCommand.FOLDER).resolve(org.hedgesim.analysis.Report.FILE);
    if (java.nio.file.Files.exists(report)) out.println("Report: " + report);
  }

  static String letter(int i) {
    return i < 26 ? String.valueOf((char) ('A' + i)) : "S" + (i + 1);
  }

  private static String examples(List<Key> keys) {
    if (keys.isEmpty()) return "";
    List<String> first = keys.stream().limit(3).map(Key::label).toList();
    return " (" + String.join(", ", first) + (keys.size() > 3 ? ", ..." : "") + ")";
  }

  static String num(double v) {
    if (Double.isNaN(v)) return "-";
    if (v == 0) return "0";
    double a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) return String.format(Locale.ROOT, "%.3e", v);
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String signed(double v) {
    String s = num(v);
    return v > 0 ? "+" + s : s;
  }

  static String dz(double v) {
    if (Double.isNaN(v)) return "-";
    if (Double.isInfinite(v)) return v > 0 ? "+inf" : "-inf";
    if (Math.abs(v) >= 1e4) return String.format(Locale.ROOT, "%+.1e", v);
    return String.format(Locale.ROOT, "%+.2f", v);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 3) + "...";
  }
}

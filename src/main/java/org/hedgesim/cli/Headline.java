package org.hedgesim.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hedgesim.analysis.Estimate;
import org.hedgesim.experiment.ScenarioRun;
import org.hedgesim.experiment.SummaryTable.Row;
import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.TerminalText;

/**
 * The short table of headline outcomes printed after a run. Names and ids come from the scenario
 * file, so they are printed through {@link TerminalText#escape}.
 */
final class Headline {
  private static final List<String> SCALARS =
      List.of("hedging_index", "autonomy", "legitimacy", "nationalism", "memberships");

  private Headline() {}

  static void print(PrintWriter out, ScenarioRun.Result r) {
    print(out, r, null);
  }

  /** The table, with {@code note} (where the parameters came from, or null) under its first line. */
  static void print(PrintWriter out, ScenarioRun.Result r, String note) {
    Scenario s = r.scenario();
    int reps = s.replications();
    out.printf(Locale.ROOT, "%s: %s to %s, %d %s steps, seed %d, %d replication%s%n", TerminalText.escape(s.name()),
        s.start(), s.end(), s.steps(), s.step().name().toLowerCase(Locale.ROOT), s.seed(), reps,
        reps == 1 ? "" : "s");
    if (note != null) out.println(note);
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Row row : r.summary()) rows.put(row.metric() + "|" + row.actor() + "|" + row.target(), row);
    String ci = reps > 1 ? "   (mean of replications ± 95% CI half-width)" : "";
    for (ActorSpec a : s.actors()) {
      if (!a.isSmall()) continue;
      out.printf(Locale.ROOT, "%n%-28s %16s %16s%s%n", TerminalText.escape(a.id() + " (" + a.name() + ")"), "final", "run mean", ci);
      for (String pole : s.poles()) {
        Row row = rows.get("alignment|" + a.id() + "|" + pole);
        if (row != null) line(out, TerminalText.escape("alignment -> " + pole), row);
      }
      for (String m : SCALARS) {
        Row row = rows.get(m + "|" + a.id() + "|");
        if (row != null) line(out, m.replace('_', ' '), row);
      }
      for (Row row : r.summary()) {
        if (row.metric().equals("exited") && row.actor().equals(a.id()) && row.last().mean() > 0) {
          Row step = rows.get("exit_step|" + a.id() + "|" + row.target());
          out.printf(Locale.ROOT, "  left %-20s in %.0f%% of runs, at %s on average%n", TerminalText.escape(row.target()),
              100 * row.last().mean(), s.dateOf((int) Math.round(step.last().mean())));
        }
        if (row.metric().equals("joined") && row.actor().equals(a.id()) && row.last().mean() > 0) {
          out.printf(Locale.ROOT, "  joined %-18s in %.0f%% of runs%n", TerminalText.escape(row.target()), 100 * row.last().mean());
        }
      }
    }
    out.printf(Locale.ROOT, "%n%d events in %.1f s. Results: %s%n", r.events(),
        r.elapsed().toMillis() / 1000.0, r.folder());
  }

  private static void line(PrintWriter out, String label, Row row) {
    out.printf(Locale.ROOT, "  %-26s %16s %16s%n", label, cell(row.last()), cell(row.mean()));
  }

  private static String cell(Estimate e) {
    if (Double.isNaN(e.mean())) return "";
    if (Double.isNaN(e.ciHigh())) return String.format(Locale.ROOT, "%.3f", e.mean());
    return String.format(Locale.ROOT, "%.3f ± %.3f", e.mean(), (e.ciHigh() - e.ciLow()) / 2);
  }
}

package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The content of a report on a run folder (timeseries.csv, summary.csv, events.csv, manifest.json). */
final class RunReport {
  private RunReport() {}

  static ReportContent read(Path folder, JsonNode manifest) throws IOException {
    String name = manifest.path("scenario").path("name").asText("run");
    int reps = manifest.path("run").path("replications").asInt(1);
    Map<String, Integer> replications = new LinkedHashMap<>();
    replications.put(name, reps);
    Map<SeriesId, Bands.Band> bands = ResultFiles.timeseriesBands(ResultFiles.require(folder, "timeseries.csv"));
    List<Map<String, String>> summary = ResultFiles.rows(ResultFiles.require(folder, "summary.csv"));
    EventTimeline timeline = EventTimeline.read(ResultFiles.require(folder, "events.csv"), replications);
    List<String> dates = bands.isEmpty() ? List.of() : bands.values().iterator().next().dates();

    String summaryLine = String.format(Locale.ROOT, "%s: %s to %s, %d %s steps, seed %s, %d replication%s.",
        name, manifest.path("scenario").path("start").asText(), manifest.path("scenario").path("end").asText(),
        manifest.path("scenario").path("steps").asInt(), manifest.path("scenario").path("step").asText(),
        manifest.path("run").path("seed").asText(), reps, reps == 1 ? "" : "s") + posteriorNote(manifest);

    List<ReportContent.Figure> figures = new ArrayList<>();
    for (String actor : smallActors(bands.keySet())) {
      Map<String, List<Integer>> markers = EventTimeline.markers(
          timeline.milestones().stream().filter(m -> m.involves(actor)).toList());
      String sub = subtitle(reps);
      addFigure(figures, bands, "alignment", actor, "alignment of " + actor + " toward each power", sub, markers);
      List<Charts.Line> idx = new ArrayList<>();
      for (String m : List.of("hedging_index", "autonomy", "legitimacy")) {
        Bands.Band b = bands.get(new SeriesId(m, actor, ""));
        if (b != null) idx.add(new Charts.Line(m.replace('_', ' '), b));
      }
      if (!idx.isEmpty()) {
        figures.add(figure(actor + "-indices", "Hedging index, autonomy and legitimacy of " + actor,
            Charts.timeSeries("Hedging index, autonomy and legitimacy of " + actor, sub, "index (0-1)", idx, markers),
            reps));
      }
      addFigure(figures, bands, "dependence", actor, "dependence of " + actor + " on each power", sub, markers);
      addFigure(figures, bands, "trust", actor, "trust of " + actor + " toward each actor", sub, markers);
    }

    Html h = new Html();
    h.el("p", reps > 1
        ? "Each value is the mean over the replications, with its 95% confidence interval (Student's t); "
            + "\"final\" is the value at the last step, \"run mean\" the mean over all steps."
        : "One replication: values of that run; \"final\" is the value at the last step, \"run mean\" the mean over all steps.").nl();
    headlineTable(h, summary, bands.keySet(), dates);

    List<ReportContent.ParameterSet> params = List.of(ReportParameters.set(name, manifest.path("parameters"), null));
    return new ReportContent("run", "hedgesim report: run of " + name, summaryLine, replications, h.toString(),
        figures, timeline, params, manifest);
  }

  /**
   * " Parameters drawn from the posterior of ... ." when the replications drew their parameters
   * (the manifest's {@code posterior} section), else "".
   */
  static String posteriorNote(JsonNode manifest) {
    String s = manifest.path("posterior").path("statement").asText("");
    return s.isEmpty() ? "" : " " + Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }

  static String subtitle(int reps) {
    return reps > 1
        ? "lines: mean of " + reps + " replications; shaded: 95% confidence band of the mean; dashed verticals: numbered milestones"
        : "one replication; dashed verticals: numbered milestones";
  }

  /** Actors with a hedging index: the small states that decide. */
  static List<String> smallActors(Set<SeriesId> ids) {
    Set<String> out = new LinkedHashSet<>();
    for (SeriesId id : ids) {
      if (id.metric().equals("hedging_index")) out.add(id.actor());
    }
    return List.copyOf(out);
  }

  private static void addFigure(List<ReportContent.Figure> figures, Map<SeriesId, Bands.Band> bands, String metric,
      String actor, String what, String sub, Map<String, List<Integer>> markers) {
    List<Charts.Line> lines = new ArrayList<>();
    for (var e : bands.entrySet()) {
      SeriesId id = e.getKey();
      if (id.metric().equals(metric) && id.actor().equals(actor)) lines.add(new Charts.Line(id.target(), e.getValue()));
    }
    if (lines.isEmpty()) return;
    int reps = lines.get(0).band().n().length == 0 ? 1 : lines.get(0).band().n()[0];
    String title = Character.toUpperCase(what.charAt(0)) + what.substring(1);
    figures.add(figure(actor + "-" + metric, title,
        Charts.timeSeries(title, sub, SeriesLabels.axis(metric), lines, markers), reps));
  }

  static ReportContent.Figure figure(String id, String what, org.jfree.chart.JFreeChart chart, int reps) {
    String caption = what + ". "
        + (reps > 1 ? "Lines: mean of " + reps + " replications; shaded: 95% confidence band of that mean "
            + "(Student's t). " : "One replication. ")
        + "Dashed verticals: milestones that happened in at least half the replications, numbered as in "
        + "the event timeline.";
    return new ReportContent.Figure(id, caption, chart);
  }

  private static final List<String> HEADLINE_SCALARS =
      List.of("hedging_index", "autonomy", "legitimacy", "nationalism", "memberships");

  private static void headlineTable(Html h, List<Map<String, String>> summary, Set<SeriesId> ids, List<String> dates) {
    Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
    for (Map<String, String> r : summary) byKey.put(r.get("metric") + "|" + r.get("actor") + "|" + r.get("target"), r);
    h.open("table", "class", "data").nl();
    h.open("thead").open("tr");
    for (String c : List.of("state", "outcome", "final", "95% CI", "run mean", "95% CI")) h.el("th", c);
    h.close("tr").close("thead");
    h.open("tbody").nl();
    for (String actor : smallActors(ids)) {
      List<String[]> rows = new ArrayList<>();
      for (var r : summary) {
        if (r.get("metric").equals("alignment") && r.get("actor").equals(actor)) {
          rows.add(new String[] {"alignment toward " + r.get("target"), r.get("metric") + "|" + actor + "|" + r.get("target")});
        }
      }
      for (String m : HEADLINE_SCALARS) rows.add(new String[] {m.replace('_', ' '), m + "|" + actor + "|"});
      boolean first = true;
      for (String[] row : rows) {
        Map<String, String> r = byKey.get(row[1]);
        if (r == null) continue;
        h.open("tr");
        h.el("td", first ? actor : "");
        first = false;
        h.el("td", row[0]);
        h.el("td", fmt(r.get("final")), "class", "num");
        h.el("td", ci(r.get("final_ci_low"), r.get("final_ci_high")), "class", "num");
        h.el("td", fmt(r.get("mean")), "class", "num");
        h.el("td", ci(r.get("mean_ci_low"), r.get("mean_ci_high")), "class", "num");
        h.close("tr");
      }
      for (var r : summary) {
        if (!r.get("actor").equals(actor) || !r.get("kind").equals("outcome")) continue;
        String m = r.get("metric");
        double share = ResultFiles.number(r.get("final"));
        if (!(m.equals("exited") || m.equals("joined")) || !(share > 0)) continue;
        String stepKey = (m.equals("exited") ? "exit_step" : "join_step") + "|" + actor + "|" + r.get("target");
        Map<String, String> st = byKey.get(stepKey);
        String when = "";
        if (st != null && !Double.isNaN(ResultFiles.number(st.get("final")))) {
          int step = (int) Math.round(ResultFiles.number(st.get("final")));
          when = step >= 0 && step < dates.size() ? ", at " + dates.get(step) + " on average" : "";
        }
        h.open("tr");
        h.el("td", "");
        h.el("td", (m.equals("exited") ? "left " : "joined ") + r.get("target"));
        h.el("td", String.format(Locale.ROOT, "in %.0f%% of runs%s", 100 * share, when), "colspan", "4");
        h.close("tr");
      }
    }
    h.close("tbody").close("table");
  }

  static String fmt(String cell) {
    return fmt(ResultFiles.number(cell));
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) return "-";
    if (Double.isInfinite(v)) return v > 0 ? "+inf" : "-inf";
    if (v == 0) return "0";
    double a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) return String.format(Locale.ROOT, "%.3e", v);
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static String ci(String low, String high) {
    double lo = ResultFiles.number(low);
    double hi = ResultFiles.number(high);
    if (Double.isNaN(lo) || Double.isNaN(hi)) return "-";
    return "[" + fmt(lo) + ", " + fmt(hi) + "]";
  }
}

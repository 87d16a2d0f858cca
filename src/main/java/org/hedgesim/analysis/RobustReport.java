package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The content of a report on a robust-decision folder (manifest.json, robustness.csv,
 * regret.csv): the robustness table of every lever setting, one box plot of regret per setting
 * for each objective, and the trade-off of the first two objectives' percentiles with the Pareto
 * set marked; then the levers and uncertainties with their sources and the base scenario's values.
 */
final class RobustReport {

  private RobustReport() {}

  static ReportContent read(Path folder, JsonNode manifest) throws IOException {
    JsonNode rb = manifest.path("robust");
    String name = rb.path("name").asText();
    List<String> objectives = new ArrayList<>();
    rb.path("objectives").forEach(o -> objectives.add(o.path("name").asText()));
    List<Map<String, String>> rows = ResultFiles.rows(ResultFiles.require(folder, "robustness.csv"));
    List<String> labels = rows.stream().map(r -> r.get("label")).toList();
    int futures = rb.path("futures").path("futures").asInt();

    Html h = new Html();
    h.el("p", rb.path("description").asText("").strip());
    h.el("p", "Most robust (least maximum regret on " + objectives.get(0) + ", ties broken by the better mean): "
        + rb.path("most_robust").asText() + ".");
    h.el("p", "Each lever setting ran the same " + futures + " futures (a Latin hypercube of the uncertainties), "
        + rb.path("replications").asInt() + " replications each on common random numbers. For each objective: the "
        + "mean over futures, the percentile on its bad side, the share of futures meeting its threshold, and the "
        + "largest regret (how much worse than the best setting of the same future). The Pareto set is over the "
        + "objectives' percentiles.", "class", "note");
    h.open("table", "class", "data").open("thead").open("tr");
    h.el("th", "setting");
    for (JsonNode o : rb.path("objectives")) {
      String pct = number(o.path("percentile").asDouble());
      for (String c : List.of("mean", "p" + pct, "satisficing " + o.path("satisficing").asText("-"), "max regret")) {
        h.el("th", o.path("name").asText() + " (" + o.path("direction").asText() + "): " + c);
      }
    }
    h.el("th", "Pareto set");
    h.close("tr").close("thead").open("tbody").nl();
    for (Map<String, String> r : rows) {
      h.open("tr").el("td", r.get("label"));
      for (String o : objectives) {
        for (String c : List.of("mean", "percentile", "satisficing", "max_regret")) {
          String cell = r.get(o + "_" + c);
          double v = ResultFiles.number(cell);
          h.el("td", c.equals("satisficing") && !Double.isNaN(v) ? String.format(Locale.ROOT, "%.0f%%", 100 * v)
              : RunReport.fmt(v), "class", "num");
        }
      }
      h.el("td", "true".equals(r.get("pareto")) ? "yes" : "no");
      h.close("tr").nl();
    }
    h.close("tbody").close("table");

    List<ReportContent.Figure> figures = new ArrayList<>();
    List<Map<String, String>> regret = ResultFiles.rows(ResultFiles.require(folder, "regret.csv"));
    for (String o : objectives) {
      List<double[]> bySetting = new ArrayList<>();
      for (int s = 0; s < labels.size(); s++) bySetting.add(new double[futures]);
      for (Map<String, String> r : regret) {
        bySetting.get(Integer.parseInt(r.get("setting")))[Integer.parseInt(r.get("future"))] =
            ResultFiles.number(r.get(o));
      }
      figures.add(new ReportContent.Figure("regret-" + o, "Regret of each lever setting on " + o + " over the "
          + futures + " futures: in each future, how much worse the setting does than the best one there (0: it is "
          + "the best). A short box near 0 is a robust setting.",
          Charts.regretBoxes("Regret on " + o, futures + " futures", "regret (" + o + ")", labels, bySetting)));
    }
    if (objectives.size() >= 2) {
      String a = objectives.get(0);
      String b = objectives.get(1);
      double[][] points = new double[rows.size()][2];
      boolean[] pareto = new boolean[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        points[i][0] = ResultFiles.number(rows.get(i).get(a + "_percentile"));
        points[i][1] = ResultFiles.number(rows.get(i).get(b + "_percentile"));
        pareto[i] = "true".equals(rows.get(i).get("pareto"));
      }
      JsonNode oa = rb.path("objectives").get(0);
      JsonNode ob = rb.path("objectives").get(1);
      List<String> numbers = new ArrayList<>();
      List<String> key = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        numbers.add(Integer.toString(i));
        key.add(i + ": " + labels.get(i));
      }
      figures.add(new ReportContent.Figure("trade-off", "The trade-off: each lever setting's percentile of " + a
          + " against that of " + b + "; filled points are on the Pareto set (no other setting is as good on both "
          + "and better on one). Settings: " + String.join("; ", key) + ".",
          Charts.tradeOff("Trade-off of the objectives", "Pareto set filled", a + " p" + number(oa.path("percentile")
              .asDouble()) + " (" + oa.path("direction").asText() + ")", b + " p" + number(ob.path("percentile")
              .asDouble()) + " (" + ob.path("direction").asText() + ")", points, pareto, numbers)));
    }

    String summary = String.format(Locale.ROOT, "Robust decisions %s on %s: %d lever settings x %d futures x %d "
        + "replications = %s runs (master seed %s).", name, rb.path("scenario").asText(), labels.size(), futures,
        rb.path("replications").asInt(), rb.path("runs").asText(), rb.path("seed").asText());
    List<ReportContent.ParameterSet> sets = new ArrayList<>();
    sets.add(new ReportContent.ParameterSet("the levers (their levels' full factorial gives the settings)",
        SweepReport.swept(rb.path("levers")), null));
    sets.add(new ReportContent.ParameterSet("the uncertainties (sampled as a Latin hypercube of futures)",
        SweepReport.swept(rb.path("uncertainties")), null));
    sets.add(ReportParameters.set("the base scenario " + rb.path("scenario").asText()
        + " (levers and uncertainties replace its values)", manifest.path("parameters"), null));
    return new ReportContent("robust", "hedgesim report: robust decisions " + name, summary, Map.of(), h.toString(),
        figures, EventTimeline.none(), sets, manifest);
  }

  private static String number(double v) {
    return org.hedgesim.output.Numbers.format(v);
  }
}

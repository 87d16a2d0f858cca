package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The content of a report on a comparison folder (compare.csv, bands.csv, events.csv,
 * manifest.json): the largest effects of each scenario against the first, plots of the scenarios on
 * one axis (each small state's hedging index, its alignment toward each pole and its legitimacy,
 * then the series with the largest effects), the events of all, and each scenario's parameters.
 */
final class CompareReport {
  /** Effects listed per contrast in the headline; compare.csv has them all. */
  static final int TOP = 15;
  /** Figures beyond the fixed ones: the series with the largest effects. */
  static final int EXTRA_FIGURES = 6;

  private CompareReport() {}

  /** A row of compare.csv. */
  record Effect(String a, String b, SeriesId series, String statistic, PairedDifference d, double q) {
    String label() {
      return series.label() + (statistic.equals("outcome") ? "" : " " + statistic);
    }
  }

  /** The order of "largest effects": {@link PairedDifference#LARGEST_FIRST}. */
  static final Comparator<PairedDifference> LARGEST_FIRST = PairedDifference.LARGEST_FIRST;

  static ReportContent read(Path folder, JsonNode manifest) throws IOException {
    JsonNode cmp = manifest.path("compare");
    int reps = cmp.path("replications").asInt();
    Map<String, Integer> replications = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>();
    for (JsonNode s : manifest.path("scenarios")) {
      labels.add(s.path("label").asText());
      replications.put(s.path("label").asText(), reps);
    }
    List<Effect> effects = new ArrayList<>();
    for (Map<String, String> r : ResultFiles.rows(ResultFiles.require(folder, "compare.csv"))) {
      PairedDifference d = new PairedDifference(Integer.parseInt(r.get("n")), num(r, "mean_a"), num(r, "mean_b"),
          num(r, "difference"), num(r, "sd_difference"), num(r, "ci_low"), num(r, "ci_high"),
          num(r, "effect_dz"), num(r, "effect_dav"), num(r, "p_value"));
      effects.add(new Effect(r.get("scenario_a"), r.get("scenario_b"),
          new SeriesId(r.get("metric"), r.get("actor"), r.get("target")), r.get("statistic"), d, num(r, "q_value")));
    }
    Map<String, Map<SeriesId, Bands.Band>> bands = ResultFiles.bandsByScenario(ResultFiles.require(folder, "bands.csv"));
    EventTimeline timeline = EventTimeline.read(ResultFiles.require(folder, "events.csv"), replications);

    String summary = String.format(Locale.ROOT, "%s compared with %s: %d replications each on common random numbers "
        + "(replication r of every scenario uses the same seed; master seed %s).",
        String.join(", ", labels.subList(1, labels.size())), labels.get(0), reps, cmp.path("seed").asText())
        + (RunReport.posteriorNote(manifest).isEmpty() ? "" : RunReport.posteriorNote(manifest)
            + " Replication r of every scenario takes the same draw, so the intervals include the parameters' uncertainty.");

    Html h = new Html();
    h.el("p", "For each outcome (the final value and the run mean of every series, and run outcomes such as an exit), "
        + "B - A is the mean of the paired differences over the replications, with its 95% confidence interval "
        + "(paired t). d_z (Cohen) is that mean over the standard deviation of the differences; common random "
        + "numbers make pairs alike, so d_z is often large. d_av is the mean over the average standard deviation of "
        + "the two scenarios' runs: the shift in units of run-to-run spread. q is the Benjamini-Hochberg adjusted p "
        + "value: with hundreds of outcomes, about 5% of those with no true difference still have an interval "
        + "that excludes zero; q < 0.05 keeps the expected share of false findings among the flagged at 5%. "
        + "\"same in every pair\": the difference is the same in every replication, so its spread is 0.").nl();
    JsonNode contrasts = cmp.path("contrasts");
    int ci = 0;
    for (JsonNode c : contrasts) {
      String a = c.path("a").asText();
      String b = c.path("b").asText();
      List<Effect> rows = effects.stream().filter(e -> e.a().equals(a) && e.b().equals(b)).toList();
      long flagged = rows.stream().filter(e -> e.d().ciExcludesZero()).count();
      long q05 = rows.stream().filter(e -> e.q() < 0.05).count();
      String letter = String.valueOf((char) ('B' + ci++));
      h.el("h3", letter + " = " + b + " against A = " + a);
      List<Effect> differ = rows.stream().filter(x -> x.d().ciExcludesZero())
          .sorted(Comparator.comparing(Effect::d, LARGEST_FIRST)).toList();
      List<Effect> fixed = differ.stream().filter(CompareReport::fixedByTheScenarios).toList();
      List<Effect> responses = differ.stream().filter(x -> !fixedByTheScenarios(x)).toList();
      h.el("p", String.format(Locale.ROOT, "%d of %d outcomes differ (95%% CI excludes zero), %d with q < 0.05. "
          + "%d of them are model responses, which vary from run to run; %d are the same in every replication "
          + "of both scenarios, so the scenarios' own scripts set them (listed after the responses).",
          flagged, rows.size(), q05, responses.size(), fixed.size()));
      h.el("h4", "Model responses: the " + Math.min(TOP, responses.size()) + " largest by |d_av|");
      effectTable(h, responses, letter, true);
      if (!fixed.isEmpty()) {
        h.el("h4", "Set by the scenarios: the same in every replication of both");
        effectTable(h, fixed, letter, false);
      }
      List<String> onlyA = texts(c.path("only_in_a"));
      List<String> onlyB = texts(c.path("only_in_b"));
      h.el("p", onlyA.isEmpty() && onlyB.isEmpty()
          ? "Every outcome is in both scenarios."
          : "Left out, not in both: only in A: " + (onlyA.isEmpty() ? "none" : String.join(", ", onlyA))
              + "; only in " + letter + ": " + (onlyB.isEmpty() ? "none" : String.join(", ", onlyB)) + ".");
    }

    List<ReportContent.Figure> figures = figures(labels, bands, effects, timeline, reps);
    List<ReportContent.ParameterSet> params = new ArrayList<>();
    JsonNode reference = null;
    for (JsonNode s : manifest.path("scenarios")) {
      params.add(ReportParameters.set(s.path("label").asText(), s.path("parameters"), reference));
      if (reference == null) reference = s.path("parameters");
    }
    return new ReportContent("compare", "hedgesim report: " + String.join(" vs ", labels), summary, replications,
        h.toString(), figures, timeline, params, manifest);
  }

  private static List<ReportContent.Figure> figures(List<String> labels, Map<String, Map<SeriesId, Bands.Band>> bands,
      List<Effect> effects, EventTimeline timeline, int reps) {
    Map<SeriesId, Bands.Band> ref = bands.getOrDefault(labels.get(0), Map.of());
    Set<SeriesId> chosen = new LinkedHashSet<>();
    for (String actor : RunReport.smallActors(ref.keySet())) {
      chosen.add(new SeriesId("hedging_index", actor, ""));
      // the alignment toward each pole, the quantity a what-if is most often asked about
      ref.keySet().stream().filter(id -> id.metric().equals("alignment") && id.actor().equals(actor))
          .map(SeriesId::target).sorted().forEach(pole -> chosen.add(new SeriesId("alignment", actor, pole)));
      chosen.add(new SeriesId("legitimacy", actor, ""));
    }
    int extra = 0;
    for (Effect e : effects.stream().filter(x -> x.d().ciExcludesZero() && !x.statistic().equals("outcome"))
        .sorted(Comparator.comparing(Effect::d, LARGEST_FIRST)).toList()) {
      if (extra >= EXTRA_FIGURES) break;
      if (chosen.add(e.series())) extra++;
    }
    List<ReportContent.Figure> out = new ArrayList<>();
    String sub = RunReport.subtitle(reps);
    for (SeriesId id : chosen) {
      List<Charts.Line> lines = new ArrayList<>();
      for (String l : labels) {
        Bands.Band b = bands.getOrDefault(l, Map.of()).get(id);
        if (b != null) lines.add(new Charts.Line(l, b));
      }
      if (lines.isEmpty()) continue;
      Map<String, List<Integer>> markers = EventTimeline.markers(
          timeline.milestones().stream().filter(m -> m.involves(id.actor())).toList());
      String title = id.label() + ": " + String.join(" vs ", labels);
      out.add(RunReport.figure("compare-" + id.metric() + "-" + id.actor() + (id.target().isEmpty() ? "" : "-" + id.target()),
          id.label() + " in each scenario", Charts.timeSeries(title, sub, SeriesLabels.axis(id.metric()), lines, markers),
          reps));
    }
    return out;
  }

  private static List<String> texts(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : list) out.add(n.asText());
    return out;
  }

  private static double num(Map<String, String> r, String col) {
    return ResultFiles.number(r.get(col));
  }

  /**
   * A table of the first {@link #TOP} effects: outcome, both means and the difference, and with
   * {@code spread} also the interval, the effect sizes and q (which say nothing where nothing varies).
   */
  private static void effectTable(Html h, List<Effect> effects, String letter, boolean spread) {
    List<String> cols = spread ? List.of("outcome", "mean A", "mean " + letter, letter + " - A", "95% CI", "d_z", "d_av", "q")
        : List.of("outcome", "A", letter, letter + " - A");
    h.open("table", "class", "data").nl();
    h.open("thead").open("tr");
    for (String col : cols) h.el("th", col);
    h.close("tr").close("thead").open("tbody").nl();
    for (Effect e : effects.stream().limit(TOP).toList()) {
      PairedDifference d = e.d();
      h.open("tr");
      h.el("td", e.label());
      h.el("td", RunReport.fmt(d.meanA()), "class", "num");
      h.el("td", RunReport.fmt(d.meanB()), "class", "num");
      h.el("td", (d.difference() > 0 ? "+" : "") + RunReport.fmt(d.difference()), "class", "num");
      if (spread) {
        h.el("td", "[" + RunReport.fmt(d.ciLow()) + ", " + RunReport.fmt(d.ciHigh()) + "]", "class", "num");
        h.el("td", dz(d.effectDz()), "class", "num");
        h.el("td", dz(d.effectDav()), "class", "num");
        h.el("td", RunReport.fmt(e.q()), "class", "num");
      }
      h.close("tr");
    }
    h.close("tbody").close("table");
  }

  /**
   * An outcome that differs but varies in neither scenario (both run-to-run sds 0, so d_av is
   * infinite): a scripted exit, the membership count it changes. The scenarios' scripts set it;
   * it says nothing about how the model responds.
   */
  static boolean fixedByTheScenarios(Effect e) {
    return Double.isInfinite(e.d().effectDav());
  }

  static String dz(double v) {
    if (Double.isNaN(v)) return "-";
    if (Double.isInfinite(v)) return "same in every pair";
    if (Math.abs(v) >= 1e4) return String.format(Locale.ROOT, "%+.1e", v);
    return String.format(Locale.ROOT, "%+.2f", v);
  }
}

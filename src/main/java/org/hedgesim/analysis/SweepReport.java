package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The content of a report on a sweep folder (manifest.json, design.csv, summary.csv, timing.json,
 * and sensitivity.csv when there is one): the design, each outcome's range over the design points
 * and where it is reached; for a Saltelli or Morris design, the sensitivity indices ranked, with
 * their bar charts; the boxes of {@code hedgesim discover} when it has run on the folder; the
 * pictures that suit the design ({@link GridPictures} for a grid, {@link ConditionalMeans} for a
 * sampled design); the swept values and the base scenario's values with their sources.
 */
final class SweepReport {
  private SweepReport() {}

  static ReportContent read(Path folder, JsonNode manifest) throws IOException {
    if (manifest.has("shard")) {
      throw new Report.NotAResult(folder + ": one shard of a sweep; join the shards with 'hedgesim merge', then report on the merged folder");
    }
    JsonNode sw = manifest.path("sweep");
    String name = sw.path("name").asText();
    int reps = sw.path("replications").asInt(1);
    List<String> params = new ArrayList<>();
    sw.path("parameters").forEach(p -> params.add(p.path("name").asText()));
    List<String> outcomes = new ArrayList<>();
    sw.path("outcomes").forEach(o -> outcomes.add(o.path("name").asText()));
    JsonNode design = sw.path("design");

    Map<String, List<Map<String, String>>> byOutcome = new LinkedHashMap<>();
    outcomes.forEach(o -> byOutcome.put(o, new ArrayList<>()));
    for (Map<String, String> r : ResultFiles.rows(ResultFiles.require(folder, "summary.csv"))) {
      List<Map<String, String>> list = byOutcome.get(r.get("outcome"));
      if (list != null) list.add(r);
    }

    Html h = new Html();
    h.el("p", sw.path("description").asText("").strip());
    h.open("table", "class", "data").open("tbody").nl();
    row(h, "design", describeDesign(design));
    row(h, "replications per point", reps + (sw.path("common_random_numbers").asBoolean()
        ? " (common random numbers: replication r of every point uses the same seed)" : " (independent seeds)"));
    row(h, "runs", sw.path("runs").asText());
    row(h, "master seed", sw.path("seed").asText());
    h.close("tbody").close("table");

    h.el("h3", "Outcomes across the design");
    h.el("p", "For each outcome, the mean over replications at each design point (summary.csv), and the design points "
        + "where that mean is lowest and highest, with their parameter values. \"no value\": runs in which the outcome "
        + "did not happen (the step of an exit that never came).", "class", "note");
    h.open("table", "class", "data").open("thead").open("tr");
    for (String col : List.of("outcome", "mean over points", "lowest point mean", "at", "highest point mean", "at", "no value")) {
      h.el("th", col);
    }
    h.close("tr").close("thead").open("tbody").nl();
    for (OutcomeRanges.Range r : OutcomeRanges.read(folder.resolve("summary.csv"), params, outcomes)) {
      h.open("tr").el("td", r.outcome());
      if (!r.hasValue()) {
        h.el("td", "-").el("td", "-").el("td", "").el("td", "-").el("td", "");
      } else {
        h.el("td", RunReport.fmt(r.meanOverPoints()), "class", "num");
        h.el("td", RunReport.fmt(r.low()), "class", "num").el("td", at(r.lowPoint(), r.lowValues()), "class", "at");
        h.el("td", RunReport.fmt(r.high()), "class", "num").el("td", at(r.highPoint(), r.highValues()), "class", "at");
      }
      h.el("td", r.runsWithoutValue() + " of " + r.runs() + " runs", "class", "num");
      h.close("tr").nl();
    }
    h.close("tbody").close("table");

    List<ReportContent.Figure> figures = new ArrayList<>();
    if (SweepSensitivity.applies(manifest)) sensitivity(folder, h, figures);
    discovered(folder, h);
    SweepFactors factors = SweepFactors.read(folder, sw);
    List<String> notes = factors.kind().equals("grid")
        ? GridPictures.add(folder, factors, outcomes, reps, figures)
        : ConditionalMeans.add(folder, factors, outcomes, byOutcome, figures);
    h.el("h3", "The plots");
    for (String n : notes) h.el("p", n, "class", "note");

    String summary = String.format(Locale.ROOT, "Sweep %s of %s: %s; %d replication%s per point, %s runs (master seed %s).",
        name, sw.path("scenario").asText(), design.path("kind").asText(), reps, reps == 1 ? "" : "s",
        sw.path("runs").asText(), sw.path("seed").asText()) + RunReport.posteriorNote(manifest);
    List<ReportContent.ParameterSet> sets = new ArrayList<>();
    sets.add(new ReportContent.ParameterSet("the swept values (varied by the design)", swept(sw.path("parameters")), null));
    sets.add(ReportParameters.set("the base scenario " + sw.path("scenario").asText()
        + " (the swept values replace theirs)", manifest.path("parameters"), null));
    return new ReportContent("sweep", "hedgesim report: sweep " + name, summary, Map.of(), h.toString(), figures,
        EventTimeline.none(), sets, withTiming(folder, manifest));
  }

  private static void sensitivity(Path folder, Html h, List<ReportContent.Figure> figures) throws IOException {
    Path file = folder.resolve(SweepSensitivity.FILE);
    // indices written by 'hedgesim sensitivity' are shown as written (with its --bootstrap); otherwise
    // they are computed here, with the default resamples
    boolean written = Files.isRegularFile(file);
    SweepSensitivity.Result analysis;
    try {
      analysis = SweepSensitivity.analyse(folder, written ? 0 : SweepSensitivity.RESAMPLES);
    } catch (SweepSensitivity.NotASensitivitySweep e) {
      h.el("h3", "Sensitivity");
      h.el("p", "No sensitivity indices: " + e.getMessage() + ".");
      return;
    }
    List<SensitivityTable.Entry> entries = written ? SensitivityTable.read(file) : analysis.entries();
    String intervals = written
        ? "Values and 95% percentile-bootstrap intervals as hedgesim sensitivity wrote them to sensitivity.csv (with the"
            + " resamples given to its --bootstrap, 1000 by default)."
        : analysis.intervals();
    boolean sobol = analysis.method().equals("sobol");
    h.el("h3", sobol ? "Sensitivity: Sobol indices" : "Sensitivity: Morris elementary effects");
    h.el("p", analysis.detail() + ". " + intervals, "class", "note");
    h.el("p", sobol
        ? "S1 is the share of the outcome's variance over the design that a parameter explains alone; ST adds its "
            + "interactions with the others. ST near 0: the parameter can be fixed anywhere in its range. ST - S1 large: "
            + "it acts through interactions. Parameters ranked by ST."
        : "mu* is the mean absolute change of the outcome when the parameter moves across its range (a screening "
            + "measure of importance); sigma large against mu*: a nonlinear effect or interactions; mu with the sign of "
            + "mu*: a monotone effect. Parameters ranked by mu*.", "class", "note");
    for (String o : analysis.outcomes()) {
      if (analysis.skipped().containsKey(o)) {
        h.el("p", o + ": no indices; " + analysis.skipped().get(o) + ".");
        continue;
      }
      List<SensitivityTable.Entry> own = entries.stream().filter(e -> e.outcome().equals(o)).toList();
      if (own.isEmpty()) continue;
      h.el("p", "Outcome " + o + ":");
      h.open("table", "class", "data").open("thead").open("tr");
      List<String> cols = sobol ? List.of("rank", "parameter", "S1", "95% CI", "ST", "95% CI")
          : List.of("rank", "parameter", "mu*", "95% CI", "sigma", "mu");
      cols.forEach(c -> h.el("th", c));
      h.close("tr").close("thead").open("tbody").nl();
      int rank = 1;
      for (SensitivityTable.Ranked r : SensitivityTable.ranked(own)) {
        h.open("tr").el("td", String.valueOf(rank++), "class", "num").el("td", r.parameter());
        h.el("td", RunReport.fmt(r.first().value()), "class", "num");
        h.el("td", interval(r.first()), "class", "num");
        h.el("td", RunReport.fmt(r.second().value()), "class", "num");
        h.el("td", sobol ? interval(r.second()) : RunReport.fmt(r.third().value()), "class", "num");
        h.close("tr").nl();
      }
      h.close("tbody").close("table");
      String noise = SensitivityTable.outsideTheUnitInterval(own);
      if (!noise.isEmpty()) h.el("p", noise, "class", "note");
    }
    for (Map.Entry<String, JFreeChart> c : SensitivityTable.charts(entries).entrySet()) {
      String id = "sensitivity-" + c.getKey().replace(" (", "-").replace(")", "");
      figures.add(new ReportContent.Figure(id, "Sensitivity of " + c.getKey()
          + ": bars are the estimates, whiskers their 95% bootstrap intervals. " + intervals,
          c.getValue()));
    }
  }

  /**
   * The boxes of every {@code hedgesim discover} run on the folder ({@code discover/NAME/boxes.csv},
   * in name order): its sentence and its limits with their quasi-p-values.
   */
  private static void discovered(Path folder, Html h) throws IOException {
    Path root = folder.resolve("discover");
    if (!Files.isDirectory(root)) return;
    List<Path> runs;
    try (java.util.stream.Stream<Path> s = Files.list(root)) {
      runs = s.filter(p -> Files.isRegularFile(p.resolve("boxes.csv")) && Files.isRegularFile(p.resolve("discover.json")))
          .sorted().toList();
    }
    if (runs.isEmpty()) return;
    h.el("h3", "Scenario discovery (PRIM boxes)");
    h.el("p", "Boxes that hedgesim discover found in this sweep (discover/NAME/boxes.csv): where in the parameters the"
        + " runs of interest concentrate. Coverage: share of the runs of interest in the box; density: share of the"
        + " box's runs that are of interest; quasi-p: how likely that density would be without the restriction.", "class", "note");
    for (Path run : runs) {
      JsonNode json = new ObjectMapper().readTree(run.resolve("discover.json").toFile());
      h.el("p", "discover/" + run.getFileName() + ":");
      for (JsonNode b : json.path("boxes")) h.el("p", b.path("sentence").asText() + ".", "class", "note");
      h.open("table", "class", "data").open("thead").open("tr");
      for (String c : List.of("box", "dimension", "lower", "upper", "levels", "quasi-p", "coverage", "density", "mass")) {
        h.el("th", c);
      }
      h.close("tr").close("thead").open("tbody").nl();
      for (Map<String, String> r : ResultFiles.rows(run.resolve("boxes.csv"))) {
        h.open("tr").el("td", r.get("box"), "class", "num").el("td", r.get("dimension"));
        h.el("td", r.get("lower"), "class", "num").el("td", r.get("upper"), "class", "num").el("td", r.get("levels"));
        h.el("td", r.get("qp_value"), "class", "num");
        for (String c : List.of("coverage", "density", "mass")) h.el("td", RunReport.fmt(r.get(c)), "class", "num");
        h.close("tr").nl();
      }
      h.close("tbody").close("table");
    }
  }

  private static String interval(SensitivityTable.Entry e) {
    if (Double.isNaN(e.low())) return "-";
    return "[" + RunReport.fmt(e.low()) + ", " + RunReport.fmt(e.high()) + "]";
  }

  /** Varied values as the manifest lists them (a sweep's parameters, a robust study's levers). */
  static List<ReportContent.Param> swept(JsonNode parameters) {
    List<ReportContent.Param> out = new ArrayList<>();
    for (JsonNode p : parameters) {
      String value;
      if (p.has("levels")) {
        List<String> levels = new ArrayList<>();
        p.path("levels").forEach(l -> levels.add(l.asText()));
        value = "levels " + String.join(", ", levels);
      } else {
        value = p.path("min").asText() + " to " + p.path("max").asText()
            + (p.path("scale").asText("linear").equals("log") ? " (log scale)" : "")
            + (p.path("integer").asBoolean() ? " (whole numbers)" : "");
      }
      JsonNode s = p.path("source");
      out.add(new ReportContent.Param(p.path("path").asText() + " (" + p.path("name").asText() + ")", value,
          s.isNull() || s.isMissingNode() ? "" : s.asText(), p.path("written_at").asText(), ""));
    }
    return out;
  }

  private static String describeDesign(JsonNode d) {
    List<String> parts = new ArrayList<>();
    d.properties().forEach(e -> {
      if (!e.getKey().equals("sampling_generator")) parts.add(e.getKey() + " " + e.getValue().asText());
    });
    return String.join("; ", parts);
  }

  private static String at(int point, Map<String, String> values) {
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + " = " + v));
    return "point " + point + ": " + String.join(", ", parts);
  }

  private static void row(Html h, String key, String value) {
    h.open("tr").el("th", key).el("td", value).close("tr").nl();
  }

  /** The manifest, with the sweep's timing and machine (kept apart in timing.json) added for the report. */
  private static JsonNode withTiming(Path folder, JsonNode manifest) throws IOException {
    ObjectNode copy = manifest.deepCopy();
    Path timing = folder.resolve("timing.json");
    if (Files.isRegularFile(timing)) {
      JsonNode t = new ObjectMapper().readTree(timing.toFile());
      copy.set("timing", t);
      copy.set("machine", t.path("machine"));
    }
    return copy;
  }
}

package org.hedgesim.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of a results folder: one self-contained HTML file ({@code report.html}; XHTML, so any
 * XML parser can read it) with the headline table, the plots as inline SVG, the event timeline,
 * every parameter with its source, and the manifest; beside it {@code plots/} with each plot as SVG
 * and PNG. It loads nothing from anywhere: no scripts, fonts, style sheets or images from outside.
 *
 * <p>The kind of result is read from the manifest ({@code hedgesim.command}): a run, a comparison or
 * a sweep, each with a reader that produces {@link ReportContent}; a calibration has sections of
 * its own and is written by {@link CalibrationReport}.
 */
public final class Report {
  public static final String FILE = "report.html";
  public static final String PLOTS = "plots";
  /** The section ids, in order. */
  public static final List<String> SECTIONS = List.of("headline", "plots", "timeline", "parameters", "manifest");
  /** The section ids of a calibration's report, in order. */
  public static final List<String> CALIBRATION_SECTIONS = CalibrationReport.SECTIONS;

  static final int WIDTH = 760;
  static final int HEIGHT = 400;

  /** The folder is not a result hedgesim can report on. */
  public static final class NotAResult extends IOException {
    private static final long serialVersionUID = 1L;

    NotAResult(String message) {
      super(message);
    }
  }

  private Report() {}

  /**
   * Writes report.html and plots/ into {@code reportDir} (created if missing) from the files of
   * {@code results}.
   *
   * @return the HTML file
   * @throws NotAResult when {@code results} has no manifest or one of an unknown kind
   */
  public static Path write(Path results, Path reportDir) throws IOException {
    if (!Files.isRegularFile(results.resolve("manifest.json"))) {
      throw new NotAResult(results + ": no manifest.json; not a hedgesim results folder");
    }
    JsonNode manifest;
    try {
      manifest = ResultFiles.manifest(results);
    } catch (JsonProcessingException e) {
      throw new NotAResult(results.resolve("manifest.json") + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    String command = manifest.path("hedgesim").path("command").asText("");
    if (command.equals("calibrate")) return CalibrationReport.write(results, manifest, reportDir);
    ReportContent c = switch (command) {
      case "run" -> RunReport.read(results, manifest);
      case "compare" -> CompareReport.read(results, manifest);
      case "sweep" -> SweepReport.read(results, manifest);
      case "robust" -> RobustReport.read(results, manifest);
      default -> throw new NotAResult(results + ": a result of '" + command + "', which has no report "
          + "(reports exist for run, compare, sweep, robust and calibrate folders)");
    };
    Path plots = reportDir.resolve(PLOTS);
    Files.createDirectories(plots);
    List<String> svgs = new ArrayList<>();
    PlotNames names = new PlotNames();
    List<ReportContent.Figure> named = new ArrayList<>();
    for (ReportContent.Figure f : c.figures()) {
      named.add(new ReportContent.Figure(names.next(f.id()), f.caption(), f.chart()));
    }
    c = c.withFigures(named);
    for (int i = 0; i < c.figures().size(); i++) {
      ReportContent.Figure f = c.figures().get(i);
      svgs.add(plot(f.chart(), WIDTH, HEIGHT, "fig" + (i + 1), plots.resolve(f.id())));
    }
    Path html = reportDir.resolve(FILE);
    Files.writeString(html, render(c, svgs), StandardCharsets.UTF_8);
    return html;
  }

  /**
   * Writes a chart as {@code stem.svg} and {@code stem.png} and returns its SVG element (with the
   * given id) for the page.
   */
  static String plot(org.jfree.chart.JFreeChart chart, int width, int height, String id, Path stem)
      throws IOException {
    String svg = ChartFiles.svg(chart, width, height, id);
    ChartFiles.writeSvg(svg, stem.resolveSibling(stem.getFileName() + ".svg"));
    ChartFiles.writePng(chart, width, height, stem.resolveSibling(stem.getFileName() + ".png"));
    return svg;
  }

  // ------------------------------------------------------------------ the page

  static final String STYLE = String.join("\n",
      "body{font-family:sans-serif;color:#111;background:#fff;max-width:64rem;margin:1.5rem auto;padding:0 1rem;line-height:1.4}",
      "h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2.2rem}",
      "h3{margin-top:1.4rem}p.lead{font-size:1.05rem;color:#333}",
      "nav ol{columns:2;padding-left:1.2rem}a{color:#0a4d8c}",
      "table{border-collapse:collapse;margin:.6rem 0;font-size:.85rem}",
      "th,td{border:1px solid #bbb;padding:.2rem .45rem;vertical-align:top;text-align:left}",
      "th{background:#eee}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
      "td.path,td.at{font-family:monospace;font-size:.8rem;overflow-wrap:anywhere}td.nosource{color:#a33}",
      "table.params{table-layout:fixed;width:100%}th.w-path{width:27%}th.w-value{width:13%}th.w-change{width:12%}",
      "th.w-source{width:42%}th.w-at{width:18%}",
      "figure{margin:1.2rem 0;page-break-inside:avoid}figure svg{width:100%;height:auto;border:1px solid #ddd}",
      "figcaption{font-size:.85rem;color:#333;margin-top:.3rem}",
      "pre{background:#f6f6f6;border:1px solid #ddd;padding:.6rem;font-size:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}",
      "details{margin:.6rem 0}summary{cursor:pointer;font-weight:bold}.note{font-size:.85rem;color:#444}",
      "@media print{nav{display:none}details{display:block}}");

  static String render(ReportContent c, List<String> svgs) {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n");
    h.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").nl();
    h.open("head").nl();
    h.empty("meta", "charset", "utf-8").nl();
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl();
    h.el("title", c.title()).nl();
    h.open("style").raw(STYLE).close("style");
    h.close("head");
    h.open("body").nl();
    h.el("h1", c.title()).nl();
    h.el("p", c.summary(), "class", "lead").nl();
    h.open("nav").open("ol");
    String[] names = {"Headline", "Plots", "Event timeline", "Parameters and their sources", "Manifest"};
    for (int i = 0; i < SECTIONS.size(); i++) {
      h.open("li").el("a", names[i], "href", "#" + SECTIONS.get(i)).close("li");
    }
    h.close("ol").close("nav");

    section(h, 0, names);
    h.raw(c.headline());
    h.close("section");

    section(h, 1, names);
    h.el("p", "Each plot is also in plots/ beside this file, as SVG (vector, for papers) and PNG. Lines differ by "
        + "dash pattern as well as colour, so they read in greyscale print.", "class", "note").nl();
    for (int i = 0; i < c.figures().size(); i++) {
      ReportContent.Figure f = c.figures().get(i);
      h.open("figure", "id", "figure-" + (i + 1)).nl();
      h.raw(svgs.get(i)).nl();
      h.open("figcaption").el("strong", "Figure " + (i + 1) + ". ").text(f.caption() + " Files: plots/" + f.id()
          + ".svg, plots/" + f.id() + ".png.").close("figcaption");
      h.close("figure");
    }
    if (c.figures().isEmpty()) h.el("p", "No series to plot.");
    h.close("section");

    section(h, 2, names);
    timeline(h, c);
    h.close("section");

    section(h, 3, names);
    parameters(h, c);
    h.close("section");

    section(h, 4, names);
    manifest(h, c);
    h.close("section");

    h.el("p", "Written by hedgesim " + c.manifest().path("hedgesim").path("version").asText("")
        + " from the files of this results folder; every number above comes from them.", "class", "note").nl();
    h.close("body").close("html");
    return h.toString();
  }

  private static void section(Html h, int i, String[] names) {
    h.open("section", "id", SECTIONS.get(i)).nl();
    h.el("h2", (i + 1) + ". " + names[i]).nl();
  }

  private static void timeline(Html h, ReportContent c) {
    if (c.kind().equals("robust")) {
      h.el("p", "A robust-decision study keeps no event records of its runs, only each objective's mean per setting "
          + "and future (outcomes.csv). To see the events of one setting in one future, write its values into the "
          + "scenario and run it with 'hedgesim run'.", "class", "note").nl();
      return;
    }
    if (c.kind().equals("sweep")) {
      h.el("p", "A sweep keeps no event records of its runs, only the outcomes its file asks for (runs.csv); "
          + "event outcomes such as an exit and its step are in the headline. To see a point's events, run its "
          + "scenario with 'hedgesim run'.", "class", "note").nl();
      return;
    }
    List<String> runs = List.copyOf(c.replications().keySet());
    h.el("p", "Milestones: scripted events, project events and the model's own decisions (exits, joins, "
        + "sanctions and their lifting, ...), with the number of replications in which each happened at that "
        + "date. Those that happened in at least half the replications of a scenario carry a number, which marks "
        + "them on the plots' time axis (dashed verticals).", "class", "note").nl();
    h.open("table", "class", "data").open("thead").open("tr");
    for (String col : List.of("#", "date", "event", "actor", "target", "origin", "detail")) h.el("th", col);
    for (String r : runs) h.el("th", runs.size() == 1 ? "replications" : r);
    h.close("tr").close("thead").open("tbody").nl();
    for (EventTimeline.Milestone m : c.timeline().milestones()) {
      h.open("tr");
      h.el("td", m.marked() ? String.valueOf(m.number()) : "", "class", "num");
      h.el("td", m.date());
      h.el("td", m.kind());
      h.el("td", m.actor());
      h.el("td", m.target());
      h.el("td", m.origin());
      h.el("td", m.detail());
      for (String r : runs) {
        h.el("td", m.replications().getOrDefault(r, 0) + " of " + c.replications().get(r), "class", "num");
      }
      h.close("tr");
    }
    h.close("tbody").close("table");
    if (c.timeline().milestones().isEmpty()) h.el("p", "No milestones.");
    h.el("h3", "Routine and random events");
    h.el("p", "Offers and random events, counted: mean number per replication, and the first and last date seen.",
        "class", "note").nl();
    h.open("table", "class", "data").open("thead").open("tr");
    for (String col : List.of("event", "actor", "target", "origin", "first", "last")) h.el("th", col);
    for (String r : runs) h.el("th", runs.size() == 1 ? "per replication" : r + " per replication");
    h.close("tr").close("thead").open("tbody").nl();
    for (EventTimeline.Routine r : c.timeline().routine()) {
      h.open("tr");
      h.el("td", r.kind());
      h.el("td", r.actor());
      h.el("td", r.target());
      h.el("td", r.origin());
      h.el("td", r.first());
      h.el("td", r.last());
      for (String run : runs) {
        h.el("td", String.format(Locale.ROOT, "%.2f", r.perReplication().getOrDefault(run, 0.0)), "class", "num");
      }
      h.close("tr");
    }
    h.close("tbody").close("table");
  }

  private static void parameters(Html h, ReportContent c) {
    h.el("p", "Every value of the resolved scenario (after extends and the built-in defaults), with the source "
        + "that covers it and the file, line and column where it was written. A value without a source is marked.",
        "class", "note").nl();
    for (int i = 0; i < c.parameters().size(); i++) {
      ReportContent.ParameterSet p = c.parameters().get(i);
      long sourced = p.all().stream().filter(x -> !x.source().isEmpty()).count();
      String letter = c.parameters().size() == 1 ? "" : (char) ('A' + i) + " = ";
      h.el("h3", letter + p.label());
      h.el("p", p.all().size() + " values, " + sourced + " with a source.");
      if (p.changes() == null) {
        parameterTable(h, p.all(), false);
      } else {
        h.el("p", p.changes().size() + " values differ from A (added, changed or removed):");
        parameterTable(h, p.changes(), true);
        h.open("details").el("summary", "All " + p.all().size() + " values of " + p.label()).nl();
        parameterTable(h, p.all(), false);
        h.close("details");
      }
    }
  }

  private static void parameterTable(Html h, List<ReportContent.Param> params, boolean change) {
    h.open("table", "class", "data params").open("thead").open("tr");
    h.el("th", "value path", "class", "w-path");
    if (change) h.el("th", "difference", "class", "w-change");
    h.el("th", "value", "class", "w-value");
    h.el("th", "source", "class", "w-source");
    h.el("th", "written at", "class", "w-at");
    h.close("tr").close("thead").open("tbody").nl();
    for (ReportContent.Param p : params) {
      h.open("tr");
      h.el("td", p.path(), "class", "path");
      if (change) h.el("td", p.change());
      h.el("td", p.value());
      if (p.source().isEmpty()) {
        h.el("td", "(none given)", "class", "nosource");
      } else {
        h.el("td", p.source());
      }
      h.el("td", p.writtenAt(), "class", "at");
      h.close("tr").nl();
    }
    h.close("tbody").close("table");
  }

  private static void manifest(Html h, ReportContent c) {
    JsonNode m = c.manifest();
    h.el("p", "What produced these results, so that anyone can check or repeat them: the hedgesim version, the "
        + "scenario files with their SHA-256, the seeds, and the output files with their SHA-256. The same "
        + "files and seeds give the same numbers.", "class", "note").nl();
    h.open("table", "class", "data").open("tbody").nl();
    row(h, "hedgesim version", m.path("hedgesim").path("version").asText());
    row(h, "command", m.path("hedgesim").path("command").asText());
    List<JsonNode> scenarios = new ArrayList<>();
    if (m.has("scenarios")) {
      m.path("scenarios").forEach(scenarios::add);
    } else {
      scenarios.add(m);
    }
    for (JsonNode s : scenarios) {
      String label = s.has("label") ? s.path("label").asText() : s.path("scenario").path("name").asText();
      for (JsonNode f : s.path("scenario").path("files")) {
        row(h, "scenario " + label + ": file", f.path("path").asText()
            + (f.has("sha256") ? "  sha256 " + f.path("sha256").asText() : ""));
      }
    }
    JsonNode run = m.has("compare") ? m.path("compare") : m.has("sweep") ? m.path("sweep") : m.path("run");
    if (m.has("sweep")) {
      row(h, "sweep file", run.path("file").asText() + "  sha256 " + run.path("sha256").asText());
      row(h, "design", run.path("design").toString());
    }
    row(h, "master seed", run.path("seed").asText());
    row(h, m.has("sweep") ? "replications per point" : "replications", run.path("replications").asText());
    row(h, m.has("sweep") ? "seed of each run" : "seed of each replication", run.path("seed_derivation").asText());
    List<String> seeds = new ArrayList<>();
    run.path("replication_seeds").forEach(x -> seeds.add(x.asText()));
    if (!seeds.isEmpty()) row(h, "replication seeds", String.join(", ", seeds));
    JsonNode posterior = m.path("posterior");
    if (posterior.isObject()) {
      row(h, "parameters", posterior.path("statement").asText());
      row(h, "draw of each replication", posterior.path("draw_derivation").asText());
      List<String> particles = new ArrayList<>();
      posterior.path("replication_particles").forEach(x -> particles.add(x.asText()));
      row(h, "particle of each replication", String.join(", ", particles));
    }
    outputRows(h, m.path("outputs"), m.path("timing"), m.path("machine"));
    h.close("tbody").close("table");
    h.open("details").el("summary", "manifest.json in full (the parameter lists are shown above"
        + (m.has("sweep") ? "; timing and machine come from timing.json" : "") + ")").nl();
    h.el("pre", withoutParameters(m));
    h.close("details");
  }

  static void row(Html h, String key, String value) {
    h.open("tr").el("th", key).el("td", value, "class", "at").close("tr").nl();
  }

  /**
   * The rows of a provenance table on what a folder holds and how it was made: each output with
   * its size and SHA-256, then when (timing) and on what (machine), from a manifest or timing.json.
   */
  static void outputRows(Html h, JsonNode outputs, JsonNode timing, JsonNode machine) {
    for (JsonNode o : outputs) {
      row(h, "output " + o.path("file").asText(), o.path("bytes").asText() + " bytes  sha256 " + o.path("sha256").asText());
    }
    if (timing.isMissingNode()) return;
    row(h, "timing", timing.path("started").asText() + " to " + timing.path("finished").asText() + " ("
        + timing.path("seconds").asText() + " s on " + timing.path("threads").asText() + " threads)");
    row(h, "machine", "Java " + machine.path("java").asText() + ", " + machine.path("os").asText() + ", "
        + machine.path("cores").asText() + " cores");
  }

  static String withoutParameters(JsonNode m) {
    JsonNode copy = m.deepCopy();
    if (copy instanceof ObjectNode o) {
      o.remove("parameters");
      for (JsonNode s : o.path("scenarios")) {
        if (s instanceof ObjectNode so) so.remove("parameters");
      }
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(copy);
    } catch (JsonProcessingException e) {
      return copy.toString();
    }
  }
}

package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.hedgesim.output.Numbers;

/**
 * The report of a calibration folder (posterior.csv, posterior-summary.csv, fit.csv, scores.csv,
 * generations.csv, profiles.csv for cmaes, manifest.json): what the data taught about each free
 * parameter, shown against what was believed before (the prior, rebuilt from the manifest with
 * Commons Math), how the parameters trade off against each other, how the calibrated model's
 * predictive distribution covers the observations, in-sample and held out, and the tables behind
 * them. Its sections differ from those of a run, comparison or sweep report ({@link #SECTIONS}),
 * since a calibration has no event timeline and its parameters are estimates, not settings.
 */
final class CalibrationReport {
  /** The section ids, in order. */
  static final List<String> SECTIONS = List.of("overview", "marginals", "pairs", "fit", "scores", "identifiability",
      "generations", "provenance");
  /** Pair plots are drawn among the first this many parameters (a grid of at most 28 plots). */
  static final int MAX_PAIR_PARAMETERS = 8;
  /** Predictive plots, at most: one per observed series; fit.csv has them all. */
  static final int MAX_SERIES = 30;
  /** The side of a pair plot, in nominal pixels. */
  static final int SMALL = 260;
  private static final int CURVE_POINTS = 201;

  private static final String STYLE = ".grid{display:flex;flex-wrap:wrap;gap:0 1%}"
      + ".grid figure{width:32%;margin:.4rem 0}td.miss{color:#a33}";

  private CalibrationReport() {}

  /** A free parameter as the manifest lists it, with its prior as a Commons Math distribution. */
  record Free(String name, String path, String priorText, RealDistribution prior, double[] support, String source) {}

  /** A figure with its nominal size. */
  private record Plot(ReportContent.Figure figure, int width, int height) {}

  static Path write(Path results, JsonNode manifest, Path reportDir) throws IOException {
    JsonNode cal = manifest.path("calibration");
    JsonNode method = manifest.path("method");
    if (!cal.isObject() || !cal.path("parameters").isArray() || !method.isObject()) {
      throw new Report.NotAResult(results.resolve("manifest.json") + ": a result of 'calibrate' without its"
          + " 'calibration' and 'method' sections; not a calibration folder hedgesim wrote");
    }
    List<Free> free = new ArrayList<>();
    for (JsonNode p : cal.path("parameters")) free.add(free(results, p));
    boolean cmaes = method.path("method").asText().equals("cmaes");

    List<Map<String, String>> posterior = ResultFiles.rows(ResultFiles.require(results, "posterior.csv"));
    List<Map<String, String>> summary = ResultFiles.rows(ResultFiles.require(results, "posterior-summary.csv"));
    List<Map<String, String>> fit = ResultFiles.rows(ResultFiles.require(results, "fit.csv"));
    List<Map<String, String>> scores = ResultFiles.rows(ResultFiles.require(results, "scores.csv"));
    List<Map<String, String>> generations = ResultFiles.rows(ResultFiles.require(results, "generations.csv"));
    List<Map<String, String>> profiles = cmaes
        ? ResultFiles.rows(ResultFiles.require(results, "profiles.csv")) : List.of();
    List<Map<String, String>> last = lastGeneration(posterior);
    Map<String, Map<String, String>> byName = new LinkedHashMap<>();
    for (Map<String, String> r : summary) byName.put(r.get("parameter"), r);

    List<List<Plot>> plots = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Html marginals = new Html();
    Html pairs = new Html();
    Html bands = new Html();
    marginalSection(marginals, plots.get(0), free, byName, last, profiles, cmaes);
    pairSection(pairs, plots.get(1), free, last, cmaes);
    fitSection(bands, plots.get(2), fit, cal.path("hold_out_from").asText(""));

    Path plotDir = reportDir.resolve(Report.PLOTS);
    Files.createDirectories(plotDir);
    PlotNames names = new PlotNames();
    List<List<String>> svgs = new ArrayList<>();
    List<List<String>> files = new ArrayList<>();
    int n = 0;
    for (List<Plot> group : plots) {
      List<String> s = new ArrayList<>();
      List<String> f = new ArrayList<>();
      for (Plot p : group) {
        String file = names.next(p.figure().id());
        s.add(Report.plot(p.figure().chart(), p.width(), p.height(), "fig" + (++n), plotDir.resolve(file)));
        f.add(file);
      }
      svgs.add(s);
      files.add(f);
    }

    String title = "hedgesim report: calibration " + cal.path("name").asText();
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n");
    h.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").nl();
    h.open("head").nl();
    h.empty("meta", "charset", "utf-8").nl();
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl();
    h.el("title", title).nl();
    h.open("style").raw(Report.STYLE + "\n" + STYLE).close("style");
    h.close("head");
    h.open("body").nl();
    h.el("h1", title).nl();
    h.el("p", lead(cal, method), "class", "lead").nl();
    String[] headings = {"Overview", cmaes ? "Profiles of the free parameters" : "Posterior marginals against priors",
        "Pair plots", "Predictive bands over the observations", "Scores", "Identifiability", "Generations",
        "Provenance"};
    h.open("nav").open("ol");
    for (int i = 0; i < SECTIONS.size(); i++) h.open("li").el("a", headings[i], "href", "#" + SECTIONS.get(i)).close("li");
    h.close("ol").close("nav");

    section(h, 0, headings);
    overview(h, cal, method, free, byName, scores);
    h.close("section");
    int[] counter = {0};
    section(h, 1, headings);
    h.raw(marginals.toString());
    figures(h, plots.get(0), svgs.get(0), files.get(0), counter, false);
    h.close("section");
    section(h, 2, headings);
    h.raw(pairs.toString());
    figures(h, plots.get(1), svgs.get(1), files.get(1), counter, true);
    h.close("section");
    section(h, 3, headings);
    h.raw(bands.toString());
    figures(h, plots.get(2), svgs.get(2), files.get(2), counter, false);
    fitTable(h, fit);
    h.close("section");
    section(h, 4, headings);
    h.el("p", "How to read this table: for each set (in-sample: the observations the calibration fitted; hold-out: "
        + "those it never saw, a forecast), each metric (all: every observation; then each metric alone) and each "
        + "forecast (model: the calibrated model's posterior predictive; persistence: each series' last fitted value "
        + "carried forward, the forecast to beat), n observations, the root mean squared error of the median (in the "
        + "metric's units, so empty for all, which mixes units) and of the standardised residuals (median - observed) / "
        + "sd (about 1: as far off as the observation error; above 2: a clear miss), the share of observations inside the 50% and 90% predictive "
        + "intervals (well calibrated intervals cover about 50% and 90%; far less means overconfident), the share of "
        + "changes between consecutive observations of a series whose direction was right, and the skill against "
        + "persistence, 1 - RMSE(model) / RMSE(persistence): above 0 the model beats carrying the last value "
        + "forward. Empty cells: not defined for that set (no observations, no changes, or no persistence forecast).",
        "class", "note").nl();
    table(h, scores);
    h.close("section");
    section(h, 5, headings);
    h.el("p", "How to read this table: the prior (its mean and sd) against the posterior (mean, sd, median and "
        + "quantiles) of each free parameter. Shrinkage is 1 - posterior sd / prior sd: near 1 the data pinned the "
        + "parameter down; near 0 the posterior is as wide as the prior, so the data say nothing about it and its "
        + "value still rests on the prior (" + method.path("identifiability").asText("") + "). A parameter that is "
        + "not identified is not estimated, whatever its median; report its prior, or find data that move it."
        + (cmaes ? " For cmaes the intervals are profile intervals around the optimum, not posterior quantiles." : ""),
        "class", "note").nl();
    table(h, summary);
    h.el("h3", "The free parameters");
    h.open("table", "class", "data").open("thead").open("tr");
    for (String c : List.of("parameter", "value path", "prior", "why this prior")) h.el("th", c);
    h.close("tr").close("thead").open("tbody").nl();
    for (Free f : free) {
      h.open("tr").el("td", f.name()).el("td", f.path(), "class", "path").el("td", f.priorText());
      if (f.source().isEmpty()) h.el("td", "(none given)", "class", "nosource");
      else h.el("td", f.source());
      h.close("tr").nl();
    }
    h.close("tbody").close("table");
    h.close("section");
    section(h, 6, headings);
    h.el("p", cmaes
        ? "How to read this table: cmaes is one optimisation, recorded as one row: the best distance found (the "
            + "tolerance column) after the evaluations made (proposals)."
        : "How to read this table: one row per generation. The tolerance is the largest distance a particle may have "
            + "to be kept (inf for the first generation, drawn from the prior); it falls as the generations narrow the "
            + "posterior. Acceptance is the share of proposals kept: when it drops toward the file's min_acceptance "
            + "the tolerance can hardly fall further and the calibration stops. The effective sample size, "
            + "1 / sum of squared normalised weights, says how many equally weighted particles the weighted population "
            + "is worth; far below the number accepted, a few particles carry the posterior.", "class", "note").nl();
    table(h, generations);
    h.el("p", "Stopped: " + method.path("stopped").asText("") + ".");
    h.close("section");
    section(h, 7, headings);
    provenance(h, results, manifest);
    h.close("section");
    h.el("p", "Written by hedgesim " + manifest.path("hedgesim").path("version").asText("")
        + " from the files of this results folder; every number above comes from them.", "class", "note").nl();
    h.close("body").close("html");
    Path html = reportDir.resolve(Report.FILE);
    Files.writeString(html, h.toString(), StandardCharsets.UTF_8);
    return html;
  }

  // ------------------------------------------------------------------ reading

  /** A parameter of the manifest, with its prior rebuilt; a prior of an unknown kind is refused. */
  static Free free(Path results, JsonNode p) throws Report.NotAResult {
    JsonNode prior = p.path("prior");
    String kind = prior.fieldNames().hasNext() ? prior.fieldNames().next() : "";
    JsonNode ab = prior.path(kind);
    double a = ab.path(0).asDouble(Double.NaN);
    double b = ab.path(1).asDouble(Double.NaN);
    RealDistribution d;
    try {
      d = switch (kind) {
        case "uniform" -> new UniformRealDistribution(null, a, b);
        case "beta" -> new BetaDistribution(null, a, b);
        case "normal" -> new NormalDistribution(null, a, b);
        default -> null;
      };
    } catch (RuntimeException e) {
      d = null;
    }
    if (d == null || Double.isNaN(a) || Double.isNaN(b)) {
      throw new Report.NotAResult(results.resolve("manifest.json") + ": calibration.parameters: the prior of '"
          + p.path("name").asText() + "' is " + prior + ", not one of {uniform: [low, high]}, {beta: [a, b]},"
          + " {normal: [mean, sd]}");
    }
    double[] support = kind.equals("uniform") ? new double[] {a, b}
        : new double[] {d.inverseCumulativeProbability(0.001), d.inverseCumulativeProbability(0.999)};
    String text = kind + "(" + Numbers.format(a) + ", " + Numbers.format(b) + ")"; // as Prior.text() writes it
    return new Free(p.path("name").asText(), p.path("path").asText(), text, d, support, p.path("source").asText(""));
  }

  /** The rows of posterior.csv's last generation: the posterior sample. */
  static List<Map<String, String>> lastGeneration(List<Map<String, String>> posterior) {
    int g = -1;
    for (Map<String, String> r : posterior) g = Math.max(g, Integer.parseInt(r.get("generation")));
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, String> r : posterior) {
      if (Integer.parseInt(r.get("generation")) == g) out.add(r);
    }
    return out;
  }

  private static double num(Map<String, String> r, String col) {
    return r == null ? Double.NaN : ResultFiles.number(r.get(col));
  }

  // ------------------------------------------------------------------ the posterior

  /**
   * A weighted histogram: {@code bins} bins of equal width over [low, high], each bar's height its
   * share of the total weight over its width (a density, on the prior density's scale).
   *
   * @return the edges (bins + 1) and the heights (bins)
   */
  static double[][] histogram(double[] values, double[] weights, double low, double high, int bins) {
    double[] edges = new double[bins + 1];
    double width = (high - low) / bins;
    for (int i = 0; i <= bins; i++) edges[i] = low + i * width;
    double[] heights = new double[bins];
    double total = 0;
    for (int i = 0; i < values.length; i++) {
      int k = (int) Math.floor((values[i] - low) / width);
      k = Math.max(0, Math.min(bins - 1, k)); // the largest value belongs to the last bin
      heights[k] += weights[i];
      total += weights[i];
    }
    for (int k = 0; k < bins; k++) heights[k] = total > 0 ? heights[k] / total / width : 0;
    return new double[][] {edges, heights};
  }

  /** The number of bins for a sample of n particles: about the square root of n, 5 to 40. */
  static int bins(int n) {
    return Math.max(5, Math.min(40, (int) Math.ceil(Math.sqrt(n))));
  }

  private static void marginalSection(Html h, List<Plot> plots, List<Free> free, Map<String, Map<String, String>> byName,
      List<Map<String, String>> last, List<Map<String, String>> profiles, boolean cmaes) {
    if (cmaes) {
      h.el("p", "How to read these plots: cmaes finds one best parameter vector (the optimum) rather than a sample. "
          + "For each parameter, the profile is the distance to the observations as that parameter moves across its "
          + "prior's range, the others held at the optimum. Where the profile stays below the dashed 90% threshold "
          + "(the best distance plus the 90% quantile of a chi-square with 1 degree of freedom), the data cannot "
          + "tell the value from the optimum: that range (shaded) is the parameter's 90% interval. A flat profile "
          + "means the data say little about the parameter; a profile that rises steeply on both sides of the "
          + "optimum means it is well determined.", "class", "note").nl();
      double best = Double.POSITIVE_INFINITY;
      for (Map<String, String> r : last) best = Math.min(best, num(r, "distance"));
      for (Map<String, String> r : profiles) best = Math.min(best, num(r, "distance"));
      double threshold = best + new ChiSquaredDistribution(null, 1).inverseCumulativeProbability(0.9);
      for (Free f : free) {
        List<double[]> pts = new ArrayList<>();
        for (Map<String, String> r : profiles) {
          if (r.get("parameter").equals(f.name())) pts.add(new double[] {num(r, "value"), num(r, "distance")});
        }
        Map<String, String> s = byName.get(f.name());
        double at = last.isEmpty() ? num(s, "median") : num(last.get(0), f.name());
        plots.add(new Plot(new ReportContent.Figure("profile-" + f.name(), "Profile of " + f.name() + " (prior "
            + f.priorText() + "): " + pts.size() + " values; optimum " + RunReport.fmt(at) + ", 90% interval ["
            + RunReport.fmt(num(s, "q05")) + ", " + RunReport.fmt(num(s, "q95")) + "].",
            Charts.profile("Profile of " + f.name(), "solid: distance; dashed: 90% threshold; shaded: 90% interval",
                f.name(), pts.toArray(double[][]::new), threshold, num(s, "q05"), num(s, "q95"), at)),
            Report.WIDTH, Report.HEIGHT));
      }
      return;
    }
    h.el("p", "How to read these plots: for each free parameter, the bars are the posterior, a histogram of the last "
        + "generation's " + last.size() + " particles in which each particle counts by its weight, scaled as a "
        + "density; the dashed curve is the prior density, what was believed before the data. A posterior much "
        + "narrower than the prior (or shifted away from it) is what the observations taught; one that looks like "
        + "the prior means they taught nothing about that parameter. The shaded band is the 90% interval "
        + "(posterior-summary.csv, q05 to q95) and the solid vertical the median, the value calibrated.yaml sets.",
        "class", "note").nl();
    double[] w = new double[last.size()];
    for (int i = 0; i < w.length; i++) w[i] = num(last.get(i), "weight");
    for (Free f : free) {
      double[] v = new double[last.size()];
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < v.length; i++) {
        v[i] = num(last.get(i), f.name());
        lo = Math.min(lo, v[i]);
        hi = Math.max(hi, v[i]);
      }
      if (!(hi > lo)) { // every particle at one value: a narrow bar of 1% of the prior's range
        double half = (f.support()[1] - f.support()[0]) / 200;
        lo = (Double.isFinite(lo) ? lo : f.support()[0]) - half;
        hi = lo + 2 * half;
      }
      double[][] hist = histogram(v, w, lo, hi, bins(v.length));
      double from = Math.min(lo, f.support()[0]);
      double to = Math.max(hi, f.support()[1]);
      double[][] curve = new double[CURVE_POINTS][];
      for (int i = 0; i < CURVE_POINTS; i++) {
        double x = from + (to - from) * i / (CURVE_POINTS - 1);
        curve[i] = new double[] {x, f.prior().density(x)};
      }
      Map<String, String> s = byName.get(f.name());
      plots.add(new Plot(new ReportContent.Figure("marginal-" + f.name(), "Posterior of " + f.name() + " against its "
          + "prior " + f.priorText() + ": median " + RunReport.fmt(num(s, "median")) + ", 90% interval ["
          + RunReport.fmt(num(s, "q05")) + ", " + RunReport.fmt(num(s, "q95")) + "], shrinkage "
          + RunReport.fmt(num(s, "shrinkage")) + " (" + (s == null ? "-" : s.get("verdict")) + ").",
          Charts.marginal("Posterior of " + f.name(), "bars: weighted posterior; dashed: prior density; shaded: 90% "
              + "interval", f.name(), hist[0], hist[1], "prior " + f.priorText(), curve, num(s, "q05"), num(s, "q95"),
              num(s, "median"))), Report.WIDTH, Report.HEIGHT));
    }
  }

  private static void pairSection(Html h, List<Plot> plots, List<Free> free, List<Map<String, String>> last,
      boolean cmaes) {
    if (cmaes) {
      h.el("p", "cmaes gives one optimum, not a sample of the posterior, so there is no cloud of particles to plot "
          + "in pairs. To see how two parameters trade off, calibrate with method: abc-smc.", "class", "note").nl();
      return;
    }
    if (free.size() < 2) {
      h.el("p", "The calibration has one free parameter, so there are no pairs.", "class", "note").nl();
      return;
    }
    int k = Math.min(free.size(), MAX_PAIR_PARAMETERS);
    h.el("p", "How to read these plots: each dot is a particle of the last generation, its darkness its weight. A "
        + "round or axis-aligned cloud means the two parameters are estimated separately; a cloud stretched along a "
        + "diagonal means the data fix a combination of them (one can be traded for the other with the same fit), so "
        + "each one's own interval overstates what is known about it alone, and a scenario that moves one should "
        + "move the other with it." + (free.size() > k ? " Pairs among the first " + k + " of the " + free.size()
            + " parameters are shown; posterior.csv has them all." : ""), "class", "note").nl();
    double[] w = new double[last.size()];
    for (int i = 0; i < w.length; i++) w[i] = num(last.get(i), "weight");
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        String x = free.get(a).name();
        String y = free.get(b).name();
        double[][] pts = new double[last.size()][];
        for (int i = 0; i < pts.length; i++) pts[i] = new double[] {num(last.get(i), x), num(last.get(i), y), w[i]};
        plots.add(new Plot(new ReportContent.Figure("pair-" + x + "-" + y, y + " against " + x + ".",
            Charts.weightedScatter(null, x, y, pts)), SMALL, SMALL));
      }
    }
  }

  // ------------------------------------------------------------------ the fit

  /** The moment a dated observation is drawn at: the middle of its year, or the middle of its month. */
  static long millis(String date) {
    LocalDate d = date.matches("\\d{4}") ? LocalDate.of(Integer.parseInt(date), 7, 1)
        : YearMonth.parse(date).atDay(15);
    return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static void fitSection(Html h, List<Plot> plots, List<Map<String, String>> fit, String holdOutFrom) {
    Long holdOut = holdOutFrom.isEmpty() ? null
        : YearMonth.parse(holdOutFrom).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    h.el("p", "How to read these plots: for each observed series, the line is the median of the calibrated model's "
        + "posterior predictive (the particles' runs plus the observation error the distance assumes), the darker "
        + "band its 50% and the lighter its 90% interval; the dots are the observed values, with one sd (as the "
        + "observation file gives it, or by the default rule) as error bars. "
        + (holdOut == null ? "The calibration held nothing out, so every point was fitted. "
            : "The grey background from " + holdOutFrom + " on is the hold-out: those observations were never fitted, "
                + "so the bands there are forecasts, and a dot inside them is a forecast that came true. ")
        + "A well calibrated model has about half the dots inside the 50% band and nine in ten inside the 90% band.",
        "class", "note").nl();
    Map<SeriesId, List<Charts.Predicted>> bySeries = new LinkedHashMap<>();
    for (Map<String, String> r : fit) {
      SeriesId id = new SeriesId(r.get("metric"), r.get("actor"), r.get("target"));
      bySeries.computeIfAbsent(id, x -> new ArrayList<>()).add(new Charts.Predicted(millis(r.get("date")),
          num(r, "median"), num(r, "q05"), num(r, "q25"), num(r, "q75"), num(r, "q95"), num(r, "observed"),
          num(r, "sd"), r.get("set").equals("hold-out")));
    }
    int shown = 0;
    for (var e : bySeries.entrySet()) {
      if (shown++ >= MAX_SERIES) break;
      SeriesId id = e.getKey();
      List<Charts.Predicted> pts = e.getValue().stream()
          .sorted(java.util.Comparator.comparingLong(Charts.Predicted::at)).toList();
      long held = pts.stream().filter(Charts.Predicted::heldOut).count();
      plots.add(new Plot(new ReportContent.Figure("fit-" + id.metric() + "-" + id.actor()
          + (id.target().isEmpty() ? "" : "-" + id.target()), id.label() + ": " + pts.size() + " observations ("
          + (pts.size() - held) + " fitted, " + held + " held out) against the posterior predictive.",
          Charts.predictive(id.label() + ": observed and predicted", "line: predictive median; bands: 50% and 90%;"
              + " dots: observed \u00b1 1 sd" + (holdOut == null ? "" : "; grey: hold-out"),
              SeriesLabels.axis(id.metric()), pts, holdOut)), Report.WIDTH, Report.HEIGHT));
    }
    if (bySeries.size() > MAX_SERIES) {
      h.el("p", "The first " + MAX_SERIES + " of " + bySeries.size() + " observed series are plotted; fit.csv has "
          + "them all.", "class", "note").nl();
    }
  }

  private static void fitTable(Html h, List<Map<String, String>> fit) {
    h.open("details").el("summary", "Every observation with its prediction (fit.csv, " + fit.size() + " rows)").nl();
    h.open("table", "class", "data").open("thead").open("tr");
    for (String c : List.of("date", "series", "set", "observed", "sd", "median", "50% interval", "90% interval",
        "in 90%", "source")) {
      h.el("th", c);
    }
    h.close("tr").close("thead").open("tbody").nl();
    for (Map<String, String> r : fit) {
      h.open("tr").el("td", r.get("date"));
      h.el("td", new SeriesId(r.get("metric"), r.get("actor"), r.get("target")).label());
      h.el("td", r.get("set"));
      h.el("td", cell(r.get("observed")), "class", "num").el("td", cell(r.get("sd")), "class", "num");
      h.el("td", cell(r.get("median")), "class", "num");
      h.el("td", RunReport.ci(r.get("q25"), r.get("q75")), "class", "num");
      h.el("td", RunReport.ci(r.get("q05"), r.get("q95")), "class", "num");
      boolean in = r.get("covered_90").equals("true");
      h.el("td", in ? "yes" : "no", "class", in ? null : "miss");
      h.el("td", r.get("source"));
      h.close("tr").nl();
    }
    h.close("tbody").close("table").close("details");
  }

  // ------------------------------------------------------------------ the page

  private static String lead(JsonNode cal, JsonNode method) {
    String d = cal.path("description").asText("").strip();
    return (d.isEmpty() ? "" : d + " ") + method.path("estimate").asText("") + ", fitted to "
        + cal.path("fitted").asText() + " of " + cal.path("observations").asText() + " observations"
        + (cal.path("hold_out_from").isTextual() ? " (from " + cal.path("hold_out_from").asText() + " on held out)" : "")
        + "; " + method.path("replications").asText() + " replications per particle, seed "
        + method.path("seed").asText() + ".";
  }

  private static void section(Html h, int i, String[] headings) {
    h.open("section", "id", SECTIONS.get(i)).nl();
    h.el("h2", (i + 1) + ". " + headings[i]).nl();
  }

  private static void overview(Html h, JsonNode cal, JsonNode method, List<Free> free,
      Map<String, Map<String, String>> byName, List<Map<String, String>> scores) {
    h.el("p", "How to read this page: section 2 shows what the observations taught about each free parameter, "
        + "section 3 how the parameters trade off, section 4 how the calibrated model covers the observations "
        + "(the held-out ones are the test that counts), sections 5 to 7 the tables behind them, and section 8 the "
        + "files and hashes that produced them. The table below gives each estimate with its 90% interval and "
        + "whether the data identify it.", "class", "note").nl();
    h.open("table", "class", "data").open("thead").open("tr");
    for (String c : List.of("parameter", "prior", "median", "90% interval", "shrinkage", "verdict")) h.el("th", c);
    h.close("tr").close("thead").open("tbody").nl();
    for (Free f : free) {
      Map<String, String> s = byName.get(f.name());
      h.open("tr").el("td", f.name()).el("td", f.priorText());
      h.el("td", cell(s == null ? "" : s.get("median")), "class", "num");
      h.el("td", s == null ? "-" : RunReport.ci(s.get("q05"), s.get("q95")), "class", "num");
      h.el("td", cell(s == null ? "" : s.get("shrinkage")), "class", "num");
      h.el("td", s == null ? "-" : s.get("verdict"));
      h.close("tr").nl();
    }
    h.close("tbody").close("table");
    for (Map<String, String> r : scores) {
      if (!r.get("forecast").equals("model") || r.get("n").equals("0")) continue;
      if (r.containsKey("metric") && !r.get("metric").equals("all")) continue; // the per-metric rows are in section 5
      double skill = num(r, "skill_vs_persistence");
      String rmse = r.containsKey("rmse_standardised") ? "standardised RMSE " + cell(r.get("rmse_standardised"))
          : "RMSE " + cell(r.get("rmse"));
      h.el("p", String.format(Locale.ROOT, "%s: %s observations, %s, 50%% interval covers %s, 90%% covers %s%s.",
          r.get("set"), r.get("n"), rmse, percent(r.get("coverage_50")), percent(r.get("coverage_90")),
          Double.isNaN(skill) ? "" : ", skill against persistence " + RunReport.fmt(skill)));
    }
    h.el("p", "Method: " + method.path("method").asText() + "; stopped: " + method.path("stopped").asText() + ".");
  }

  private static String percent(String cell) {
    double v = ResultFiles.number(cell);
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }

  /** A cell as a reader wants it: integers and words as written, other numbers to 4 decimals. */
  static String cell(String s) {
    if (s == null || s.isEmpty()) return "";
    if (s.matches("-?\\d+")) return s;
    try {
      return RunReport.fmt(ResultFiles.number(s));
    } catch (NumberFormatException e) {
      return s;
    }
  }

  /** A CSV table of the folder as an HTML table, its columns as the file has them. */
  private static void table(Html h, List<Map<String, String>> rows) {
    if (rows.isEmpty()) {
      h.el("p", "No rows.");
      return;
    }
    h.open("table", "class", "data").open("thead").open("tr");
    for (String c : rows.get(0).keySet()) h.el("th", c);
    h.close("tr").close("thead").open("tbody").nl();
    for (Map<String, String> r : rows) {
      h.open("tr");
      for (String v : r.values()) {
        String c = cell(v);
        h.el("td", c, "class", c.equals(v) && !v.matches("-?\\d+") ? null : "num");
      }
      h.close("tr").nl();
    }
    h.close("tbody").close("table");
  }

  private static void figures(Html h, List<Plot> plots, List<String> svgs, List<String> files, int[] counter,
      boolean grid) {
    if (grid) h.open("div", "class", "grid").nl();
    for (int i = 0; i < plots.size(); i++) {
      int number = ++counter[0];
      h.open("figure", "id", "figure-" + number).nl();
      h.raw(svgs.get(i)).nl();
      h.open("figcaption").el("strong", "Figure " + number + ". ").text(plots.get(i).figure().caption()
          + " Files: plots/" + files.get(i) + ".svg, plots/" + files.get(i) + ".png.").close("figcaption");
      h.close("figure");
    }
    if (grid) h.close("div");
  }

  private static void provenance(Html h, Path results, JsonNode m) throws IOException {
    JsonNode cal = m.path("calibration");
    JsonNode method = m.path("method");
    h.el("p", "How to read this table: what produced these results, so that anyone can check or repeat them: the "
        + "calibration file, the observation files and the scenario files with their SHA-256, the method's settings "
        + "and seed, and every output file with its SHA-256. The same files and seed give the same bytes, whatever "
        + "the number of threads.", "class", "note").nl();
    h.open("table", "class", "data").open("tbody").nl();
    row(h, "hedgesim version", m.path("hedgesim").path("version").asText());
    row(h, "command", m.path("hedgesim").path("command").asText());
    row(h, "calibration file", cal.path("file").asText() + "  sha256 " + cal.path("sha256").asText());
    for (JsonNode f : cal.path("observation_files")) {
      row(h, "observation file", f.path("path").asText() + "  sha256 " + f.path("sha256").asText());
    }
    for (JsonNode f : m.path("scenario").path("files")) {
      row(h, "scenario file", f.path("path").asText() + (f.has("sha256") ? "  sha256 " + f.path("sha256").asText() : ""));
    }
    row(h, "hold-out from", cal.path("hold_out_from").asText("(none)"));
    row(h, "observation sd", cal.path("default_sd").asText());
    for (String k : List.of("method", "particles", "generations", "min_acceptance", "quantile", "replications",
        "samples", "evaluations", "profile_points", "intervals", "distance", "kernel", "seed", "seeds")) {
      if (method.has(k)) row(h, k.replace('_', ' '), method.path(k).asText());
    }
    Path timing = results.resolve("timing.json");
    JsonNode t = Files.isRegularFile(timing) ? new ObjectMapper().readTree(timing.toFile())
        : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    Report.outputRows(h, m.path("outputs"), t.path("timing"), t.path("machine"));
    h.close("tbody").close("table");
    h.open("details").el("summary", "manifest.json in full (without the base scenario's parameter list)").nl();
    h.el("pre", Report.withoutParameters(m));
    h.close("details");
  }

  private static void row(Html h, String key, String value) {
    Report.row(h, key, value);
  }
}

package org.hedgesim.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.output.CsvTable;
import org.jfree.chart.JFreeChart;

/**
 * Sensitivity indices as a CSV table, one row per outcome, parameter and index:
 * {@code outcome,parameter,method,index,value,ci_low,ci_high}, with method {@code sobol} (indices
 * {@code S1}, {@code ST}) or {@code morris} ({@code mu_star}, {@code sigma}, {@code mu}); and the
 * bar charts of such a table, one per outcome and method.
 */
public final class SensitivityTable {

  public static final List<String> HEADER =
      List.of("outcome", "parameter", "method", "index", "value", "ci_low", "ci_high");

  /** One row of the table. */
  public record Entry(String outcome, String parameter, String method, String index, double value,
      double low, double high) {}

  private SensitivityTable() {}

  /** The rows of Sobol indices of one outcome, parameters named in factor order. */
  public static List<Entry> sobol(String outcome, List<String> parameters, SobolIndices.Result r) {
    List<Entry> out = new ArrayList<>();
    for (SobolIndices.Index i : r.indices()) {
      String p = parameters.get(i.factor());
      out.add(new Entry(outcome, p, "sobol", "S1", i.first(), i.firstLow(), i.firstHigh()));
      out.add(new Entry(outcome, p, "sobol", "ST", i.total(), i.totalLow(), i.totalHigh()));
    }
    return out;
  }

  /** The rows of Morris effects of one outcome, parameters named in factor order. */
  public static List<Entry> morris(String outcome, List<String> parameters, List<MorrisEffects.Effect> effects) {
    List<Entry> out = new ArrayList<>();
    double nan = Double.NaN;
    for (MorrisEffects.Effect e : effects) {
      String p = parameters.get(e.factor());
      out.add(new Entry(outcome, p, "morris", "mu_star", e.muStar(), e.muStarLow(), e.muStarHigh()));
      out.add(new Entry(outcome, p, "morris", "sigma", e.sigma(), nan, nan));
      out.add(new Entry(outcome, p, "morris", "mu", e.mu(), nan, nan));
    }
    return out;
  }

  /**
   * A note on Sobol estimates that fall outside [0, 1], where true indices lie (they are shares of
   * variance): such an estimate is sampling noise of the estimator, not a share above the whole or
   * below nothing. Empty when every estimate is inside, or for Morris effects.
   */
  public static String outsideTheUnitInterval(List<Entry> entries) {
    List<String> out = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.method().equals("sobol") || Double.isNaN(e.value())) continue;
      if (e.value() < 0 || e.value() > 1) {
        out.add(String.format(java.util.Locale.ROOT, "%s = %.3f for %s", e.index(), e.value(), e.parameter()));
      }
    }
    if (out.isEmpty()) return "";
    return "Note: " + String.join(", ", out) + " lie" + (out.size() == 1 ? "s" : "") + " outside [0, 1], where Sobol "
        + "indices lie (they are shares of the variance). That is estimator noise from a finite design, not an "
        + "effect: read the interval, and a larger design (more samples) narrows it.";
  }

  /**
   * One parameter's indices for one outcome, side by side: for Sobol, S1 then ST (third null); for
   * Morris, mu* then sigma then mu.
   */
  public record Ranked(String parameter, Entry first, Entry second, Entry third) {}

  /**
   * The parameters of one outcome and method, most influential first: by ST for Sobol, by mu* for
   * Morris; ties and missing values (last) keep the table's order.
   */
  public static List<Ranked> ranked(List<Entry> entries) {
    Map<String, Map<String, Entry>> byParameter = new LinkedHashMap<>();
    for (Entry e : entries) byParameter.computeIfAbsent(e.parameter(), k -> new LinkedHashMap<>()).put(e.index(), e);
    List<Ranked> out = new ArrayList<>();
    for (var p : byParameter.entrySet()) {
      Map<String, Entry> m = p.getValue();
      out.add(m.containsKey("ST") ? new Ranked(p.getKey(), m.get("S1"), m.get("ST"), null)
          : new Ranked(p.getKey(), m.get("mu_star"), m.get("sigma"), m.get("mu")));
    }
    Comparator<Ranked> key = Comparator.comparingDouble(r -> {
      double v = r.third() == null ? r.second().value() : r.first().value();
      return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    });
    out.sort(key.reversed());
    return out;
  }

  public static void write(Path file, List<Entry> entries) throws IOException {
    try (CsvTable t = CsvTable.create(file, HEADER)) {
      for (Entry e : entries) t.row(e.outcome(), e.parameter(), e.method(), e.index(), e.value(), e.low(), e.high());
    }
  }

  public static List<Entry> read(Path file) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (Map<String, String> r : ResultFiles.rows(file)) {
      out.add(new Entry(r.get("outcome"), r.get("parameter"), r.get("method"), r.get("index"),
          ResultFiles.number(r.get("value")), ResultFiles.number(r.get("ci_low")), ResultFiles.number(r.get("ci_high"))));
    }
    return out;
  }

  /**
   * One bar chart per outcome and method, keyed "outcome (method)": Sobol S1 and ST per parameter,
   * or Morris mu* and sigma (mu, which can be negative, is left to the table), with their 95%
   * intervals, parameters in the order of the table.
   */
  public static Map<String, JFreeChart> charts(List<Entry> entries) {
    Map<String, List<Charts.Bar>> groups = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.index().equals("mu")) continue;
      groups.computeIfAbsent(e.outcome() + " (" + e.method() + ")", k -> new ArrayList<>())
          .add(new Charts.Bar(e.parameter(), label(e.index()), e.value(), e.low(), e.high()));
    }
    Map<String, JFreeChart> out = new LinkedHashMap<>();
    for (var g : groups.entrySet()) {
      boolean sobol = g.getKey().endsWith("(sobol)");
      out.put(g.getKey(), Charts.sensitivityBars("Sensitivity of " + g.getKey(),
          sobol ? "bars: first-order (S1) and total (ST) Sobol indices; whiskers: 95% bootstrap intervals"
              : "bars: Morris mu* (mean absolute elementary effect) and sigma; whiskers: 95% bootstrap interval of mu*",
          sobol ? "share of output variance (0-1)" : "elementary effect (output units per unit of the parameter's range)",
          g.getValue()));
    }
    return out;
  }

  private static String label(String index) {
    return switch (index) {
      case "S1" -> "S1 (first order)";
      case "ST" -> "ST (total)";
      case "mu_star" -> "mu*";
      default -> index;
    };
  }
}

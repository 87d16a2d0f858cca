package org.hedgesim.analysis;

import java.util.Map;

/** What the value axis of a metric's chart says: the quantity and its unit or range. */
final class SeriesLabels {
  private static final Map<String, String> AXIS = Map.ofEntries(
      Map.entry("alignment", "alignment (-1 balancing ... +1 bandwagoning)"),
      Map.entry("dependence", "dependence (share of weighted flows, 0-1)"),
      Map.entry("threat", "threat (index, 0-1)"),
      Map.entry("utility", "utility of aligning (model units)"),
      Map.entry("fdi_stock", "investment stock (US$ bn)"),
      Map.entry("hedging_index", "hedging index (0-1, 1 = equidistant)"),
      Map.entry("autonomy", "autonomy (0-1)"),
      Map.entry("legitimacy", "legitimacy (0-1)"),
      Map.entry("nationalism", "nationalism (0-1)"),
      Map.entry("memberships", "frameworks belonged to (count)"),
      Map.entry("hhi", "Herfindahl index (0-1)"),
      Map.entry("hhi_norm", "normalised Herfindahl index (0-1)"),
      Map.entry("trust", "trust (0-1)"),
      Map.entry("exit_pressure", "exit pressure (model units)"),
      Map.entry("gdp", "GDP (US$ bn a year)"));

  private SeriesLabels() {}

  static String axis(String metric) {
    String a = AXIS.get(metric);
    if (a != null) return a;
    if (metric.endsWith("_share")) return metric.replace('_', ' ') + " (0-1)";
    return metric.replace('_', ' ');
  }
}

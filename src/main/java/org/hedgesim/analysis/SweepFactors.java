package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The swept parameters of a sweep folder read as the factors of a designed experiment: each with
 * its levels in their natural order (a list's levels as the sweep file lists them, numbers
 * ascending, months in date order) and the level every design point gives it (design.csv). A factor
 * is <em>categorical</em> when its values are words or months, or when the sweep file lists its
 * levels: a report then puts its levels on a category axis, by name, rather than on a number line
 * where "positive" or "2024-05" has no place.
 */
final class SweepFactors {

  /**
   * One swept parameter.
   *
   * @param levels the distinct values the design gives it, in their natural order
   * @param categorical shown by level name rather than on a number line
   * @param logScale a range spaced evenly in the logarithm
   */
  record Factor(String name, String path, List<String> levels, boolean categorical, boolean logScale) {
    /** The axis label: the column name and, when it differs, the scenario path. */
    String label() {
      return path.isEmpty() || path.equals(name) ? name : name + " (" + path + ")";
    }

    /** The level's value as a number (a categorical factor: NaN). */
    double number(int level) {
      return categorical ? Double.NaN : Double.parseDouble(levels.get(level));
    }
  }

  private final String kind;
  private final List<Factor> factors;
  private final List<Integer> points;
  /** [point position][factor]: the index of the point's level. */
  private final int[][] levelOf;

  private SweepFactors(String kind, List<Factor> factors, List<Integer> points, int[][] levelOf) {
    this.kind = kind;
    this.factors = factors;
    this.points = points;
    this.levelOf = levelOf;
  }

  /** The factors of a sweep's manifest ({@code sweep}) with the points of its design.csv. */
  static SweepFactors read(Path folder, JsonNode sweep) throws IOException {
    List<Map<String, String>> rows = ResultFiles.rows(ResultFiles.require(folder, "design.csv"));
    List<Factor> factors = new ArrayList<>();
    for (JsonNode p : sweep.path("parameters")) {
      String name = p.path("name").asText();
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      for (Map<String, String> r : rows) seen.add(r.getOrDefault(name, ""));
      List<String> listed = new ArrayList<>();
      p.path("levels").forEach(l -> listed.add(l.asText()));
      boolean words = seen.stream().anyMatch(v -> !isNumber(v));
      List<String> levels = new ArrayList<>(seen);
      if (!listed.isEmpty()) {
        levels.sort(Comparator.comparingInt(v -> position(listed, v)));
      } else if (words) {
        levels.sort(Comparator.naturalOrder()); // months, yyyy-MM, sort as dates
      } else {
        levels.sort(Comparator.comparingDouble(Double::parseDouble));
      }
      factors.add(new Factor(name, p.path("path").asText(), List.copyOf(levels), words || !listed.isEmpty(),
          p.path("scale").asText("linear").equals("log")));
    }
    List<Integer> points = new ArrayList<>();
    int[][] levelOf = new int[rows.size()][factors.size()];
    List<Map<String, Integer>> index = new ArrayList<>();
    for (Factor f : factors) {
      Map<String, Integer> m = new LinkedHashMap<>();
      for (int i = 0; i < f.levels().size(); i++) m.put(f.levels().get(i), i);
      index.add(m);
    }
    for (int i = 0; i < rows.size(); i++) {
      points.add(Integer.parseInt(rows.get(i).get("point")));
      for (int k = 0; k < factors.size(); k++) {
        levelOf[i][k] = index.get(k).get(rows.get(i).getOrDefault(factors.get(k).name(), ""));
      }
    }
    return new SweepFactors(sweep.path("design").path("kind").asText(), List.copyOf(factors), List.copyOf(points),
        levelOf);
  }

  /** The design kind as the manifest names it: grid, random, lhs, sobol, morris, saltelli. */
  String kind() {
    return kind;
  }

  List<Factor> factors() {
    return factors;
  }

  /** The design points' numbers, in design.csv order. */
  List<Integer> points() {
    return points;
  }

  /** The index of the level that the design point at {@code position} (in design.csv order) gives factor k. */
  int level(int position, int k) {
    return levelOf[position][k];
  }

  private static int position(List<String> listed, String v) {
    int i = listed.indexOf(v);
    if (i >= 0) return i;
    // a level written 0.30 in the sweep file and 0.3 in the results
    if (isNumber(v)) {
      for (int j = 0; j < listed.size(); j++) {
        if (isNumber(listed.get(j)) && Double.parseDouble(listed.get(j)) == Double.parseDouble(v)) return j;
      }
    }
    return listed.size();
  }

  static boolean isNumber(String v) {
    if (v == null || v.isEmpty()) return false;
    try {
      Double.parseDouble(v);
      return !v.endsWith("d") && !v.endsWith("f") && !v.endsWith("D") && !v.endsWith("F");
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

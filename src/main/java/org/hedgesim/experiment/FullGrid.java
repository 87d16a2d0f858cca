package org.hedgesim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Every combination of every parameter's values: a list of levels takes each level, a range takes
 * {@code points} evenly spaced values from its minimum to its maximum (both included; evenly spaced
 * in the logarithm on a log scale). Points are in the order of nested loops over the parameters as
 * the sweep lists them: the first parameter changes slowest, the last fastest.
 *
 * @param points values of each range (0 when the sweep has no range)
 */
public record FullGrid(int points) implements Design {

  public FullGrid {
    if (points != 0 && points < 2) throw new IllegalArgumentException("a grid needs at least 2 points per range");
  }

  @Override
  public String kind() {
    return "grid";
  }

  private int values(int cardinality) {
    return cardinality > 0 ? cardinality : points;
  }

  @Override
  public long size(int[] cardinality) {
    long n = 1;
    for (int c : cardinality) {
      n = Math.multiplyExact(n, values(c));
    }
    return n;
  }

  @Override
  public DesignPoints generate(int[] cardinality, RandomGenerator rng) {
    int k = cardinality.length;
    int n = Math.toIntExact(size(cardinality));
    double[][] units = new double[n][k];
    for (int p = 0; p < n; p++) {
      int rest = p;
      for (int j = k - 1; j >= 0; j--) {
        int m = values(cardinality[j]);
        int level = rest % m;
        rest /= m;
        // a level list maps the middle of each of its m equal slices to that level;
        // a range puts its m values on i / (m - 1)
        units[p][j] = cardinality[j] > 0 ? (level + 0.5) / m : (double) level / (m - 1);
      }
    }
    return new DesignPoints(units);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind());
    if (points > 0) m.put("points", points);
    m.put("order", "nested loops in the order of the parameters: the first changes slowest");
    return m;
  }
}

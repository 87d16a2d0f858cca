package org.hedgesim.analysis;

import java.util.List;

/**
 * The cases scenario discovery looks at: one per run (or per design point), each with its value of
 * every swept parameter and whether it is of interest.
 *
 * @param dimensions the swept parameters, in sweep order
 * @param values {@code values[d][i]}: case i's value of dimension d (a level's position for a
 *     categorical dimension); column-wise, so that peeling one dimension walks one array
 * @param interest whether each case is of interest
 * @param unit what a case is, for sentences: "runs" or "design points"
 */
public record Cases(List<Dimension> dimensions, double[][] values, boolean[] interest, String unit) {

  public Cases {
    dimensions = List.copyOf(dimensions);
    if (values.length != dimensions.size()) throw new IllegalArgumentException("one column per dimension");
    for (double[] v : values) {
      if (v.length != interest.length) throw new IllegalArgumentException("every column holds every case");
    }
  }

  public int size() {
    return interest.length;
  }

  public int ofInterest() {
    int k = 0;
    for (boolean b : interest) if (b) k++;
    return k;
  }

  /** The cases not marked in {@code drop}, in the same order (for covering: the cases left after a box). */
  public Cases without(boolean[] drop) {
    int n = 0;
    for (boolean b : drop) if (!b) n++;
    double[][] v = new double[values.length][n];
    boolean[] y = new boolean[n];
    int j = 0;
    for (int i = 0; i < interest.length; i++) {
      if (drop[i]) continue;
      for (int d = 0; d < values.length; d++) v[d][j] = values[d][i];
      y[j++] = interest[i];
    }
    return new Cases(dimensions, v, y, unit);
  }
}

package org.hedgesim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.MathArrays;

/**
 * Morris's elementary-effects design (Morris 1991; Saltelli et al. 2008, ch. 3): {@code
 * trajectories} random trajectories on a grid of {@code levels} values per parameter, {0, 1/(p-1),
 * ..., 1}. A trajectory starts at a random grid point and moves one parameter at a time, each
 * exactly once, in a random order, by the step Δ = p / (2 (p - 1)) up or down, so it has k + 1
 * points for k parameters and every point stays on the grid. With an even p, Δ is p/2 grid steps,
 * the choice that gives every level the same chance (Morris 1991).
 *
 * <p>Draws, per trajectory: the base level of each parameter (uniform in 0 .. p/2 - 1), then the
 * direction of each parameter's move (up from the base, or down to it from base + Δ), then the
 * order of the moves (Commons Math {@code MathArrays.shuffle}).
 *
 * @param trajectories r, the number of trajectories
 * @param levels p, the number of grid levels (even, at least 2)
 */
public record MorrisTrajectories(int trajectories, int levels) implements Design {

  public MorrisTrajectories {
    if (trajectories < 1) throw new IllegalArgumentException("trajectories must be at least 1");
    if (levels < 2 || levels % 2 != 0) throw new IllegalArgumentException("levels must be even and at least 2");
  }

  /** The step Δ = p / (2 (p - 1)), in unit-cube coordinates. */
  public double delta() {
    return levels / (2.0 * (levels - 1));
  }

  @Override
  public String kind() {
    return "morris";
  }

  @Override
  public long size(int[] cardinality) {
    return Math.multiplyExact((long) trajectories, cardinality.length + 1);
  }

  @Override
  public DesignPoints generate(int[] cardinality, RandomGenerator rng) {
    int k = cardinality.length;
    int n = Math.toIntExact(size(cardinality));
    double[][] units = new double[n][];
    int[] trajectory = new int[n];
    int[] moved = new int[n];
    int half = levels / 2;
    int[] level = new int[k];
    int[] direction = new int[k];
    int[] order = new int[k];
    int p = 0;
    for (int t = 0; t < trajectories; t++) {
      for (int j = 0; j < k; j++) level[j] = rng.nextInt(half);
      for (int j = 0; j < k; j++) {
        direction[j] = rng.nextBoolean() ? 1 : -1;
        if (direction[j] < 0) level[j] += half;
      }
      for (int j = 0; j < k; j++) order[j] = j;
      MathArrays.shuffle(order, rng);
      for (int step = 0; step <= k; step++) {
        if (step > 0) {
          int j = order[step - 1];
          level[j] += direction[j] * half;
        }
        double[] u = new double[k];
        for (int j = 0; j < k; j++) u[j] = (double) level[j] / (levels - 1);
        units[p] = u;
        trajectory[p] = t;
        moved[p] = step == 0 ? -1 : order[step - 1];
        p++;
      }
    }
    return new DesignPoints(units, trajectory, moved);
  }

  @Override
  public boolean sampled() {
    return true;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind());
    m.put("trajectories", trajectories);
    m.put("levels", levels);
    m.put("delta", delta());
    m.put("order", "trajectory after trajectory, k + 1 points each; design.csv names the parameter each point moved");
    return m;
  }
}

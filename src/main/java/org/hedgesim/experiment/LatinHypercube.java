package org.hedgesim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.MathArrays;

/**
 * A Latin hypercube of {@code samples} points (McKay, Beckman and Conover 1979): each parameter's
 * unit interval is cut into {@code samples} equal strata, and each stratum holds exactly one point.
 * For each parameter in turn, the generator shuffles the strata (Fisher-Yates, Commons Math
 * {@code MathArrays.shuffle}) and then draws the position of each point inside its stratum.
 */
public record LatinHypercube(int samples) implements Design {

  public LatinHypercube {
    if (samples < 1) throw new IllegalArgumentException("samples must be at least 1");
  }

  @Override
  public String kind() {
    return "lhs";
  }

  @Override
  public long size(int[] cardinality) {
    return samples;
  }

  @Override
  public DesignPoints generate(int[] cardinality, RandomGenerator rng) {
    int k = cardinality.length;
    double[][] units = new double[samples][k];
    int[] strata = new int[samples];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < samples; i++) strata[i] = i;
      MathArrays.shuffle(strata, rng);
      for (int i = 0; i < samples; i++) {
        units[i][j] = (strata[i] + rng.nextDouble()) / samples;
      }
    }
    return new DesignPoints(units);
  }

  @Override
  public boolean sampled() {
    return true;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind());
    m.put("samples", samples);
    return m;
  }
}

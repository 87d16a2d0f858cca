package org.hedgesim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code samples} points drawn independently and uniformly from the unit cube by the sampling
 * generator, point after point, each point's coordinates in the order of the parameters.
 */
public record UniformRandom(int samples) implements Design {

  public UniformRandom {
    if (samples < 1) throw new IllegalArgumentException("samples must be at least 1");
  }

  @Override
  public String kind() {
    return "random";
  }

  @Override
  public long size(int[] cardinality) {
    return samples;
  }

  @Override
  public DesignPoints generate(int[] cardinality, RandomGenerator rng) {
    double[][] units = new double[samples][cardinality.length];
    for (double[] point : units) {
      for (int j = 0; j < point.length; j++) point[j] = rng.nextDouble();
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

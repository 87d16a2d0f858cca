package org.hedgesim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The first {@code samples} points of the Sobol low-discrepancy sequence (Commons Math
 * {@code SobolSequenceGenerator}, direction numbers of Joe and Kuo 2008), after its initial point
 * at the origin, which is left out: the first points are (0.5, 0.5, ...), (0.75, 0.25, ...),
 * (0.25, 0.75, ...). Deterministic: the sampling generator is not used. The sequence's first 2^m
 * points spread evenly over every dimension (each of 2^j equal slices holds 2^(m-j) of them); with
 * the origin left out, {@code samples} = 2^m - 1 keeps that balance (Owen 2020, "On dropping the
 * first Sobol' point", argues for keeping the origin; here the design follows the published
 * tables, which start at 0.5). At most {@value #MAX_DIMENSION} parameters.
 */
public record SobolSequence(int samples) implements Design {

  /** The largest number of dimensions Commons Math's direction numbers cover. */
  public static final int MAX_DIMENSION = 1000;

  public SobolSequence {
    if (samples < 1) throw new IllegalArgumentException("samples must be at least 1");
  }

  @Override
  public String kind() {
    return "sobol";
  }

  @Override
  public long size(int[] cardinality) {
    return samples;
  }

  @Override
  public DesignPoints generate(int[] cardinality, RandomGenerator rng) {
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(cardinality.length);
    sobol.nextVector(); // the origin
    double[][] units = new double[samples][];
    for (int i = 0; i < samples; i++) units[i] = sobol.nextVector();
    return new DesignPoints(units);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind());
    m.put("samples", samples);
    m.put("sequence", "Commons Math SobolSequenceGenerator (Joe-Kuo direction numbers), initial point 0 skipped");
    return m;
  }
}

package org.hedgesim.calibration;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * What is believed about a free parameter before the data are seen. Every prior is a Commons
 * Math distribution, sampled by its inverse distribution function from a uniform coordinate, so
 * that a draw depends only on the calibration's seeded generator (and a Latin hypercube of the
 * prior is a Latin hypercube of coordinates).
 */
public sealed interface Prior permits Prior.Uniform, Prior.Beta, Prior.Normal {

  /** The distribution (built without a generator of its own: it is never sampled directly). */
  RealDistribution distribution();

  /** The prior as written, e.g. {@code uniform(0, 3)}. */
  String text();

  /** Its parameters, for the manifest. */
  Map<String, Object> describe();

  /** The value at coordinate u in (0, 1). */
  default double at(double u) {
    return distribution().inverseCumulativeProbability(u);
  }

  default double density(double x) {
    return distribution().density(x);
  }

  default double mean() {
    return distribution().getNumericalMean();
  }

  default double sd() {
    return Math.sqrt(distribution().getNumericalVariance());
  }

  /** The smallest and largest values of the prior's central 99.8%: the range a profile covers. */
  default double[] range() {
    return new double[] {at(0.001), at(0.999)};
  }

  /** Uniform between {@code low} and {@code high}. */
  record Uniform(double low, double high) implements Prior {
    @Override
    public RealDistribution distribution() {
      return new UniformRealDistribution(null, low, high);
    }

    @Override
    public String text() {
      return "uniform(" + fmt(low) + ", " + fmt(high) + ")";
    }

    @Override
    public double density(double x) {
      return x >= low && x <= high ? 1 / (high - low) : 0;
    }

    @Override
    public double[] range() {
      return new double[] {low, high};
    }

    @Override
    public Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uniform", java.util.List.of(low, high));
      return m;
    }
  }

  /** Beta with shapes {@code a} and {@code b}, on [0, 1]: for shares and propensities. */
  record Beta(double a, double b) implements Prior {
    @Override
    public RealDistribution distribution() {
      return new BetaDistribution(null, a, b);
    }

    @Override
    public String text() {
      return "beta(" + fmt(a) + ", " + fmt(b) + ")";
    }

    @Override
    public double density(double x) {
      return x < 0 || x > 1 ? 0 : distribution().density(x);
    }

    @Override
    public Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("beta", java.util.List.of(a, b));
      return m;
    }
  }

  /** Normal with the given mean and standard deviation (a nuisance parameter's usual prior). */
  record Normal(double mu, double sigma) implements Prior {
    @Override
    public RealDistribution distribution() {
      return new NormalDistribution(null, mu, sigma);
    }

    @Override
    public String text() {
      return "normal(" + fmt(mu) + ", " + fmt(sigma) + ")";
    }

    @Override
    public Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("normal", java.util.List.of(mu, sigma));
      return m;
    }
  }

  private static String fmt(double v) {
    return org.hedgesim.output.Numbers.format(v);
  }
}

package org.hedgesim.scenario;

import java.util.Arrays;

/** The values of every {@link Parameter}, indexed by ordinal. Immutable. */
public record Parameters(double[] values) {

  public Parameters {
    if (values.length != Parameter.values().length) {
      throw new IllegalArgumentException("one value per parameter expected");
    }
    values = values.clone();
  }

  public double get(Parameter p) {
    return values[p.ordinal()];
  }

  /** A copy of all values, for a model that changes them as it runs. */
  public double[] toArray() {
    return values.clone();
  }

  public Parameters with(Parameter p, double value) {
    double[] v = values.clone();
    v[p.ordinal()] = value;
    return new Parameters(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameters p && Arrays.equals(values, p.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Parameters" + Arrays.toString(values);
  }
}

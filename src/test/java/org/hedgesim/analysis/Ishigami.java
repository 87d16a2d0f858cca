package org.hedgesim.analysis;

/**
 * The Ishigami function (Ishigami and Homma 1990), the usual check of Sobol estimators:
 * {@code f(x) = sin x1 + a sin^2 x2 + b x3^4 sin x1} with the x_i uniform on [-pi, pi], here with
 * a = 7 and b = 0.1, and its indices from the closed-form partial variances. The literature quotes
 * S1 = 0.314, S2 = 0.442, S3 = 0, ST1 = 0.558, ST2 = 0.442, ST3 = 0.244.
 */
public final class Ishigami {
  public static final double A = 7;
  public static final double B = 0.1;

  private static final double PI4 = Math.pow(Math.PI, 4);
  private static final double PI8 = Math.pow(Math.PI, 8);
  /** The output variance and the partial variances V1, V2 and V13 (V3 = V12 = V23 = V123 = 0). */
  public static final double V = A * A / 8 + B * PI4 / 5 + B * B * PI8 / 18 + 0.5;
  public static final double V1 = 0.5 * Math.pow(1 + B * PI4 / 5, 2);
  public static final double V2 = A * A / 8;
  public static final double V13 = B * B * PI8 * (1.0 / 18 - 1.0 / 50);

  /** First-order indices S1, S2, S3. */
  public static final double[] FIRST = {V1 / V, V2 / V, 0};
  /** Total indices ST1, ST2, ST3. */
  public static final double[] TOTAL = {(V1 + V13) / V, V2 / V, V13 / V};

  private Ishigami() {}

  /** f at x in [-pi, pi]^3. */
  public static double f(double x1, double x2, double x3) {
    return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
  }

  /** f at a point u of the unit cube, mapped to [-pi, pi]^3. */
  public static double ofUnit(double[] u) {
    return f(-Math.PI + 2 * Math.PI * u[0], -Math.PI + 2 * Math.PI * u[1], -Math.PI + 2 * Math.PI * u[2]);
  }
}

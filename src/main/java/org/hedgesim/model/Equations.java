package org.hedgesim.model;

/**
 * The model's equations as pure functions (docs/MODEL.md, "Submodels"). The mechanisms call
 * these, and the unit tests check them against values computed by hand.
 *
 * <p>Powers and exponentials use {@link StrictMath} (fdlibm): {@link Math}'s versions may differ
 * in the last bit between machines and between the interpreter and compiled code, and a run must
 * give the same bytes everywhere.
 */
public final class Equations {

  private Equations() {}

  /** Herfindahl-Hirschman index of shares: sum of squares. */
  public static double hhi(double[] shares, int n) {
    double h = 0;
    for (int i = 0; i < n; i++) h += shares[i] * shares[i];
    return h;
  }

  /** HHI rescaled to [0,1] for n partners: (HHI - 1/n) / (1 - 1/n); 1 when n <= 1. */
  public static double normalizedHhi(double hhi, int n) {
    if (n <= 1) return 1.0;
    double floor = 1.0 / n;
    return Math.max(0.0, (hhi - floor) / (1.0 - floor));
  }

  /**
   * The power term of dyadic threat: (c_k / (c_k + c_i))^alpha, the power's capability relative
   * to the threatened state's own (0 when neither has any).
   */
  public static double relativePower(double power, double self, double alpha) {
    double sum = power + self;
    return sum > 0 ? StrictMath.pow(power / sum, alpha) : 0.0;
  }

  /**
   * Walt's dyadic threat: relative power x proximity x (1 - benignity) x (1 + grievance) / 2 x
   * (1 + salience of their disputes).
   */
  public static double threat(double relativePower, double proximity, double benignity,
      double grievance, double salience) {
    return relativePower * proximity * (1.0 - benignity) * (1.0 + grievance) / 2.0 * (1.0 + salience);
  }

  /** Vulnerability: dependence squared times distrust, d^2 (1 - mu). */
  public static double vulnerability(double dependence, double benignity) {
    return dependence * dependence * (1.0 - benignity);
  }

  /**
   * Security value of a protector k against the worst other threat j*: sigma x c_k / (c_k + c_j*)
   * x T_ij* (0 when neither has capability).
   */
  public static double securityValue(double security, double protector, double threatener,
      double worstThreat) {
    double sum = protector + threatener;
    return sum > 0 ? security * protector / sum * worstThreat : 0.0;
  }

  /** A security tie raised by security frameworks: 1 - (1 - sigma) x (1 - b), one framework at a time. */
  public static double combineSecurity(double security, double benefit) {
    return 1.0 - (1.0 - security) * (1.0 - benefit);
  }

  /** Uncertainty of the balance between two rivals: 1 - |c_k - c_l| / (c_k + c_l); 1 at parity. */
  public static double uncertainty(double ck, double cl) {
    double sum = ck + cl;
    return sum > 0 ? 1.0 - Math.abs(ck - cl) / sum : 0.0;
  }

  /**
   * Hedging pressure between two rivals: rho_kl x (1 + zeta u_kl) x riskAversion x min(R_k, R_l) /
   * mean R (0 when the state gets nothing from its ties).
   */
  public static double hedgingPressure(double rivalry, double zeta, double uncertainty,
      double riskAversion, double returnsK, double returnsL, double meanReturns) {
    if (meanReturns <= 0 || rivalry <= 0) return 0.0;
    return rivalry * (1.0 + zeta * uncertainty) * riskAversion
        * Math.max(0.0, Math.min(returnsK, returnsL)) / meanReturns;
  }

  /** Marginal value of leaning toward a pole: w_R R + w_S S - w_T T - w_V V + w_pi pi. */
  public static double marginalValue(double wR, double returns, double wS, double security,
      double wT, double threat, double wV, double vulnerability, double wPi, double predisposition) {
    return wR * returns + wS * security - wT * threat - wV * vulnerability + wPi * predisposition;
  }

  /**
   * Solves Q x = b for a symmetric positive definite Q (n x n, row-major) by Cholesky, in place:
   * {@code q} is overwritten by its factor and {@code b} by the solution. Returns false, leaving
   * b undefined, if Q is not positive definite.
   */
  public static boolean solve(double[] q, double[] b, int n) {
    for (int j = 0; j < n; j++) {
      double d = q[j * n + j];
      for (int k = 0; k < j; k++) d -= q[j * n + k] * q[j * n + k];
      if (!(d > 0)) return false;
      d = Math.sqrt(d);
      q[j * n + j] = d;
      for (int i = j + 1; i < n; i++) {
        double s = q[i * n + j];
        for (int k = 0; k < j; k++) s -= q[i * n + k] * q[j * n + k];
        q[i * n + j] = s / d;
      }
    }
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) s -= q[i * n + k] * b[k];
      b[i] = s / q[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < n; k++) s -= q[k * n + i] * b[k];
      b[i] = s / q[i * n + i];
    }
    return true;
  }

  /**
   * The maximum of the concave quadratic W(x) = x.b - x'Qx/2 within the box [-bound, bound]^n, for
   * a symmetric positive definite Q (n x n, row-major), by an active set: solve with the free
   * coordinates, hold at its bound each one that leaves the box, release each held one whose
   * gradient points back inside, until nothing changes (at most 2n + 2 rounds). The answer is
   * written to {@code b}; {@code q} is kept. {@code held} (n) and {@code work} (n^2 + n) are
   * scratch, so that the per-step call allocates nothing. Returns false if a system is not
   * positive definite.
   */
  public static boolean boxMaximum(double[] q, double[] b, int n, double bound, int[] held,
      double[] work) {
    int nn = n * n;
    System.arraycopy(b, 0, work, nn, n); // the linear terms, kept; b holds each round's answer
    for (int i = 0; i < n; i++) held[i] = 0;
    for (int round = 0; round <= 2 * n + 2; round++) {
      // the system of the free coordinates, with the held ones at their bounds: its matrix in
      // work[0, m*m), its right-hand side in b[0, m)
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (held[i] == 0) m++;
      }
      int row = 0;
      for (int i = 0; i < n; i++) {
        if (held[i] != 0) continue;
        double r = work[nn + i];
        for (int j = 0; j < n; j++) {
          if (held[j] != 0) r -= q[i * n + j] * held[j] * bound;
        }
        int col = 0;
        for (int j = 0; j < n; j++) {
          if (held[j] == 0) work[row * m + col++] = q[i * n + j];
        }
        b[row++] = r;
      }
      if (!solve(work, b, m)) return false;
      // spread the free coordinates' solution to their places, from the last (a free one never
      // moves to a lower place, so nothing is overwritten before it is read)
      for (int i = n - 1, f = m - 1; i >= 0; i--) b[i] = held[i] != 0 ? held[i] * bound : b[f--];
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        if (held[i] == 0 && Math.abs(b[i]) > bound) {
          held[i] = b[i] > 0 ? 1 : -1;
          changed = true;
        }
      }
      if (!changed) {
        for (int i = 0; i < n; i++) {
          if (held[i] == 0) continue;
          double gradient = work[nn + i];
          for (int j = 0; j < n; j++) gradient -= q[i * n + j] * b[j];
          if (gradient * held[i] < 0) {
            held[i] = 0;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    return true;
  }

  /** One step of partial adjustment with noise, clipped to the hard bound [-kappa, kappa]. */
  public static double adjust(double alignment, double target, double inertia, double noise,
      double neutrality) {
    return clip(alignment + inertia * (target - alignment) + noise, -neutrality, neutrality);
  }

  /** Good news of size delta in [0,1]: x + delta (1 - x). Never reaches 1 from below 1. */
  public static double goodNews(double x, double delta) {
    return x + delta * (1.0 - x);
  }

  /** Bad news of size delta in [0,1]: x - delta x. Never reaches 0 from above 0. */
  public static double badNews(double x, double delta) {
    return x - delta * x;
  }

  /** News of signed size: good news for a positive delta, bad news for a negative one. */
  public static double news(double x, double delta) {
    double d = clip(delta, -1.0, 1.0);
    return d >= 0 ? goodNews(x, d) : badNews(x, -d);
  }

  /**
   * Richardson's courtship at a review: e + r (v gap+ B + chi x rivals' courtship - delta e),
   * never below 0.
   */
  public static double courtship(double e, double responsiveness, double value, double gap,
      double budget, double chi, double rivalCourtship, double decay) {
    double next = e + responsiveness * (value * Math.max(0.0, gap) * budget + chi * rivalCourtship
        - decay * e);
    return Math.max(0.0, next);
  }

  /**
   * Coercion at a review: rises by r (gap - phi) up to s_max while the gap exceeds the tolerance
   * phi, is lifted (0) once the gap is below phi - hysteresis, and otherwise decays by a share.
   */
  public static double coercion(double s, double responsiveness, double gap, double tolerance,
      double hysteresis, double maxCoercion, double decay) {
    if (gap > tolerance) return Math.min(maxCoercion, s + responsiveness * (gap - tolerance));
    if (gap < tolerance - hysteresis) return 0.0;
    return s * (1.0 - decay);
  }

  /** Lean between two poles: (a_k - a_l) / 2, in [-1, 1]. */
  public static double lean(double ak, double al) {
    return (ak - al) / 2.0;
  }

  /** The logistic function 1 / (1 + e^-x). */
  public static double logistic(double x) {
    return 1.0 / (1.0 + StrictMath.exp(-x));
  }

  /**
   * Hedging index: 1 - (max alignment - min alignment) / 2; 1 with fewer than two poles.
   */
  public static double hedgingIndex(double[] alignments, int n) {
    if (n < 2) return 1.0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, alignments[i]);
      min = Math.min(min, alignments[i]);
    }
    return 1.0 - (max - min) / 2.0;
  }

  /**
   * Exit pressure on a member: nu x sovereignty_cost x (1 - trust_lead) x (1 + grievance_lead)
   * - w_R x benefit - exit_cost. Without a lead the trust and grievance factor is 1.
   */
  public static double exitPressure(double nationalism, double sovereigntyCost, double leadTrust,
      double leadGrievance, boolean hasLead, double wR, double benefit, double exitCost) {
    double resentment = hasLead ? (1.0 - leadTrust) * (1.0 + leadGrievance) : 1.0;
    return nationalism * sovereigntyCost * resentment - wR * benefit - exitCost;
  }

  /** Join attraction on a non-member: w_R x benefit - nu x sovereignty_cost x resentment. */
  public static double joinAttraction(double nationalism, double sovereigntyCost,
      double leadTrust, double leadGrievance, boolean hasLead, double wR, double benefit) {
    double resentment = hasLead ? (1.0 - leadTrust) * (1.0 + leadGrievance) : 1.0;
    return wR * benefit - nationalism * sovereigntyCost * resentment;
  }

  /**
   * Yearly change of legitimacy: lambda_g (g - g_ref) - lambda_d nu x excess dependence.
   */
  public static double legitimacyDrift(double growthWeight, double growth, double expected,
      double dependenceWeight, double nationalism, double excess) {
    return growthWeight * (growth - expected) - dependenceWeight * nationalism * Math.max(0.0, excess);
  }

  /** Capability after a power transition: c_k(0) x index_k x total(0) / sum_j c_j(0) index_j. */
  public static double transitionedCapability(double start, double index, double total0,
      double weightedTotal) {
    return weightedTotal > 0 ? start * index * total0 / weightedTotal : start;
  }

  /** Probability of at least one event in a step at a yearly rate: 1 - exp(-rate / steps). */
  public static double stepProbability(double yearlyRate, int stepsPerYear) {
    return yearlyRate > 0 ? 1.0 - StrictMath.exp(-yearlyRate / stepsPerYear) : 0.0;
  }

  /** Per-step factor of a yearly growth rate: (1 + g)^(1/stepsPerYear). */
  public static double stepGrowth(double yearlyRate, int stepsPerYear) {
    return StrictMath.pow(1.0 + yearlyRate, 1.0 / stepsPerYear);
  }

  /** Share of a gap closed in one step by relaxation with a half-life in years. */
  public static double relaxation(double halfLifeYears, int stepsPerYear) {
    if (halfLifeYears <= 0) return 1.0;
    return 1.0 - StrictMath.pow(0.5, 1.0 / (halfLifeYears * stepsPerYear));
  }

  public static double clip(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }
}

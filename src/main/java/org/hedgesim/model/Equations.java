package org.hedgesim.model;

/**
 * The model's equations as pure functions (docs/MODEL.md, section "Equations"). The phases call
 * these, and the unit tests check them against values computed by hand.
 *
 * <p>Powers and hyperbolic functions use {@link StrictMath} (fdlibm): {@link Math}'s versions may
 * differ in the last bit between machines and between the interpreter and compiled code, and a
 * run must give the same bytes everywhere.
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
   * Walt's threat: (c_k / c_max)^alpha x proximity x (1 - trust) x (1 + grievance) / 2.
   */
  public static double threat(double capability, double maxCapability, double alpha,
      double proximity, double trust, double grievance) {
    return threatOfPower(relativePower(capability, maxCapability, alpha), proximity, trust, grievance);
  }

  /** The power term of threat: (c_k / c_max)^alpha (0 when there is no capability at all). */
  public static double relativePower(double capability, double maxCapability, double alpha) {
    double relative = maxCapability > 0 ? capability / maxCapability : 0.0;
    return StrictMath.pow(relative, alpha);
  }

  /** Threat from a power term already raised to alpha (the model caches it per pole). */
  public static double threatOfPower(double power, double proximity, double trust, double grievance) {
    return power * proximity * (1.0 - trust) * (1.0 + grievance) / 2.0;
  }

  /** Dominance cost: nationalism x max(0, dependence - tolerance) x (1 + grievance). */
  public static double dominanceCost(double nationalism, double dependence, double tolerance,
      double grievance) {
    return nationalism * Math.max(0.0, dependence - tolerance) * (1.0 + grievance);
  }

  /** Utility: w_R R - w_T T - w_D D + w_S S. */
  public static double utility(double wR, double returns, double wT, double threat, double wD,
      double dominance, double wS, double security) {
    return wR * returns - wT * threat - wD * dominance + wS * security;
  }

  /** Target alignment: kappa x tanh(gamma x U). */
  public static double targetAlignment(double neutrality, double gain, double utility) {
    return neutrality * StrictMath.tanh(gain * utility);
  }

  /** One step of partial adjustment with noise, clipped to the neutrality cap [-kappa, kappa]. */
  public static double adjust(double alignment, double target, double inertia, double noise,
      double neutrality) {
    return clip(alignment + inertia * (target - alignment) + noise, -neutrality, neutrality);
  }

  /** Hedging index: 1 - (max alignment - min alignment) / 2; 1 with fewer than two poles. */
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

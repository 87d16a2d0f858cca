package org.hedgesim.model;

import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Strategy;
import org.hedgesim.scenario.Weights;

/**
 * Alignment chosen as a portfolio (docs/MODEL.md, "Decision"). A small state's target a* maximises
 * the concave utility
 *
 * <pre>W(a) = sum_k a_k m_k - 1/2 sum_k (c + nu d_k) a_k^2 - 1/2 sum_{k<l} h_kl (a_k - a_l)^2</pre>
 *
 * where m_k is the marginal value of leaning toward pole k and h_kl the hedging pressure between
 * rivals k and l: leaning toward one of two rivals, away from the other, costs more the more the
 * state gets from both, the more even their contest and the more risk-averse the state. The
 * first-order conditions are Q a = m with Q_kk = c + nu d_k + sum_l h_kl and Q_kl = -h_kl, which is
 * symmetric and strictly diagonally dominant (c > 0), hence positive definite. The target is the
 * maximum of W within the hard bounds [-kappa, kappa] ({@link Equations#boxMaximum}), not the
 * clipped unconstrained maximum, so that an alignment held at its bound does not drag the others.
 * Alignments then close a share eta of their gap to a* each step, with noise.
 */
final class PortfolioChoice {
  private int[] live = new int[0];
  private double[] q = new double[0];
  private double[] x = new double[0];
  private int[] fixed = new int[0];
  private double[] work = new double[0];

  /** The target a* of a small state from what it perceives now (the marginal values are kept). */
  void choose(HedgeWorld w, Actor a) {
    int np = w.poles.length;
    if (live.length < np) {
      live = new int[np];
      q = new double[np * np];
      x = new double[np];
      fixed = new int[np];
      work = new double[np * np + 2 * np];
    }
    int n = 0;
    for (int k = 0; k < np; k++) {
      if (w.poles[k] != a.index) live[n++] = k;
    }
    Weights wt = a.weights(w);
    double wR = w.runs(Mechanism.RETURNS) ? wt.returns() : 0;
    double wS = w.runs(Mechanism.SECURITY) ? wt.security() : 0;
    double wT = w.runs(Mechanism.THREAT) ? wt.threat() : 0;
    double wV = w.runs(Mechanism.VULNERABILITY) ? wt.vulnerability() : 0;
    double wPi = w.runs(Mechanism.PREDISPOSITION) ? w.p(Parameter.PREDISPOSITION_WEIGHT) : 0;
    for (int k = 0; k < np; k++) {
      a.marginal[k] = w.poles[k] == a.index ? 0 : Equations.marginalValue(wR, a.returns[k], wS,
          a.security[k], wT, a.threat[k], wV, a.vulnerability[k], wPi, a.predisposition[k]);
    }
    ruleTerms(w, a);
    double c = a.commitmentCost(w);
    double nu = w.runs(Mechanism.DOMINANCE) ? a.nationalism : 0;
    double rho = w.runs(Mechanism.HEDGING) ? a.riskAversion(w) : 0;
    double zeta = w.runs(Mechanism.UNCERTAINTY) ? w.p(Parameter.UNCERTAINTY_WEIGHT) : 0;
    double meanR = 0;
    for (int i = 0; i < n; i++) meanR += a.returns[live[i]];
    meanR = n > 0 ? meanR / n : 0;
    java.util.Arrays.fill(q, 0, n * n, 0.0);
    for (int i = 0; i < n; i++) {
      int k = live[i];
      q[i * n + i] += c + nu * a.dependence[k];
      x[i] = a.marginal[k];
      if (rho == 0) continue;
      Actor pk = w.actors[w.poles[k]];
      for (int j = i + 1; j < n; j++) {
        int l = live[j];
        Actor pl = w.actors[w.poles[l]];
        double rivalry = w.relations[pk.index][pl.index].rivalry;
        if (rivalry <= 0) continue;
        double h = Equations.hedgingPressure(rivalry, zeta,
            Equations.uncertainty(pk.capability, pl.capability), rho, a.returns[k], a.returns[l], meanR);
        q[i * n + i] += h;
        q[j * n + j] += h;
        q[i * n + j] = -h;
        q[j * n + i] = -h;
      }
    }
    if (!Equations.boxMaximum(q, x, n, a.neutrality, fixed, work)) {
      throw new IllegalStateException("the portfolio of " + a.id + " has no maximum (commitment cost "
          + c + " must be positive)");
    }
    for (int k = 0; k < np; k++) a.target[k] = 0;
    for (int i = 0; i < n; i++) a.target[live[i]] = x[i];
  }

  /** Each alignment closes a share eta of its gap to the target, with noise, within kappa. */
  static void move(HedgeWorld w, Actor a) {
    double sigma = w.p(Parameter.ALIGNMENT_NOISE);
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] == a.index) continue;
      a.alignment[k] = Equations.adjust(a.alignment[k], a.target[k], a.inertia, w.noise(sigma), a.neutrality);
    }
  }

  /**
   * A regime switch names a pole: a bandwagoner leans toward it by the rule weight; a balancer
   * leans away from it and toward its strongest rival.
   */
  private static void ruleTerms(HedgeWorld w, Actor a) {
    if (a.effectiveStrategy == a.strategy || a.switchPole < 0) return;
    double rule = w.p(Parameter.STRATEGY_RULE_WEIGHT);
    if (a.effectiveStrategy == Strategy.BANDWAGONER) {
      a.marginal[a.switchPole] += rule;
    } else if (a.effectiveStrategy == Strategy.BALANCER) {
      a.marginal[a.switchPole] -= rule;
      int rival = RegimeSwitch.strongestRival(w, a, a.switchPole);
      if (rival >= 0) a.marginal[rival] += rule;
    }
  }
}

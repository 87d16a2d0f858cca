package org.hedgesim.model;

import java.util.Locale;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Strategy;

/**
 * Kuik's exit from hedging (docs/MODEL.md, "Regime switch"). A hedger that allows it
 * ({@code regime_switch: true}) balances against a pole whose threat stays above theta_bal, and
 * bandwagons with a pole when the best of that pole's rivals is worth less than a floor share of
 * it; each condition must hold for the patience, and a switched state returns to hedging only once
 * the condition is undone past a hysteresis for as long. A switched state follows the profile of
 * its new strategy, and the pole it names gets the strategy rule term (see {@link PortfolioChoice}).
 */
final class RegimeSwitch {

  private RegimeSwitch() {}

  static void review(HedgeWorld w, Actor a) {
    if (!w.runs(Mechanism.REGIME_SWITCH) || !a.regimeSwitch || a.strategy != Strategy.HEDGER) return;
    int patience = Math.max(1, (int) Math.ceil(w.p(Parameter.SWITCH_PATIENCE_MONTHS) / w.monthsPerStep));
    double theta = w.p(Parameter.BALANCE_THRESHOLD);
    double floor = w.p(Parameter.BANDWAGON_FLOOR);
    double hysteresis = w.p(Parameter.SWITCH_HYSTERESIS);
    if (a.effectiveStrategy == a.strategy) {
      int pole = -1;
      Strategy kind = null;
      String why = "";
      int threat = argmax(w, a, a.threat);
      int best = argmax(w, a, a.returns);
      if (threat >= 0 && a.threat[threat] > theta) {
        pole = threat;
        kind = Strategy.BALANCER;
        if (w.logging()) why = String.format(Locale.ROOT, "threat %.3f above %.3f", a.threat[threat], theta);
      } else if (best >= 0) {
        int rival = bestRival(w, a, best);
        if (rival >= 0 && a.returns[rival] < floor * a.returns[best]) {
          pole = best;
          kind = Strategy.BANDWAGONER;
          if (w.logging()) {
            why = String.format(Locale.ROOT, "best rival's value of ties %.4f below %.2f x %.4f",
                a.returns[rival], floor, a.returns[best]);
          }
        }
      }
      if (pole < 0) {
        a.switchCount = 0;
        a.switchCandidate = -1;
        return;
      }
      int candidate = pole * 2 + (kind == Strategy.BALANCER ? 1 : 0);
      a.switchCount = candidate == a.switchCandidate ? a.switchCount + 1 : 1;
      a.switchCandidate = candidate;
      if (a.switchCount < patience) return;
      a.switchCount = 0;
      a.switchCandidate = -1;
      a.revertCount = 0;
      a.effectiveStrategy = kind;
      a.switchPole = pole;
      a.switchKind = kind;
      w.log("regime_switch", a.index, w.poles[pole], Double.NaN, "endogenous",
          "hedger -> " + kind.name().toLowerCase(Locale.ROOT) + ": " + why);
      return;
    }
    int k = a.switchPole;
    boolean undone;
    if (a.switchKind == Strategy.BALANCER) {
      undone = a.threat[k] < theta * (1.0 - hysteresis);
    } else {
      int rival = bestRival(w, a, k);
      undone = rival < 0 || a.returns[rival] > floor * (1.0 + hysteresis) * a.returns[k];
    }
    a.revertCount = undone ? a.revertCount + 1 : 0;
    if (a.revertCount < patience) return;
    String before = a.effectiveStrategy.name().toLowerCase(Locale.ROOT);
    a.effectiveStrategy = a.strategy;
    a.revertCount = 0;
    a.switchPole = -1;
    a.switchKind = null;
    w.log("regime_switch", a.index, w.poles[k], Double.NaN, "endogenous",
        before + " -> hedger: the condition is undone");
  }

  /** The pole with the largest value in {@code by}, itself excluded; -1 if none. */
  private static int argmax(HedgeWorld w, Actor a, double[] by) {
    int best = -1;
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] != a.index && (best < 0 || by[k] > by[best])) best = k;
    }
    return best;
  }

  /** Among k's rivals (rivalry above 0), the one whose ties are worth most to the state; -1 if none. */
  static int bestRival(HedgeWorld w, Actor a, int k) {
    int best = -1;
    for (int l = 0; l < w.poles.length; l++) {
      if (l == k || w.poles[l] == a.index || w.relations[w.poles[k]][w.poles[l]].rivalry <= 0) continue;
      if (best < 0 || a.returns[l] > a.returns[best]) best = l;
    }
    return best;
  }

  /** k's strongest rival by rivalry x capability; -1 if it has none. */
  static int strongestRival(HedgeWorld w, Actor a, int k) {
    int best = -1;
    double score = 0;
    for (int l = 0; l < w.poles.length; l++) {
      if (l == k || w.poles[l] == a.index) continue;
      double s = w.relations[w.poles[k]][w.poles[l]].rivalry * w.actors[w.poles[l]].capability;
      if (s > score) {
        score = s;
        best = l;
      }
    }
    return best;
  }
}

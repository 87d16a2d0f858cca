package org.hedgesim.model;

import org.hedgesim.scenario.ChannelSpec;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Strategy;
import org.hedgesim.scenario.Weights;

/**
 * Phase 3: each small state reads its world: dependence and concentration per channel, threat,
 * returns, dominance cost and security benefit toward each pole, its utility, and the alignment
 * it would choose (its target).
 */
final class Perception extends Phase {
  private static final long serialVersionUID = 1L;
  private double[] shares = new double[0];

  @Override
  void run(HedgeWorld w) {
    for (int s : w.small) perceive(w, w.actors[s]);
  }

  void perceive(HedgeWorld w, Actor a) {
    int np = w.poles.length;
    java.util.Arrays.fill(a.dependence, 0.0);
    double usedWeight = 0;
    for (int c = 0; c < w.channels.length; c++) {
      ChannelSpec ch = w.channels[c];
      int[] idx = w.dependentFlows[a.index][c];
      double total = 0;
      for (int f : idx) total += value(w.flows[f], ch);
      if (shares.length < idx.length) shares = new double[idx.length];
      java.util.Arrays.fill(a.channelShare[c], 0.0);
      if (total <= 0) {
        a.hhi[c] = 0;
        a.hhiNorm[c] = 0;
        continue;
      }
      usedWeight += ch.weight();
      int partners = 0;
      for (int f : idx) {
        Flow flow = w.flows[f];
        double share = value(flow, ch) / total;
        if (share > 0) shares[partners++] = share;
        int pole = w.actors[flow.partner].poleIndex;
        if (pole >= 0 && flow.partner != a.index) {
          a.channelShare[c][pole] += share;
          a.dependence[pole] += ch.weight() * share;
        }
      }
      a.hhi[c] = Equations.hhi(shares, partners);
      a.hhiNorm[c] = Equations.normalizedHhi(a.hhi[c], partners);
    }
    if (usedWeight > 0) {
      for (int k = 0; k < np; k++) a.dependence[k] /= usedWeight;
    }

    double[] power = w.polePower();
    if (a.sharedBenefitVersion != w.frameworkVersion) {
      for (int k = 0; k < np; k++) {
        int pk = w.poles[k];
        double shared = 0;
        for (Framework f : w.frameworks) {
          if (f.member[a.index] && f.member[pk]) shared += f.benefit;
        }
        a.sharedBenefit[k] = shared;
      }
      a.sharedBenefitVersion = w.frameworkVersion;
    }
    double beta = w.p(Parameter.FRAMEWORK_WEIGHT);
    for (int k = 0; k < np; k++) {
      int pk = w.poles[k];
      if (pk == a.index) {
        a.threat[k] = 0;
        a.returns[k] = 0;
        continue;
      }
      Relation r = w.relations[a.index][pk];
      a.threat[k] = Equations.threatOfPower(power[k], r.proximity, r.trust, r.grievance);
      a.returns[k] = a.dependence[k] + beta * a.sharedBenefit[k];
      a.dominance[k] = Equations.dominanceCost(a.nationalism, a.dependence[k], a.tolerance, r.grievance);
    }
    // the largest threat from another pole: the top threat, or the second for the top pole
    double top = 0;
    double second = 0;
    int topPole = -1;
    for (int j = 0; j < np; j++) {
      if (w.poles[j] == a.index) continue;
      double t = a.threat[j];
      if (topPole < 0 || t > top) {
        second = Math.max(second, top);
        top = t;
        topPole = j;
      } else if (t > second) {
        second = t;
      }
    }
    for (int k = 0; k < np; k++) {
      if (w.poles[k] == a.index) continue;
      double otherThreat = k == topPole ? second : top;
      a.security[k] = w.relations[a.index][w.poles[k]].security * Math.max(0, otherThreat);
    }

    Strategy effective = effectiveStrategy(w, a);
    if (effective != a.effectiveStrategy) {
      w.log("regime_switch", a.index, -1, Double.NaN, "endogenous",
          a.effectiveStrategy.name().toLowerCase(java.util.Locale.ROOT) + " -> "
              + effective.name().toLowerCase(java.util.Locale.ROOT));
      a.effectiveStrategy = effective;
    }
    Weights wt = effective == a.strategy ? a.ownWeights : w.scenario().strategies().get(effective);
    for (int k = 0; k < np; k++) {
      if (w.poles[k] == a.index) {
        a.utility[k] = 0;
        continue;
      }
      a.utility[k] = Equations.utility(wt.returns(), a.returns[k], wt.threat(), a.threat[k],
          wt.dominance(), a.dominance[k], wt.security(), a.security[k]);
    }
    applyRule(w, a, effective);
    double gain = w.p(Parameter.UTILITY_GAIN);
    for (int k = 0; k < np; k++) {
      a.target[k] = w.poles[k] == a.index ? 0
          : Equations.targetAlignment(a.neutrality, gain, a.utility[k]);
    }
  }

  private static double value(Flow f, ChannelSpec ch) {
    return ch.stock() ? f.stock : f.level;
  }

  /** Kuik's regime switch, when the actor allows it; otherwise its declared strategy. */
  private static Strategy effectiveStrategy(HedgeWorld w, Actor a) {
    if (!a.regimeSwitch || a.strategy != Strategy.HEDGER) return a.strategy;
    double threshold = w.p(Parameter.REGIME_THREAT_THRESHOLD);
    double floor = w.p(Parameter.REGIME_RETURNS_FLOOR);
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] != a.index && a.threat[k] > threshold) return Strategy.BALANCER;
    }
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] != a.index && w.actors[w.poles[k]].capability >= 0.5 * w.maxCapability
          && a.returns[k] < floor) {
        return Strategy.BANDWAGONER;
      }
    }
    return Strategy.HEDGER;
  }

  /** The extra rule of each strategy (docs/MODEL.md, strategy table). */
  private static void applyRule(HedgeWorld w, Actor a, Strategy s) {
    int np = w.poles.length;
    double rule = w.p(Parameter.STRATEGY_RULE_WEIGHT);
    switch (s) {
      case HEDGER -> {
        // diversification: dependence past the tolerance on one pole raises the others
        double weight = w.p(Parameter.HEDGER_DIVERSIFICATION);
        double totalExcess = 0;
        for (int j = 0; j < np; j++) {
          if (w.poles[j] != a.index) totalExcess += Math.max(0, a.dependence[j] - a.tolerance);
        }
        if (totalExcess > 0) {
          for (int k = 0; k < np; k++) {
            if (w.poles[k] == a.index) continue;
            double others = totalExcess - Math.max(0, a.dependence[k] - a.tolerance);
            a.utility[k] += weight * others;
          }
        }
      }
      case BANDWAGONER -> {
        // join the strongest pole that rewards: the largest capability x returns
        int best = -1;
        double bestScore = 0;
        for (int k = 0; k < np; k++) {
          if (w.poles[k] == a.index) continue;
          double score = w.actors[w.poles[k]].capability * a.returns[k];
          if (score > bestScore) {
            bestScore = score;
            best = k;
          }
        }
        if (best >= 0) a.utility[best] += rule;
      }
      case BALANCER -> {
        // against the most threatening pole, with its strongest rival
        int worst = -1;
        double worstThreat = 0;
        for (int k = 0; k < np; k++) {
          if (w.poles[k] != a.index && a.threat[k] > worstThreat) {
            worstThreat = a.threat[k];
            worst = k;
          }
        }
        if (worst >= 0) {
          a.utility[worst] -= rule;
          int rival = -1;
          double cap = -1;
          for (int k = 0; k < np; k++) {
            if (k != worst && w.poles[k] != a.index && w.actors[w.poles[k]].capability > cap) {
              cap = w.actors[w.poles[k]].capability;
              rival = k;
            }
          }
          if (rival >= 0) a.utility[rival] += rule;
        }
      }
      case NEUTRAL -> {
        // no rule: the small neutrality cap keeps positions near zero
      }
    }
  }
}

package org.hedgesim.model;

import java.util.Arrays;
import org.hedgesim.scenario.ChannelSpec;
import org.hedgesim.scenario.Parameter;

/**
 * What a small state gets from, and how much it depends on, each pole (docs/MODEL.md, "Value of
 * ties" and "Dependence"). Dependence d_ik is the weighted share of pole k in the state's
 * channels; the value of ties R_ik is k's flows over the state's GDP now (courtship left out), plus
 * shared economic frameworks, plus k's courtship as far as it is believed; vulnerability V_ik =
 * d_ik^2 (1 - mu_ik).
 */
final class Interdependence {
  private double[] shares = new double[0];

  void assess(HedgeWorld w, Actor a) {
    int np = w.poles.length;
    Arrays.fill(a.dependence, 0.0);
    Arrays.fill(a.returns, 0.0);
    double usedWeight = 0;
    double scale = a.scale();
    for (int c = 0; c < w.channels.length; c++) {
      ChannelSpec ch = w.channels[c];
      int[] idx = w.dependentFlows[a.index][c];
      double total = 0;
      double totalLevel = 0;
      for (int f : idx) {
        total += value(w.flows[f], ch);
        totalLevel += w.flows[f].level;
      }
      if (shares.length < idx.length) shares = new double[idx.length];
      Arrays.fill(a.channelShare[c], 0.0);
      Arrays.fill(a.inflowShare[c], 0.0);
      int partners = 0;
      for (int f : idx) {
        Flow flow = w.flows[f];
        int pole = w.actors[flow.partner].poleIndex;
        boolean withPole = pole >= 0 && flow.partner != a.index;
        if (withPole && scale > 0) a.returns[pole] += ch.weight() * flow.ownLevel() / scale;
        if (total <= 0) continue;
        double share = value(flow, ch) / total;
        if (share > 0) shares[partners++] = share;
        if (withPole) {
          a.channelShare[c][pole] += share;
          a.dependence[pole] += ch.weight() * share;
          if (totalLevel > 0) a.inflowShare[c][pole] += flow.level / totalLevel;
        }
      }
      if (total <= 0) {
        a.hhi[c] = 0;
        a.hhiNorm[c] = 0;
        continue;
      }
      usedWeight += ch.weight();
      a.hhi[c] = Equations.hhi(shares, partners);
      a.hhiNorm[c] = Equations.normalizedHhi(a.hhi[c], partners);
    }
    if (usedWeight > 0) {
      for (int k = 0; k < np; k++) a.dependence[k] /= usedWeight;
    }
    frameworkTies(w, a);
    double beta = w.p(Parameter.FRAMEWORK_WEIGHT);
    for (int k = 0; k < np; k++) {
      int pk = w.poles[k];
      if (pk == a.index) {
        a.returns[k] = 0;
        a.vulnerability[k] = 0;
        continue;
      }
      Relation r = w.relations[a.index][pk];
      double promised = scale > 0 ? Beliefs.credibility(w, r) * w.actors[pk].courtship[a.index] / scale : 0;
      a.returns[k] += beta * a.sharedBenefit[k] + promised;
      a.vulnerability[k] = Equations.vulnerability(a.dependence[k], r.trust);
    }
  }

  /**
   * The benefits of the economic frameworks the state shares with each pole, and its security tie
   * with each pole raised by the security frameworks that pole leads; recomputed only when
   * memberships or benefits change.
   */
  static void frameworkTies(HedgeWorld w, Actor a) {
    if (a.sharedBenefitVersion == w.frameworkVersion) return;
    for (int k = 0; k < w.poles.length; k++) {
      int pk = w.poles[k];
      double shared = 0;
      double security = pk == a.index ? 0 : w.relations[a.index][pk].security;
      for (Framework f : w.frameworks) {
        if (!f.member[a.index] || !f.member[pk]) continue;
        if (f.isSecurity()) {
          if (f.lead == pk) security = Equations.combineSecurity(security, f.benefit);
        } else {
          shared += f.benefit;
        }
      }
      a.sharedBenefit[k] = shared;
      a.securityTie[k] = security;
    }
    a.sharedBenefitVersion = w.frameworkVersion;
  }

  private static double value(Flow f, ChannelSpec ch) {
    return ch.stock() ? f.stock : f.level;
  }
}

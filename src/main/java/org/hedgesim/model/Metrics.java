package org.hedgesim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome metrics of docs/MODEL.md ("Metrics"): which series exist in a world, and how to read
 * each one now. Each series is a key and a probe; the order is fixed when the world is built. An
 * observer that reads only a few series gets only those computed.
 */
final class Metrics {
  /** Reads one series' value now. */
  @FunctionalInterface
  private interface Probe {
    double value();
  }

  private final HedgeWorld w;
  private final List<SeriesKey> keys = new ArrayList<>();
  private final List<Probe> probes = new ArrayList<>();
  private final double[] values;
  private final double[] scratch;
  /** indices of the series to compute; all of them unless an observer asked for fewer */
  private int[] wanted;

  Metrics(HedgeWorld w) {
    this.w = w;
    double o0 = w.scenario().observables().voteIntercept();
    double o1 = w.scenario().observables().voteSlope();
    for (int s : w.small) {
      Actor a = w.actors[s];
      for (int k = 0; k < w.poles.length; k++) {
        int pk = w.poles[k];
        if (pk == s) continue;
        String pole = w.actors[pk].id;
        int pi = k;
        add("alignment", a.id, pole, () -> a.alignment[pi]);
        add("dependence", a.id, pole, () -> a.dependence[pi]);
        add("returns", a.id, pole, () -> a.returns[pi]);
        add("threat", a.id, pole, () -> a.threat[pi]);
        add("security_value", a.id, pole, () -> a.security[pi]);
        add("vulnerability", a.id, pole, () -> a.vulnerability[pi]);
        add("marginal_value", a.id, pole, () -> a.marginal[pi]);
        add("fdi_stock", a.id, pole, () -> fdiStock(pk, s));
        for (int c = 0; c < w.channels.length; c++) {
          int ci = c;
          add(w.channels[c].kind() + "_share", a.id, pole, () -> a.channelShare[ci][pi]);
          if (w.channels[c].stock()) {
            add(w.channels[c].kind() + "_inflow_share", a.id, pole, () -> a.inflowShare[ci][pi]);
          }
        }
        Relation r = w.relations[s][pk];
        add("credibility", a.id, pole, () -> r.credibility);
      }
      for (int k = 0; k < w.poles.length; k++) {
        for (int l = k + 1; l < w.poles.length; l++) {
          if (w.poles[k] == s || w.poles[l] == s) continue;
          int ki = k;
          int li = l;
          String pair = w.actors[w.poles[k]].id + "|" + w.actors[w.poles[l]].id;
          add("lean", a.id, pair, () -> Equations.lean(a.alignment[ki], a.alignment[li]));
          add("vote_position", a.id, pair,
              () -> Equations.logistic(o0 + o1 * Equations.lean(a.alignment[ki], a.alignment[li])));
        }
      }
      add("hedging_index", a.id, "", () -> hedgingIndex(a, s));
      add("autonomy", a.id, "", () -> autonomy(a, s));
      add("legitimacy", a.id, "", () -> a.legitimacy);
      add("nationalism", a.id, "", () -> a.nationalism);
      add("growth_expectation", a.id, "", () -> a.growthTarget);
      add("memberships", a.id, "", () -> memberships(s));
      for (int c = 0; c < w.channels.length; c++) {
        int ci = c;
        add("hhi", a.id, w.channels[c].kind(), () -> a.hhi[ci]);
        add("hhi_norm", a.id, w.channels[c].kind(), () -> a.hhiNorm[ci]);
      }
      for (int j = 0; j < w.actors.length; j++) {
        if (j == s) continue;
        Relation r = w.relations[s][j];
        add("trust", a.id, w.actors[j].id, () -> r.trust);
      }
      for (Framework f : w.frameworks) {
        if (f.lead != s) add("exit_pressure", a.id, f.id, () -> a.pressure[f.index]);
      }
      for (Dispute d : w.disputesOf[s]) add("salience", a.id, d.id, () -> d.salience);
    }
    for (int pk : w.poles) {
      Actor pole = w.actors[pk];
      add("capability", pole.id, "", () -> pole.capability);
      for (int s : w.small) {
        if (s == pk) continue;
        int si = s;
        add("courtship", pole.id, w.actors[s].id, () -> pole.courtship[si]);
        add("coercion", pole.id, w.actors[s].id, () -> pole.sanctionOn[si]);
      }
    }
    for (Actor a : w.actors) {
      if (a.startGdpPositive) add("gdp", a.id, "", () -> a.gdp);
    }
    values = new double[keys.size()];
    scratch = new double[w.poles.length];
    wanted = new int[keys.size()];
    for (int i = 0; i < wanted.length; i++) wanted[i] = i;
  }

  private void add(String metric, String actor, String target, Probe probe) {
    keys.add(new SeriesKey(metric, actor, target));
    probes.add(probe);
  }

  List<SeriesKey> keys() {
    return List.copyOf(keys);
  }

  /** Limits computing to the series marked true (null: all). Values of the others stay 0. */
  void only(boolean[] needed) {
    if (needed == null) return;
    int n = 0;
    for (boolean b : needed) {
      if (b) n++;
    }
    wanted = new int[n];
    for (int i = 0, j = 0; i < needed.length; i++) {
      if (needed[i]) wanted[j++] = i;
    }
  }

  /** The values of the wanted series now, in key order (the array is reused). */
  double[] compute() {
    for (int i : wanted) values[i] = probes.get(i).value();
    return values;
  }

  private double hedgingIndex(Actor a, int s) {
    int n = 0;
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] != s) scratch[n++] = a.alignment[k];
    }
    return Equations.hedgingIndex(scratch, n);
  }

  private double autonomy(Actor a, int s) {
    double maxDependence = 0;
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] != s) maxDependence = Math.max(maxDependence, a.dependence[k]);
    }
    return 1.0 - maxDependence;
  }

  private int memberships(int s) {
    int n = 0;
    for (Framework f : w.frameworks) {
      if (f.member[s]) n++;
    }
    return n;
  }

  /** Investment stock from {@code investor} in {@code host}, summed over stock channels. */
  private double fdiStock(int investor, int host) {
    double sum = 0;
    for (int c = 0; c < w.channels.length; c++) {
      if (!w.channels[c].stock() || !w.channels[c].dependentIsRecipient()) continue;
      for (int f : w.dependentFlows[host][c]) {
        if (w.flows[f].partner == investor) sum += w.flows[f].stock;
      }
    }
    return sum;
  }
}

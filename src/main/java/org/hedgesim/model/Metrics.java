package org.hedgesim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome metrics of docs/MODEL.md ("Metrics"): which series exist in a world, and their values
 * at the current step. The order of the series is fixed when the world is built.
 */
final class Metrics {
  private final HedgeWorld w;
  private final List<SeriesKey> keys = new ArrayList<>();
  private final double[] values;
  private final double[] scratch;

  Metrics(HedgeWorld w) {
    this.w = w;
    for (int s : w.small) {
      Actor a = w.actors[s];
      for (int k = 0; k < w.poles.length; k++) {
        if (w.poles[k] == s) continue;
        String pole = w.actors[w.poles[k]].id;
        keys.add(new SeriesKey("alignment", a.id, pole));
        keys.add(new SeriesKey("dependence", a.id, pole));
        keys.add(new SeriesKey("threat", a.id, pole));
        keys.add(new SeriesKey("utility", a.id, pole));
        keys.add(new SeriesKey("fdi_stock", a.id, pole));
        for (int c = 0; c < w.channels.length; c++) {
          keys.add(new SeriesKey(w.channels[c].kind() + "_share", a.id, pole));
        }
      }
      keys.add(new SeriesKey("hedging_index", a.id, ""));
      keys.add(new SeriesKey("autonomy", a.id, ""));
      keys.add(new SeriesKey("legitimacy", a.id, ""));
      keys.add(new SeriesKey("nationalism", a.id, ""));
      keys.add(new SeriesKey("memberships", a.id, ""));
      for (int c = 0; c < w.channels.length; c++) {
        keys.add(new SeriesKey("hhi", a.id, w.channels[c].kind()));
        keys.add(new SeriesKey("hhi_norm", a.id, w.channels[c].kind()));
      }
      for (int j = 0; j < w.actors.length; j++) {
        if (j != s) keys.add(new SeriesKey("trust", a.id, w.actors[j].id));
      }
      for (Framework f : w.frameworks) {
        if (f.lead != s) keys.add(new SeriesKey("exit_pressure", a.id, f.id));
      }
    }
    for (Actor a : w.actors) {
      if (a.gdp > 0) keys.add(new SeriesKey("gdp", a.id, ""));
    }
    values = new double[keys.size()];
    scratch = new double[w.poles.length];
  }

  List<SeriesKey> keys() {
    return List.copyOf(keys);
  }

  /** The values of every series now, in key order (the array is reused). */
  double[] compute() {
    int i = 0;
    for (int s : w.small) {
      Actor a = w.actors[s];
      for (int k = 0; k < w.poles.length; k++) {
        int pk = w.poles[k];
        if (pk == s) continue;
        values[i++] = a.alignment[k];
        values[i++] = a.dependence[k];
        values[i++] = a.threat[k];
        values[i++] = a.utility[k];
        values[i++] = fdiStock(pk, s);
        for (int c = 0; c < w.channels.length; c++) values[i++] = a.channelShare[c][k];
      }
      values[i++] = hedgingIndex(a, s);
      double maxDependence = 0;
      for (int k = 0; k < w.poles.length; k++) {
        if (w.poles[k] != s) maxDependence = Math.max(maxDependence, a.dependence[k]);
      }
      values[i++] = 1.0 - maxDependence;
      values[i++] = a.legitimacy;
      values[i++] = a.nationalism;
      int memberships = 0;
      for (Framework f : w.frameworks) {
        if (f.member[s]) memberships++;
      }
      values[i++] = memberships;
      for (int c = 0; c < w.channels.length; c++) {
        values[i++] = a.hhi[c];
        values[i++] = a.hhiNorm[c];
      }
      for (int j = 0; j < w.actors.length; j++) {
        if (j != s) values[i++] = w.relations[s][j].trust;
      }
      for (Framework f : w.frameworks) {
        if (f.lead != s) values[i++] = a.pressure[f.index];
      }
    }
    for (Actor a : w.actors) {
      if (a.startGdpPositive) values[i++] = a.gdp;
    }
    return values;
  }

  private double hedgingIndex(Actor a, int s) {
    int n = 0;
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] != s) scratch[n++] = a.alignment[k];
    }
    return Equations.hedgingIndex(scratch, n);
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

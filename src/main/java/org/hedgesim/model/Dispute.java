package org.hedgesim.model;

import org.hedgesim.scenario.DisputeSpec;

/** A territorial or maritime dispute during a run: its salience moves with incidents and relaxes. */
public final class Dispute {
  final int index;
  final String id;
  final int state;
  final int power;
  final double baseSalience;
  final double rate;
  final double severity;
  double salience;

  Dispute(int index, DisputeSpec spec, int state, int power) {
    this.index = index;
    this.id = spec.id();
    this.state = state;
    this.power = power;
    this.baseSalience = spec.salience();
    this.salience = spec.salience();
    this.rate = spec.rate();
    this.severity = spec.severity();
  }

  public String getId() {
    return id;
  }

  public double getSalience() {
    return salience;
  }
}

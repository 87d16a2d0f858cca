package org.hedgesim.model;

import org.hedgesim.scenario.FrameworkKind;
import org.hedgesim.scenario.FrameworkSpec;

/** A multilateral arrangement during a run: who is in it, who has left it. */
public final class Framework {
  final int index;
  final String id;
  final int lead;
  final FrameworkKind kind;
  double benefit;
  double sovereigntyCost;
  double exitCost;
  boolean open;
  final boolean[] member;
  final boolean[] former;

  Framework(int index, FrameworkSpec spec, int lead, int actors) {
    this.index = index;
    this.id = spec.id();
    this.lead = lead;
    this.kind = spec.kind();
    this.benefit = spec.benefit();
    this.sovereigntyCost = spec.sovereigntyCost();
    this.exitCost = spec.exitCost();
    this.open = spec.open();
    this.member = new boolean[actors];
    this.former = new boolean[actors];
  }

  public String getId() {
    return id;
  }

  public boolean isMember(int actor) {
    return member[actor];
  }

  public int lead() {
    return lead;
  }

  public double getBenefit() {
    return benefit;
  }

  boolean isSecurity() {
    return kind == FrameworkKind.SECURITY;
  }
}

package org.hedgesim.model;

import org.hedgesim.scenario.RelationSpec;

/**
 * The tie between two actors during a run; the same object serves both directions. Trust (a small
 * state's perceived benignity mu of the other) and credibility q are beliefs: they move by news,
 * with diminishing returns, and never reach 0 or 1. Rivalry is read between two poles.
 */
public final class Relation {
  double trust;
  /** the level trust relaxes toward */
  double baseTrust;
  double credibility;
  double grievance;
  double proximity;
  double security;
  double rivalry;
  /** whether trust may differ from its base (only such ties need relaxing each step) */
  boolean unsettled;

  Relation(RelationSpec spec) {
    this.trust = spec.trust();
    this.baseTrust = spec.trust();
    this.credibility = spec.credibility();
    this.grievance = spec.grievance();
    this.proximity = spec.proximity();
    this.security = spec.security();
    this.rivalry = spec.rivalry();
  }

  public double getTrust() {
    return trust;
  }

  public double getCredibility() {
    return credibility;
  }

  public double getGrievance() {
    return grievance;
  }

  public double getProximity() {
    return proximity;
  }

  public double getSecurity() {
    return security;
  }

  public double getRivalry() {
    return rivalry;
  }
}

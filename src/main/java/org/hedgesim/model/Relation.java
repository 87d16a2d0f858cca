package org.hedgesim.model;

import org.hedgesim.scenario.RelationSpec;

/** The tie between two actors during a run; the same object serves both directions. */
public final class Relation {
  double trust;
  /** the level trust relaxes toward */
  double baseTrust;
  double grievance;
  double proximity;
  double security;
  /** whether trust may differ from its base (only such ties need relaxing each step) */
  boolean unsettled;

  Relation(RelationSpec spec) {
    this.trust = spec.trust();
    this.baseTrust = spec.trust();
    this.grievance = spec.grievance();
    this.proximity = spec.proximity();
    this.security = spec.security();
  }

  public double getTrust() {
    return trust;
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
}

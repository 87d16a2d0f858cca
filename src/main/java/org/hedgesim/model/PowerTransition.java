package org.hedgesim.model;

import org.hedgesim.scenario.Mechanism;

/**
 * Capabilities follow relative GDP (docs/MODEL.md, "Power transition"): each actor's GDP index
 * grows at its effective growth, and c_k(t) = c_k(0) x index_k x total(0) / sum_j c_j(0) index_j,
 * so the world's total capability stays as it started and shares move with relative growth.
 */
final class PowerTransition {

  private PowerTransition() {}

  static void step(HedgeWorld w) {
    if (!w.runs(Mechanism.POWER_TRANSITION)) return;
    double weighted = 0;
    for (Actor a : w.actors) {
      a.growthIndex *= w.growthFactor[a.index];
      weighted += a.startCapability * a.growthIndex;
    }
    for (Actor a : w.actors) {
      a.capability = Equations.transitionedCapability(a.startCapability, a.growthIndex,
          w.startCapabilityTotal, weighted);
    }
  }
}

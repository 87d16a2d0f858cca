package org.hedgesim.model;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One of the phases of a step (docs/MODEL.md, "Time and scheduling"). On MASON's schedule a phase
 * is a steppable at its ordering; {@link HedgeWorld#runWithoutSchedule()} calls the same
 * {@link #run} directly, in the same order.
 */
abstract class Phase implements Steppable {
  private static final long serialVersionUID = 1L;

  @Override
  public void step(SimState state) {
    HedgeWorld w = (HedgeWorld) state;
    w.syncStep();
    run(w);
  }

  /** The work of the phase at the world's current step. */
  abstract void run(HedgeWorld w);
}

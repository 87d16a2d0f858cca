package org.hedgesim.model;

import sim.engine.SimState;
import sim.engine.Steppable;

/** Phase 6: the metrics of this step go to the run's observer. */
final class Record implements Steppable {
  private static final long serialVersionUID = 1L;

  @Override
  public void step(SimState state) {
    HedgeWorld w = (HedgeWorld) state;
    w.syncStep();
    RunObserver observer = w.observer();
    if (observer == null) return;
    observer.onStep(w.stepNumber, w.metrics().compute());
  }
}

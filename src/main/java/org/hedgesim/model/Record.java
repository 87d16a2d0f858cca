package org.hedgesim.model;


/** Phase 6: the metrics of this step go to the run's observer. */
final class Record extends Phase {
  private static final long serialVersionUID = 1L;

  @Override
  void run(HedgeWorld w) {
    RunObserver observer = w.observer();
    if (observer == null) return;
    observer.onStep(w.stepNumber, w.metrics().compute());
  }
}

package org.hedgesim.model;

import java.util.List;

/** Receives what a run produces: the values of every series each step, and each event. */
public interface RunObserver {

  /** Called once the world is built, with the series each step will report, in order. */
  default void onStart(List<SeriesKey> series) {}

  /** Called at the end of each step; {@code values} follow the series order and are reused. */
  void onStep(int step, double[] values);

  void onEvent(EventRecord event);

  /**
   * Which of the series this observer reads (by index, as given to {@link #onStart}); the model
   * may skip computing the others, whose values are then meaningless. Null (the default): all.
   */
  default boolean[] needs(List<SeriesKey> series) {
    return null;
  }

  /** Whether this observer reads events; when it does not, the model does not describe them. */
  default boolean needsEvents() {
    return true;
  }
}

package org.hedgesim.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One outcome a sweep collects from each run: a series of the model reduced to one number (its
 * final value, its mean over the run, its minimum or maximum), or an event of the run's log
 * reduced to the step of its first occurrence, whether it occurred, or how many times.
 *
 * @param name the column name in the results
 * @param metric a series metric ({@code alignment}, {@code hedging_index}, ...) or an event kind
 *     ({@code exit}, {@code sanction}, ...)
 * @param actor the series' actor; for an event, the actor it must name, or "" for any
 * @param target the series' target ("" for a series without one); for an event, the target it must
 *     name, or "" for any
 * @param window the steps the reduction looks at (the whole run unless the sweep file gives
 *     {@code from:} or {@code until:})
 */
public record OutcomeSpec(String name, String metric, String actor, String target, Reducer reducer,
    Window window) {

  /** An outcome over the whole run. */
  public OutcomeSpec(String name, String metric, String actor, String target, Reducer reducer) {
    this(name, metric, actor, target, reducer, Window.WHOLE_RUN);
  }

  /**
   * The steps an outcome is reduced over, both ends included, with the months the sweep file
   * wrote ({@code null} for an open end). {@code final} is then the value at the window's last
   * step, {@code mean}, {@code min} and {@code max} are over its steps, and an event counts only
   * when it happens inside it ({@code first_step} stays a step of the run).
   */
  public record Window(int fromStep, int untilStep, String from, String until) {
    public static final Window WHOLE_RUN = new Window(0, Integer.MAX_VALUE, null, null);

    public boolean contains(int step) {
      return step >= fromStep && step <= untilStep;
    }

    public boolean isWholeRun() {
      return from == null && until == null;
    }
  }

  /** How a run is reduced to one number. */
  public enum Reducer {
    /** the series' value at the last step */
    FINAL(false),
    /** the series' mean over all steps */
    MEAN(false),
    /** the series' smallest value */
    MIN(false),
    /** the series' largest value */
    MAX(false),
    /** the step of the event's first occurrence; empty when it never occurs */
    FIRST_STEP(true),
    /** 1 when the event occurs, 0 when not: its mean over runs is a probability */
    OCCURRED(true),
    /** how many times the event occurs */
    COUNT(true);

    private final boolean forEvents;

    Reducer(boolean forEvents) {
      this.forEvents = forEvents;
    }

    public boolean forEvents() {
      return forEvents;
    }

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The kinds of event the model writes to a run's log (events.csv), which event outcomes can
   * count. A test checks that the shipped scenarios log no other kind.
   */
  public static final List<String> EVENT_KINDS = List.of("exit", "join", "sanction",
      "lift_sanction", "offer", "visit", "aid", "approach", "shock", "relation", "set", "reroute",
      "trade_agreement", "project_start", "project_delay", "project_complete", "regime_switch",
      "incident", "leader", "skipped");

  public boolean isEvent() {
    return reducer.forEvents();
  }

  /** Whether an event of the log counts for this outcome. */
  public boolean matches(String kind, String eventActor, String eventTarget) {
    return metric.equals(kind) && (actor.isEmpty() || actor.equals(eventActor))
        && (target.isEmpty() || target.equals(eventTarget));
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put(isEvent() ? "event" : "metric", metric);
    m.put("actor", actor);
    m.put("target", target);
    m.put("reduce", reducer.word());
    if (window.from() != null) m.put("from", window.from());
    if (window.until() != null) m.put("until", window.until());
    return m;
  }
}

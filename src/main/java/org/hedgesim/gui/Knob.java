package org.hedgesim.gui;

import java.util.Locale;
import org.hedgesim.scenario.Scenario;
import sim.util.Interval;

/**
 * One value of the scenario that a class may change between runs: a number with a range (a
 * slider), a choice (a pop-up menu) or a switch (a check box). It holds the value chosen; the
 * scenario of the next run is the base scenario with every changed knob applied to it. Setting a
 * value out of range, or of the wrong kind, is ignored, as MASON's own setters do.
 */
final class Knob {
  /** What kind of control a knob is. */
  enum Kind { NUMBER, CHOICE, SWITCH }

  /** How a knob's value changes a scenario. */
  @FunctionalInterface
  interface Effect {
    Scenario apply(Scenario scenario, Knob knob);
  }

  final String group;
  final String name;
  final String description;
  final Kind kind;
  final double min;
  final double max;
  private final String[] choices;
  private final Object initial;
  private final Effect effect;
  private Object value;

  private Knob(String group, String name, String description, Kind kind, double min, double max,
      String[] choices, Object initial, Effect effect) {
    this.group = group;
    this.name = name;
    this.description = description;
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.choices = choices;
    this.initial = initial;
    this.value = initial;
    this.effect = effect;
  }

  /** A number between {@code min} and {@code max}; the range widens to take in the initial value. */
  static Knob number(String group, String name, String description, double initial, double min,
      double max, Effect effect) {
    return new Knob(group, name, description, Kind.NUMBER, Math.min(min, initial),
        Math.max(max, initial), null, initial, effect);
  }

  /** One of {@code choices}; the value is the index of the choice. */
  static Knob choice(String group, String name, String description, String[] choices, int initial,
      Effect effect) {
    return new Knob(group, name, description, Kind.CHOICE, 0, choices.length - 1, choices.clone(),
        initial, effect);
  }

  static Knob toggle(String group, String name, String description, boolean initial, Effect effect) {
    return new Knob(group, name, description, Kind.SWITCH, 0, 1, null, initial, effect);
  }

  synchronized Object value() {
    return value;
  }

  /** Sets the value if it is of the right kind and in range; returns whether it was taken. */
  synchronized boolean set(Object v) {
    switch (kind) {
      case NUMBER -> {
        if (!(v instanceof Number n)) return false;
        double d = n.doubleValue();
        if (Double.isNaN(d) || d < min || d > max) return false;
        value = d;
      }
      case CHOICE -> {
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) return false;
        int i = n.intValue();
        if (i < 0 || i >= choices.length) return false;
        value = i;
      }
      case SWITCH -> {
        if (!(v instanceof Boolean b)) return false;
        value = b;
      }
    }
    return true;
  }

  /** Back to the scenario's value. */
  synchronized void reset() {
    value = initial;
  }

  synchronized boolean changed() {
    return !value.equals(initial);
  }

  double number() {
    return (Double) value();
  }

  int choice() {
    return (Integer) value();
  }

  String chosen() {
    return choices[choice()];
  }

  boolean on() {
    return (Boolean) value();
  }

  /** The scenario with this knob's value applied, or the scenario itself when it is unchanged. */
  Scenario apply(Scenario s) {
    return effect == null || !changed() ? s : effect.apply(s, this);
  }

  /** The Java type MASON's inspector shows this knob as. */
  Class<?> type() {
    return switch (kind) {
      case NUMBER -> double.class;
      case CHOICE -> int.class;
      case SWITCH -> boolean.class;
    };
  }

  /** MASON's domain: an {@link Interval} gives a slider, an array of names a pop-up menu. */
  Object domain() {
    return switch (kind) {
      case NUMBER -> new Interval(min, max);
      case CHOICE -> choices.clone();
      default -> null;
    };
  }

  /** The tooltip: what the value means and what the scenario says. */
  String tooltip() {
    String scenarioValue = switch (kind) {
      case NUMBER -> String.format(Locale.ROOT, "%.4g", (Double) initial);
      case CHOICE -> choices[(Integer) initial];
      case SWITCH -> (Boolean) initial ? "on" : "off";
    };
    return "<html>" + description + "<br>Scenario: " + scenarioValue
        + (effect == null ? "" : ". A change applies at the next Play.") + "</html>";
  }
}

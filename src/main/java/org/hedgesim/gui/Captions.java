package org.hedgesim.gui;

import java.util.Locale;
import java.util.Set;
import org.hedgesim.model.EventRecord;

/**
 * Turns the model's events into the one-line captions shown on the map as they happen, such as
 * "2024-09: A leaves F". The words come from the event kinds of docs/MODEL.md; the names come from
 * the event itself.
 */
final class Captions {
  /** Kinds that change who belongs where or who punishes whom: shown longer and in bold. */
  private static final Set<String> MAJOR = Set.of("exit", "join", "sanction", "lift_sanction",
      "project_start", "project_complete", "project_delay", "approach", "regime_switch", "shock",
      "trade_agreement", "reroute", "set");

  private Captions() {}

  static boolean isMajor(EventRecord e) {
    return MAJOR.contains(e.kind());
  }

  /** Whether the event is worth a caption at all (events that did nothing are not). */
  static boolean isShown(EventRecord e) {
    return !e.kind().equals("skipped");
  }

  /** "YYYY-MM: what happened". */
  static String caption(EventRecord e) {
    return e.date() + ": " + text(e);
  }

  static String text(EventRecord e) {
    String a = e.actor();
    String t = e.target();
    String d = e.detail();
    double v = e.value();
    return switch (e.kind()) {
      case "exit" -> a + " leaves " + t;
      case "join" -> a + " joins " + t;
      case "sanction" -> a + (e.origin().equals("endogenous") ? " coerces " : " sanctions ") + t
          + percent(" (cuts ", v, " of trade and aid)");
      case "lift_sanction" -> a + " lifts its sanction on " + t;
      case "offer" -> a + (d.startsWith("not delivered") ? " fails to deliver to " : " courts ") + t
          + String.format(Locale.ROOT, " (US$%.2f bn a year)", v);
      case "incident" -> a + "-" + t + " incident: " + d;
      case "leader" -> a + ": new government, " + d;
      case "visit" -> a + " visits " + t + (d.isEmpty() ? "" : " (" + d.replace('_', ' ') + ")");
      case "aid" -> a + " gives " + t + String.format(Locale.ROOT, " US$%.2f bn of aid", v)
          + (d.isEmpty() ? "" : " (" + d + ")");
      case "approach" -> a + " changes its approach: " + d;
      case "regime_switch" -> a + " switches strategy: " + d;
      case "shock" -> a + ": " + d;
      case "set" -> "set " + d;
      case "reroute" -> a + ": " + d;
      case "relation" -> a + "-" + t + " relation: " + d.replaceAll("\\s*\\w+ [+-]0\\.000", "").strip();
      case "trade_agreement" -> "trade agreement " + a + percent(" (exports +", v, ")");
      case "project_start" -> a + ": " + d + " starts, financed by " + t;
      case "project_complete" -> a + ": " + d + " completed";
      case "project_delay" -> a + ": " + d;
      default -> (e.kind() + " " + a + " " + t + " " + d).strip();
    };
  }

  private static String percent(String before, double v, String after) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%s%.0f%%%s", before, 100 * v, after);
  }
}

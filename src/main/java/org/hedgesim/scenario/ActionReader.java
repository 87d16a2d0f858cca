package org.hedgesim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hedgesim.scenario.MapReader.Range;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;

/** Reads the action of an event or of a project effect: the one key that names its kind. */
final class ActionReader {

  /** Every action kind, as written in a file. */
  static final List<String> KINDS = List.of("exit", "join", "project", "sanction", "lift_sanction",
      "trade_agreement", "visit", "aid", "approach", "shock", "set", "reroute", "relation", "incident",
      "leader");

  private final List<Problem> problems;
  private final References refs;

  ActionReader(List<Problem> problems, References refs) {
    this.problems = problems;
    this.refs = refs;
  }

  /**
   * Finds the action key in an entry whose other keys are {@code otherKeys}; reads it; null (with
   * a problem recorded) when there is none or more than one.
   */
  Action read(MapReader entry, Set<String> otherKeys) {
    List<String> present = new ArrayList<>();
    for (String key : entry.map().entries().keySet()) {
      if (KINDS.contains(key)) present.add(key);
    }
    if (present.isEmpty()) {
      String unknown = entry.map().entries().keySet().stream()
          .filter(k -> !otherKeys.contains(k)).findFirst().orElse(null);
      if (unknown == null) {
        entry.problem(null, "", "no action: expected one of " + String.join(", ", KINDS));
      }
      // an unknown key will be reported by finish(), with a suggestion among the kinds
      return null;
    }
    if (present.size() > 1) {
      entry.problem(entry.map().get(present.get(1)), present.get(1),
          "one action per entry, found " + String.join(" and ", present)
              + "; write each action as its own entry");
      present.forEach(entry::node);
      return null;
    }
    String kind = present.get(0);
    YMap body = entry.submap(kind, true);
    if (body == null) return null;
    MapReader r = new MapReader(body, entry.pathOf(kind), problems);
    Action a = switch (kind) {
      case "exit" -> new Action.Exit(refs.actor(r, "actor"), refs.framework(r, "framework"));
      case "join" -> new Action.Join(refs.actor(r, "actor"), refs.framework(r, "framework"));
      case "project" -> new Action.StartProject(refs.project(r, "id"));
      case "sanction" -> new Action.Sanction(refs.actor(r, "from"), other(r, "to", "from"),
          r.number("severity", Range.SHARE));
      case "lift_sanction" -> new Action.LiftSanction(refs.actor(r, "from"), other(r, "to", "from"));
      case "trade_agreement" -> new Action.TradeAgreement(parties(r),
          r.number("export_boost", Range.NON_NEGATIVE));
      case "visit" -> new Action.Visit(refs.actor(r, "from"), other(r, "to", "from"),
          r.choice("level", VisitLevel.class));
      case "aid" -> new Action.Aid(refs.actor(r, "from"), other(r, "to", "from"),
          r.number("amount", Range.NON_NEGATIVE), r.optText("kind"));
      case "approach" -> new Action.ApproachChange(pole(r, "actor", "an approach is how a pole"
          + " treats small states"), r.choice("approach", Approach.class));
      case "shock" -> new Action.Shock(refs.actor(r, "actor"), r.number("growth", Range.ANY),
          r.integer("months", 1, 1200));
      case "set" -> readSet(r);
      case "reroute" -> new Action.Reroute(refs.actor(r, "actor"), refs.channel(r, "kind"),
          refs.actor(r, "from_partner"), other(r, "to_partner", "from_partner"),
          r.number("share", Range.SHARE));
      case "relation" -> readRelationChange(r);
      case "incident" -> readIncident(r);
      case "leader" -> readLeader(r);
      default -> throw new IllegalStateException(kind);
    };
    r.finish();
    return a;
  }

  /** Reads an actor reference that must be a pole; {@code why} opens the message if it is not. */
  private String pole(MapReader r, String key, String why) {
    String id = refs.actor(r, key);
    if (id != null && !refs.poles.contains(id)) {
      r.problem(r.map().get(key), key, why + "; '" + id + "' is not a pole"
          + Suggestions.hint(id, refs.poles));
      return null;
    }
    return id;
  }

  /** Reads an actor reference that must differ from the one under {@code firstKey}. */
  private String other(MapReader r, String key, String firstKey) {
    String id = refs.actor(r, key);
    YNode first = r.map().get(firstKey);
    if (id != null && first instanceof YScalar f && id.equals(f.text())) {
      r.problem(r.map().get(key), key, "'" + key + "' must be another actor than '" + firstKey + "' ("
          + id + ")");
      return null;
    }
    return id;
  }

  private List<String> parties(MapReader r) {
    List<String> parties = refs.actors(r, "parties");
    if (new java.util.HashSet<>(parties).size() < 2 && r.has("parties")) {
      r.problem(r.map().get("parties"), "parties", "a trade agreement needs at least two different parties");
    }
    return parties;
  }

  private Action readSet(MapReader r) {
    String text = r.text("path");
    YNode valueNode = r.node("value");
    if (valueNode == null) {
      r.problem(null, "value", "missing key 'value'");
    } else if (!(valueNode instanceof YScalar)) {
      r.problem(valueNode, "value", "expected a single value, found " + valueNode.kind());
    }
    if (text == null) return null;
    ValuePath path = ValuePath.parse(text);
    if (path == null) {
      r.problem(r.map().get("path"), "path",
          "expected a path like actors[A].nationalism or parameters.alignment_noise, found '"
              + MapReader.abbreviate(text) + "'");
      return null;
    }
    refs.settable(r, path);
    String value = valueNode instanceof YScalar s ? s.text() : null;
    if (value != null) refs.settableValue(r, path, (YScalar) valueNode);
    return new Action.SetValue(path, value);
  }

  private Action readRelationChange(MapReader r) {
    List<String> pair = refs.actors(r, "between");
    if (pair.size() != 2) {
      r.problem(r.map().get("between"), "between", "expected two actor ids, like [A, B]");
    } else if (pair.get(0).equals(pair.get(1))) {
      r.problem(r.map().get("between"), "between", "a relation needs two different actors");
    }
    double trust = orZero(r.optNumber("trust", Range.SIGNED_SHARE));
    double grievance = orZero(r.optNumber("grievance", Range.SIGNED_SHARE));
    double proximity = orZero(r.optNumber("proximity", Range.SIGNED_SHARE));
    double security = orZero(r.optNumber("security", Range.SIGNED_SHARE));
    double credibility = orZero(r.optNumber("credibility", Range.SIGNED_SHARE));
    double rivalry = orZero(r.optNumber("rivalry", Range.SIGNED_SHARE));
    if (rivalry != 0 && pair.size() == 2 && !(refs.poles.contains(pair.get(0)) && refs.poles.contains(pair.get(1)))) {
      r.problem(r.map().get("rivalry"), "rivalry", "rivalry is between two poles; "
          + pair.stream().filter(x -> !refs.poles.contains(x)).findFirst().orElse("") + " is not a pole");
    }
    return new Action.RelationChange(pair.size() > 0 ? pair.get(0) : null,
        pair.size() > 1 ? pair.get(1) : null, trust, grievance, proximity, security, credibility,
        rivalry);
  }

  private Action readIncident(MapReader r) {
    String dispute = refs.dispute(r, "dispute");
    double severity = r.number("severity", Range.OPEN_SHARE);
    return new Action.Incident(dispute, severity);
  }

  private Action readLeader(MapReader r) {
    String actor = refs.actor(r, "actor");
    if (actor != null && !refs.small.contains(actor)) {
      r.problem(r.map().get("actor"), "actor", "a change of government happens in a small state;"
          + " '" + actor + "' is not one");
      actor = null;
    }
    String name = r.text("name");
    java.util.Map<String, Double> p = predisposition(r, "predisposition", problems, refs);
    return new Action.LeaderChange(actor, new Government(name == null ? "" : name, p));
  }

  /**
   * Reads a mapping of pole ids to predispositions in [-1, 1] (absent: no predisposition). Each key
   * must be a pole.
   */
  static java.util.Map<String, Double> predisposition(MapReader r, String key, List<Problem> problems,
      References refs) {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    YMap m = r.submap(key, false);
    if (m == null) return out;
    MapReader pr = new MapReader(m, r.pathOf(key), problems);
    for (String pole : m.entries().keySet()) {
      double v = pr.number(pole, Range.SIGNED_SHARE);
      if (!refs.poles.contains(pole)) {
        problems.add(new Problem(m.entries().get(pole).keyOrigin(), pr.pathOf(MapReader.abbreviate(pole)),
            "no pole with id '" + MapReader.abbreviate(pole) + "'" + Suggestions.hint(pole, refs.poles)));
      } else if (!Double.isNaN(v)) {
        out.put(pole, v);
      }
    }
    return out;
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0.0 : v;
  }
}

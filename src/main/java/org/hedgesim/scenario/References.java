package org.hedgesim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hedgesim.scenario.MapReader.Range;
import org.hedgesim.scenario.YNode.YScalar;

/** The ids a scenario defines, and checked reads of references to them. */
final class References {
  final Set<String> actors = new LinkedHashSet<>();
  final Set<String> frameworks = new LinkedHashSet<>();
  final Set<String> projects = new LinkedHashSet<>();
  final Set<String> channels = new LinkedHashSet<>();
  final Set<String> disputes = new LinkedHashSet<>();
  /** filled once the actors are read: the poles, and the small states */
  final Set<String> poles = new LinkedHashSet<>();
  final Set<String> small = new LinkedHashSet<>();
  private final List<Problem> problems;

  References(List<Problem> problems) {
    this.problems = problems;
  }

  String actor(MapReader r, String key) {
    return check(r, key, actors, "actor");
  }

  String framework(MapReader r, String key) {
    return check(r, key, frameworks, "framework");
  }

  String project(MapReader r, String key) {
    return check(r, key, projects, "project");
  }

  String dispute(MapReader r, String key) {
    return check(r, key, disputes, "dispute");
  }

  String channel(MapReader r, String key) {
    return check(r, key, channels, "channel (flow kind)");
  }

  List<String> actors(MapReader r, String key) {
    List<String> out = new ArrayList<>();
    for (YScalar s : r.wordNodes(key, true)) {
      if (checkId(r, key, s, actors, "actor")) out.add(s.text());
    }
    return out;
  }

  private String check(MapReader r, String key, Set<String> known, String what) {
    String id = r.text(key);
    if (id == null) return null;
    YScalar node = (YScalar) r.map().get(key);
    return checkId(r, key, node, known, what) ? id : null;
  }

  boolean checkId(MapReader r, String key, YScalar node, Set<String> known, String what) {
    String id = node.text();
    if (known.contains(id)) return true;
    r.problem(node, key, "no " + what + " with id '" + MapReader.abbreviate(id) + "'"
        + Suggestions.hint(id, known));
    return false;
  }

  /** Checks that a {@code set} path names something that exists and can change. */
  void settable(MapReader r, ValuePath path) {
    YNode at = r.map().get("path");
    if (path.section().equals("parameters")) {
      if (!path.ids().isEmpty() || Parameter.byKey(path.field()) == null) {
        r.problem(at, "path", "no parameter '" + path.field() + "'" + Suggestions.hint(
            path.field(), java.util.Arrays.stream(Parameter.values()).map(Parameter::key).toList()));
      }
      return;
    }
    List<String> sections = List.of("actors", "relations", "frameworks");
    if (!sections.contains(path.section())) {
      r.problem(at, "path", "cannot set values of '" + path.section() + "'; settable: parameters, "
          + String.join(", ", sections) + Suggestions.hint(path.section(), sections));
      return;
    }
    if (Settable.find(path.section(), path.field()) == null) {
      List<String> fields = Settable.fields(path.section());
      r.problem(at, "path", "'" + path.field() + "' of " + path.section() + " cannot be set; settable: "
          + String.join(", ", fields) + Suggestions.hint(path.field(), fields));
    }
    Set<String> ids = path.section().equals("frameworks") ? frameworks : actors;
    int expected = path.section().equals("relations") ? 2 : 1;
    if (path.ids().size() != expected) {
      r.problem(at, "path", path.section() + "[...] takes " + expected + (expected == 1 ? " id" : " ids"));
      return;
    }
    if (expected == 2 && path.ids().get(0).equals(path.ids().get(1))) {
      r.problem(at, "path", "a relation needs two different actors");
    }
    for (String id : path.ids()) {
      if (!ids.contains(id)) {
        r.problem(at, "path", "no " + path.section().replaceAll("s$", "") + " with id '" + MapReader.abbreviate(id) + "'"
            + Suggestions.hint(id, ids));
      }
    }
    if (Settable.find(path.section(), path.field()) == Settable.RELATION_RIVALRY && path.ids().size() == 2
        && ids.containsAll(path.ids()) && !(poles.contains(path.ids().get(0)) && poles.contains(path.ids().get(1)))) {
      r.problem(at, "path", "rivalry is between two poles; " + path.ids().get(0) + " and "
          + path.ids().get(1) + " are not both poles");
    }
  }

  /** Checks the value of a {@code set} against the kind of the target. */
  void settableValue(MapReader r, ValuePath path, YScalar value) {
    String p = r.pathOf("value");
    if (path.section().equals("parameters")) {
      MapReader.toNumber(value, p, Range.NON_NEGATIVE, problems);
      return;
    }
    Settable s = Settable.find(path.section(), path.field());
    if (s == null) return;
    switch (s.kind()) {
      case NUMBER -> MapReader.toNumber(value, p, Range.ANY, problems);
      case NON_NEGATIVE -> MapReader.toNumber(value, p, Range.NON_NEGATIVE, problems);
      case POSITIVE -> MapReader.toNumber(value, p, Range.POSITIVE, problems);
      case SHARE -> MapReader.toNumber(value, p, Range.SHARE, problems);
      case OPEN_SHARE -> MapReader.toNumber(value, p, Range.OPEN_SHARE, problems);
      case STRATEGY -> r.toChoice(value, "value", Strategy.class);
      case APPROACH -> r.toChoice(value, "value", Approach.class);
      case BOOLEAN -> {
        if (!value.text().equals("true") && !value.text().equals("false")) {
          problems.add(new Problem(value.origin(), p, "expected true or false"));
        }
      }
    }
  }
}

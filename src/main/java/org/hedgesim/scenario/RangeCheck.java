package org.hedgesim.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hedgesim.scenario.YNode.YList;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * Checks every number of a resolved scenario against its {@link ValueRanges}: a value outside
 * its hard range is a problem, one outside its plausible range a warning. A value that already
 * has a problem (not a number, or outside the range the loader reads it with) is not reported
 * again. Two ranges depend on the scenario: a power's review comes at most once a step, and aid
 * is at most ten times the recipient's GDP (a warning above its GDP).
 */
final class RangeCheck {

  /** How many times the recipient's GDP a gift of aid may be before it means nothing. */
  static final double MAX_AID_TO_GDP = 10;

  private final List<Problem> problems;
  private final List<Problem> warnings;
  private final Set<Origin> reported = new HashSet<>();
  private final StepUnit step;
  private final Map<String, Double> gdp;

  private RangeCheck(List<Problem> problems, List<Problem> warnings, StepUnit step,
      Map<String, Double> gdp) {
    this.problems = problems;
    this.warnings = warnings;
    this.step = step;
    this.gdp = gdp;
    for (Problem p : problems) reported.add(p.origin());
  }

  /** Checks the numbers of {@code tree}, adding to {@code problems} and {@code warnings}. */
  static void check(YMap tree, StepUnit step, List<ActorSpec> actors, List<Problem> problems,
      List<Problem> warnings) {
    Map<String, Double> gdp = new java.util.HashMap<>();
    for (ActorSpec a : actors) gdp.put(a.id(), a.gdp());
    new RangeCheck(problems, warnings, step, gdp).walk(tree);
  }

  private void walk(YMap tree) {
    number(tree.get("replications"), "replications", "replications");
    flat(tree.get("parameters"), "parameters", "parameters");
    flat(tree.get("observables"), "observables", "observables");
    if (tree.get("strategies") instanceof YMap s) {
      for (Map.Entry<String, YMap.Entry> e : s.entries().entrySet()) {
        flat(e.getValue().value(), "strategies." + e.getKey(), "strategies");
      }
    }
    if (tree.get("channels") instanceof YMap c) {
      for (Map.Entry<String, YMap.Entry> e : c.entries().entrySet()) {
        flat(e.getValue().value(), "channels." + MapReader.abbreviate(e.getKey()), "channels");
      }
    }
    flat(tree.get("channel_defaults"), "channel_defaults", "channels");
    actor(tree.get("actor_defaults"), "actor_defaults");
    flat(tree.get("relation_defaults"), "relation_defaults", "relations");
    flat(tree.get("framework_defaults"), "framework_defaults", "frameworks");
    project(tree.get("project_defaults"), "project_defaults");
    each(tree, "actors", (m, path) -> actor(m, path));
    each(tree, "relations", (m, path) -> flat(m, path, "relations"));
    each(tree, "flows", (m, path) -> flat(m, path, "flows"));
    each(tree, "frameworks", (m, path) -> flat(m, path, "frameworks"));
    each(tree, "projects", (m, path) -> project(m, path));
    each(tree, "disputes", (m, path) -> flat(m, path, "disputes"));
    each(tree, "events", (m, path) -> {
      number(m.get("rate"), path + ".rate", "events.rate");
      effect(m, path);
    });
  }

  private void each(YMap tree, String list, java.util.function.BiConsumer<YMap, String> check) {
    if (!(tree.get(list) instanceof YList l)) return;
    Map<String, Integer> positions = new java.util.HashMap<>();
    for (YNode item : l.items()) {
      if (!(item instanceof YMap m)) continue;
      // named as the loader names it: by identity, or by position among its own file's entries
      int n = positions.merge(m.origin().file(), 1, Integer::sum) - 1;
      String id = Inheritance.identity(list, m);
      check.accept(m, list + "[" + (id != null ? MapReader.abbreviate(id) : Integer.toString(n)) + "]");
    }
  }

  /** Checks each scalar of a mapping whose key {@code section.key} has a range. */
  private void flat(YNode node, String path, String section) {
    if (!(node instanceof YMap m)) return;
    for (Map.Entry<String, YMap.Entry> e : m.entries().entrySet()) {
      number(e.getValue().value(), path + "." + MapReader.abbreviate(e.getKey()),
          section + "." + e.getKey());
    }
  }

  private void actor(YNode node, String path) {
    if (!(node instanceof YMap m)) return;
    flat(m, path, "actors");
    flat(m.get("weights"), path + ".weights", "strategies");
    flat(m.get("inducements"), path + ".inducements", "actors.inducements");
    if (m.get("inducements") instanceof YMap ind && ind.get("review_months") instanceof YScalar s
        && !reported.contains(s.origin()) && value(s) < step.months()) {
      refuse(s, path + ".inducements.review_months", "a power reviews its policy at most once a"
          + " step; found " + s.text() + ", less than one step (" + step.months() + " months"
          + " with step: " + step.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    government(m.get("government"), path + ".government");
    if (m.get("successors") instanceof YList l) {
      for (int i = 0; i < l.items().size(); i++) government(l.items().get(i), path + ".successors[" + i + "]");
    }
  }

  private void government(YNode node, String path) {
    if (node instanceof YMap g) predisposition(g, path);
  }

  private void predisposition(YMap m, String path) {
    if (!(m.get("predisposition") instanceof YMap p)) return;
    for (Map.Entry<String, YMap.Entry> e : p.entries().entrySet()) {
      number(e.getValue().value(), path + ".predisposition." + MapReader.abbreviate(e.getKey()),
          "predisposition");
    }
  }

  private void project(YNode node, String path) {
    if (!(node instanceof YMap m)) return;
    flat(m, path, "projects");
    for (String key : List.of("on_start", "on_completion")) {
      if (!(m.get(key) instanceof YList l)) continue;
      for (int i = 0; i < l.items().size(); i++) {
        if (l.items().get(i) instanceof YMap e) effect(e, path + "." + key + "[" + i + "]");
      }
    }
  }

  /** Checks the numbers of the action an event or a project effect holds. */
  private void effect(YMap m, String path) {
    for (String kind : ActionReader.KINDS) {
      if (!(m.get(kind) instanceof YMap body)) continue;
      String at = path + "." + kind;
      if (kind.equals("set")) {
        set(body, at);
      } else if (kind.equals("leader")) {
        predisposition(body, at);
      } else {
        flat(body, at, "events." + kind);
      }
      if (kind.equals("aid")) aid(body, at);
    }
  }

  /** A {@code set} takes the range of the key it sets. */
  private void set(YMap body, String path) {
    if (!(body.get("path") instanceof YScalar p) || !(body.get("value") instanceof YScalar v)) return;
    ValuePath target = ValuePath.parse(p.text());
    if (target == null) return;
    number(v, path + ".value", target.section() + "." + target.field());
  }

  private void aid(YMap body, String path) {
    if (!(body.get("amount") instanceof YScalar s) || reported.contains(s.origin())
        || !(body.get("to") instanceof YScalar to)) return;
    double amount = value(s);
    Double recipientGdp = gdp.get(to.text());
    if (Double.isNaN(amount) || recipientGdp == null || recipientGdp <= 0) return;
    String share = ValueRange.number(Math.round(amount / recipientGdp * 100) / 100.0);
    if (amount > MAX_AID_TO_GDP * recipientGdp) {
      refuse(s, path + ".amount", "aid of " + s.text() + " (US$ bn) is " + share + " times the"
          + " GDP of " + to.text() + " (" + ValueRange.number(recipientGdp) + "); at most "
          + (int) MAX_AID_TO_GDP + " times");
    } else if (amount > recipientGdp) {
      warnings.add(new Problem(s.origin(), path + ".amount", "aid of " + s.text() + " (US$ bn) is"
          + " more than the GDP of " + to.text() + " (" + ValueRange.number(recipientGdp) + ")"));
    }
  }

  /** Checks one scalar against the range of {@code key}, if the key has one. */
  private void number(YNode node, String path, String key) {
    ValueRange range = ValueRanges.of(key);
    if (range == null || !(node instanceof YScalar s) || reported.contains(s.origin())) return;
    double v = value(s);
    if (Double.isNaN(v)) return;
    if (!range.allows(v)) {
      refuse(s, path, "expected a number in " + range.hard() + ", found " + s.text() + ": "
          + range.why());
    } else if (!range.plausible(v)) {
      warnings.add(new Problem(s.origin(), path, s.text() + " is outside the plausible range "
          + range.plausibleRange() + " (docs/SCENARIOS.md, \"Plausible ranges\")"));
    }
  }

  private void refuse(YScalar s, String path, String message) {
    reported.add(s.origin());
    problems.add(new Problem(s.origin(), path, message));
  }

  /** The scalar as a number, or NaN when it is none (its problem is reported elsewhere). */
  private static double value(YScalar s) {
    if (s.isNull() || !s.plain()) return Double.NaN;
    try {
      return Double.parseDouble(s.text());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}

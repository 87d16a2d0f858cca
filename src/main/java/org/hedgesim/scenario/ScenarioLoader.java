package org.hedgesim.scenario;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hedgesim.scenario.MapReader.Range;
import org.hedgesim.scenario.YNode.YList;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * Reads a scenario file into a checked, immutable {@link Scenario}: the file and its
 * {@code extends} chain are merged over the built-in defaults, then every section is read into
 * records. All problems of a file are collected and thrown together as a {@link ScenarioException}.
 */
public final class ScenarioLoader {

  static final List<String> TOP_KEYS = List.of("scenario", "description", "start", "end", "step",
      "seed", "replications", "poles", "parameters", "channels", "strategies", "actor_defaults",
      "relation_defaults", "framework_defaults", "project_defaults", "channel_defaults", "actors",
      "relations", "flows", "frameworks", "projects", "disputes", "events", "observables",
      "knock_out");
  /**
   * Highest rate of a random event, per year: one a day. Occurrences are drawn one at a time, but
   * the run's generator skips every draw of an event when the run starts (docs/MODEL.md, 2.9), so
   * the rate, with {@link #MAX_EXPECTED_OCCURRENCES}, bounds the time that takes.
   */
  public static final double MAX_RATE = 365;
  /**
   * Longest span of a scenario, in years. {@code hedgesim generate} writes at most 200 years; a
   * millennium is far beyond any question the model answers.
   */
  public static final int MAX_YEARS = 1000;
  /**
   * Most actor-steps (actors times steps) a file may ask for: the largest generated world (2000
   * actors over 200 years, 4.8 million monthly actor-steps) with some room.
   */
  public static final long MAX_ACTOR_STEPS = 5_000_000;
  /**
   * Most random occurrences a file may expect: the sum over random events of the rate (a year)
   * times the years of its window.
   */
  public static final double MAX_EXPECTED_OCCURRENCES = 100_000;
  /** Largest dependence-weight sum error tolerated. */
  public static final double WEIGHT_TOLERANCE = 1e-3;

  private final List<Problem> problems = new ArrayList<>();
  /** Values that are possible but implausible, and worlds that run but barely mean anything. */
  private final List<Problem> warnings = new ArrayList<>();
  /** Whether warnings count as problems ({@code --strict}). */
  private boolean strict;
  private final References refs = new References(problems);
  private final ActionReader actions = new ActionReader(problems, refs);
  /** Where the values of the *_defaults sections were written (see {@link #failure}). */
  private final Set<Origin> defaultsOrigins = new HashSet<>();
  private List<String> files = List.of();

  private ScenarioLoader() {}

  /**
   * A loaded scenario with the warnings its file gave: values outside their plausible range and
   * worlds that run but say little (see docs/SCENARIOS.md, "Plausible ranges").
   */
  public record Loaded(Scenario scenario, List<Problem> warnings) {
    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  /** Loads a scenario; messages name the file as {@code file} is written. */
  public static Scenario load(Path file) throws ScenarioException {
    return load(file, file.toString());
  }

  /**
   * Loads a scenario and keeps its warnings. With {@code strict}, every warning is a problem
   * like any other, and the file is refused.
   */
  public static Loaded loadChecked(Path file, String displayName, boolean strict)
      throws ScenarioException {
    List<Problem> early = new ArrayList<>();
    Inheritance.Resolved resolved;
    try {
      resolved = Inheritance.resolveCollecting(file, displayName, early);
    } catch (ScenarioException e) {
      throw sorted(e.problems(), List.of(displayName));
    }
    ScenarioLoader loader = new ScenarioLoader();
    loader.strict = strict;
    loader.problems.addAll(early);
    Scenario s = loader.bind(resolved);
    return new Loaded(s, sorted(loader.warnings, loader.files).problems());
  }

  /**
   * Loads a scenario; messages name the file as {@code displayName}. Every problem of the file
   * and of the files it extends is reported at once, whether found while reading the YAML, while
   * merging, or while checking the content, unless reading cannot go on (a file that cannot be
   * read or parsed, a broken {@code extends}).
   */
  public static Scenario load(Path file, String displayName) throws ScenarioException {
    return loadChecked(file, displayName, false).scenario();
  }

  /**
   * Reads an already resolved document and keeps its warnings (values outside their plausible
   * range), as {@link #loadChecked} does for a file.
   */
  public static Loaded bindChecked(YMap tree, List<String> files) throws ScenarioException {
    ScenarioLoader loader = new ScenarioLoader();
    Scenario s = loader.bind(new Inheritance.Resolved(tree, files, List.of()));
    return new Loaded(s, sorted(loader.warnings, loader.files).problems());
  }

  /** Reads an already resolved document (for example one changed by a sweep). */
  public static Scenario bind(YMap tree, List<String> files) throws ScenarioException {
    return new ScenarioLoader().bind(new Inheritance.Resolved(tree, files, List.of()));
  }

  private Scenario bind(Inheritance.Resolved resolved) throws ScenarioException {
    YMap tree = resolved.tree();
    files = resolved.files();
    MapReader top = new MapReader(tree, "", problems);
    collectIds(tree);

    String name = top.folderName("scenario", "scenario");
    String description = top.optText("description");
    YearMonth start = top.month("start");
    YearMonth end = top.month("end");
    if (start != null && end != null && !end.isAfter(start)) {
      top.problem(tree.get("end"), "end", "end (" + end + ") must come after start (" + start + ")");
    }
    StepUnit step = top.choice("step", StepUnit.class);
    long seed = top.longValue("seed");
    int replications = top.integer("replications", 1, 1_000_000);

    Parameters parameters = readParameters(top.submap("parameters", true));
    Map<String, ChannelSpec> channels = readChannels(top.submap("channels", true),
        top.submap("channel_defaults", true));
    Map<Strategy, Profile> strategies = readStrategies(top.submap("strategies", true));
    YMap actorDefaults = top.submap("actor_defaults", true);
    YMap relationDefaultsMap = top.submap("relation_defaults", true);
    YMap frameworkDefaults = top.submap("framework_defaults", true);
    YMap projectDefaults = top.submap("project_defaults", true);
    if (actorDefaults == null || relationDefaultsMap == null || frameworkDefaults == null
        || projectDefaults == null) {
      // without its defaults every entity would repeat the same missing keys
      throw failure();
    }
    for (String section : List.of("actor_defaults", "relation_defaults", "framework_defaults",
        "project_defaults", "channel_defaults")) {
      collectOrigins(tree.get(section));
    }

    readActor(actorDefaults, strategies, null);
    List<ActorSpec> actors = new ArrayList<>();
    for (YMap m : top.maps("actors")) {
      ActorSpec a = readActor(merged(actorDefaults, m), strategies, "actors[" + label("actors", m) + "]");
      if (a != null) actors.add(a);
    }
    List<String> poles = readPoles(top, actors);
    for (ActorSpec a : actors) {
      if (a.isSmall()) refs.small.add(a.id());
    }
    RelationSpec relationDefaults = readRelation(relationDefaultsMap, "relation_defaults", true);
    refs.channels.retainAll(channels.keySet());
    List<RelationSpec> relations = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    for (YMap m : top.maps("relations")) {
      String path = "relations[" + label("relations", m) + "]";
      RelationSpec r = readRelation(merged(relationDefaultsMap, m), path, false);
      if (r != null && r.a() != null && r.b() != null) {
        if (r.a().equals(r.b())) {
          problems.add(new Problem(m.get("between").origin(), path + ".between",
              "a relation needs two different actors, found " + r.a() + " twice"));
        } else if (!pairs.add(Inheritance.identity("relations", m))) {
          problems.add(new Problem(m.origin(), path, "two relations between the same pair"));
        } else {
          relations.add(r);
        }
      }
    }
    List<FlowSpec> flows = new ArrayList<>();
    for (YMap m : top.maps("flows")) {
      FlowSpec f = readFlow(m, channels, "flows[" + label("flows", m) + "]");
      if (f != null) flows.add(f);
    }
    checkWeights(top, channels, flows);
    readFramework(frameworkDefaults, null);
    List<FrameworkSpec> frameworks = new ArrayList<>();
    for (YMap m : top.maps("frameworks")) {
      FrameworkSpec f = readFramework(merged(frameworkDefaults, m), "frameworks[" + label("frameworks", m) + "]");
      if (f != null) frameworks.add(f);
    }
    List<ProjectSpec> projects = new ArrayList<>();
    List<EventSpec> projectStarts = new ArrayList<>();
    readProject(projectDefaults, projectStarts, start, end, null);
    for (YMap m : top.maps("projects")) {
      ProjectSpec p = readProject(merged(projectDefaults, m), projectStarts, start, end,
          "projects[" + label("projects", m) + "]");
      if (p != null) projects.add(p);
    }
    List<DisputeSpec> disputes = new ArrayList<>();
    for (YMap m : top.maps("disputes")) {
      DisputeSpec d = readDispute(m, "disputes[" + label("disputes", m) + "]");
      if (d != null) disputes.add(d);
    }
    Observables observables = readObservables(top.submap("observables", true));
    java.util.Set<Mechanism> knockOuts = readKnockOuts(top);
    List<EventSpec> events = new ArrayList<>();
    List<YMap> eventMaps = top.maps("events");
    List<String> eventLabels = new ArrayList<>();
    for (int i = 0; i < eventMaps.size(); i++) {
      YMap m = eventMaps.get(i);
      eventLabels.add(label("events", m));
      EventSpec e = readEvent(m, i, eventLabels.get(i), start, end);
      if (e != null) events.add(e);
    }
    for (EventSpec e : projectStarts) {
      events.add(new EventSpec(events.size(), e.id(), e.at(), 0, null, null, e.action(), e.source(), e.origin()));
    }
    top.finish(TOP_KEYS);
    checkSomethingToSimulate(top, actors, poles);
    checkWork(top, start, end, step, actors, eventMaps, eventLabels, events);
    RangeCheck.check(tree, step == null ? StepUnit.MONTH : step, actors, problems, warnings);

    if (strict) problems.addAll(warnings);
    if (!problems.isEmpty()) throw failure();
    List<SourcedValue> provenance = Provenance.of(tree);
    return new Scenario(name, description == null ? "" : description, resolved.files(), start, end,
        step, seed, replications, poles, actors, relations, flows, List.copyOf(channels.values()),
        strategies, frameworks, projects, disputes, events, parameters, observables, knockOuts,
        relationDefaults, provenance, tree);
  }

  /**
   * A world without actors or without poles runs and says nothing: there is nobody to hedge, or
   * nothing to hedge between. Only reported when no actor entry was refused for another reason.
   */
  private void checkSomethingToSimulate(MapReader top, List<ActorSpec> actors, List<String> poles) {
    YNode listed = top.map().get("actors");
    boolean noEntries = !(listed instanceof YList l) || l.items().isEmpty();
    if (noEntries) {
      top.problem(listed, "actors", "no actors: nothing to simulate; list at least one small state"
          + " and one pole (an actor of role great or regional)");
      return;
    }
    boolean actorRefused = problems.stream().anyMatch(p -> p.path().startsWith("actors"));
    if (poles.isEmpty() && !actorRefused) {
      YNode at = top.map().get("poles");
      top.problem(at == null ? listed : at, at == null ? "actors" : "poles", "no poles: nothing"
          + " to hedge between; give at least one actor the role great or regional, or list it"
          + " under 'poles'");
    }
  }

  /**
   * Bounds the work a file asks for, so that a short file cannot ask a run for more time or memory
   * than any scenario needs: the years, the actor-steps and the expected random occurrences.
   */
  private void checkWork(MapReader top, YearMonth start, YearMonth end, StepUnit step,
      List<ActorSpec> actors, List<YMap> eventMaps, List<String> labels, List<EventSpec> events) {
    if (start == null || end == null || step == null || !end.isAfter(start)) return;
    long months = java.time.temporal.ChronoUnit.MONTHS.between(start, end);
    if (months > 12L * MAX_YEARS) {
      top.problem(top.map().get("end"), "end", "a scenario spans at most " + MAX_YEARS + " years,"
          + " found " + (months / 12) + " (" + start + " to " + end + ")");
      return;
    }
    long steps = months / step.months() + 1;
    if (actors.size() * steps > MAX_ACTOR_STEPS) {
      top.problem(top.map().get("actors"), "actors", String.format(java.util.Locale.ROOT,
          "%d actors over %d steps are %,d actor-steps; a scenario asks for at most %,d"
              + " (fewer actors, fewer years, or step: quarter)",
          actors.size(), steps, actors.size() * steps, MAX_ACTOR_STEPS));
    }
    double expected = 0;
    for (EventSpec e : events) {
      if (e.at() != null || e.index() < 0 || e.index() >= eventMaps.size()) continue;
      double years = (java.time.temporal.ChronoUnit.MONTHS.between(e.from(), e.until()) + 1) / 12.0;
      expected += e.rate() * years;
      if (expected > MAX_EXPECTED_OCCURRENCES) {
        YMap m = eventMaps.get(e.index());
        new MapReader(m, "events[" + labels.get(e.index()) + "]", problems).problem(m.get("rate"), "rate",
            String.format(java.util.Locale.ROOT, "the random events up to this one expect %,.0f"
                + " occurrences; a scenario expects at most %,.0f (sum of rate x years of each"
                + " random event)", expected, MAX_EXPECTED_OCCURRENCES));
        return;
      }
    }
  }

  /** A problem that is only a warning, unless the file is read with {@code --strict}. */
  void warn(MapReader r, YNode at, String key, String message) {
    warnings.add(new Problem(at == null ? r.map().origin() : at.origin(), r.pathOf(key), message));
  }

  /**
   * All problems, sorted. A value written in a {@code *_defaults} section is read once on its own
   * and again in every entity that takes it; a problem with the value itself is reported once,
   * under the section's path, and a problem that arises only in one entity is kept for that
   * entity. Either way the position is where the value was written.
   */
  private ScenarioException failure() {
    Set<String> ofDefaults = new HashSet<>();
    for (Problem p : problems) {
      if (p.path().matches("[a-z]+_defaults(\\..*)?")) ofDefaults.add(p.origin() + "\n" + p.message());
    }
    List<Problem> kept = new ArrayList<>();
    for (Problem p : problems) {
      boolean repeat = defaultsOrigins.contains(p.origin())
          && !p.path().matches("[a-z]+_defaults(\\..*)?")
          && ofDefaults.contains(p.origin() + "\n" + p.message());
      if (!repeat) kept.add(p);
    }
    return sorted(kept, files);
  }

  /**
   * Problems without exact repeats, in the order of the files (the scenario's own file first,
   * then the files it extends, then the built-in defaults), and by line and column in each.
   */
  private static ScenarioException sorted(List<Problem> problems, List<String> files) {
    List<Problem> out = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
    java.util.Comparator<Problem> byFile = java.util.Comparator.comparingInt(p -> {
      int i = files.indexOf(p.origin().file());
      return i >= 0 ? i : p.origin().file().equals(Inheritance.DEFAULTS_NAME) ? files.size() + 1
          : files.size();
    });
    out.sort(byFile.thenComparing(p -> p.origin().file())
        .thenComparingInt(p -> p.origin().line()).thenComparingInt(p -> p.origin().column()));
    return new ScenarioException(out);
  }

  private void collectOrigins(YNode n) {
    if (n == null) return;
    defaultsOrigins.add(n.origin());
    if (n instanceof YMap m) {
      for (YMap.Entry e : m.entries().values()) {
        defaultsOrigins.add(e.keyOrigin());
        collectOrigins(e.value());
      }
    } else if (n instanceof YList l) {
      l.items().forEach(this::collectOrigins);
    }
  }

  /** An identity key written in a *_defaults section would give every entry the same identity. */
  private void refuseIdentity(MapReader r, String key, String section, String what) {
    if (r.has(key)) {
      r.problem(r.map().get(key), key, section + " cannot give '" + key + "': each " + what
          + " names its own");
    }
  }

  // ---------------------------------------------------------------- ids

  private void collectIds(YMap tree) {
    collect(tree, "actors", refs.actors);
    collect(tree, "frameworks", refs.frameworks);
    collect(tree, "projects", refs.projects);
    collect(tree, "disputes", refs.disputes);
    refs.poles.addAll(poleIds(tree));
    if (tree.get("channels") instanceof YMap ch) refs.channels.addAll(ch.entries().keySet());
  }

  /**
   * The ids of the poles, read from the raw document before the actors are bound (predispositions
   * name poles): the {@code poles:} list, or the actors whose role (or actor_defaults' role) is
   * great or regional.
   */
  private static List<String> poleIds(YMap tree) {
    List<String> out = new ArrayList<>();
    if (tree.get("poles") instanceof YList l) {
      for (YNode n : l.items()) {
        if (n instanceof YScalar s && !s.isNull()) out.add(s.text());
      }
      return out;
    }
    String defaultRole = tree.get("actor_defaults") instanceof YMap d && d.get("role") instanceof YScalar r
        ? r.text() : "small";
    if (tree.get("actors") instanceof YList l) {
      for (YNode n : l.items()) {
        if (!(n instanceof YMap m) || !(m.get("id") instanceof YScalar id)) continue;
        String role = m.get("role") instanceof YScalar r ? r.text() : defaultRole;
        if (role.equals("great") || role.equals("regional")) out.add(id.text());
      }
    }
    return out;
  }

  private void collect(YMap tree, String list, Set<String> into) {
    if (!(tree.get(list) instanceof YList l)) return;
    for (YNode item : l.items()) {
      if (item instanceof YMap m && m.get("id") instanceof YScalar s && !s.isNull()) {
        if (!into.add(s.text())) {
          problems.add(new Problem(s.origin(), list + "[" + s.text() + "].id",
              "duplicate id '" + s.text() + "'"));
        }
      }
    }
  }

  /** Entries counted so far, by list and file. */
  private final Map<String, Integer> positions = new HashMap<>();

  /**
   * How messages name an entry of a list: by its identity, or else by its position among the
   * entries its own file writes (not by its place in the merged list). Call once per entry, in
   * order.
   */
  private String label(String list, YMap m) {
    int n = positions.merge(list + "\n" + m.origin().file(), 1, Integer::sum) - 1;
    String id = Inheritance.identity(list, m);
    return id != null ? MapReader.abbreviate(id) : Integer.toString(n);
  }

  private static YMap merged(YMap defaults, YMap entry) throws ScenarioException {
    return Inheritance.merge(defaults, entry, "");
  }

  // ---------------------------------------------------------------- sections

  private Parameters readParameters(YMap map) {
    double[] values = new double[Parameter.values().length];
    if (map == null) return new Parameters(values);
    MapReader r = new MapReader(map, "parameters", problems);
    for (Parameter p : Parameter.values()) {
      values[p.ordinal()] = r.number(p.key(), Range.NON_NEGATIVE);
    }
    r.finish();
    return new Parameters(values);
  }

  private Map<String, ChannelSpec> readChannels(YMap map, YMap defaults) throws ScenarioException {
    Map<String, ChannelSpec> out = new LinkedHashMap<>();
    if (map == null || defaults == null) return out;
    readChannel(new MapReader(defaults, "channel_defaults", problems, true));
    for (Map.Entry<String, YMap.Entry> e : map.entries().entrySet()) {
      String kind = e.getKey();
      String path = "channels." + MapReader.abbreviate(kind);
      if (!kind.matches("[a-z][a-z0-9_]*")) {
        problems.add(new Problem(e.getValue().keyOrigin(), path,
            "a channel name is a lower-case word, found '" + MapReader.abbreviate(kind) + "'"));
        continue;
      }
      if (!(e.getValue().value() instanceof YMap cm)) {
        problems.add(new Problem(e.getValue().value().origin(), path,
            "expected a mapping (weight:, dependent:, ...), found " + e.getValue().value().kind()));
        continue;
      }
      ChannelSpec c = readChannel(new MapReader(merged(defaults, cm), path, problems));
      out.put(kind, new ChannelSpec(kind, c.weight(), c.dependentIsRecipient(), c.stock(),
          c.depreciation(), c.alignmentElasticity(), c.growsWith(), c.sanctionable(),
          c.frameworkBenefit(), c.tradeAgreement()));
    }
    return out;
  }

  private ChannelSpec readChannel(MapReader r) {
    double weight = r.number("weight", Range.SHARE);
    String dependent = r.text("dependent");
    if (dependent != null && !dependent.equals("from") && !dependent.equals("to")) {
      r.problem(r.map().get("dependent"), "dependent", "expected from or to, found '"
          + MapReader.abbreviate(dependent) + "'" + Suggestions.hint(dependent, List.of("from", "to")));
    }
    boolean stock = r.bool("stock");
    double depreciation = r.number("depreciation", Range.SHARE);
    double elasticity = r.number("alignment_elasticity", Range.ANY);
    String growsWith = r.text("grows_with");
    if (growsWith != null && !List.of("from", "to", "none").contains(growsWith)) {
      r.problem(r.map().get("grows_with"), "grows_with", "expected from, to or none, found '"
          + MapReader.abbreviate(growsWith) + "'" + Suggestions.hint(growsWith, List.of("from", "to", "none")));
    }
    boolean sanctionable = r.bool("sanctionable");
    boolean frameworkBenefit = r.bool("framework_benefit");
    boolean tradeAgreement = r.bool("trade_agreement");
    r.finish();
    return new ChannelSpec(null, weight, "to".equals(dependent), stock, depreciation,
        elasticity, growsWith, sanctionable, frameworkBenefit, tradeAgreement);
  }

  private Map<Strategy, Profile> readStrategies(YMap map) {
    Map<Strategy, Profile> out = new EnumMap<>(Strategy.class);
    if (map == null) return out;
    MapReader r = new MapReader(map, "strategies", problems);
    for (Strategy s : Strategy.values()) {
      String key = s.name().toLowerCase(java.util.Locale.ROOT);
      YMap w = r.submap(key, true);
      if (w != null) {
        MapReader pr = new MapReader(w, "strategies." + key, problems);
        Weights weights = weights(pr);
        double c = pr.number("commitment_cost", Range.POSITIVE);
        double rho = pr.number("risk_aversion", Range.NON_NEGATIVE);
        pr.finish();
        out.put(s, new Profile(weights, c, rho));
      }
    }
    r.finish();
    return out;
  }

  private static Weights weights(MapReader r) {
    return new Weights(r.number("returns", Range.NON_NEGATIVE), r.number("threat", Range.NON_NEGATIVE),
        r.number("vulnerability", Range.NON_NEGATIVE), r.number("security", Range.NON_NEGATIVE));
  }

  private Weights readWeights(MapReader r) {
    Weights w = weights(r);
    r.finish();
    return w;
  }

  /** Reads an actor at {@code path}, or, when {@code path} is null, the actor_defaults. */
  private ActorSpec readActor(YMap m, Map<Strategy, Profile> strategies, String path)
      throws ScenarioException {
    boolean template = path == null;
    MapReader r = template ? new MapReader(m, "actor_defaults", problems, true)
        : new MapReader(m, path, problems);
    String id;
    if (template) refuseIdentity(r, "id", "actor_defaults", "actor");
    id = r.text("id");
    if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      r.problem(m.get("id"), "id", "an id is a word of letters, digits, '.', '_' and '-', found '"
          + MapReader.abbreviate(id) + "'");
    }
    String name = r.optText("name");
    Role role = r.choice("role", Role.class);
    double capability = r.number("capability", Range.SHARE);
    double gdp = r.number("gdp", Range.NON_NEGATIVE);
    double growth = r.number("growth", Range.ANY);
    double growthTarget = r.number("growth_target", Range.ANY);
    double nationalism = r.number("nationalism", Range.SHARE);
    double legitimacy = r.number("legitimacy", Range.SHARE);
    double neutrality = r.number("neutrality", Range.OPEN_SHARE);
    Strategy strategy = r.choice("strategy", Strategy.class);
    double inertia = r.number("inertia", Range.OPEN_SHARE);
    double tolerance = r.number("tolerance", Range.SHARE);
    Approach approach = r.choice("approach", Approach.class);
    boolean regimeSwitch = r.bool("regime_switch");
    double strategicValue = r.number("strategic_value", Range.NON_NEGATIVE);
    double assertiveness = r.number("assertiveness", Range.SHARE);
    double commitmentCost = r.optNumber("commitment_cost", Range.POSITIVE);
    double riskAversion = r.optNumber("risk_aversion", Range.NON_NEGATIVE);
    Profile profile = strategy == null ? null : strategies.get(strategy);
    Weights weights = profile == null ? null : profile.weights();
    YMap w = r.submap("weights", false);
    if (w != null && weights != null) {
      LinkedHashMap<String, YMap.Entry> base = new LinkedHashMap<>();
      base.put("returns", num(weights.returns(), w.origin()));
      base.put("threat", num(weights.threat(), w.origin()));
      base.put("vulnerability", num(weights.vulnerability(), w.origin()));
      base.put("security", num(weights.security(), w.origin()));
      weights = readWeights(new MapReader(merged(new YMap(base, w.origin()), w), r.pathOf("weights"), problems));
    }
    if (profile != null) {
      if (Double.isNaN(commitmentCost)) commitmentCost = profile.commitmentCost();
      if (Double.isNaN(riskAversion)) riskAversion = profile.riskAversion();
    }
    Inducements inducements = null;
    YMap ind = r.submap("inducements", true);
    if (ind != null) {
      MapReader ir = new MapReader(ind, r.pathOf("inducements"), problems);
      inducements = new Inducements(ir.number("budget", Range.NON_NEGATIVE),
          ir.number("responsiveness", Range.OPEN_SHARE), ir.number("rivalry_response", Range.NON_NEGATIVE),
          ir.number("tolerance", Range.NON_NEGATIVE), ir.number("hysteresis", Range.NON_NEGATIVE),
          ir.number("max_coercion", Range.SHARE), ir.number("delivery", Range.SHARE),
          ir.number("review_months", Range.POSITIVE));
      ir.finish();
    }
    Government government = Government.none();
    YMap g = r.submap("government", false);
    if (g != null) government = readGovernment(new MapReader(g, r.pathOf("government"), problems));
    List<Government> successors = new ArrayList<>();
    List<YMap> sm = r.maps("successors");
    for (int i = 0; i < sm.size(); i++) {
      successors.add(readGovernment(new MapReader(sm.get(i), r.pathOf("successors") + "[" + i + "]", problems)));
    }
    r.finish();
    if (id == null) return null;
    if (!template && role != null && role != Role.SMALL && (g != null || !sm.isEmpty())) {
      r.problem(g != null ? g : m.get("successors"), g != null ? "government" : "successors",
          "only a small state has a government in the model; '" + id + "' is " + role.name().toLowerCase(java.util.Locale.ROOT));
    }
    return new ActorSpec(id, name == null ? id : name, role, capability, gdp, growth, growthTarget,
        nationalism, legitimacy, neutrality, strategy, weights, commitmentCost, riskAversion, inertia,
        tolerance, strategicValue, approach, inducements, assertiveness, regimeSwitch, government,
        successors, m.origin());
  }

  private Government readGovernment(MapReader r) {
    String leader = r.optText("leader");
    java.util.Map<String, Double> p = ActionReader.predisposition(r, "predisposition", problems, refs);
    r.finish();
    return new Government(leader == null ? "" : leader, p);
  }

  private static YMap.Entry num(double v, Origin o) {
    return new YMap.Entry(o, new YScalar(Double.toString(v), true, false, o, "strategy default"));
  }

  private List<String> readPoles(MapReader top, List<ActorSpec> actors) {
    if (top.has("poles")) {
      List<String> out = new ArrayList<>();
      for (YScalar s : top.wordNodes("poles", true)) {
        if (refs.checkId(top, "poles", s, refs.actors, "actor")) {
          if (out.contains(s.text())) {
            top.problem(s, "poles", "pole '" + s.text() + "' listed twice");
          } else {
            out.add(s.text());
          }
        }
      }
      return out;
    }
    return actors.stream().filter(a -> a.role() == Role.GREAT || a.role() == Role.REGIONAL)
        .map(ActorSpec::id).toList();
  }

  private RelationSpec readRelation(YMap m, String path, boolean defaults) {
    MapReader r = new MapReader(m, path, problems, defaults);
    String a = null;
    String b = null;
    if (!defaults) {
      List<String> pair = refs.actors(r, "between");
      if (pair.size() == 2) {
        a = pair.get(0);
        b = pair.get(1);
      } else if (r.wordNodes("between", false).size() != 2) {
        r.problem(m.get("between"), "between", "expected two actor ids, like [A, B]");
      }
    }
    RelationSpec rel = new RelationSpec(a, b, r.number("trust", Range.SHARE),
        r.number("grievance", Range.SHARE), r.number("proximity", Range.SHARE),
        r.number("security", Range.SHARE), r.number("credibility", Range.SHARE),
        r.number("rivalry", Range.SHARE), m.origin());
    r.finish();
    if (!defaults && a != null && b != null && rel.rivalry() > 0 && m.has("rivalry")
        && !(refs.poles.contains(a) && refs.poles.contains(b))) {
      r.problem(m.get("rivalry"), "rivalry", "rivalry is between two poles; "
          + (refs.poles.contains(a) ? b : a) + " is not a pole");
    }
    return rel;
  }

  private FlowSpec readFlow(YMap m, Map<String, ChannelSpec> channels, String path) {
    MapReader r = new MapReader(m, path, problems);
    String kind = refs.channel(r, "kind");
    String from = refs.actor(r, "from");
    String to = refs.actor(r, "to");
    ChannelSpec ch = kind == null ? null : channels.get(kind);
    boolean steady = ch != null && ch.stock() && ch.depreciation() > 0;
    double amount;
    double stock = r.optNumber("stock", Range.NON_NEGATIVE);
    if (steady) {
      amount = r.optNumber("amount", Range.NON_NEGATIVE);
      if (Double.isNaN(amount) == Double.isNaN(stock)) {
        r.problem(Double.isNaN(amount) ? null : m.get("stock"), Double.isNaN(amount) ? "amount" : "stock",
            Double.isNaN(amount)
                ? "missing key 'amount' (US$ bn a year) or 'stock' (US$ bn)"
                : "give 'amount' or 'stock', not both: a run starts with each stock at its steady"
                    + " state, stock = amount / depreciation (" + ch.depreciation() + " a year on '" + kind + "')");
      } else if (Double.isNaN(amount)) {
        amount = stock * ch.depreciation();
      } else {
        stock = amount / ch.depreciation();
      }
    } else {
      amount = r.number("amount", Range.NON_NEGATIVE);
    }
    double growth = r.optNumber("growth", Range.ANY);
    double count = r.optNumber("count", Range.NON_NEGATIVE);
    r.finish();
    if (ch != null && !Double.isNaN(stock) && !ch.stock()) {
      r.problem(m.get("stock"), "stock", "channel '" + kind + "' keeps no stock (stock: false); give amount only");
    }
    if (kind == null || from == null || to == null) return null;
    return new FlowSpec(kind, from, to, amount, stock, growth, count, m.origin());
  }

  /**
   * The weights of the channels in use (those some flow uses) count relative to one another: each
   * is divided by their sum, so that they sum to 1. A scenario that uses only some of the built-in
   * channels (no transit, say) therefore needs no weights of its own. When the file itself wrote
   * channel weights and those in use do not sum to 1, that is a warning (the file may have meant
   * them as shares); when they are all 0 it is a problem. The message points at the
   * {@code channels} a scenario file wrote, or, when only the built-in defaults give the weights,
   * at the flows.
   */
  private void checkWeights(MapReader top, Map<String, ChannelSpec> channels, List<FlowSpec> flows) {
    Set<String> used = new java.util.TreeSet<>();
    for (FlowSpec f : flows) {
      if (channels.containsKey(f.kind())) used.add(f.kind());
    }
    if (used.isEmpty()) return;
    double sum = 0;
    List<String> each = new ArrayList<>();
    for (String k : used) {
      double w = channels.get(k).weight();
      if (Double.isNaN(w)) return; // already reported
      sum += w;
      each.add(k + " " + w);
    }
    YNode at = top.map().get("channels");
    boolean written = at != null && !at.origin().file().equals(Inheritance.DEFAULTS_NAME);
    if (!written) at = top.map().get("flows");
    Origin where = at == null ? top.map().origin() : at.origin();
    if (sum <= 0) {
      problems.add(new Problem(where, "channels", "the weights of the channels in use (" + String.join(", ", used)
          + ") are all 0; at least one must be positive"));
      return;
    }
    if (written && Math.abs(sum - 1.0) > WEIGHT_TOLERANCE) {
      warnings.add(new Problem(where, "channels", String.format(java.util.Locale.ROOT,
          "the weights of the channels in use (%s) sum to %.4f, not 1: they count relative to one another, each"
              + " divided by %.4f (%s)", String.join(", ", used), sum, sum, String.join(", ", each))));
    }
    if (sum == 1.0) return;
    for (String k : used) {
      ChannelSpec c = channels.get(k);
      channels.put(k, new ChannelSpec(c.kind(), c.weight() / sum, c.dependentIsRecipient(), c.stock(),
          c.depreciation(), c.alignmentElasticity(), c.growsWith(), c.sanctionable(), c.frameworkBenefit(),
          c.tradeAgreement()));
    }
  }

  /** Reads a framework at {@code path}, or, when {@code path} is null, the framework_defaults. */
  private FrameworkSpec readFramework(YMap m, String path) {
    boolean template = path == null;
    MapReader r = template ? new MapReader(m, "framework_defaults", problems, true)
        : new MapReader(m, path, problems);
    String id;
    if (template) refuseIdentity(r, "id", "framework_defaults", "framework");
    id = r.text("id");
    String name = r.optText("name");
    List<String> members = refs.actors(r, "members");
    Set<String> seen = new HashSet<>();
    for (String mbr : members) {
      if (!seen.add(mbr)) r.problem(m.get("members"), "members", "member '" + mbr + "' listed twice");
    }
    String lead = null;
    if (r.has("lead") && !(m.get("lead") instanceof YScalar s && s.isNull())) {
      lead = refs.actor(r, "lead");
      if (lead != null && !template && !members.contains(lead)) {
        r.problem(m.get("lead"), "lead", "the lead '" + lead + "' is not among the members");
      }
    } else {
      r.node("lead");
    }
    if (!template && id != null && m.get("members") instanceof YList ml) {
      if (ml.items().isEmpty()) {
        r.problem(ml, "members", "a framework with no members does nothing; list its members");
      } else if (members.size() == 1 && ml.items().size() == 1) {
        warn(r, ml, "members", "a framework with a single member ('" + members.get(0) + "') binds"
            + " nobody to anybody");
      }
    }
    FrameworkKind kind = r.choice("kind", FrameworkKind.class);
    double benefit = r.number("benefit", Range.NON_NEGATIVE);
    double sovereignty = r.number("sovereignty_cost", Range.NON_NEGATIVE);
    double exitCost = r.number("exit_cost", Range.NON_NEGATIVE);
    boolean open = r.bool("open");
    r.finish();
    if (id == null) return null;
    if (kind == FrameworkKind.SECURITY) {
      if (lead == null) {
        r.problem(m.get("kind"), "kind", "a security framework adds to the security tie with its lead;"
            + " give it a lead");
      }
      if (benefit > 1) {
        r.problem(m.get("benefit"), "benefit", "a security framework's benefit is a security tie,"
            + " a share between 0 and 1, found " + benefit);
      }
    }
    return new FrameworkSpec(id, name == null ? id : name, kind, members, lead, benefit, sovereignty,
        exitCost, open, m.origin());
  }

  private DisputeSpec readDispute(YMap m, String path) {
    MapReader r = new MapReader(m, path, problems);
    String id = r.text("id");
    String state = refs.actor(r, "state");
    String power = refs.actor(r, "power");
    if (state != null && !refs.small.contains(state)) {
      r.problem(m.get("state"), "state", "a dispute's 'state' is a small state; '" + state + "' is not one");
      state = null;
    }
    if (power != null && !refs.poles.contains(power)) {
      r.problem(m.get("power"), "power", "a dispute's 'power' is a pole; '" + power + "' is not one"
          + Suggestions.hint(power, refs.poles));
      power = null;
    }
    double salience = r.number("salience", Range.SHARE);
    double rate = r.optNumber("rate", Range.NON_NEGATIVE);
    if (rate > MAX_RATE) {
      r.problem(m.get("rate"), "rate", "expected at most " + (int) MAX_RATE + " incidents a year (one a day)");
    }
    double severity = r.optNumber("severity", Range.OPEN_SHARE);
    r.finish();
    if (id == null || state == null || power == null) return null;
    return new DisputeSpec(id, state, power, salience, Double.isNaN(rate) ? 0.0 : rate,
        Double.isNaN(severity) ? 0.3 : severity, m.origin());
  }

  private Observables readObservables(YMap map) {
    if (map == null) return new Observables(0, 1);
    MapReader r = new MapReader(map, "observables", problems);
    Observables o = new Observables(r.number("vote_intercept", Range.ANY), r.number("vote_slope", Range.ANY));
    r.finish();
    return o;
  }

  private java.util.Set<Mechanism> readKnockOuts(MapReader top) {
    java.util.Set<Mechanism> out = java.util.EnumSet.noneOf(Mechanism.class);
    if (!top.has("knock_out")) return out;
    List<String> keys = java.util.Arrays.stream(Mechanism.values()).map(Mechanism::key).toList();
    for (YScalar s : top.wordNodes("knock_out", false)) {
      Mechanism m = Mechanism.byKey(s.text());
      if (m == null) {
        top.problem(s, "knock_out", "no mechanism '" + MapReader.abbreviate(s.text()) + "'"
            + Suggestions.hint(s.text(), keys) + "; mechanisms: " + String.join(", ", keys));
      } else {
        out.add(m);
      }
    }
    return out;
  }

  /** Reads a project at {@code path}, or, when {@code path} is null, the project_defaults. */
  private ProjectSpec readProject(YMap m, List<EventSpec> starts, YearMonth scenarioStart,
      YearMonth scenarioEnd, String path) {
    boolean template = path == null;
    MapReader r = template ? new MapReader(m, "project_defaults", problems, true)
        : new MapReader(m, path, problems);
    String id;
    if (template) refuseIdentity(r, "id", "project_defaults", "project");
    id = r.text("id");
    String name = r.optText("name");
    String host = refs.actor(r, "host");
    String financier = refs.actor(r, "financier");
    if (!template && host != null && host.equals(financier)) {
      r.problem(m.get("financier"), "financier", "a project's financier is another actor than its"
          + " host (" + host + "); a state does not court itself");
      financier = null;
    }
    double cost = r.number("cost", Range.NON_NEGATIVE);
    double share = r.number("financier_share", Range.SHARE);
    YearMonth start = r.optMonth("start");
    int months = r.integer("months", 1, 1200);
    double p = r.number("completion_probability", Range.SHARE);
    int maxDelay = r.integer("max_delay_months", 1, 1200);
    double delivery = r.number("delivery", Range.SHARE);
    List<Action> onStart = readEffects(r, "on_start");
    List<Action> onCompletion = readEffects(r, "on_completion");
    r.finish();
    if (id == null) return null;
    if (start != null) {
      checkInside(r, "start", start, scenarioStart, scenarioEnd);
      String source = m.get("start") instanceof YScalar s ? s.source() : null;
      starts.add(new EventSpec(-1, null, start, 0, null, null, new Action.StartProject(id), source,
          m.get("start").origin()));
    }
    return new ProjectSpec(id, name == null ? id : name, host, financier, cost, share, months, p,
        maxDelay, delivery, onStart, onCompletion, m.origin());
  }

  private List<Action> readEffects(MapReader r, String key) {
    List<Action> out = new ArrayList<>();
    List<YMap> items = r.maps(key);
    for (int i = 0; i < items.size(); i++) {
      MapReader er = new MapReader(items.get(i), r.pathOf(key) + "[" + i + "]", problems);
      Action a = actions.read(er, Set.of());
      er.finish(ActionReader.KINDS);
      if (a != null) out.add(a);
    }
    return out;
  }

  private static final Set<String> EVENT_KEYS = Set.of("at", "rate", "from", "until", "id");

  private EventSpec readEvent(YMap m, int index, String label, YearMonth start, YearMonth end) {
    MapReader r = new MapReader(m, "events[" + label + "]", problems);
    String id = r.optText("id");
    YearMonth at = r.optMonth("at");
    double rate = r.optNumber("rate", Range.POSITIVE);
    if (rate > MAX_RATE) {
      r.problem(m.get("rate"), "rate", "expected at most " + (int) MAX_RATE + " occurrences a year"
          + " (one a day), found " + MapReader.abbreviate(((YScalar) m.get("rate")).text())
          + "; a run draws every occurrence in advance, so a higher rate floods it");
      rate = Double.NaN;
    }
    YearMonth from = r.optMonth("from");
    YearMonth until = r.optMonth("until");
    // an empty 'at:' or 'rate:' counts as absent, so the entry is not silently dropped
    boolean hasAt = m.has("at") && !(m.get("at") instanceof YScalar s && s.isNull());
    boolean hasRate = m.has("rate") && !(m.get("rate") instanceof YScalar s && s.isNull());
    if (!hasAt && !hasRate && (m.has("at") || m.has("rate"))) {
      String key = m.has("at") ? "at" : "rate";
      r.problem(m.get(key), key, "no value given: an event needs 'at' (a month, YYYY-MM) or"
          + " 'rate' (occurrences per year)");
    } else if (hasAt == hasRate) {
      r.problem(null, hasAt ? "rate" : "at", hasAt
          ? "an event has either 'at' (a month) or 'rate' (per year), not both"
          : "missing key 'at' (the month, YYYY-MM) or 'rate' (occurrences per year)");
    }
    if (hasAt && !hasRate && (m.has("from") || m.has("until"))) {
      r.problem(m.get(m.has("from") ? "from" : "until"), m.has("from") ? "from" : "until",
          "'from' and 'until' bound random events (with 'rate'), not scheduled ones");
    }
    if (at != null) checkInside(r, "at", at, start, end);
    if (from != null) checkInside(r, "from", from, start, end);
    if (until != null) checkInside(r, "until", until, start, end);
    if (from != null && until != null && until.isBefore(from)) {
      r.problem(m.get("until"), "until", "until (" + until + ") is before from (" + from + ")");
    }
    Action action = actions.read(r, EVENT_KEYS);
    List<String> known = new ArrayList<>(EVENT_KEYS);
    known.addAll(ActionReader.KINDS);
    r.finish(known);
    if (action == null || (at == null && Double.isNaN(rate))) return null;
    String source = sourceOf(m);
    if (at != null) {
      return new EventSpec(index, id, at, 0, null, null, action, source, m.origin());
    }
    return new EventSpec(index, id, null, rate, from == null ? start : from,
        until == null ? end : until, action, source, m.origin());
  }

  /** The source covering any scalar inside an entry (all scalars of an entry share it). */
  private static String sourceOf(YNode n) {
    if (n instanceof YScalar s) return s.source();
    if (n instanceof YMap m) {
      for (YMap.Entry e : m.entries().values()) {
        String s = sourceOf(e.value());
        if (s != null) return s;
      }
    }
    if (n instanceof YList l) {
      for (YNode i : l.items()) {
        String s = sourceOf(i);
        if (s != null) return s;
      }
    }
    return null;
  }

  private void checkInside(MapReader r, String key, YearMonth m, YearMonth start, YearMonth end) {
    if (start == null || end == null || !end.isAfter(start)) return; // dates already reported
    if (m.isBefore(start) || m.isAfter(end)) {
      r.problem(r.map().get(key), key, m + " is outside the scenario's dates (" + start + " to " + end + ")");
    }
  }
}

package org.hedgesim.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.OutcomeSpec.Reducer;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.Inheritance;
import org.hedgesim.scenario.MapReader;
import org.hedgesim.scenario.MapReader.Range;
import org.hedgesim.scenario.Origin;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.hedgesim.scenario.Suggestions;
import org.hedgesim.scenario.TreePath;
import org.hedgesim.scenario.TreePaths;
import org.hedgesim.scenario.YNode;
import org.hedgesim.scenario.YNode.YList;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;
import org.hedgesim.scenario.YamlReader;

/**
 * Reads a sweep file (docs/SWEEPS.md) with the same rigour as a scenario: the YAML is read safely
 * ({@link YamlReader}), every key is checked ({@link MapReader}, with "did you mean"), every
 * parameter path is found in the base scenario ({@link TreePaths}), every bound of every parameter
 * (its minimum, its maximum, each of its levels) is written into the base scenario and checked by
 * the scenario loader, and every outcome is matched to a series or an event kind of the model.
 * All problems are reported together, each with file, line, column and key.
 */
public final class SweepLoader {

  static final List<String> TOP_KEYS = List.of("sweep", "description", "scenario", "seed",
      "replications", "common_random_numbers", "design", "parameters", "outcomes");
  /** Columns of the results that a parameter or outcome may not be named. */
  static final Set<String> RESERVED = Set.of("run", "point", "replication", "seed", "trajectory",
      "moved", "outcome", "replications", "n", "mean", "sd", "ci_low", "ci_high", "min", "max");
  /** The most design points a sweep may have (the design is held in memory). */
  public static final int MAX_POINTS = 10_000_000;
  /**
   * The most coordinates (design points times parameters) a design may hold: the points are made
   * in memory before the first run, 8 bytes a coordinate and about 20 more a point, so this keeps
   * a design within a few hundred MB of the default heap.
   */
  public static final long MAX_COORDINATES = 10_000_000L;
  /** The most runs a sweep may have. */
  public static final long MAX_RUNS = 1_000_000_000L;
  /** The counter of {@link Seeds#derive} that the sampling seed uses as its design point. */
  public static final long SAMPLING_STREAM = -1;

  /** The designs, as named in a sweep file. */
  enum Kind { GRID, RANDOM, LHS, SOBOL, MORRIS, SALTELLI }

  /** The scales of a numeric range. */
  enum Scale { LINEAR, LOG }

  private final List<Problem> problems = new ArrayList<>();
  private final String display;
  /** Each bound of each parameter, written into the base scenario and bound. */
  private final List<Checked> checked = new ArrayList<>();

  private record Checked(SweepParameter parameter, YScalar value, Scenario scenario) {}

  /** A loader; other study files (robust decisions) reuse its parameter and outcome reading. */
  SweepLoader(String display) {
    this.display = display;
  }

  /** The base scenario, once {@link #readBase} found it valid; null otherwise. */
  Inheritance.Resolved base;
  Scenario baseScenario;

  List<Problem> problems() {
    return problems;
  }

  /**
   * A study file's base scenario: its merged document and files, the scenario bound from it, and
   * its warnings (values outside their plausible range).
   */
  public record Base(Inheritance.Resolved resolved, Scenario scenario, List<Problem> warnings) {}

  /** The warnings of the base scenario and of the values the sweep sets, in file order. */
  private final List<Problem> warnings = new ArrayList<>();

  /**
   * Reads and binds the base scenario named by {@code scenario:} (relative to the study file);
   * its problems are reported at that key.
   */
  void readBase(YMap doc, Path file, String scenarioText) {
    Base b = readBase(doc, file, display, scenarioText, doc.has("sweep") ? "sweep" : "study", problems);
    base = b == null ? null : b.resolved();
    if (b != null) warnings.addAll(b.warnings());
    baseScenario = b == null ? null : b.scenario();
  }

  /**
   * Reads and binds the base scenario that the {@code scenario:} key of a study file (a sweep, a
   * robust-decision or a calibration file, {@code kind} in messages) names relative to that file.
   * Returns null, with the problems added at that key, when it is missing or invalid.
   */
  public static Base readBase(YMap doc, Path file, String display, String scenarioText, String kind,
      List<Problem> problems) {
    if (scenarioText == null) return null;
    YNode at = doc.get("scenario");
    Path basePath = file.toAbsolutePath().getParent().resolve(scenarioText).normalize();
    Path nameDir = Path.of(display).getParent();
    String baseName = (nameDir == null ? Path.of(scenarioText) : nameDir.resolve(scenarioText)).normalize().toString();
    if (!Files.exists(basePath)) {
      problems.add(new Problem(at.origin(), "scenario", "the base scenario was not found: tried " + baseName
          + " (a path relative to the " + kind + " file)"));
      return null;
    }
    try {
      // a base that is no regular file, or no scenario, is reported at this file's scenario: key
      List<Problem> early = new ArrayList<>();
      Inheritance.Resolved resolved = Inheritance.resolveCollecting(basePath, baseName, (YScalar) at, early);
      if (!early.isEmpty()) throw new ScenarioException(early);
      ScenarioLoader.Loaded loaded = ScenarioLoader.bindChecked(resolved.tree(), resolved.files());
      return new Base(resolved, loaded.scenario(), loaded.warnings());
    } catch (ScenarioException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** Whether a YAML document is a sweep (it has a {@code sweep:} key) rather than a scenario. */
  public static boolean isSweep(YMap document) {
    return document.has("sweep");
  }

  public static Sweep load(Path file, String displayName) throws ScenarioException {
    return new SweepLoader(displayName).read(file);
  }

  /**
   * Loads a sweep whose design must give sensitivity indices: {@code saltelli} or {@code morris};
   * any other design is a problem at {@code design.kind}.
   */
  public static Sweep loadForSensitivity(Path file, String displayName) throws ScenarioException {
    Sweep sweep = load(file, displayName);
    if (sweep.design() instanceof SaltelliMatrices || sweep.design() instanceof MorrisTrajectories) return sweep;
    YNode design = YamlReader.read(file, displayName).get("design");
    YNode kind = design instanceof YMap m && m.get("kind") != null ? m.get("kind") : design;
    throw new ScenarioException(new Problem(kind.origin(), "design.kind", "sensitivity indices need design kind"
        + " 'saltelli' (Sobol first-order and total indices) or 'morris' (elementary effects), found '"
        + sweep.design().kind() + "'; docs/SWEEPS.md shows both"));
  }

  private Sweep read(Path file) throws ScenarioException {
    YMap doc = YamlReader.read(file, display);
    if (!doc.has("sweep") && (doc.has("actors") || doc.has("start") || doc.has("extends"))) {
      throw new ScenarioException(new Problem(doc.origin(), "", "this is a scenario file, not a sweep;"
          + " run it with 'hedgesim run', or write a sweep that names it with 'scenario:' (docs/SWEEPS.md)"));
    }
    MapReader top = new MapReader(doc, "", problems);
    String name = top.folderName("sweep", "sweep");
    String description = top.optText("description");
    String scenarioText = top.text("scenario");
    Long seed = top.has("seed") ? Long.valueOf(top.longValue("seed")) : null;
    int replications = top.optInteger("replications", 1, 1_000_000, 1);
    boolean crn = top.has("common_random_numbers") && top.bool("common_random_numbers");
    YMap designMap = top.submap("design", true);
    List<YMap> parameterMaps = top.maps("parameters");
    List<YMap> outcomeMaps = top.maps("outcomes");
    requireEntries(top, doc, "parameters", "the values the sweep varies");
    requireEntries(top, doc, "outcomes", "what to collect from each run");
    top.finish(TOP_KEYS);

    readBase(doc, file, scenarioText);
    Inheritance.Resolved base = this.base;
    Scenario baseScenario = this.baseScenario;

    Design design = designMap == null ? null : readDesign(designMap);
    List<SweepParameter> parameters = new ArrayList<>();
    if (base != null) {
      for (int i = 0; i < parameterMaps.size(); i++) {
        SweepParameter p = readParameter(parameterMaps.get(i), "parameters[" + i + "]", base, parameters);
        if (p != null) parameters.add(p);
      }
    }
    List<OutcomeSpec> outcomes = new ArrayList<>();
    if (baseScenario != null) {
      List<SeriesKey> series = seriesOf(baseScenario);
      Set<String> ids = idsOf(baseScenario);
      for (int i = 0; i < outcomeMaps.size(); i++) {
        OutcomeSpec o = readOutcome(outcomeMaps.get(i), "outcomes[" + i + "]", List.of(), series, ids, parameters, outcomes,
            baseScenario);
        if (o != null) outcomes.add(o);
      }
      checkSeries(outcomes);
    }
    YNode designAt = doc.get("design");
    if (design instanceof SobolSequence && parameters.size() > SobolSequence.MAX_DIMENSION) {
      problems.add(new Problem(designAt.origin(), "design", "a Sobol design covers at most "
          + SobolSequence.MAX_DIMENSION + " parameters, the sweep has " + parameters.size()));
    }
    if (design instanceof SaltelliMatrices && parameters.size() > SaltelliMatrices.MAX_PARAMETERS) {
      problems.add(new Problem(designAt.origin(), "design", "a Saltelli design covers at most "
          + SaltelliMatrices.MAX_PARAMETERS + " parameters (two Sobol dimensions each), the sweep has " + parameters.size()));
    }
    if (design instanceof FullGrid g && g.points() == 0
        && parameters.stream().anyMatch(p -> p.domain().cardinality() == 0)) {
      problems.add(new Problem(designAt.origin(), "design.points",
          "missing key 'points' (how many evenly spaced values each range takes in the grid)"));
    }
    if (!problems.isEmpty()) throw failure();

    int[] cardinality = new int[parameters.size()];
    for (int j = 0; j < cardinality.length; j++) cardinality[j] = parameters.get(j).domain().cardinality();
    long size;
    try {
      size = design.size(cardinality);
    } catch (ArithmeticException e) {
      size = Long.MAX_VALUE;
    }
    if (size > MAX_POINTS) {
      problems.add(new Problem(designAt.origin(), "design", "the design has " + size
          + " points, more than the limit of " + MAX_POINTS + "; split the sweep or use fewer values"));
      throw failure();
    }
    if (size * Math.max(1, parameters.size()) > MAX_COORDINATES) {
      problems.add(new Problem(designAt.origin(), "design", "the design has " + size + " points of "
          + parameters.size() + " parameters, " + size * parameters.size() + " values to hold in memory, more than"
          + " the limit of " + MAX_COORDINATES + "; use fewer samples or parameters, or split the sweep"));
      throw failure();
    }
    if (size * replications > MAX_RUNS) {
      problems.add(new Problem(designAt.origin(), "design", "the sweep has " + size * replications
          + " runs, more than the limit of " + MAX_RUNS + "; split it into several sweeps"));
      throw failure();
    }
    long masterSeed = seed != null ? seed : baseScenario.seed();
    YMap dm = (YMap) designAt;
    long samplingSeed = dm.get("seed") instanceof YScalar s && !s.isNull()
        ? Long.parseLong(s.text().strip()) : Seeds.derive(masterSeed, SAMPLING_STREAM, 0);
    DesignPoints points = design.generate(cardinality, new MersenneTwister(samplingSeed));
    return new Sweep(name, description == null ? "" : description, display, file, base, baseScenario,
        masterSeed, replications, crn, design, samplingSeed, parameters, outcomes, points, warnings);
  }

  /** A list of entries that must be there and not be empty (its type is checked by maps()). */
  private static void requireEntries(MapReader top, YMap doc, String key, String what) {
    YNode n = doc.get(key);
    if (n == null) {
      top.problem(null, key, "missing key '" + key + "' (" + what + ")");
    } else if (n instanceof YList l && l.items().isEmpty() || n instanceof YScalar s && s.isNull()) {
      top.problem(n, key, "the list is empty; give at least one entry (" + what + ")");
    }
  }

  ScenarioException failure() {
    Set<String> seen = new java.util.HashSet<>();
    List<Problem> unique = new ArrayList<>();
    for (Problem p : problems) {
      if (seen.add(p.toString())) unique.add(p);
    }
    Collections.sort(unique);
    return new ScenarioException(unique);
  }

  // ---------------------------------------------------------------- design

  private Design readDesign(YMap map) {
    MapReader r = new MapReader(map, "design", problems);
    Kind kind = r.choice("kind", Kind.class);
    if (kind == null) {
      // the other keys depend on the kind: only a key no design knows is reported
      List<String> all = List.of("kind", "points", "samples", "trajectories", "levels", "seed");
      for (String key : all) r.node(key);
      r.finish(all);
      return null;
    }
    List<String> known = new ArrayList<>(List.of("kind"));
    Design d;
    switch (kind) {
      case GRID -> {
        known.add("points");
        d = new FullGrid(r.has("points") ? r.integer("points", 2, 1_000_000) : 0);
      }
      case RANDOM, LHS, SOBOL -> {
        known.add("samples");
        int samples = r.integer("samples", 1, MAX_POINTS);
        d = kind == Kind.RANDOM ? new UniformRandom(samples)
            : kind == Kind.LHS ? new LatinHypercube(samples) : new SobolSequence(samples);
      }
      case SALTELLI -> {
        known.add("samples");
        d = new SaltelliMatrices(r.integer("samples", 2, MAX_POINTS));
      }
      default -> {
        known.add("trajectories");
        known.add("levels");
        int trajectories = r.integer("trajectories", 1, MAX_POINTS);
        int levels = r.optInteger("levels", 2, 1000, 4);
        if (levels % 2 != 0) {
          r.problem(map.get("levels"), "levels", "Morris levels must be even (so that the step "
              + "p/(2(p-1)) lands on the grid), found " + levels);
          levels = 4;
        }
        d = new MorrisTrajectories(trajectories, levels);
      }
    }
    if (d.sampled()) {
      known.add("seed");
      if (r.has("seed")) r.longValue("seed");
    }
    r.finish(known);
    return d;
  }

  // ---------------------------------------------------------------- parameters

  /**
   * Keys of a scenario that are not values of the model: the sweep sets the seed and the
   * replications of its runs itself, and the others only name or build the file.
   */
  static final Set<String> NOT_MODEL_VALUES = Set.of("scenario", "description", "extends", "seed", "replications");

  private static final List<String> PARAMETER_KEYS =
      List.of("path", "name", "min", "max", "scale", "integer", "levels");

  /**
   * One parameter at {@code at} (such as {@code parameters[2]}), checked against the base and the
   * parameters read before it; null, with problems, when it is not valid.
   */
  SweepParameter readParameter(YMap m, String at, Inheritance.Resolved base, List<SweepParameter> earlier) {
    MapReader r = new MapReader(m, at, problems);
    String pathText = r.text("path");
    String name = r.optText("name");
    boolean hasRange = m.has("min") || m.has("max");
    boolean hasLevels = m.has("levels");
    SweepParameter.Domain domain = null;
    if (hasRange && hasLevels) {
      for (String key : List.of("min", "max", "levels", "scale", "integer")) r.node(key);
      r.problem(m.get("levels"), "levels", "a parameter has either a range (min, max) or levels, not both");
      for (String key : List.of("min", "max", "levels", "scale", "integer")) r.node(key); // reported here only
    } else if (hasRange) {
      domain = readRange(r, m);
    } else if (hasLevels) {
      domain = readLevels(r, m);
      for (String key : List.of("scale", "integer")) {
        if (r.node(key) != null) r.problem(m.get(key), key, key + " applies to a range (min, max), not to levels");
      }
    } else {
      r.problem(null, "min", "missing the values: give a range (min: and max:) or a list (levels: [...])");
    }
    r.finish(PARAMETER_KEYS);
    if (pathText == null) return null;
    YScalar pathNode = (YScalar) m.get("path");
    TreePath path;
    TreePaths.Target target;
    try {
      path = TreePath.parse(pathText);
      if (path.steps().get(0) instanceof TreePath.Key k && NOT_MODEL_VALUES.contains(k.name())) {
        r.problem(pathNode, "path", "'" + k.name() + "' is not a value of the model (the sweep sets the seed and the"
            + " replications of its runs with its own 'seed:' and 'replications:'); vary a model value such as"
            + " parameters.alignment_noise or actors[ID].nationalism");
        return null;
      }
      target = TreePaths.find(base.tree(), path);
    } catch (TreePath.Malformed | TreePaths.Unresolved e) {
      r.problem(pathNode, "path", e.getMessage());
      return null;
    }
    if (name == null) name = path.text();
    checkName(r, m.get("name") != null ? m.get("name") : pathNode, "name", name, earlier, List.of());
    for (SweepParameter p : earlier) {
      if (p.canonical().equals(target.canonical())) {
        r.problem(pathNode, "path", "the sweep already varies this value (" + p.path().text() + ", at "
            + p.origin() + ")");
        return null;
      }
    }
    if (domain == null) return null;
    String source = sourceOf(m);
    SweepParameter p = new SweepParameter(name, path, target.canonical(), domain, source, m.origin());
    for (YScalar value : domain.extremes()) {
      checkValue(base, p, value);
    }
    return p;
  }

  private SweepParameter.Domain readRange(MapReader r, YMap m) {
    YNode minNode = r.node("min");
    YNode maxNode = r.node("max");
    if (!(minNode instanceof YScalar min) || min.isNull()) {
      r.problem(minNode, "min", minNode == null ? "missing key 'min' (the smallest value of the range)"
          : "expected a number or a month, found " + minNode.kind());
      return null;
    }
    if (!(maxNode instanceof YScalar max) || max.isNull()) {
      r.problem(maxNode, "max", maxNode == null ? "missing key 'max' (the largest value of the range)"
          : "expected a number or a month, found " + maxNode.kind());
      return null;
    }
    Scale scale = m.has("scale") ? r.choice("scale", Scale.class) : Scale.LINEAR;
    boolean whole = m.has("integer") && r.bool("integer");
    if (isMonth(min.text()) || isMonth(max.text())) {
      YearMonth lo = MapReader.parseMonth(min, r.pathOf("min"), problems);
      YearMonth hi = MapReader.parseMonth(max, r.pathOf("max"), problems);
      if (m.has("scale") || m.has("integer")) {
        r.problem(m.get(m.has("scale") ? "scale" : "integer"), m.has("scale") ? "scale" : "integer",
            "a range of months takes whole months, evenly; scale and integer apply to numbers");
      }
      if (lo == null || hi == null) return null;
      if (!hi.isAfter(lo)) {
        r.problem(max, "max", "max (" + hi + ") must come after min (" + lo + ")");
        return null;
      }
      return new SweepParameter.MonthRange(lo, hi, min, max);
    }
    double lo = MapReader.toNumber(min, r.pathOf("min"), Range.ANY, problems);
    double hi = MapReader.toNumber(max, r.pathOf("max"), Range.ANY, problems);
    if (Double.isNaN(lo) || Double.isNaN(hi) || scale == null) return null;
    if (!(hi > lo)) {
      r.problem(max, "max", "max (" + max.text() + ") must be larger than min (" + min.text() + ")");
      return null;
    }
    if (scale == Scale.LOG && lo <= 0) {
      r.problem(min, "min", "a log scale needs min > 0, found " + min.text());
      return null;
    }
    if (whole) {
      if (scale == Scale.LOG) {
        r.problem(m.get("scale"), "scale", "a range of whole numbers is linear");
        return null;
      }
      if (lo != Math.rint(lo) || hi != Math.rint(hi)) {
        r.problem(lo != Math.rint(lo) ? min : max, lo != Math.rint(lo) ? "min" : "max",
            "integer: true needs whole numbers for min and max");
        return null;
      }
    }
    return new SweepParameter.NumberRange(lo, hi, scale == Scale.LOG, whole, min, max);
  }

  private SweepParameter.Domain readLevels(MapReader r, YMap m) {
    YNode n = r.node("levels");
    if (!(n instanceof YList list)) {
      r.problem(n, "levels", "expected a list of values like [0.2, 0.5] or [positive, negative], found " + n.kind());
      return null;
    }
    List<YScalar> levels = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (YNode item : list.items()) {
      if (!(item instanceof YScalar s) || s.isNull()) {
        r.problem(item, "levels", "expected a value (a number, a word or a month), found " + item.kind());
        continue;
      }
      if (!seen.add(s.text().strip())) {
        r.problem(s, "levels", "level '" + MapReader.abbreviate(s.text()) + "' is listed twice");
        continue;
      }
      levels.add(s);
    }
    if (list.items().isEmpty()) {
      r.problem(n, "levels", "the list of levels is empty");
      return null;
    }
    return levels.size() == list.items().size() ? new SweepParameter.Levels(levels) : null;
  }

  /** Writes one value into the base scenario and binds it, so the scenario's own checks apply. */
  private void checkValue(Inheritance.Resolved base, SweepParameter p, YScalar value) {
    YScalar scalar = p.domain() instanceof SweepParameter.Levels ? value
        : new YScalar(value.text(), value.plain(), false, value.origin(), p.source());
    try {
      ScenarioLoader.Loaded loaded = ScenarioLoader.bindChecked(TreePaths.set(base.tree(), p.path(), scalar), base.files());
      checked.add(new Checked(p, value, loaded.scenario()));
      for (Problem w : loaded.warnings()) {
        // the base's own warnings are reported once, by readBase; here only those of the swept value
        if (w.origin().equals(value.origin())) warnings.add(new Problem(w.origin(), w.path(), w.message()
            + " (a value the sweep sets)"));
      }
    } catch (TreePaths.Unresolved e) {
      problems.add(new Problem(value.origin(), p.path().text(), e.getMessage()));
    } catch (ScenarioException e) {
      for (Problem q : e.problems()) {
        if (q.origin().equals(value.origin())) {
          problems.add(q);
        } else {
          problems.add(new Problem(q.origin(), q.path(), q.message() + " (when the sweep sets "
              + p.path().text() + " to " + value.text() + ", " + value.origin() + ")"));
        }
      }
    }
  }

  private static boolean isMonth(String text) {
    return text.strip().matches("\\d{4}-\\d{1,2}");
  }

  /** The provenance of a parameter: the source that covers its entry, or its first value's. */
  private static String sourceOf(YMap m) {
    for (String key : List.of("path", "min", "max", "levels")) {
      YNode n = m.get(key);
      if (n instanceof YList l && !l.items().isEmpty()) n = l.items().get(0);
      if (n instanceof YScalar s && s.source() != null) return s.source();
    }
    return null;
  }

  // ---------------------------------------------------------------- outcomes

  private static final List<String> OUTCOME_KEYS = List.of("name", "metric", "actor", "target", "reduce", "from",
      "until");

  /**
   * One outcome at {@code at} (such as {@code outcomes[0]}); {@code otherKeys} are keys of the entry
   * that the caller reads itself. Null, with problems, when it is not valid.
   */
  OutcomeSpec readOutcome(YMap m, String at, List<String> otherKeys, List<SeriesKey> series, Set<String> ids,
      List<SweepParameter> parameters, List<OutcomeSpec> earlier, Scenario base) {
    MapReader r = new MapReader(m, at, problems);
    String metric = r.text("metric");
    Reducer reducer = r.choice("reduce", Reducer.class);
    String actor = r.optText("actor");
    String target = r.optText("target");
    String name = r.optText("name");
    java.time.YearMonth from = r.optMonth("from");
    java.time.YearMonth until = r.optMonth("until");
    for (String key : otherKeys) r.node(key);
    List<String> known = new ArrayList<>(OUTCOME_KEYS);
    known.addAll(otherKeys);
    r.finish(known);
    OutcomeSpec.Window window = window(r, m, from, until, base);
    if (metric == null) return null;
    actor = actor == null ? "" : actor.strip();
    target = target == null ? "" : target.strip();
    YNode metricAt = m.get("metric");
    Set<String> metrics = new TreeSet<>();
    for (SeriesKey k : series) metrics.add(k.metric());
    boolean isSeries = metrics.contains(metric);
    boolean isEvent = OutcomeSpec.EVENT_KINDS.contains(metric);
    if (!isSeries && !isEvent) {
      List<String> all = new ArrayList<>(metrics);
      all.addAll(OutcomeSpec.EVENT_KINDS);
      r.problem(metricAt, "metric", "no series or event kind '" + MapReader.abbreviate(metric) + "'"
          + Suggestions.hint(metric, all) + "; `hedgesim list` shows the metrics");
      return null;
    }
    // the reduction, the actor and the target are checked each on its own, so all their problems show
    boolean ok = reducer != null;
    if (reducer != null && reducer.forEvents() && !isEvent) {
      r.problem(m.get("reduce"), "reduce", "'" + metric + "' is a series: reduce it with final, mean, min or max");
      ok = false;
    }
    if (reducer != null && !reducer.forEvents() && !isSeries) {
      r.problem(m.get("reduce"), "reduce", "'" + metric + "' is an event: reduce it with first_step, occurred or count");
      ok = false;
    }
    if (isSeries) {
      ok &= checkSeriesEnds(r, m, metric, actor, target, series);
    } else {
      for (String key : List.of("actor", "target")) {
        String id = key.equals("actor") ? actor : target;
        if (!id.isEmpty() && !ids.contains(id) && !(metric.equals("trade_agreement") && key.equals("actor"))) {
          r.problem(m.get(key), key, "no actor, framework or project with id '" + MapReader.abbreviate(id) + "'"
              + Suggestions.hint(id, ids));
          ok = false;
        }
      }
    }
    if (!ok || window == null) return null;
    if (name == null) {
      name = metric + (actor.isEmpty() ? "" : "_" + actor) + (target.isEmpty() ? "" : "_" + target)
          + "_" + reducer.word() + (window.from() == null ? "" : "_from_" + window.from())
          + (window.until() == null ? "" : "_until_" + window.until());
    }
    checkOutcomeName(r, m.get("name") != null ? m.get("name") : metricAt, m.get("name") != null, name, parameters,
        earlier);
    return new OutcomeSpec(name, metric, actor, target, reducer, window);
  }

  /**
   * The steps of an outcome's {@code from:} and {@code until:} months (both included), taken with
   * the base scenario's start and step; null, with a problem, when a month lies outside the run or
   * the window is empty.
   */
  private static OutcomeSpec.Window window(MapReader r, YMap m, java.time.YearMonth from,
      java.time.YearMonth until, Scenario base) {
    if (from == null && until == null) return OutcomeSpec.Window.WHOLE_RUN;
    boolean ok = true;
    for (var end : List.of(java.util.Map.entry("from", java.util.Optional.ofNullable(from)),
        java.util.Map.entry("until", java.util.Optional.ofNullable(until)))) {
      java.time.YearMonth month = end.getValue().orElse(null);
      if (month != null && (month.isBefore(base.start()) || month.isAfter(base.end()))) {
        r.problem(m.get(end.getKey()), end.getKey(), "the month " + month + " is outside the base scenario's run ("
            + base.start() + " to " + base.end() + ")");
        ok = false;
      }
    }
    if (ok && from != null && until != null && until.isBefore(from)) {
      r.problem(m.get("until"), "until", "the window ends (" + until + ") before it begins (" + from + ")");
      ok = false;
    }
    if (!ok) return null;
    return new OutcomeSpec.Window(from == null ? 0 : base.stepOf(from),
        until == null ? Integer.MAX_VALUE : base.stepOf(until),
        from == null ? null : from.toString(), until == null ? null : until.toString());
  }

  /** Whether a series outcome names an actor and a target the series exists for; reports what is wrong. */
  private static boolean checkSeriesEnds(MapReader r, YMap m, String metric, String actor, String target,
      List<SeriesKey> series) {
    if (actor.isEmpty()) {
      r.problem(null, "actor", "missing key 'actor' (whose " + metric + ")");
      return false;
    }
    List<String> actors = new ArrayList<>(new LinkedHashSet<>(series.stream()
        .filter(k -> k.metric().equals(metric)).map(SeriesKey::actor).toList()));
    if (!actors.contains(actor)) {
      r.problem(m.get("actor"), "actor", "no series " + metric + " for actor '" + actor + "'"
          + Suggestions.hint(actor, actors) + "; it exists for " + String.join(", ", actors));
      return false;
    }
    List<String> targets = series.stream().filter(k -> k.metric().equals(metric) && k.actor().equals(actor))
        .map(SeriesKey::target).toList();
    if (!targets.contains(target)) {
      YNode at = m.get("target") != null ? m.get("target") : m;
      r.problem(at, "target", targets.equals(List.of(""))
          ? metric + " of " + actor + " has no target; leave 'target' out"
          : (target.isEmpty() ? "missing key 'target'" : "no series " + metric + "[" + actor + "," + target + "]"
              + Suggestions.hint(target, targets)) + "; " + metric + " of " + actor + " has targets "
              + String.join(", ", targets));
      return false;
    }
    return true;
  }

  /** The longest outcome name, a column of the results. */
  static final int MAX_OUTCOME_NAME = 64;

  /**
   * An outcome's name is a column of runs.csv and summary.csv: letters, digits, '_', '.' and '-',
   * starting with a letter or digit, so that no spreadsheet reads it as a formula.
   */
  private void checkOutcomeName(MapReader r, YNode at, boolean named, String name, List<SweepParameter> parameters,
      List<OutcomeSpec> earlier) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (MAX_OUTCOME_NAME - 1) + "}")) {
      r.problem(at, "name", "an outcome name is 1 to " + MAX_OUTCOME_NAME + " letters, digits, '_', '.' and '-',"
          + " starting with a letter or digit (it heads a column of the results), found '"
          + MapReader.abbreviate(name) + "'" + (name.length() > MAX_OUTCOME_NAME ? " (" + name.length() + " characters)" : "")
          + (named ? "" : "; give it one with 'name:'"));
      return;
    }
    checkName(r, at, "name", name, parameters, earlier);
  }

  private void checkName(MapReader r, YNode at, String key, String name, List<SweepParameter> parameters,
      List<OutcomeSpec> outcomes) {
    if (name.isBlank() || name.chars().anyMatch(c -> c < 0x20)) {
      r.problem(at, key, "a column name is a line of text without control characters");
      return;
    }
    if ("=+-@".indexOf(name.charAt(0)) >= 0) {
      r.problem(at, key, "a column name may not start with '" + name.charAt(0) + "', which a spreadsheet reads as"
          + " a formula; found '" + MapReader.abbreviate(name) + "'");
      return;
    }
    if (RESERVED.contains(name)) {
      r.problem(at, key, "'" + name + "' names a column the results already have; choose another name");
      return;
    }
    Map<String, Origin> taken = new HashMap<>();
    for (SweepParameter p : parameters) taken.put(p.name(), p.origin());
    for (OutcomeSpec o : outcomes) taken.put(o.name(), null);
    if (taken.containsKey(name)) {
      r.problem(at, key, "the column name '" + name + "' is used twice; give one of them another name with 'name:'");
    }
  }

  /**
   * A parameter may change which series a run records (an actor's role, say): every series an
   * outcome needs must exist at every bound of every parameter.
   */
  void checkSeries(List<OutcomeSpec> outcomes) {
    List<OutcomeSpec> series = outcomes.stream().filter(o -> !o.isEvent()).toList();
    if (series.isEmpty()) return;
    for (Checked c : checked) {
      List<SeriesKey> keys = seriesOf(c.scenario());
      for (OutcomeSpec o : series) {
        if (!keys.contains(new SeriesKey(o.metric(), o.actor(), o.target()))) {
          problems.add(new Problem(c.value().origin(), c.parameter().path().text(), "with this value the scenario"
              + " records no series " + o.metric() + "[" + o.actor() + (o.target().isEmpty() ? "" : "," + o.target())
              + "], which outcome " + o.name() + " needs"));
        }
      }
    }
  }

  /** The ids an event outcome may name: the scenario's actors, frameworks and projects. */
  static Set<String> idsOf(Scenario s) {
    Set<String> ids = new LinkedHashSet<>();
    s.actors().forEach(a -> ids.add(a.id()));
    s.frameworks().forEach(f -> ids.add(f.id()));
    s.projects().forEach(p -> ids.add(p.id()));
    return ids;
  }

  /** The series a scenario's runs record, from a world built but not run. */
  public static List<SeriesKey> seriesOf(Scenario s) {
    HedgeWorld w = new HedgeWorld(s.seed(), s);
    w.start();
    List<SeriesKey> keys = w.series();
    w.finish();
    return keys;
  }
}

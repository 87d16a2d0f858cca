package org.hedgesim.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hedgesim.experiment.SweepLoader;
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
 * Reads a calibration file (docs/CALIBRATION.md) with the rigour of a sweep file: every key is
 * checked (with "did you mean"), the base scenario and the observation files are read and checked
 * against each other, every free parameter's path is found in the scenario, and the bounds of its
 * prior are written into the scenario and checked by the scenario loader. Every problem is
 * reported at once, with file, line, column and key; nothing runs until the file is clean.
 */
public final class CalibrationLoader {

  static final List<String> TOP_KEYS = List.of("calibration", "description", "scenario", "observations",
      "hold_out_from", "parameters", "method", "particles", "generations", "min_acceptance", "quantile",
      "replications", "seed", "samples", "evaluations", "profile_points");
  private static final List<String> PARAMETER_KEYS = List.of("path", "name", "prior");
  private static final List<String> PRIORS = List.of("uniform", "beta", "normal");
  /** Column names of the results that a parameter may not take. */
  static final Set<String> RESERVED = Set.of("generation", "particle", "weight", "distance", "parameter");

  private final String display;
  private final List<Problem> problems = new ArrayList<>();

  private CalibrationLoader(String display) {
    this.display = display;
  }

  /** Whether a YAML document is a calibration file (it has a {@code calibration:} key). */
  public static boolean isCalibration(YMap document) {
    return document.has("calibration");
  }

  public static Calibration load(Path file, String displayName) throws ScenarioException {
    return new CalibrationLoader(displayName).read(file);
  }

  private Calibration read(Path file) throws ScenarioException {
    YMap doc = YamlReader.read(file, display);
    if (!doc.has("calibration") && (doc.has("scenario") || doc.has("sweep"))) {
      throw new ScenarioException(new Problem(doc.origin(), "", "this is not a calibration file (it has no"
          + " 'calibration:' key); docs/CALIBRATION.md shows one"));
    }
    MapReader top = new MapReader(doc, "", problems);
    String name = top.folderName("calibration", "calibration");
    String description = top.optText("description");
    String scenarioText = top.text("scenario");
    List<YScalar> observationNodes = top.wordNodes("observations", true);
    YearMonth holdOut = top.has("hold_out_from") ? top.month("hold_out_from") : null;
    List<YMap> parameterMaps = top.maps("parameters");
    Calibration.Method method = method(top, doc);
    int particles = top.optInteger("particles", 10, 100_000, 500);
    int generations = top.optInteger("generations", 1, 100, 8);
    double minAcceptance = top.has("min_acceptance") ? top.number("min_acceptance", Range.OPEN_SHARE) : 0.02;
    if (minAcceptance < 1e-4) top.problem(doc.get("min_acceptance"), "min_acceptance", "at least 0.0001: a"
        + " generation may make up to particles / min_acceptance proposals");
    double quantile = top.has("quantile") ? top.number("quantile", Range.OPEN_SHARE) : 0.5;
    if (quantile >= 1) top.problem(doc.get("quantile"), "quantile", "the tolerance quantile is below 1"
        + " (0.5, the median of the last generation's distances, is usual)");
    int replications = top.optInteger("replications", 1, 1000, 4);
    Long seed = top.has("seed") ? Long.valueOf(top.longValue("seed")) : null;
    int samples = top.optInteger("samples", 10, 1_000_000, Math.max(particles * 10, 100));
    int evaluations = top.optInteger("evaluations", 10, 1_000_000, 400);
    int profilePoints = top.optInteger("profile_points", 3, 1001, 11);
    if (doc.get("parameters") == null) {
      top.problem(null, "parameters", "missing key 'parameters' (the free parameters and their priors)");
    } else if (parameterMaps.isEmpty() && problems.isEmpty()) {
      top.problem(doc.get("parameters"), "parameters", "the list is empty; give at least one free parameter");
    }
    if (method == Calibration.Method.REJECTION && samples < particles) {
      top.problem(doc.get("samples"), "samples", "rejection keeps the " + particles + " closest of its samples,"
          + " so samples must be at least particles, found " + samples);
    }
    top.finish(TOP_KEYS);

    SweepLoader.Base read = SweepLoader.readBase(doc, file, display, scenarioText, "calibration", problems);
    Inheritance.Resolved base = read == null ? null : read.resolved();
    Scenario scenario = read == null ? null : read.scenario();
    if (holdOut != null && scenario != null
        && (!holdOut.isAfter(scenario.start()) || holdOut.isAfter(scenario.end()))) {
      problems.add(new Problem(doc.get("hold_out_from").origin(), "hold_out_from", "the hold-out starts after"
          + " the scenario's first month (" + scenario.start() + ") and no later than its last (" + scenario.end()
          + "), found " + holdOut));
    }

    List<SeriesKey> series = scenario == null ? List.of() : SweepLoader.seriesOf(scenario);
    List<String> observationFiles = new ArrayList<>();
    List<Path> observationPaths = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    for (YScalar node : observationNodes) {
      Path p = file.toAbsolutePath().getParent().resolve(node.text()).normalize();
      String shown = relativeName(node.text());
      if (!Files.exists(p)) {
        problems.add(new Problem(node.origin(), "observations", "the observation file was not found: tried " + shown
            + " (a path relative to the calibration file)"));
        continue;
      }
      if (scenario == null) continue;
      observationFiles.add(shown);
      observationPaths.add(p);
      try {
        observations.addAll(ObservationReader.read(p, shown, scenario, series));
      } catch (ScenarioException e) {
        problems.addAll(e.problems());
      }
    }
    checkAcrossFiles(observations);
    if (holdOut != null) checkHoldOut(observations, holdOut, doc.get("hold_out_from"));

    List<FreeParameter> parameters = new ArrayList<>();
    if (base != null) {
      for (int i = 0; i < parameterMaps.size(); i++) {
        FreeParameter p = readParameter(parameterMaps.get(i), i, base, parameters);
        if (p != null) parameters.add(p);
      }
    }
    if (problems.isEmpty() && observations.stream().noneMatch(o -> holdOut == null || o.from().isBefore(holdOut))) {
      problems.add(new Problem(doc.get("hold_out_from").origin(), "hold_out_from", "every observation is held out"
          + " (from " + holdOut + " on); nothing is left to fit"));
    }
    if (!problems.isEmpty()) throw failure();
    long masterSeed = seed != null ? seed : scenario.seed();
    return new Calibration(name, description == null ? "" : description, display, file, base, scenario, series,
        observationFiles, observationPaths, observations, holdOut, parameters, method, particles, generations,
        minAcceptance, quantile, replications, masterSeed, samples, evaluations, profilePoints);
  }

  private String relativeName(String text) {
    Path nameDir = Path.of(display).getParent();
    return (nameDir == null ? Path.of(text) : nameDir.resolve(text)).normalize().toString();
  }

  private Calibration.Method method(MapReader top, YMap doc) {
    if (!top.has("method")) return Calibration.Method.ABC_SMC;
    String text = top.text("method");
    if (text == null) return Calibration.Method.ABC_SMC;
    List<String> words = new ArrayList<>();
    for (Calibration.Method m : Calibration.Method.values()) {
      if (m.word.equals(text.strip().toLowerCase(Locale.ROOT))) return m;
      words.add(m.word);
    }
    top.problem(doc.get("method"), "method", "expected one of " + String.join(" | ", words) + ", found '"
        + MapReader.abbreviate(text) + "'" + Suggestions.hint(text, words));
    return Calibration.Method.ABC_SMC;
  }

  /** The same series and date in two files is one observation given twice. */
  private void checkAcrossFiles(List<Observation> observations) {
    Set<String> seen = new HashSet<>();
    for (Observation o : observations) {
      if (!seen.add(o.date() + "|" + o.series())) {
        problems.add(new Problem(o.origin(), "date", "a second observation of " + o.label()
            + " (another observation file gives it too); keep one"));
      }
    }
  }

  /** A yearly observation cannot be half fitted and half forecast. */
  private void checkHoldOut(List<Observation> observations, YearMonth holdOut, YNode at) {
    for (Observation o : observations) {
      if (o.from().isBefore(holdOut) && !o.until().isBefore(holdOut)) {
        problems.add(new Problem(o.origin(), "date", o.date() + " spans the start of the hold-out (" + holdOut
            + ", " + at.origin() + "); observe months, or start the hold-out with a year"));
      }
    }
  }

  private FreeParameter readParameter(YMap m, int index, Inheritance.Resolved base, List<FreeParameter> earlier) {
    MapReader r = new MapReader(m, "parameters[" + index + "]", problems);
    String pathText = r.text("path");
    String name = r.optText("name");
    YMap priorMap = r.submap("prior", true);
    r.finish(PARAMETER_KEYS);
    Prior prior = priorMap == null ? null : readPrior(new MapReader(priorMap, r.pathOf("prior"), problems), priorMap);
    if (pathText == null) return null;
    YScalar pathNode = (YScalar) m.get("path");
    TreePath path;
    TreePaths.Target target;
    try {
      path = TreePath.parse(pathText);
      if (path.steps().get(0) instanceof TreePath.Key k && Set.of("scenario", "description", "extends", "seed",
          "replications", "start", "end", "step").contains(k.name())) {
        r.problem(pathNode, "path", "'" + k.name() + "' is not a behavioural value of the model; calibrate a value"
            + " such as parameters.alignment_noise or actors[ID].nationalism");
        return null;
      }
      target = TreePaths.find(base.tree(), path);
    } catch (TreePath.Malformed | TreePaths.Unresolved e) {
      r.problem(pathNode, "path", e.getMessage());
      return null;
    }
    if (!(target.current() == null || target.current().plain() && number(target.current().text()))) {
      r.problem(pathNode, "path", "the scenario's value there is '" + MapReader.abbreviate(target.current().text())
          + "', not a number; a calibration estimates numbers");
      return null;
    }
    String positional = positionalPick(target.canonical());
    if (positional != null) {
      r.problem(pathNode, "path", "the entry [" + positional + "] is picked by its position; calibrate a value of"
          + " an entry with an identity (an id, a relation's pair, a flow's kind:from>to), since the calibrated"
          + " scenario sets it through extends, which finds entries by identity");
      return null;
    }
    if (name == null) name = path.text();
    if (RESERVED.contains(name) || !name.matches("[A-Za-z_][A-Za-z0-9_.\\[\\],:>-]{0,199}")) {
      r.problem(m.get("name") != null ? m.get("name") : pathNode, "name", "'" + MapReader.abbreviate(name)
          + "' cannot name a column of the results" + (RESERVED.contains(name) ? " (the results use it)" : ""));
      return null;
    }
    for (FreeParameter p : earlier) {
      if (p.canonical().equals(target.canonical()) || p.name().equals(name)) {
        r.problem(pathNode, "path", "the calibration already estimates this value (" + p.path().text() + ", at "
            + p.origin() + ")");
        return null;
      }
    }
    if (prior == null) return null;
    FreeParameter p = new FreeParameter(name, path, target.canonical(), prior, sourceOf(m), m.origin());
    double[] bounds = prior instanceof Prior.Normal ? new double[] {prior.mean()} : prior.range();
    for (double v : bounds) checkValue(base, p, v, priorMap.origin());
    return p;
  }

  /** A pick of the canonical path that is a position (its entry has no identity), or null. */
  private static String positionalPick(String canonical) {
    try {
      String list = "";
      for (TreePath.Step s : TreePath.parse(canonical).steps()) {
        if (s instanceof TreePath.Key k) list = k.name();
        if (s instanceof TreePath.Pick p && p.selector().matches("\\d+") && !list.equals("relations")
            && !list.equals("flows")) {
          return p.selector();
        }
      }
    } catch (TreePath.Malformed e) {
      return canonical;
    }
    return null;
  }

  private static boolean number(String text) {
    return text.strip().matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  }

  private Prior readPrior(MapReader r, YMap m) {
    List<String> kinds = new ArrayList<>();
    for (String k : m.entries().keySet()) {
      if (PRIORS.contains(k)) kinds.add(k);
    }
    if (kinds.size() != 1) {
      r.problem(m, "", kinds.isEmpty() ? "a prior is one of {uniform: [low, high]}, {beta: [a, b]},"
          + " {normal: [mean, sd]}" : "a prior has one kind, found " + String.join(" and ", kinds));
      r.finish(PRIORS);
      return null;
    }
    String kind = kinds.get(0);
    YNode n = r.node(kind);
    r.finish(PRIORS);
    if (!(n instanceof YList list) || list.items().size() != 2 || !(list.items().get(0) instanceof YScalar a)
        || !(list.items().get(1) instanceof YScalar b)) {
      r.problem(n, kind, "expected two numbers, as " + kind + ": [" + (kind.equals("normal") ? "mean, sd" :
          kind.equals("beta") ? "a, b" : "low, high") + "]");
      return null;
    }
    double x = MapReader.toNumber(a, r.pathOf(kind), Range.ANY, problems);
    double y = MapReader.toNumber(b, r.pathOf(kind), Range.ANY, problems);
    if (Double.isNaN(x) || Double.isNaN(y)) return null;
    switch (kind) {
      case "uniform" -> {
        if (!(y > x)) {
          r.problem(b, kind, "the upper bound (" + b.text() + ") must be larger than the lower (" + a.text() + ")");
          return null;
        }
        return new Prior.Uniform(x, y);
      }
      case "beta" -> {
        if (!(x > 0) || !(y > 0)) {
          r.problem(x > 0 ? b : a, kind, "the shapes of a beta prior are numbers > 0");
          return null;
        }
        return new Prior.Beta(x, y);
      }
      default -> {
        if (!(y > 0)) {
          r.problem(b, kind, "the sd of a normal prior is a number > 0, found " + b.text());
          return null;
        }
        return new Prior.Normal(x, y);
      }
    }
  }

  /** Writes one value into the base scenario and binds it, so the scenario's own checks apply. */
  private void checkValue(Inheritance.Resolved base, FreeParameter p, double v, Origin priorAt) {
    try {
      ScenarioLoader.bind(TreePaths.set(base.tree(), p.path(), p.scalar(v)), base.files());
    } catch (TreePaths.Unresolved e) {
      problems.add(new Problem(priorAt, p.path().text(), e.getMessage()));
    } catch (ScenarioException e) {
      for (Problem q : e.problems()) {
        problems.add(new Problem(priorAt, p.path().text(), "the prior " + p.prior().text() + " reaches "
            + org.hedgesim.output.Numbers.format(v) + ", which the scenario refuses: " + q.message()
            + "; narrow the prior to the values the model takes"));
      }
    }
  }

  private static String sourceOf(YMap m) {
    for (String key : List.of("path", "name")) {
      if (m.get(key) instanceof YScalar s && s.source() != null) return s.source();
    }
    if (m.get("prior") instanceof YMap p) {
      for (YMap.Entry e : p.entries().values()) {
        YNode n = e.value();
        if (n instanceof YList l && !l.items().isEmpty()) n = l.items().get(0);
        if (n instanceof YScalar s && s.source() != null) return s.source();
      }
    }
    return null;
  }

  private ScenarioException failure() {
    Set<String> seen = new HashSet<>();
    List<Problem> unique = new ArrayList<>();
    for (Problem p : problems) {
      if (seen.add(p.toString())) unique.add(p);
    }
    Collections.sort(unique);
    return new ScenarioException(unique);
  }
}

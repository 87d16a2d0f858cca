package org.hedgesim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.analysis.RobustnessMetrics.Direction;
import org.hedgesim.analysis.RobustnessMetrics.Threshold;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.MapReader;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.YNode;
import org.hedgesim.scenario.YNode.YList;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;
import org.hedgesim.scenario.YamlReader;

/**
 * Reads a robust-decision file (docs/ANALYSIS.md, "Robust decisions") with the rigour of a sweep
 * file, and with the sweep loader's own reading of the base scenario, of each lever and
 * uncertainty (as a sweep parameter: path found in the base, every bound and level written into it
 * and checked) and of each objective's outcome. All problems are reported together, each with
 * file, line, column and key.
 */
public final class RobustLoader {

  static final List<String> TOP_KEYS = List.of("robust", "description", "scenario", "seed", "replications",
      "futures", "levers", "uncertainties", "objectives");
  static final List<String> OBJECTIVE_KEYS = List.of("direction", "satisficing", "percentile");
  /** Columns of the robust results that a lever, uncertainty or objective may not be named. */
  static final Set<String> RESERVED = Set.of("setting", "future", "label", "pareto");
  /** The most lever settings (each runs every future). */
  public static final int MAX_SETTINGS = 10_000;
  /** The most futures (held in memory with each setting's objective means). */
  public static final int MAX_FUTURES = 100_000;
  /** The most (setting, future) cells, each held as one mean per objective. */
  public static final long MAX_CELLS = 10_000_000L;
  private static final Pattern THRESHOLD =
      Pattern.compile("\\s*(>=|<=|>|<)\\s*([-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?)\\s*");

  private final SweepLoader shared;
  private final List<Problem> problems;

  private RobustLoader(String display) {
    shared = new SweepLoader(display);
    problems = shared.problems();
  }

  /** Whether a YAML document is a robust-decision file (it has a {@code robust:} key). */
  public static boolean isRobust(YMap document) {
    return document.has("robust") && !document.has("sweep");
  }

  public static RobustStudy load(Path file, String displayName) throws ScenarioException {
    return new RobustLoader(displayName).read(file, displayName);
  }

  private RobustStudy read(Path file, String display) throws ScenarioException {
    YMap doc = YamlReader.read(file, display);
    if (!doc.has("robust") && (doc.has("actors") || doc.has("start") || doc.has("extends"))) {
      throw new ScenarioException(new Problem(doc.origin(), "", "this is a scenario file, not a robust-decision"
          + " file; write one that names it with 'scenario:' (docs/ANALYSIS.md, \"Robust decisions\")"));
    }
    if (!doc.has("robust") && doc.has("sweep")) {
      throw new ScenarioException(new Problem(doc.origin(), "", "this is a sweep file; run it with 'hedgesim"
          + " sweep', or write a robust-decision file (docs/ANALYSIS.md, \"Robust decisions\")"));
    }
    MapReader top = new MapReader(doc, "", problems);
    String name = top.folderName("robust", "study");
    String description = top.optText("description");
    String scenarioText = top.text("scenario");
    Long seed = top.has("seed") ? Long.valueOf(top.longValue("seed")) : null;
    int replications = top.optInteger("replications", 1, 10_000, 1);
    int futureCount = top.integer("futures", 1, MAX_FUTURES);
    List<YMap> leverMaps = top.maps("levers");
    List<YMap> uncertaintyMaps = top.maps("uncertainties");
    List<YMap> objectiveMaps = top.maps("objectives");
    requireEntries(top, doc, "levers", "what an actor controls, each with levels");
    requireEntries(top, doc, "uncertainties", "the contested assumptions, each with a range or levels");
    requireEntries(top, doc, "objectives", "the outcomes to judge the settings by, each with a direction");
    top.finish(TOP_KEYS);

    shared.readBase(doc, file, scenarioText);
    List<SweepParameter> all = new ArrayList<>();
    List<SweepParameter> levers = new ArrayList<>();
    List<SweepParameter> uncertainties = new ArrayList<>();
    List<RobustStudy.Objective> objectives = new ArrayList<>();
    if (shared.base != null) {
      for (int i = 0; i < leverMaps.size(); i++) {
        YMap m = leverMaps.get(i);
        String at = "levers[" + i + "]";
        if (!m.has("levels") && (m.has("min") || m.has("max"))) {
          YNode where = m.get(m.has("min") ? "min" : "max");
          problems.add(new Problem(where.origin(), at + "." + (m.has("min") ? "min" : "max"), "a lever takes"
              + " levels (the settings are the full factorial of the levers' levels), not a range; give"
              + " levels: [...], or make it an uncertainty"));
          continue;
        }
        SweepParameter p = shared.readParameter(m, at, shared.base, all);
        if (p != null) {
          checkReserved(p.name(), p.origin(), at);
          levers.add(p);
          all.add(p);
        }
      }
      for (int i = 0; i < uncertaintyMaps.size(); i++) {
        String at = "uncertainties[" + i + "]";
        SweepParameter p = shared.readParameter(uncertaintyMaps.get(i), at, shared.base, all);
        if (p != null) {
          checkReserved(p.name(), p.origin(), at);
          uncertainties.add(p);
          all.add(p);
        }
      }
    }
    if (shared.baseScenario != null) {
      List<SeriesKey> series = SweepLoader.seriesOf(shared.baseScenario);
      Set<String> ids = SweepLoader.idsOf(shared.baseScenario);
      List<OutcomeSpec> outcomes = new ArrayList<>();
      for (int i = 0; i < objectiveMaps.size(); i++) {
        YMap m = objectiveMaps.get(i);
        String at = "objectives[" + i + "]";
        OutcomeSpec o = shared.readOutcome(m, at, OBJECTIVE_KEYS, series, ids, all, outcomes, shared.baseScenario);
        RobustStudy.Objective objective = readObjective(m, at, o);
        if (o != null && o.reducer() == OutcomeSpec.Reducer.FIRST_STEP) {
          problems.add(new Problem(m.get("reduce").origin(), at + ".reduce", "an objective needs a value in every"
              + " run, and first_step has none when the event does not happen; use occurred (a probability) or count"));
          continue;
        }
        if (o != null) {
          checkReserved(o.name(), m.origin(), at);
          outcomes.add(o);
        }
        if (objective != null) objectives.add(objective);
      }
      shared.checkSeries(outcomes);
    }
    if (!problems.isEmpty()) throw shared.failure();

    long settings = 1;
    for (SweepParameter p : levers) settings *= p.domain().cardinality();
    YNode leversAt = doc.get("levers");
    if (settings > MAX_SETTINGS) {
      problems.add(new Problem(leversAt.origin(), "levers", "the levers give " + settings + " settings, more than"
          + " the limit of " + MAX_SETTINGS + "; use fewer levels"));
    } else if (settings * futureCount > MAX_CELLS) {
      problems.add(new Problem(doc.get("futures").origin(), "futures", settings + " settings x " + futureCount
          + " futures is more than the limit of " + MAX_CELLS + " (each is held in memory); use fewer futures"));
    }
    if (!problems.isEmpty()) throw shared.failure();

    long masterSeed = seed != null ? seed : shared.baseScenario.seed();
    long samplingSeed = Seeds.derive(masterSeed, SweepLoader.SAMPLING_STREAM, 0);
    int[] cardinality = new int[uncertainties.size()];
    for (int j = 0; j < cardinality.length; j++) cardinality[j] = uncertainties.get(j).domain().cardinality();
    DesignPoints futures = new LatinHypercube(futureCount).generate(cardinality, new MersenneTwister(samplingSeed));
    return new RobustStudy(name, description == null ? "" : description, display, file, shared.base,
        shared.baseScenario, masterSeed, replications, levers, uncertainties, objectives, futures, samplingSeed);
  }

  /** The direction, percentile and threshold of an objective; null (with problems) if not valid. */
  private RobustStudy.Objective readObjective(YMap m, String at, OutcomeSpec outcome) {
    MapReader r = new MapReader(m, at, problems);
    Direction direction = r.choice("direction", Direction.class);
    double percentile = Double.NaN;
    if (m.has("percentile")) {
      percentile = r.number("percentile", MapReader.Range.POSITIVE);
      if (percentile > 100) {
        r.problem(m.get("percentile"), "percentile", "a percentile lies in (0, 100], found "
            + ((YScalar) m.get("percentile")).text().strip());
        percentile = Double.NaN;
      } else if (Double.isNaN(percentile)) {
        return null;
      }
    }
    Threshold threshold = null;
    YNode s = r.node("satisficing");
    if (s != null) {
      Matcher matcher = s instanceof YScalar sc && !sc.isNull() ? THRESHOLD.matcher(sc.text()) : null;
      if (matcher == null || !matcher.matches()) {
        r.problem(s, "satisficing", "expected a threshold such as \">= 0.6\" or \"< 0.1\" (quoted: an operator"
            + " >=, <=, > or <, then a number), found " + (s instanceof YScalar sc ? "'"
            + MapReader.abbreviate(sc.text()) + "'" : s.kind()));
        return null;
      }
      threshold = new Threshold(matcher.group(1), Double.parseDouble(matcher.group(2)));
    }
    if (direction == null || outcome == null || (m.has("percentile") && Double.isNaN(percentile))) return null;
    return new RobustStudy.Objective(outcome, direction,
        Double.isNaN(percentile) ? direction.defaultPercentile() : percentile, threshold, m.origin());
  }

  private void checkReserved(String name, org.hedgesim.scenario.Origin origin, String at) {
    if (RESERVED.contains(name)) {
      problems.add(new Problem(origin, at + ".name", "'" + name + "' names a column the robust results already"
          + " have; choose another name with 'name:'"));
    }
  }

  /** A list of entries that must be there and not be empty. */
  private static void requireEntries(MapReader top, YMap doc, String key, String what) {
    YNode n = doc.get(key);
    if (n == null) {
      top.problem(null, key, "missing key '" + key + "' (" + what + ")");
    } else if (n instanceof YList l && l.items().isEmpty() || n instanceof YScalar s && s.isNull()) {
      top.problem(n, key, "the list is empty; give at least one entry (" + what + ")");
    }
  }
}

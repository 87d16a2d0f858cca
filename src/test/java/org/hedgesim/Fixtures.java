package org.hedgesim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.experiment.Replication;
import org.hedgesim.experiment.Seeds;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;

/** Shared helpers of the tests: the repository, its scenarios, variants of them, and runs. */
public final class Fixtures {
  private Fixtures() {}

  /** The repository root (Maven passes it; otherwise the working folder). */
  public static Path repo() {
    String p = System.getProperty("hedgesim.repo");
    return Path.of(p != null ? p : System.getProperty("user.dir")).toAbsolutePath();
  }

  /** A test resource file (src/test/resources). */
  public static Path testResource(String path) {
    return repo().resolve("src/test/resources").resolve(path);
  }

  /** Loads a scenario from a file. */
  public static Scenario load(Path file) {
    try {
      return ScenarioLoader.load(file);
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  public static Path scenarioFile(String name) {
    return repo().resolve("scenarios").resolve(name);
  }

  /** Folders under scenarios/ whose scenario files ship too (hindcasts, fitted to data). */
  public static final List<String> SHIPPED_SUBFOLDERS = List.of("hindcast");

  /**
   * Every shipped scenario file, sorted: the YAML files of scenarios/ and of its
   * {@link #SHIPPED_SUBFOLDERS}. A file of a subfolder counts only if it is a scenario (it has a
   * top-level {@code scenario:} key and no {@code calibration:} key, which a calibration file has
   * with the {@code scenario:} it calibrates), since a calibration file sits beside its hindcast.
   */
  public static List<Path> shippedScenarios() throws IOException {
    List<Path> out = new ArrayList<>();
    try (var s = Files.list(repo().resolve("scenarios"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).forEach(out::add);
    }
    for (String sub : SHIPPED_SUBFOLDERS) {
      Path dir = repo().resolve("scenarios").resolve(sub);
      if (!Files.isDirectory(dir)) continue;
      try (var s = Files.list(dir)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).toList()) {
          List<String> lines = Files.readAllLines(p);
          if (lines.stream().anyMatch(l -> l.startsWith("scenario:"))
              && lines.stream().noneMatch(l -> l.startsWith("calibration:"))) {
            out.add(p);
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  public static Scenario scenario(String name) {
    try {
      return ScenarioLoader.load(scenarioFile(name));
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /**
   * A variant of a shipped scenario: writes {@code body} (YAML, without the extends line) to a
   * file in {@code dir} that extends the shipped one, and loads it.
   */
  public static Scenario variant(Path dir, String base, String name, String body) {
    try {
      Path f = dir.resolve(name + ".yaml");
      Files.writeString(f, "scenario: " + name + "\nextends: " + scenarioFile(base) + "\n" + body);
      return ScenarioLoader.load(f);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /**
   * A variant of any scenario file: writes {@code body} to a file in {@code dir} that extends
   * {@code base}, and loads it.
   */
  public static Scenario variantOf(Path dir, Path base, String name, String body) {
    try {
      Path f = dir.resolve(name + ".yaml");
      Files.writeString(f, "scenario: " + name + "\nextends: " + base.toAbsolutePath() + "\n" + body);
      return ScenarioLoader.load(f);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** The final value of a series in each replication. */
  public static double[] finals(List<Replication> reps, String metric, String actor, String target) {
    return reps.stream().mapToDouble(r -> value(r, metric, actor, target, r.steps() - 1)).toArray();
  }

  /** The run mean of a series in each replication. */
  public static double[] runMeans(List<Replication> reps, String metric, String actor, String target) {
    return reps.stream().mapToDouble(r -> runMean(r, metric, actor, target)).toArray();
  }

  /** The mean of numbers. */
  public static double mean(double[] v) {
    return java.util.Arrays.stream(v).average().orElseThrow();
  }

  /** The sample standard deviation of numbers. */
  public static double sd(double[] v) {
    double m = mean(v);
    double ss = 0;
    for (double x : v) ss += (x - m) * (x - m);
    return Math.sqrt(ss / (v.length - 1));
  }

  /** Element-wise a - b. */
  public static double[] minus(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
    return d;
  }

  /** Runs replications 0..n-1 of a scenario with the seeds the run command would use. */
  public static List<Replication> run(Scenario s, int n) {
    List<Replication> out = new ArrayList<>();
    for (int r = 0; r < n; r++) out.add(Replication.run(s, r, Seeds.derive(s.seed(), 0, r)));
    return out;
  }

  /** The index of a series in a replication. */
  public static int series(Replication r, String metric, String actor, String target) {
    List<SeriesKey> keys = r.series();
    for (int i = 0; i < keys.size(); i++) {
      SeriesKey k = keys.get(i);
      if (k.metric().equals(metric) && k.actor().equals(actor) && k.target().equals(target)) return i;
    }
    throw new AssertionError("no series " + metric + "[" + actor + "," + target + "]");
  }

  /** The value of a series at a step. */
  public static double value(Replication r, String metric, String actor, String target, int step) {
    return r.values()[step][series(r, metric, actor, target)];
  }

  /** The mean of a series over all steps. */
  public static double runMean(Replication r, String metric, String actor, String target) {
    int i = series(r, metric, actor, target);
    double sum = 0;
    for (double[] step : r.values()) sum += step[i];
    return sum / r.steps();
  }

  /** The mean over replications of a per-replication number. */
  public static double mean(List<Replication> reps, java.util.function.ToDoubleFunction<Replication> f) {
    return reps.stream().mapToDouble(f).average().orElseThrow();
  }
}

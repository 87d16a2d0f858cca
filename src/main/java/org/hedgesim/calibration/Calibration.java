package org.hedgesim.calibration;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.Inheritance;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.hedgesim.scenario.TreePaths;
import org.hedgesim.scenario.YNode.YMap;

/**
 * A checked calibration file (docs/CALIBRATION.md): the base scenario, the observations, the free
 * parameters and their priors, the method and its settings. Read by {@link CalibrationLoader}.
 *
 * @param file the calibration file as the user named it
 * @param path the file on disk
 * @param observationFiles the observation files, as named in messages
 * @param holdOutFrom observations from this month on are forecast, not fitted; null: none is
 * @param particles abc-smc's population, or the particles rejection keeps
 * @param generations abc-smc's most generations
 * @param minAcceptance abc-smc stops when a generation accepts fewer of its proposals than this
 * @param quantile the quantile of the last generation's distances that sets the next tolerance
 * @param samples rejection's draws from the prior
 * @param evaluations cmaes's most evaluations of the distance
 * @param profilePoints the points of each cmaes profile
 */
public record Calibration(String name, String description, String file, Path path, Inheritance.Resolved base,
    Scenario baseScenario, List<SeriesKey> series, List<String> observationFiles, List<Path> observationPaths,
    List<Observation> observations, YearMonth holdOutFrom, List<FreeParameter> parameters, Method method,
    int particles, int generations, double minAcceptance, double quantile, int replications, long seed,
    int samples, int evaluations, int profilePoints) {

  /** The estimation methods. */
  public enum Method {
    ABC_SMC("abc-smc"), CMAES("cmaes"), REJECTION("rejection");

    public final String word;

    Method(String word) {
      this.word = word;
    }
  }

  public Calibration {
    observationFiles = List.copyOf(observationFiles);
    observationPaths = List.copyOf(observationPaths);
    observations = List.copyOf(observations);
    parameters = List.copyOf(parameters);
  }

  /** The same calibration stopped after {@code g} generations (for benchmarks of a part of it). */
  public Calibration withGenerations(int g) {
    return new Calibration(name, description, file, path, base, baseScenario, series, observationFiles,
        observationPaths, observations, holdOutFrom, parameters, method, particles, g, minAcceptance, quantile,
        replications, seed, samples, evaluations, profilePoints);
  }

  /** Whether an observation is fitted (false: it is held out and forecast). */
  public boolean fitted(Observation o) {
    return holdOutFrom == null || o.from().isBefore(holdOutFrom);
  }

  public int dimension() {
    return parameters.size();
  }

  /** The base document with each free parameter set to its value in {@code theta}. */
  public YMap tree(double[] theta) {
    YMap tree = base.tree();
    try {
      for (int j = 0; j < parameters.size(); j++) {
        FreeParameter p = parameters.get(j);
        tree = TreePaths.set(tree, p.path(), p.scalar(theta[j]));
      }
    } catch (TreePaths.Unresolved e) {
      throw new IllegalStateException("a checked path no longer resolves: " + e.getMessage(), e);
    }
    return tree;
  }

  /** The scenario with the free parameters at {@code theta}; refused when the scenario refuses a value. */
  public Scenario scenario(double[] theta) throws ScenarioException {
    return ScenarioLoader.bind(tree(theta), base.files());
  }
}

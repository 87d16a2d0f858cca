package org.hedgesim.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.experiment.Manifest;
import org.hedgesim.output.CsvTable;
import org.hedgesim.output.Hashes;
import org.hedgesim.output.Numbers;
import org.hedgesim.output.WriteFailure;

/**
 * Writes a calibration's result folder (docs/CALIBRATION.md, "Outputs"): posterior.csv,
 * posterior-summary.csv, fit.csv, scores.csv, generations.csv, calibrated.yaml and manifest.json.
 * Every file but timing.json is reproducible: the same calibration file and seed give the same
 * bytes whatever the threads and interruptions.
 */
public final class CalibrationResults {

  public static final List<String> FILES = List.of("posterior.csv", "posterior-summary.csv", "fit.csv",
      "scores.csv", "generations.csv", "calibrated.yaml");

  /** What a calibration found, for the command line to print. */
  public record Summary(List<PosteriorSummary> posterior, List<PredictiveFit> fit, List<Scores> scores,
      Population last) {}

  private CalibrationResults() {}

  /**
   * Writes the files into {@code folder} (the staging folder of {@code target}).
   *
   * @param target where the folder will be once committed, for the relative path of calibrated.yaml
   */
  public static Summary write(Calibration c, Estimate outcome, Path folder, Path target, String command)
      throws IOException {
    Population last = outcome.predictive();
    List<PosteriorSummary> summary = outcome.summary();
    List<PredictiveFit> fit = PredictiveFit.of(c, last);
    List<Scores> scores = Scores.of(fit);
    String hash = Hashes.sha256(c.path());
    writePosterior(c, outcome, folder.resolve("posterior.csv"));
    writeSummary(summary, folder.resolve("posterior-summary.csv"));
    writeFit(fit, folder.resolve("fit.csv"));
    writeScores(scores, folder.resolve("scores.csv"));
    writeGenerations(outcome, folder.resolve("generations.csv"));
    List<String> files = new ArrayList<>(FILES);
    if (!outcome.profiles().isEmpty()) {
      writeProfiles(c, outcome, folder.resolve("profiles.csv"));
      files.add("profiles.csv");
    }
    String extendsPath = CalibratedScenario.relative(target, c.base().paths().get(0));
    try {
      Files.writeString(folder.resolve("calibrated.yaml"),
          CalibratedScenario.yaml(c, summary, extendsPath, hash, outcome.method()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WriteFailure("calibrated.yaml", e);
    }
    Manifest m = manifest(c, outcome, hash, command);
    List<Path> inputs = new ArrayList<>(List.of(c.path()));
    inputs.addAll(c.observationPaths());
    inputs.addAll(c.base().paths());
    List<String> shown = new ArrayList<>(List.of(c.file()));
    shown.addAll(c.observationFiles());
    shown.addAll(c.base().files());
    m.inputs(folder, inputs, shown);
    m.outputs(folder, files).write(folder);
    return new Summary(summary, fit, scores, last);
  }

  private static void writePosterior(Calibration c, Estimate o, Path file) throws IOException {
    List<String> header = new ArrayList<>(List.of("generation", "particle", "weight", "distance"));
    for (FreeParameter p : c.parameters()) header.add(p.name());
    try (CsvTable t = CsvTable.create(file, header)) {
      for (Population p : o.generations()) {
        for (Particle q : p.particles()) {
          Object[] row = new Object[header.size()];
          row[0] = p.generation();
          row[1] = q.proposal();
          row[2] = q.weight();
          row[3] = q.distance();
          for (int j = 0; j < q.theta().length; j++) row[4 + j] = q.theta()[j];
          t.row(row);
        }
      }
    }
  }

  private static void writeSummary(List<PosteriorSummary> summary, Path file) throws IOException {
    try (CsvTable t = CsvTable.create(file, List.of("parameter", "prior", "prior_mean", "prior_sd", "mean", "sd",
        "median", "q05", "q25", "q75", "q95", "shrinkage", "verdict"))) {
      for (PosteriorSummary s : summary) {
        t.row(s.parameter().name(), s.parameter().prior().text(), s.parameter().prior().mean(),
            s.parameter().prior().sd(), s.mean(), s.sd(), s.median(), s.q05(), s.q25(), s.q75(), s.q95(),
            s.shrinkage(), s.verdict().text);
      }
    }
  }

  private static void writeFit(List<PredictiveFit> fit, Path file) throws IOException {
    try (CsvTable t = CsvTable.create(file, List.of("date", "metric", "actor", "target", "set", "observed", "sd",
        "model_median", "median", "q05", "q25", "q75", "q95", "covered_50", "covered_90", "source"))) {
      for (PredictiveFit f : fit) {
        Observation o = f.observation();
        t.row(o.date(), o.series().metric(), o.series().actor(), o.series().target(),
            f.fitted() ? "in-sample" : "hold-out", o.value(), o.sd(), f.modelMedian(), f.median(), f.q05(), f.q25(),
            f.q75(), f.q95(), f.covered50(), f.covered90(), o.source());
      }
    }
  }

  private static void writeScores(List<Scores> scores, Path file) throws IOException {
    try (CsvTable t = CsvTable.create(file, List.of("set", "metric", "forecast", "n", "rmse", "rmse_standardised",
        "coverage_50", "coverage_90", "direction_n", "direction_accuracy", "skill_vs_persistence"))) {
      for (Scores s : scores) {
        t.row(s.set(), s.metric(), s.forecast(), s.n(), s.rmse(), s.rmseStandardised(), s.coverage50(), s.coverage90(),
            s.directionN(), s.directionAccuracy(), s.skill());
      }
    }
  }

  private static void writeProfiles(Calibration c, Estimate o, Path file) throws IOException {
    try (CsvTable t = CsvTable.create(file, List.of("parameter", "value", "distance", "within_90", "within_50"))) {
      double min = o.predictive().particles().get(0).distance();
      for (Cmaes.ProfilePoint p : o.profiles()) min = Math.min(min, p.distance());
      for (Cmaes.ProfilePoint p : o.profiles()) {
        t.row(c.parameters().get(p.parameter()).name(), p.value(), p.distance(),
            p.distance() <= min + Cmaes.CHI2_90, p.distance() <= min + Cmaes.CHI2_50);
      }
    }
  }

  private static void writeGenerations(Estimate o, Path file) throws IOException {
    try (CsvTable t = CsvTable.create(file, List.of("generation", "tolerance", "proposals", "accepted",
        "acceptance", "effective_sample_size"))) {
      for (Population p : o.generations()) {
        t.row(p.generation(), p.tolerance(), p.proposals(), p.particles().size(), p.acceptance(), p.effectiveSize());
      }
    }
  }

  /** How the calibration's seeds derive from its own. */
  static final String SEEDS = "run r of proposal i of generation g: Seeds.derive(seed, g * 2^32 + i, r); the proposal's"
      + " own draws: Seeds.derive(seed, g * 2^32 + i, -1); observation errors of the predictive: Seeds.derive(seed, -4, 0)";

  private static Manifest manifest(Calibration c, Estimate o, String hash, String command) throws IOException {
    Manifest m = Manifest.reproducible(command);
    m.seeds(c.seed(), SEEDS);
    m.timingElsewhere();
    Map<String, Object> cal = new LinkedHashMap<>();
    cal.put("name", c.name());
    cal.put("description", c.description());
    cal.put("file", c.file());
    cal.put("sha256", hash);
    List<Object> obs = new ArrayList<>();
    for (int i = 0; i < c.observationFiles().size(); i++) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", c.observationFiles().get(i));
      f.put("sha256", Hashes.sha256(c.observationPaths().get(i)));
      obs.add(f);
    }
    cal.put("observation_files", obs);
    cal.put("observations", c.observations().size());
    cal.put("fitted", c.observations().stream().filter(c::fitted).count());
    cal.put("hold_out_from", c.holdOutFrom() == null ? null : c.holdOutFrom().toString());
    cal.put("default_sd", "max(" + ObservationReader.DEFAULT_SD_FLOOR + ", " + ObservationReader.DEFAULT_RELATIVE_SD
        + " x |value|) where a row leaves sd empty");
    List<Object> params = new ArrayList<>();
    for (FreeParameter p : c.parameters()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", p.name());
      e.put("path", p.path().text());
      e.put("prior", p.prior().describe());
      e.put("source", p.source());
      e.put("written_at", p.origin().toString());
      params.add(e);
    }
    cal.put("parameters", params);
    m.put("calibration", cal);
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("method", c.method().word);
    method.put("particles", c.particles());
    method.put("generations", c.generations());
    method.put("min_acceptance", c.minAcceptance());
    method.put("quantile", c.quantile());
    method.put("replications", c.replications());
    if (c.method() == Calibration.Method.REJECTION) method.put("samples", c.samples());
    if (c.method() == Calibration.Method.CMAES) {
      method.put("evaluations", c.evaluations());
      method.put("profile_points", c.profilePoints());
      method.put("intervals", "a slice of the distance through the optimum for each parameter; 90%: within "
          + Cmaes.CHI2_90 + " of its minimum, 50%: within " + Cmaes.CHI2_50 + " (chi-square, 1 degree of freedom)");
    }
    method.put("estimate", o.method());
    method.put("seed", c.seed());
    method.put("seeds", SEEDS);
    method.put("distance", "sum over fitted observations of ((mean of the replications - observed) / sd)^2");
    method.put("kernel", "multivariate normal, twice the weighted covariance of the previous population (Beaumont et al. 2009)");
    method.put("identifiability", "shrinkage = 1 - posterior sd / prior sd; identified >= " + PosteriorSummary.IDENTIFIED
        + ", weakly identified >= " + PosteriorSummary.WEAK + ", otherwise not identified");
    method.put("stopped", o.stopped());
    m.put("method", method);
    List<Object> gens = new ArrayList<>();
    for (Population p : o.generations()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("generation", p.generation());
      e.put("tolerance", Double.isInfinite(p.tolerance()) ? "inf" : Numbers.format(p.tolerance()));
      e.put("proposals", p.proposals());
      e.put("acceptance", Numbers.format(p.acceptance()));
      gens.add(e);
    }
    m.put("generations", gens);
    m.scenario(c.baseScenario(), c.base().paths());
    return m;
  }
}

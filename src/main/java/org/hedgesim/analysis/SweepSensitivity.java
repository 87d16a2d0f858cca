package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The sensitivity indices of a finished sweep, read from its folder: Sobol first-order and total
 * indices for a {@code saltelli} design, Morris elementary effects for a {@code morris} design.
 *
 * <p>Reads three files: {@code manifest.json} (the design, parameters, outcomes, master seed),
 * {@code design.csv} (each point's place in the design: its Saltelli sample row and matrix, or its
 * Morris trajectory, the parameter it moved and the signed step) and {@code summary.csv} (each
 * point's mean of each outcome over its replications). The model output at a point is that mean: with
 * one replication the run's value, with more the replication mean, which takes the model's own noise
 * out of the indices as replications grow. An outcome that some run did not give (the step of an exit
 * that did not happen) or that never varies has no indices; the result says why.
 *
 * <p>Bootstrap intervals draw from a Mersenne Twister seeded with the sweep's master seed, afresh for
 * each outcome, so the same folder always gives the same file, and an outcome's interval does not
 * depend on which other outcomes the sweep collects.
 */
public final class SweepSensitivity {

  /** Default bootstrap resamples. */
  public static final int RESAMPLES = 1000;

  /** The file the sensitivity command writes into a sweep folder. */
  public static final String FILE = "sensitivity.csv";

  /**
   * The analysis of one folder.
   *
   * @param method "sobol" or "morris"
   * @param entries the table, outcome after outcome, parameters in sweep order
   * @param skipped outcome name -> why it has no indices
   * @param detail what was estimated and how, in one sentence, for the console and the report (the
   *     intervals are described by {@link #intervals()})
   */
  public record Result(String method, List<String> parameters, List<String> outcomes, int replications,
      int resamples, long bootstrapSeed, List<SensitivityTable.Entry> entries, Map<String, String> skipped,
      String detail) {

    /** How the intervals were made, as a sentence. */
    public String intervals() {
      if (resamples == 0) return "No bootstrap intervals (--bootstrap 0).";
      return "95% percentile-bootstrap intervals " + (method.equals("sobol") ? "" : "of mu* ") + "from " + resamples
          + " resamples of the " + (method.equals("sobol") ? "rows" : "trajectories") + ".";
    }
  }

  /** The folder holds no sweep with a sensitivity design. */
  public static final class NotASensitivitySweep extends IOException {
    private static final long serialVersionUID = 1L;

    public NotASensitivitySweep(String message) {
      super(message);
    }
  }

  private SweepSensitivity() {}

  /** Whether a sweep manifest's design is one this analysis reads. */
  public static boolean applies(JsonNode manifest) {
    String kind = manifest.path("sweep").path("design").path("kind").asText("");
    return kind.equals("saltelli") || kind.equals("morris");
  }

  public static Result analyse(Path folder, int resamples) throws IOException {
    if (resamples < 0) throw new IllegalArgumentException("resamples must be >= 0");
    JsonNode manifest = ResultFiles.manifest(folder);
    JsonNode sweep = manifest.path("sweep");
    if (!"sweep".equals(manifest.path("hedgesim").path("command").asText()) || sweep.isMissingNode()) {
      throw new NotASensitivitySweep(folder + ": not a sweep's results");
    }
    String kind = sweep.path("design").path("kind").asText();
    if (!applies(manifest)) {
      throw new NotASensitivitySweep(folder + ": the sweep's design is '" + kind
          + "'; sensitivity indices need design kind saltelli (Sobol indices) or morris (elementary effects)");
    }
    if (manifest.has("shard")) {
      throw new NotASensitivitySweep(folder + ": one shard of a sweep; join the shards with 'hedgesim merge' first");
    }
    List<String> parameters = new ArrayList<>();
    sweep.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
    List<String> outcomes = new ArrayList<>();
    sweep.path("outcomes").forEach(o -> outcomes.add(o.path("name").asText()));
    int replications = sweep.path("replications").asInt(1);
    long seed = sweep.path("seed").asLong();

    List<Map<String, String>> design = ResultFiles.rows(ResultFiles.require(folder, "design.csv"));
    List<String> needed = kind.equals("saltelli") ? List.of("sample", "matrix") : List.of("trajectory", "moved", "step");
    for (String column : needed) {
      if (!design.isEmpty() && !design.get(0).containsKey(column)) {
        throw new NotASensitivitySweep(folder.resolve("design.csv") + ": no column '" + column
            + "' (written by an older hedgesim); run the sweep again to compute its indices");
      }
    }
    Map<String, double[]> means = new LinkedHashMap<>();
    Map<String, int[]> missing = new LinkedHashMap<>();
    for (String o : outcomes) {
      means.put(o, new double[design.size()]);
      missing.put(o, new int[1]);
    }
    for (Map<String, String> r : ResultFiles.rows(ResultFiles.require(folder, "summary.csv"))) {
      String o = r.get("outcome");
      double[] y = means.get(o);
      if (y == null) continue;
      int point = Integer.parseInt(r.get("point"));
      y[point] = ResultFiles.number(r.get("mean"));
      missing.get(o)[0] += Integer.parseInt(r.get("replications")) - Integer.parseInt(r.get("n"));
    }
    List<SensitivityTable.Entry> entries = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    boolean sobol = kind.equals("saltelli");
    for (String o : outcomes) {
      double[] y = means.get(o);
      int gaps = missing.get(o)[0];
      if (gaps > 0) {
        skipped.put(o, gaps + " of " + (long) design.size() * replications + " runs give no value (an event that did not"
            + " happen); indices need a value from every run: use reduce: occurred, count or a series");
        continue;
      }
      if (constant(y)) {
        skipped.put(o, "the same value (" + number(y[0]) + ") at every point: there is no variation to apportion");
        continue;
      }
      MersenneTwister rng = new MersenneTwister(seed);
      entries.addAll(sobol
          ? SensitivityTable.sobol(o, parameters, saltelli(design, parameters, y, resamples, rng))
          : SensitivityTable.morris(o, parameters, morris(design, parameters, y, resamples, rng)));
    }
    String detail = sobol
        ? String.format(Locale.ROOT, "Sobol indices from a Saltelli design of N = %d sample rows (%d runs of %d "
            + "replication%s): first order by Saltelli et al. (2010), total by Jansen (1999)",
            design.size() / (parameters.size() + 2), (long) design.size() * replications, replications,
            replications == 1 ? "" : "s")
        : String.format(Locale.ROOT, "Morris elementary effects from r = %d trajectories on %s levels (%d runs of %d "
            + "replication%s): mu* = mean |EE| (Campolongo et al. 2007), sigma = sd(EE); an effect is the outcome's "
            + "change per whole range of the parameter", sweep.path("design").path("trajectories").asInt(),
            sweep.path("design").path("levels").asText(), (long) design.size() * replications, replications,
            replications == 1 ? "" : "s");
    return new Result(sobol ? "sobol" : "morris", List.copyOf(parameters), List.copyOf(outcomes), replications,
        resamples, seed, List.copyOf(entries), skipped, detail);
  }

  /** Writes the table next to the sweep's files, replacing it whole (never a half-written file). */
  public static Path write(Path folder, Result r) throws IOException {
    Path file = folder.resolve(FILE);
    Path partial = folder.resolve(FILE + ".partial");
    SensitivityTable.write(partial, r.entries());
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static SobolIndices.Result saltelli(List<Map<String, String>> design, List<String> parameters, double[] y,
      int resamples, MersenneTwister rng) {
    int k = parameters.size();
    int n = design.size() / (k + 2);
    double[] yA = new double[n];
    double[] yB = new double[n];
    double[][] yAB = new double[k][n];
    for (int p = 0; p < design.size(); p++) {
      Map<String, String> row = design.get(p);
      int j = Integer.parseInt(row.get("sample"));
      String m = row.get("matrix");
      if (m.equals("A")) {
        yA[j] = y[p];
      } else if (m.equals("B")) {
        yB[j] = y[p];
      } else {
        yAB[parameters.indexOf(m.substring("AB:".length()))][j] = y[p];
      }
    }
    return SobolIndices.estimate(yA, yB, yAB, resamples, rng);
  }

  private static List<MorrisEffects.Effect> morris(List<Map<String, String>> design, List<String> parameters,
      double[] y, int resamples, MersenneTwister rng) {
    int k = parameters.size();
    int r = design.size() / (k + 1);
    double[][][] points = new double[r][k + 1][];
    double[][] out = new double[r][k + 1];
    for (int p = 0; p < design.size(); p++) {
      Map<String, String> row = design.get(p);
      int t = Integer.parseInt(row.get("trajectory"));
      int j = p - t * (k + 1);
      double[] x = j == 0 ? new double[k] : points[t][j - 1].clone();
      if (j > 0) x[parameters.indexOf(row.get("moved"))] += Double.parseDouble(row.get("step"));
      points[t][j] = x;
      out[t][j] = y[p];
    }
    return MorrisEffects.estimate(points, out, resamples, rng);
  }

  private static boolean constant(double[] y) {
    for (double v : y) {
      if (v != y[0]) return false;
    }
    return true;
  }

  private static String number(double v) {
    return org.hedgesim.output.Numbers.format(v);
  }
}

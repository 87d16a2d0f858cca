package org.hedgesim.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.ParameterDraws;
import org.hedgesim.experiment.Seeds;
import org.hedgesim.output.Hashes;
import org.hedgesim.output.JsonFile;
import org.hedgesim.output.Numbers;
import org.hedgesim.scenario.Origin;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.Provenance;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.TreePath;
import org.hedgesim.scenario.TreePaths;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * The posterior of a calibration's results folder, read so that later runs can draw their
 * parameters from it ({@code --posterior DIR} of run, compare and sweep): the weighted particles of
 * the last generation of posterior.csv, and the path in the scenario of each free parameter from
 * manifest.json. A replication draws one particle with probability equal to its weight, and runs
 * with exactly the values the calibration ran that particle with (posterior.csv holds them to the
 * 10 significant digits every run uses).
 *
 * <p>A cmaes folder is refused: its posterior.csv holds one point, the optimum, and drawing from a
 * point adds no parameter uncertainty; run its calibrated.yaml instead, and read its profile
 * intervals in posterior-summary.csv.
 */
public final class PosteriorDraws {

  /**
   * The stream of {@link Seeds#derive} that draws particles: replication r draws with a
   * MersenneTwister seeded {@code Seeds.derive(seed, STREAM, r)}, a stream apart from the seeds of
   * the runs (stream 0, or a sweep's design point, never negative) and from the other negative
   * streams (-1 a sweep's sampling, -3 to -5 a calibration's).
   */
  public static final long STREAM = -6;

  /** The columns of posterior.csv before the free parameters. */
  static final List<String> FIXED = List.of("generation", "particle", "weight", "distance");

  /** A free parameter of the calibration: its column in posterior.csv and its place in the scenario. */
  public record Parameter(String name, TreePath path) {}

  private final Path folder;
  private final String calibration;
  private final String method;
  private final String sha256;
  private final int generation;
  private final List<Parameter> parameters;
  private final int[] proposals;
  private final int[] lines;
  private final double[][] theta;
  private final double[] cumulative;
  private final String baseHash;
  private final String baseFile;
  private final List<String> warnings;

  private PosteriorDraws(Path folder, String calibration, String method, String sha256, int generation,
      List<Parameter> parameters, int[] proposals, int[] lines, double[][] theta, double[] weights, String baseFile,
      String baseHash, List<String> warnings) {
    this.folder = folder;
    this.calibration = calibration;
    this.method = method;
    this.sha256 = sha256;
    this.generation = generation;
    this.parameters = List.copyOf(parameters);
    this.proposals = proposals;
    this.lines = lines;
    this.theta = theta;
    this.baseFile = baseFile;
    this.baseHash = baseHash;
    this.warnings = List.copyOf(warnings);
    double total = 0;
    for (double w : weights) total += w;
    cumulative = new double[weights.length];
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i] / total;
      cumulative[i] = s;
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads and checks a calibration's results folder. Every problem is named with its file (and,
   * in posterior.csv, its line, column and column name).
   */
  public static PosteriorDraws read(Path dir) throws ScenarioException {
    String shown = dir.toString();
    if (!Files.isDirectory(dir)) {
      throw refused(Origin.of(shown), "", Files.exists(dir) ? "not a folder; --posterior takes the results folder"
          + " of 'hedgesim calibrate'" : "no such folder; --posterior takes the results folder of 'hedgesim calibrate'");
    }
    Path manifestFile = dir.resolve("manifest.json");
    Path posteriorFile = dir.resolve("posterior.csv");
    String mName = manifestFile.toString();
    if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(posteriorFile)) {
      Path missing = Files.isRegularFile(manifestFile) ? posteriorFile : manifestFile;
      throw refused(Origin.of(missing.toString()), "", "missing; " + shown + " is not the results folder of a"
          + " calibration (hedgesim calibrate writes posterior.csv and manifest.json there)");
    }
    JsonNode m;
    try {
      m = JsonFile.mapper().readTree(manifestFile.toFile());
    } catch (JsonProcessingException e) {
      throw refused(new Origin(mName, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 1 : e.getLocation().getColumnNr()), "", "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw refused(Origin.of(mName), "", "cannot be read: " + e.getMessage());
    }
    String command = m.path("hedgesim").path("command").asText("");
    JsonNode cal = m.path("calibration");
    if (!command.equals("calibrate") || !cal.isObject()) {
      throw refused(Origin.of(mName), "hedgesim.command", "the manifest of "
          + (command.isEmpty() ? "no hedgesim command" : "'hedgesim " + command + "'") + ", not of a calibration;"
          + " --posterior takes the results folder of 'hedgesim calibrate'");
    }
    String methodWord = m.path("method").path("method").asText("");
    if (methodWord.equals(Calibration.Method.CMAES.word)) {
      throw refused(Origin.of(mName), "method.method", "a cmaes calibration: its posterior.csv is a point estimate"
          + " (the optimum alone), so drawing from it adds no parameter uncertainty; run its calibrated.yaml, or"
          + " calibrate with abc-smc or rejection for a posterior to draw from");
    }
    List<Parameter> parameters = new ArrayList<>();
    JsonNode list = cal.path("parameters");
    if (!list.isArray() || list.isEmpty()) {
      throw refused(Origin.of(mName), "calibration.parameters", "missing or empty; the manifest names no free parameter");
    }
    for (int j = 0; j < list.size(); j++) {
      JsonNode p = list.get(j);
      String key = "calibration.parameters[" + j + "]";
      String name = p.path("name").asText("");
      String text = p.path("path").asText("");
      if (name.isEmpty() || text.isEmpty()) throw refused(Origin.of(mName), key, "needs a name and a path");
      try {
        parameters.add(new Parameter(name, TreePath.parse(text)));
      } catch (TreePath.Malformed e) {
        throw refused(Origin.of(mName), key + ".path", e.getMessage());
      }
    }
    List<String> warnings = new ArrayList<>();
    String hash;
    try {
      hash = Hashes.sha256(posteriorFile);
    } catch (IOException e) {
      throw refused(Origin.of(posteriorFile.toString()), "", "cannot be read: " + e.getMessage());
    }
    for (JsonNode o : m.path("outputs")) {
      if (o.path("file").asText("").equals("posterior.csv") && !o.path("sha256").asText("").equals(hash)) {
        warnings.add(posteriorFile + " is not the file the calibration wrote (its SHA-256 differs from the one in "
            + mName + "); its draws are used as they are now");
      }
    }
    JsonNode firstFile = m.path("scenario").path("files").path(0);
    return readParticles(dir, posteriorFile, cal.path("name").asText(""), methodWord, hash, parameters,
        firstFile.path("path").asText(""), firstFile.path("sha256").asText(""), warnings);
  }

  private static PosteriorDraws readParticles(Path dir, Path file, String calibration, String method, String hash,
      List<Parameter> parameters, String baseFile, String baseHash, List<String> warnings) throws ScenarioException {
    String shown = file.toString();
    List<String> expected = new ArrayList<>(FIXED);
    parameters.forEach(p -> expected.add(p.name()));
    List<double[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(r).setFormat(CSVFormat.RFC4180).get()) {
      boolean header = true;
      for (CSVRecord rec : parser) {
        long line = rec.getRecordNumber(); // posterior.csv has no cell that spans lines
        List<String> cells = rec.toList();
        if (header) {
          if (!cells.equals(expected)) {
            throw refused(new Origin(shown, 1, 1), "", "the header is " + org.hedgesim.output.CsvTable.line(cells).strip() + "; the manifest"
                + " of this calibration expects " + org.hedgesim.output.CsvTable.line(expected).strip());
          }
          header = false;
          continue;
        }
        if (cells.size() != expected.size()) {
          throw refused(new Origin(shown, (int) line, 1), "", cells.size() + " cells, the header has " + expected.size());
        }
        double[] v = new double[cells.size()];
        int column = 1;
        for (int c = 0; c < cells.size(); c++) {
          String cell = cells.get(c);
          String problem = null;
          try {
            v[c] = Double.parseDouble(cell);
            if (!Double.isFinite(v[c])) problem = "expected a finite number, found '" + cell + "'";
            else if (c < 2 && v[c] != Math.rint(v[c])) problem = "expected a whole number, found '" + cell + "'";
            else if (c == 2 && v[c] < 0) problem = "a weight cannot be negative, found " + cell;
          } catch (NumberFormatException e) {
            problem = "expected a number, found '" + cell + "'";
          }
          if (problem != null) throw refused(new Origin(shown, (int) line, column), expected.get(c), problem);
          column += cell.length() + 1;
        }
        rows.add(v);
        lines.add(line);
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw refused(Origin.of(shown), "", "not a readable CSV file: " + e.getMessage());
    }
    if (rows.isEmpty()) throw refused(new Origin(shown, 1, 1), "", "no particle; the calibration wrote no posterior");
    int last = 0;
    for (double[] v : rows) last = Math.max(last, (int) v[0]);
    List<double[]> kept = new ArrayList<>();
    List<Integer> keptLines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if ((int) rows.get(i)[0] == last) {
        kept.add(rows.get(i));
        keptLines.add((int) (long) lines.get(i));
      }
    }
    int n = kept.size();
    int k = parameters.size();
    int[] proposals = new int[n];
    int[] at = new int[n];
    double[][] theta = new double[n][k];
    double[] weights = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double[] v = kept.get(i);
      proposals[i] = (int) v[1];
      at[i] = keptLines.get(i);
      weights[i] = v[2];
      total += v[2];
      for (int j = 0; j < k; j++) theta[i][j] = v[FIXED.size() + j];
    }
    if (!(total > 0)) {
      throw refused(new Origin(shown, at[0], 1), "weight",
          "the particles of generation " + last + " (the posterior) all weigh 0");
    }
    return new PosteriorDraws(dir, calibration, method, hash, last, parameters, proposals, at, theta, weights,
        baseFile, baseHash, warnings);
  }

  private static ScenarioException refused(Origin at, String key, String message) {
    return new ScenarioException(List.of(new Problem(at, key, message)));
  }

  // ---------------------------------------------------------------- checking a scenario

  /**
   * Refuses a scenario in which a parameter's path names nothing, or names a value that is not a
   * number: the scenario must be the calibration's base, or one that has the same entries (one that
   * extends it does).
   *
   * @param file the scenario file as the user named it, for the message
   */
  public void check(Scenario scenario, String file) throws ScenarioException {
    List<Problem> problems = new ArrayList<>();
    Origin at = Origin.of(folder.resolve("manifest.json").toString());
    for (int j = 0; j < parameters.size(); j++) {
      Parameter p = parameters.get(j);
      String key = "calibration.parameters[" + j + "].path";
      try {
        TreePaths.Target t = TreePaths.find(scenario.resolved(), p.path());
        if (t.current() != null && !(t.current().plain() && Provenance.isNumber(t.current().text()))) {
          problems.add(new Problem(at, key, "'" + p.path().text() + "' is '" + t.current().text() + "' in scenario "
              + file + ", not a number"));
        }
      } catch (TreePaths.Unresolved e) {
        problems.add(new Problem(at, key, "'" + p.path().text() + "' does not resolve in scenario " + file + ": "
            + e.getMessage() + "; run the calibration's base scenario (" + baseFile + ") or one that extends it"));
      }
    }
    if (!problems.isEmpty()) throw new ScenarioException(problems);
  }

  /**
   * What is worth saying but does not stop the run: a posterior.csv changed since the calibration
   * wrote it, and a scenario whose files do not include the calibration's base (its paths resolve,
   * but the posterior was fitted to another world).
   *
   * @param files the scenario's files on disk, its own first
   */
  public List<String> warnings(String file, List<Path> files) throws java.io.IOException {
    List<String> out = new ArrayList<>(warnings);
    if (!baseHash.isEmpty()) {
      boolean found = false;
      for (Path f : files) found |= Files.isRegularFile(f) && Hashes.sha256(f).equals(baseHash);
      if (!found) {
        out.add("scenario " + file + " neither is nor extends the base scenario of calibration " + calibration + " ("
            + baseFile + "); its parameters' paths resolve, so the draws are set, but they were fitted to another world");
      }
    }
    return out;
  }

  /**
   * Each parameter's path in a scenario's document with each list entry named by its identity
   * ({@link TreePaths.Target#canonical()}), in the order of {@link #parameters()}; two paths that
   * name the same value have the same canonical form. Only for a document {@link #check} accepted.
   */
  public List<String> canonicalPaths(YMap tree) {
    List<String> out = new ArrayList<>();
    for (Parameter p : parameters) {
      try {
        out.add(TreePaths.find(tree, p.path()).canonical());
      } catch (TreePaths.Unresolved e) {
        throw new IllegalStateException("a checked path no longer resolves: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * The scenarios' own values at the posterior's paths, where some differ from the first
   * scenario's: the draws replace them in every scenario, so a comparison would not see that
   * difference. One line per such parameter and scenario; empty when they all agree.
   *
   * @param labels the scenarios' names in the messages
   */
  public List<String> overwrittenDifferences(List<Scenario> scenarios, List<String> labels) {
    List<String> out = new ArrayList<>();
    for (Parameter p : parameters) {
      String first = valueAt(scenarios.get(0), p);
      for (int i = 1; i < scenarios.size(); i++) {
        String v = valueAt(scenarios.get(i), p);
        if (!java.util.Objects.equals(first, v)) {
          out.add(labels.get(i) + " sets " + p.path().text() + " to " + v + " and " + labels.get(0) + " to " + first
              + ", but the posterior's draw replaces both: that difference is not compared");
        }
      }
    }
    return out;
  }

  private static String valueAt(Scenario s, Parameter p) {
    try {
      YScalar v = TreePaths.find(s.resolved(), p.path()).current();
      return v == null ? "its default" : Numbers.format(Double.parseDouble(v.text().strip()));
    } catch (TreePaths.Unresolved | NumberFormatException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- drawing

  public List<Parameter> parameters() {
    return parameters;
  }

  /** The particles of the posterior (the last generation). */
  public int size() {
    return theta.length;
  }

  /** The values of a particle, in the order of {@link #parameters()}. */
  public double[] values(int particle) {
    return theta[particle].clone();
  }

  /**
   * The particle replication r draws: the first whose cumulative weight exceeds a uniform number
   * from a MersenneTwister seeded {@code Seeds.derive(seed, STREAM, r)}, so a particle is drawn with
   * probability equal to its weight, whatever the threads and whatever else the run draws.
   */
  public int draw(long seed, int replication) {
    double u = new MersenneTwister(Seeds.derive(seed, STREAM, replication)).nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) return i;
    }
    return cumulative.length - 1;
  }

  /** The sentence the summaries print and the manifest holds. */
  public String statement() {
    return "parameters drawn from the posterior of " + folder + " (calibration " + calibration
        + ", sha256 of its posterior.csv " + sha256 + ")";
  }

  /** Draws for the replications of a run, a comparison or a sweep with master seed {@code seed}. */
  public ParameterDraws seeded(long seed) {
    return new Seeded(seed);
  }

  private final class Seeded implements ParameterDraws {
    private final long seed;

    Seeded(long seed) {
      this.seed = seed;
    }

    @Override
    public int draw(int replication) {
      return PosteriorDraws.this.draw(seed, replication);
    }

    @Override
    public YMap set(YMap tree, int draw) {
      YMap out = tree;
      Origin at = new Origin(folder.resolve("posterior.csv").toString(), lines[draw], 1);
      try {
        for (int j = 0; j < parameters.size(); j++) {
          Parameter p = parameters.get(j);
          out = TreePaths.set(out, p.path(), new YScalar(Numbers.format(theta[draw][j]), true, false, at,
              "posterior draw: particle " + proposals[draw] + " of generation " + generation + " of " + statement()));
        }
      } catch (TreePaths.Unresolved e) {
        throw new IllegalStateException("a checked path no longer resolves: " + e.getMessage(), e);
      }
      return out;
    }

    @Override
    public String statement() {
      return PosteriorDraws.this.statement();
    }

    @Override
    public String identity() {
      return sha256;
    }

    @Override
    public String describe(int draw) {
      StringBuilder b = new StringBuilder("particle " + proposals[draw] + " of generation " + generation + " of "
          + folder.resolve("posterior.csv") + ":");
      for (int j = 0; j < parameters.size(); j++) {
        b.append(j == 0 ? " " : ", ").append(parameters.get(j).name()).append(" = ").append(Numbers.format(theta[draw][j]));
      }
      return b.toString();
    }

    @Override
    public Map<String, Object> manifest(int replications) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("statement", statement());
      m.put("folder", folder.toString());
      m.put("calibration", calibration);
      m.put("method", method);
      m.put("posterior_sha256", sha256);
      m.put("generation", generation);
      m.put("particles", theta.length);
      m.put("parameters", parameters.stream().map(p -> {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", p.name());
        e.put("path", p.path().text());
        return (Object) e;
      }).toList());
      m.put("draw_derivation", "replication r takes the first particle (in posterior.csv order) whose cumulative"
          + " weight exceeds the first nextDouble() of MersenneTwister(Seeds.derive(seed, " + STREAM + ", r)); the"
          + " same replication of every scenario or design point takes the same particle");
      m.put("values", "the scenario's own values at these paths (in parameters) are replaced, replication by"
          + " replication, by the drawn particle's");
      List<Object> drawn = new ArrayList<>();
      for (int r = 0; r < replications; r++) drawn.add(proposals[draw(r)]);
      m.put("replication_particles", drawn);
      return m;
    }
  }
}

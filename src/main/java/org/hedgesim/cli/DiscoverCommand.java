package org.hedgesim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hedgesim.analysis.Cases;
import org.hedgesim.analysis.DiscoverReport;
import org.hedgesim.analysis.Discovery;
import org.hedgesim.analysis.FeatureScores;
import org.hedgesim.analysis.Prim;
import org.hedgesim.analysis.PrimBox;
import org.hedgesim.analysis.SweepCases;
import org.hedgesim.analysis.WhereExpression;
import org.hedgesim.experiment.Manifest;
import org.hedgesim.output.FolderCheck;
import org.hedgesim.output.Hashes;
import org.hedgesim.output.Numbers;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.scenario.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hedgesim discover SWEEP_DIR}: scenario discovery with PRIM on a finished sweep: in which
 * region of the swept parameters does a condition on the outcomes hold (docs/ANALYSIS.md).
 */
@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Find where in a sweep an outcome holds (PRIM boxes).",
    description = {"Scenario discovery on a finished sweep folder: mark the runs (or design points)",
        "of interest with --where (or --outcome NAME --threshold X, meaning NAME > X), then",
        "find with PRIM (Friedman and Fisher 1999) the box of parameter values where they",
        "are concentrated: its limits, coverage, density, mass and quasi-p-values, the",
        "peeling trajectory, and a score of each parameter. Writes boxes.csv,",
        "trajectory.csv, features.csv, discover.json, manifest.json and",
        "ro-crate-metadata.json to SWEEP_DIR/discover/NAME/",
        "(docs/ANALYSIS.md). Given a sweep file instead of a folder, it runs the sweep first",
        "(into results/SWEEP/DATE-TIME/, as 'hedgesim sweep' would), then discovers on it."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure",
        "2:bad input (not a whole sweep folder, a damaged one, a bad expression or option, an existing --out); nothing is written"})
final class DiscoverCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SWEEP_DIR",
      description = "A results folder of 'hedgesim sweep' (whole or merged), or a sweep file to run first.")
  Path folder;

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
      description = "Given a sweep file: where its results folder goes (default: ${DEFAULT-VALUE}).")
  Path resultsRoot;

  /**
   * Runs the sweep file {@code folder} names, as {@code hedgesim sweep FILE} would (default folder
   * under results/, progress lines on the error stream), and returns the exit code; on success
   * {@link #folder} becomes the sweep's results folder.
   */
  private int sweepFirst(PrintWriter out, PrintWriter err) {
    org.hedgesim.experiment.Sweep sweep;
    try {
      sweep = org.hedgesim.experiment.SweepLoader.load(folder, folder.toString());
    } catch (org.hedgesim.scenario.ScenarioException e) {
      ScenarioFiles.print(e, err);
      return ExitCodes.BAD_INPUT;
    }
    Path target = ResultFolder.reserve(resultsRoot.resolve(sweep.name()),
        java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    CommandLine sweepLine = Hedgesim.commandLine(new String[] {"sweep"});
    sweepLine.setOut(out);
    sweepLine.setErr(err);
    int code = sweepLine.execute("sweep", folder.toString(), "--out", target.toString(), "--progress", "lines");
    if (code != ExitCodes.OK) {
      ResultFolder.releaseIfEmpty(target);
      return code;
    }
    folder = target;
    return ExitCodes.OK;
  }

  @Option(names = "--outcome", paramLabel = "NAME", description = "The outcome column; with --threshold X the runs where it is above X are of interest.")
  String outcome;

  @Option(names = "--where", paramLabel = "EXPR",
      description = "The runs of interest: comparisons of outcome columns with numbers (> >= < <= == !=), joined by and/or, e.g. 'left_clv_dta > 0.5'.")
  String where;

  @Option(names = "--threshold", paramLabel = "X", description = "With --outcome: the runs where the outcome is above X are of interest.")
  Double threshold;

  @Option(names = "--table", paramLabel = "runs|summary", defaultValue = "runs",
      description = "Every run of runs.csv (default), or every design point with its replication means (summary.csv).")
  String table;

  @Option(names = "--box", paramLabel = "N", description = "The step of the peeling trajectory to take as the box (default: the densest box covering at least half the cases of interest, widened by the slices that look like it; docs/ANALYSIS.md).")
  Integer box;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Share of the box peeled per step, in (0, 0.5) (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--min-mass", paramLabel = "M", defaultValue = "0.05", description = "Smallest box, as a share of the cases, in (0, 1) (default: ${DEFAULT-VALUE}).")
  double minMass;

  @Option(names = "--boxes", paramLabel = "K", defaultValue = "1", description = "Find up to K boxes in turn (covering): each next one among the cases outside the earlier ones (default: ${DEFAULT-VALUE}).")
  int boxes;

  @Option(names = "--report", description = "Also write report/report.html: the peeling trajectory and the box limits as plots.")
  boolean report;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "The folder to write (default: SWEEP_DIR/discover/NAME, NAME from the expression; never overwritten).")
  Path out;

  @Override
  public Integer call() throws IOException {
    java.time.Instant started = java.time.Instant.now();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String problem = optionProblem();
    if (problem != null) return bad(err, problem);
    if (Files.isRegularFile(folder)) {
      int code = sweepFirst(o, err);
      if (code != ExitCodes.OK) return code;
    }
    if (!Files.isDirectory(folder)) return bad(err, folder + ": no such folder");
    JsonNode manifest;
    SweepCases table;
    try {
      manifest = FolderCheck.requireIntact(folder);
      table = SweepCases.read(folder, manifest, this.table);
    } catch (FolderCheck.Damaged | SweepCases.NotASweep e) {
      return bad(err, e.getMessage());
    } catch (NoSuchFileException e) {
      return bad(err, e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "not found"));
    }
    List<String> outcomes = List.copyOf(table.outcomes().keySet());
    WhereExpression expression;
    if (threshold != null) {
      if (!outcomes.contains(outcome)) {
        return bad(err, "--outcome " + outcome + ": not an outcome of " + table.file() + Suggestions.hint(outcome, outcomes)
            + "; outcomes: " + String.join(", ", outcomes));
      }
      expression = WhereExpression.above(outcome, threshold);
    } else {
      try {
        expression = WhereExpression.parse(where, outcomes);
      } catch (WhereExpression.Invalid e) {
        return bad(err, "--where '" + where + "': column " + e.column() + ": " + e.getMessage());
      }
    }
    Cases cases = table.cases(expression);
    int k = cases.ofInterest();
    if (k == 0 || k == cases.size()) {
      return bad(err, expression.text() + " holds in " + (k == 0 ? "none" : "all") + " of the " + cases.size() + " "
          + cases.unit() + " of " + table.file() + "; there is no region to find. Choose another --where or --threshold");
    }
    Discovery.Result result;
    try {
      result = Discovery.run(cases, expression, outcome == null ? "" : outcome, this.table,
          new Prim.Settings(alpha, minMass), box == null ? -1 : box, boxes);
    } catch (Discovery.NoSuchStep e) {
      return bad(err, e.getMessage());
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("name", manifest.path("sweep").path("name").asText());
    source.put("manifest_sha256", Hashes.sha256(folder.resolve(FolderCheck.MANIFEST)));
    source.put("table", table.file());

    Path target = out != null ? out : ResultFolder.reserve(folder.resolve("discover"), expression.slug());
    try (ResultFolder rf = ResultFolder.prepare(target)) {
      for (String n : rf.notices()) err.println("hedgesim discover: " + n);
      err.flush();
      Discovery.write(rf.file(""), result, source);
      if (report) DiscoverReport.write(rf.file("report"), result, source);
      provenance(rf.file(""), started, manifest);
      rf.commit();
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      return bad(err, "output folder " + e.getFile() + " " + e.getReason() + "; choose another with --out");
    } finally {
      if (out == null) ResultFolder.releaseIfEmpty(target);
    }
    print(o, result);
    o.println("Files: " + target.toAbsolutePath().normalize() + (report ? " (report: report/report.html)" : ""));
    o.flush();
    return ExitCodes.OK;
  }

  /**
   * The manifest and RO-Crate of the discovery: its input is the sweep's manifest.json (copied; it
   * holds the SHA-256 of the table read, which may be too large to copy), and it draws no random
   * numbers, so its seed is the sweep's, recorded for the runs it reads.
   */
  private void provenance(Path dir, java.time.Instant started, JsonNode sweepManifest) throws IOException {
    Path read = folder.resolve(FolderCheck.MANIFEST);
    Manifest m = new Manifest("discover", TypedArguments.of(spec));
    m.inputs(dir, List.of(read), List.of(read.toString()));
    m.seeds(sweepManifest.path("sweep").path("seed").asLong(),
        "discover draws no random numbers; this is the seed of the sweep whose runs it reads");
    m.outputs(dir, Discovery.FILES);
    m.timing(started, java.time.Instant.now(), 1);
    m.write(dir);
  }

  private String optionProblem() {
    if (where != null && threshold != null) return "give either --where EXPR or --outcome NAME --threshold X, not both";
    if (threshold != null && outcome == null) return "--threshold needs --outcome NAME (the runs where NAME > X are of interest)";
    if (where == null && threshold == null) {
      return outcome == null ? "say which runs are of interest: --where EXPR, or --outcome NAME --threshold X"
          : "--outcome " + outcome + " needs --threshold X (NAME > X), or give --where EXPR";
    }
    if (where != null && where.isBlank()) return "--where needs an expression, e.g. 'left_clv_dta > 0.5'";
    if (threshold != null && !Double.isFinite(threshold)) return "--threshold must be a finite number";
    if (!table.equals("runs") && !table.equals("summary")) {
      return "--table must be runs or summary, found '" + table + "'" + Suggestions.hint(table, List.of("runs", "summary"));
    }
    if (!(alpha > 0 && alpha < 0.5)) return "--alpha must be above 0 and below 0.5, found " + Numbers.format(alpha);
    if (!(minMass > 0 && minMass < 1)) return "--min-mass must be above 0 and below 1, found " + Numbers.format(minMass);
    if (boxes < 1 || boxes > 100) return "--boxes must be between 1 and 100, found " + boxes;
    if (box != null && box < 0) return "--box must be a step of the trajectory (0 or more), found " + box;
    if (out != null && out.toString().isEmpty()) return "--out needs a folder name, found an empty one";
    return null;
  }

  static void print(PrintWriter o, Discovery.Result r) {
    List<String> sentences = Discovery.sentences(r);
    for (Discovery.Found f : r.boxes()) {
      o.println(sentences.get(f.number() - 1) + ".");
      PrimBox b = f.box();
      o.printf(Locale.ROOT, "  box %d: step %d of %d of the peeling trajectory, then pasted%n", f.number(), f.step(),
          f.trajectory().size() - 1);
      for (int d : b.restricted()) {
        o.printf(Locale.ROOT, "    %-48s quasi-p %s%n", limit(r, b, d), qp(f.quasiP()[d]));
      }
    }
    if (r.boxes().size() < r.boxesAsked() && r.boxesAsked() > 1) {
      o.println("  (" + r.boxes().size() + " of the " + r.boxesAsked() + " boxes asked: no cases of interest, or no box"
          + " denser than the rest, were left)");
    }
    o.println("Parameters by how well one split on each separates the cases of interest (Gini gain):");
    for (FeatureScores.Score s : r.features()) {
      o.printf(Locale.ROOT, "  %2d. %-32s %.3f  %s%n", s.rank(), s.parameter(), s.score(), s.split());
    }
  }

  private static String limit(Discovery.Result r, PrimBox b, int d) {
    return Discovery.restrictions(List.of(r.dimensions().get(d)), oneLimit(b, d));
  }

  /** A box restricted only in dimension d (for printing that limit alone). */
  private static PrimBox oneLimit(PrimBox b, int d) {
    return new PrimBox(List.of(b.limits().get(d)), b.cases(), b.interest(), b.totalCases(), b.totalInterest());
  }

  private static String qp(double p) {
    if (p < 0.001) return "< 0.001";
    return String.format(Locale.ROOT, "%.3f", p);
  }

  private int bad(PrintWriter err, String message) {
    err.println("hedgesim discover: " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}

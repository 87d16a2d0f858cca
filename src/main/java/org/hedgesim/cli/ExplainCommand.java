package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hedgesim.experiment.KnockOuts;
import org.hedgesim.experiment.Manifest;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hedgesim explain SCENARIO}: the knock-out table, one mechanism switched off at a time. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Explain a scenario's outcomes by knock-outs.",
    description = {"Explain a scenario's outcomes by knock-outs (docs/MODEL.md, Evaluation).",
        "Runs the scenario R times as it is and R times with each of its mechanisms",
        "switched off in turn, on common random numbers, and reports each mechanism's",
        "effect (knocked out - full) on the headline outcomes: final and mean",
        "alignments, leans, hedging index, courtship, coercion, exits, sanctions,",
        "regime switches and incidents, with 95%% CIs and run-to-run sds. A mechanism",
        "that moves no headline outcome by more than one sd is listed as dormant.",
        "Writes explain.csv and manifest.json to a new results folder."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure",
        "2:bad input (usage, scenario file, existing output folder); nothing is written"})
final class ExplainCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "Scenario file (YAML).")
  Path scenarioFile;

  @Option(names = {"-r", "--replications"}, paramLabel = "R", defaultValue = "30",
      description = "Replications of the full model and of each knock-out, at least 2 (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(names = "--seed", paramLabel = "N",
      description = "Master seed of the common random numbers (default: the scenario's seed).")
  Long seed;

  @CommandLine.Mixin
  ResultOptions output = new ResultOptions();

  @CommandLine.Mixin
  ProgressOptions progress = new ProgressOptions();

  @Override
  public Integer call() throws IOException {
    return output.releasingUnused(this::execute);
  }

  private Integer execute() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (replications < 2) return bad(err, "--replications must be at least 2 for paired effects");
    if (replications > 100_000) return bad(err, "--replications must be at most 100000");
    if (output.problem() != null) return bad(err, output.problem());
    if (progress.problem() != null) return bad(err, progress.problem());
    Scenario s = ScenarioFiles.load(scenarioFile, err);
    if (s == null) return ExitCodes.BAD_INPUT;
    long master = seed != null ? seed : s.seed();
    Path target = output.target(s.name(), "-explain-seed" + master);
    Instant started = Instant.now();
    KnockOuts.Table table;
    Tally tally = progress.display(err, s.name() + " knock-outs", "runs", 2L * replications);
    try (var stop = StopNotice.notResumable(err, target, tally); ResultFolder folder = ResultFolder.prepare(target)) {
      table = KnockOuts.explain(s, replications, master, output.threads(), tally);
      KnockOuts.write(folder.file("explain.csv"), table);
      List<Path> files = ScenarioFiles.paths(scenarioFile, s);
      Manifest m = new Manifest("explain", TypedArguments.of(spec)).scenario(s, files);
      m.inputs(folder.file(""), files, s.files());
      m.seeds(master, "the full model and each knock-out share replication r's seed, Seeds.derive(seed, 0, r):"
          + " common random numbers, so each effect is a paired difference");
      java.util.Map<String, Object> section = new java.util.LinkedHashMap<>();
      section.put("replications", replications);
      section.put("seed", master);
      section.put("mechanisms", table.mechanisms().stream().map(Mechanism::key).toList());
      m.put("explain", section);
      m.outputs(folder.file(""), List.of("explain.csv"));
      m.timing(started, Instant.now(), output.threads()).machine();
      m.write(folder.file(""));
      folder.commit();
      for (String n : folder.notices()) err.println("hedgesim explain: " + n);
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      return bad(err, "output folder " + e.getFile() + " " + e.getReason());
    }
    print(out, table, target);
    out.flush();
    return ExitCodes.OK;
  }

  /** The table as printed: per mechanism, how many headline outcomes it moves and its largest effect. */
  static void print(PrintWriter out, KnockOuts.Table t, Path folder) {
    out.printf(Locale.ROOT, "Knock-outs of %s: %d replications each, seed %d. Effect of switching each%n",
        t.scenario().name(), t.replications(), t.seed());
    out.printf(Locale.ROOT, "mechanism off (knocked out - full) on %d headline outcomes, in run-to-run sds of the full model.%n%n",
        t.headline().size());
    out.printf(Locale.ROOT, "%-18s %6s  %-40s %10s  %-21s %8s %8s%n", "mechanism", "moved", "largest effect",
        "difference", "95% CI", "sd", "in sd");
    for (Mechanism m : t.mechanisms()) {
      KnockOuts.Effect e = t.largest(m);
      long moved = t.of(m).stream().filter(KnockOuts.Effect::moves).count();
      if (e == null) continue;
      var d = e.difference();
      out.printf(Locale.ROOT, "%-18s %6s  %-40s %10.4f  [%8.4f, %8.4f] %8.4f %8s%n", m.key(),
          moved + "/" + t.of(m).size(), abbreviate(e.key().label(), 40), d.difference(), d.ciLow(),
          d.ciHigh(), e.fullSd(), inSd(e.inSd()));
    }
    List<Mechanism> dormant = t.dormant();
    out.println();
    out.println(dormant.isEmpty() ? "Dormant: none; every mechanism moves a headline outcome by more than one sd."
        : "Dormant (no headline outcome moved by more than one sd): "
            + String.join(", ", dormant.stream().map(Mechanism::key).toList())
            + "; docs/MODEL.md says why where that is expected.");
    out.println("All effects: " + folder.resolve("explain.csv"));
  }

  private static String inSd(double v) {
    return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }

  private int bad(PrintWriter err, String message) {
    err.println("hedgesim explain: " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}

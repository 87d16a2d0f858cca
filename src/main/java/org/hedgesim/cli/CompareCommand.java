package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hedgesim.calibration.PosteriorDraws;
import org.hedgesim.experiment.ParameterDraws;
import org.hedgesim.experiment.ScenarioComparison;
import org.hedgesim.experiment.ScenarioComparison.Arm;
import org.hedgesim.experiment.ScenarioRun;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.output.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hedgesim compare A B [C ...]}: what changes between scenarios, with confidence intervals. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compare scenarios: what changes, with confidence intervals.",
        "Runs every scenario R times on common random numbers (replication r of each",
        "uses the same seed) and compares each later scenario with the first, outcome",
        "by outcome: mean A, mean B, the paired difference B - A with its 95%% CI",
        "(paired t), Cohen's d_z and d_av, and a flag when the CI excludes zero.",
        "Prints the largest effects; writes compare.csv (all), outcomes.csv,",
        "bands.csv, events.csv and manifest.json to a new results folder.",
        "With --posterior DIR replication r of every scenario also takes the same",
        "parameters drawn from a calibration's posterior, so the intervals include",
        "the uncertainty of the parameters."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure",
        "2:bad input (usage, scenario file, existing output folder); nothing is written"})
final class CompareCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "SCENARIO",
      description = "Scenario files (YAML); the first is the reference the others are compared with.")
  List<Path> scenarioFiles;

  @Option(names = {"-r", "--replications"}, paramLabel = "R", defaultValue = "30",
      description = "Replications of each scenario, at least 2 (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(names = "--seed", paramLabel = "N",
      description = "Master seed of the common random numbers (default: the first scenario's seed).")
  Long seed;

  @CommandLine.Mixin
  ResultOptions output = new ResultOptions();

  @CommandLine.Mixin
  PosteriorOption posterior = new PosteriorOption();

  @Option(names = "--top", paramLabel = "N", defaultValue = "15",
      description = "Effects to print per comparison (default: ${DEFAULT-VALUE}); compare.csv has all.")
  int top;

  @Option(names = "--report", description = "Also write report/report.html (plots, tables, provenance) into the folder.")
  boolean report;

  @CommandLine.Mixin
  ProgressOptions progress = new ProgressOptions();


  @Override
  public Integer call() throws IOException {
    return output.releasingUnused(this::execute);
  }

  private Integer execute() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (replications < 2) return bad(err, "--replications must be at least 2 for a paired comparison");
    if (replications > 1_000_000) return bad(err, "--replications must be at most 1000000");
    if (output.problem() != null) return bad(err, output.problem());
    if (progress.problem() != null) return bad(err, progress.problem());
    if (top < 0) return bad(err, "--top must not be negative");
    List<Arm> arms = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    boolean ok = true;
    for (Path f : scenarioFiles) {
      Scenario s = ScenarioFiles.load(f, err);
      if (s == null) {
        ok = false;
        continue;
      }
      String label = s.name();
      for (int i = 2; !labels.add(label); i++) label = s.name() + "-" + i;
      arms.add(new Arm(label, s, ScenarioFiles.paths(f, s)));
    }
    if (!ok) return ExitCodes.BAD_INPUT;
    long master = seed != null ? seed : arms.get(0).scenario().seed();
    List<ParameterDraws.Bound> drawn = null;
    if (posterior.given()) {
      PosteriorDraws fitted = posterior.posterior(err);
      if (fitted == null) return ExitCodes.BAD_INPUT;
      // one set of draws for every scenario: replication r of each takes the same particle
      ParameterDraws draws = fitted.seeded(master);
      drawn = new ArrayList<>();
      for (int i = 0; i < arms.size(); i++) {
        Arm arm = arms.get(i);
        ParameterDraws.Bound b = posterior.bind(fitted, draws, arm.scenario(), replications,
            scenarioFiles.get(i).toString(), arm.files(), "compare", err);
        if (b == null) return ExitCodes.BAD_INPUT;
        drawn.add(b);
      }
      for (String w : fitted.overwrittenDifferences(arms.stream().map(Arm::scenario).toList(),
          arms.stream().map(Arm::label).toList())) {
        err.println("hedgesim compare: " + ScenarioFiles.WARNING + w);
      }
      err.flush();
    }
    Path target = output.target(folderName(arms), "-seed" + master);
    int t = output.threads();
    ScenarioComparison.Result result;
    Tally tally = progress.display(err, folderName(arms), "runs", (long) arms.size() * replications);
    try (var stop = StopNotice.notResumable(err, target, tally)) {
      result = ScenarioComparison.execute(arms, replications, master, target, t,
          report ? ReportCommand::writeInto : ScenarioRun.BeforeCommit.NONE, drawn, TypedArguments.of(spec), tally);
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      return bad(err, "output folder " + e.getFile() + " " + e.getReason());
    }
    for (String n : result.notices()) err.println("hedgesim compare: " + n);
    err.flush();
    EffectsTable.print(out, result, scenarioFiles, top, PosteriorOption.line(drawn));
    out.flush();
    return ExitCodes.OK;
  }

  private static String folderName(List<Arm> arms) {
    String name = arms.get(0).label() + "-vs-" + arms.get(1).label();
    return arms.size() > 2 ? name + "-and-" + (arms.size() - 2) + "-more" : name;
  }

  private int bad(PrintWriter err, String message) {
    err.println("hedgesim compare: " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}

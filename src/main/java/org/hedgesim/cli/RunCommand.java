package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hedgesim.experiment.ParameterDraws;
import org.hedgesim.experiment.ScenarioRun;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.output.ResultFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hedgesim run SCENARIO}: runs a scenario and writes its results folder. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Run a scenario and write its results folder.",
    description = {"Run a scenario and write timeseries.csv, events.csv, summary.csv and",
        "manifest.json to a new results folder (results/<scenario>/<run-id>/ by default);",
        "with --report also report/report.html and its plots. With --posterior DIR each",
        "replication runs with parameters drawn from a calibration's posterior."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure",
        "2:bad input (usage, scenario file, existing output folder); nothing is written"})
final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
  Path scenarioFile;

  @Option(names = "--seed", paramLabel = "N", description = "Master seed (default: the scenario's seed).")
  Long seed;

  @Option(names = {"-r", "--replications"}, paramLabel = "R",
      description = "Replications, each with its own seed derived from the master seed (default: the scenario's).")
  Integer replications;

  @CommandLine.Mixin
  ResultOptions output = new ResultOptions();

  @CommandLine.Mixin
  PosteriorOption posterior = new PosteriorOption();

  @Option(names = "--strict",
      description = "Refuse the scenario if it gives warnings (implausible values, worlds that say little).")
  boolean strict;

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
    if (replications != null && (replications < 1 || replications > 1_000_000)) {
      err.println("hedgesim run: --replications must be from 1 to 1000000 (as a scenario's replications:)");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    String problem = output.problem() != null ? output.problem() : progress.problem();
    if (problem != null) {
      err.println("hedgesim run: " + problem);
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    org.hedgesim.calibration.PosteriorDraws fitted = null;
    if (posterior.given() && (fitted = posterior.posterior(err)) == null) return ExitCodes.BAD_INPUT;
    Scenario s = ScenarioFiles.load(scenarioFile, err, strict);
    if (s == null) return ExitCodes.BAD_INPUT;
    if (seed != null) s = s.withSeed(seed);
    if (replications != null) s = s.withReplications(replications);
    ParameterDraws.Bound drawn = null;
    if (fitted != null) {
      drawn = posterior.bind(fitted, fitted.seeded(s.seed()), s, s.replications(), scenarioFile.toString(),
          ScenarioFiles.paths(scenarioFile, s), "run", err);
      if (drawn == null) return ExitCodes.BAD_INPUT;
    }
    Path target = output.target(s.name(), "-seed" + s.seed());
    int t = output.threads();
    ScenarioRun.Result result;
    Tally tally = progress.display(err, s.name(), "replications", s.replications());
    try (var stop = StopNotice.notResumable(err, target, tally)) {
      result = ScenarioRun.execute(s, ScenarioFiles.paths(scenarioFile, s), target, t,
          report ? ReportCommand::writeInto : ScenarioRun.BeforeCommit.NONE, drawn, TypedArguments.of(spec), tally);
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      err.println("hedgesim run: output folder " + e.getFile() + " " + e.getReason());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    for (String n : result.notices()) err.println("hedgesim run: " + n);
    err.flush();
    Headline.print(out, result, PosteriorOption.line(drawn == null ? null : List.of(drawn)));
    if (report) out.println("Report: " + result.folder().resolve(ReportCommand.FOLDER).resolve(org.hedgesim.analysis.Report.FILE));
    out.flush();
    return ExitCodes.OK;
  }


}

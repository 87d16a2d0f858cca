package org.hedgesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hedgesim.calibration.CalibrationLoader;
import org.hedgesim.calibration.ObservationReader;
import org.hedgesim.experiment.SweepLoader;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.hedgesim.scenario.YNode;
import org.hedgesim.scenario.YamlReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hedgesim validate FILE...}: checks scenario, sweep, calibration and observation files
 * without running them, with the same checks (and messages) as the commands that read them.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    header = "Check scenario, sweep, robust, calibration and observation files.",
    description = {"Check scenario, sweep, robust, calibration and observation files; print every problem as"
        + " file:line:col: key: message.",
        "A sweep file (one with a 'sweep:' key) is checked with its base scenario and each value it sets;",
        "so is a robust-decision file (one with a 'robust:' key).",
        "A calibration file (one with a 'calibration:' key) is checked whole, as 'hedgesim calibrate' reads it:"
            + " its base scenario, its observation files and each free parameter's prior.",
        "An observation file (.csv) is checked against the scenario given with --scenario: every metric, actor,"
            + " target and date must be one the scenario's runs record."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file is valid (warnings may be printed)",
        "2:a file has problems (with --strict: or warnings), or bad usage"},
    footer = {"", "The format and every check: docs/SCENARIOS.md, docs/SWEEPS.md, docs/CALIBRATION.md.",
        "JSON Schemas for editors: docs/scenario.schema.json, docs/sweep.schema.json,",
        "docs/calibration.schema.json, docs/robust.schema.json."})
final class ValidateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--strict",
      description = "Treat warnings (implausible values, worlds that say little) as problems.")
  boolean strict;

  @CommandLine.Option(names = "--strict-provenance",
      description = "Also refuse a scenario with a number that cites no source (docs/SCENARIOS.md, section 7).")
  boolean strictProvenance;

  @CommandLine.Option(names = "--scenario", paramLabel = "SCENARIO",
      description = "The scenario that observation files (.csv) are checked against.")
  Path scenario;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "Scenario, sweep or calibration files (YAML), or observation files (.csv, with --scenario).")
  List<Path> files;

  /** The scenario of --scenario and the series its runs record, read once for every observation file. */
  private Scenario against;
  private List<SeriesKey> series;
  private boolean scenarioBroken;

  @Override
  public Integer call() {
    boolean ok = true;
    for (Path f : files) {
      try {
        if (f.getFileName() != null && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
          if (!observations(f)) {
            ok = false;
            continue;
          }
          spec.commandLine().getOut().println(org.hedgesim.scenario.TerminalText.escape(f + ": OK"));
          continue;
        }
        // a document's own YAML-level problems (a duplicate key, ...) are reported by the loader
        // together with its content problems; only faults that stop reading throw here
        YNode.YMap doc = YamlReader.readCollecting(f, f.toString()).tree();
        if (CalibrationLoader.isCalibration(doc)) {
          CalibrationLoader.load(f, f.toString());
        } else if (SweepLoader.isSweep(doc)) {
          var warnings = SweepLoader.load(f, f.toString()).warnings();
          if (strict && !warnings.isEmpty()) throw new ScenarioException(warnings);
          ScenarioFiles.printWarnings(warnings, spec.commandLine().getErr());
        } else if (org.hedgesim.experiment.RobustLoader.isRobust(doc)) {
          org.hedgesim.experiment.RobustLoader.load(f, f.toString());
        } else {
          var loaded = ScenarioLoader.loadChecked(f, f.toString(), strict);
          ScenarioFiles.printWarnings(loaded.warnings(), spec.commandLine().getErr());
          if (strictProvenance) {
            var unsourced = org.hedgesim.scenario.Provenance.unsourced(loaded.scenario());
            if (!unsourced.isEmpty()) throw new ScenarioException(unsourced);
          }
        }
        spec.commandLine().getOut().println(org.hedgesim.scenario.TerminalText.escape(f + ": OK"));
      } catch (ScenarioException e) {
        ok = false;
        e.problems().forEach(p -> spec.commandLine().getErr().println(p));
      }
    }
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return ok ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  /**
   * Checks an observation file against the scenario of --scenario, as a calibration file's
   * observations are checked; false (with the reason printed) when it or that scenario has problems.
   */
  private boolean observations(Path f) throws ScenarioException {
    PrintWriter err = spec.commandLine().getErr();
    if (scenario == null) {
      err.println(org.hedgesim.scenario.TerminalText.escape(f + ": an observation file is checked against the"
          + " scenario whose series it observes; give it with --scenario SCENARIO.yaml"));
      return false;
    }
    if (against == null && !scenarioBroken) {
      try {
        against = ScenarioLoader.load(scenario, scenario.toString());
        series = SweepLoader.seriesOf(against);
      } catch (ScenarioException e) {
        scenarioBroken = true;
        e.problems().forEach(err::println);
      }
    }
    if (scenarioBroken) {
      err.println(org.hedgesim.scenario.TerminalText.escape(f + ": not checked: the scenario " + scenario
          + " (--scenario) has problems"));
      return false;
    }
    ObservationReader.read(f, f.toString(), against, series);
    return true;
  }
}

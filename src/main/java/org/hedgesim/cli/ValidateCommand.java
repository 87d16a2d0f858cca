package org.hedgesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hedgesim.experiment.SweepLoader;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.hedgesim.scenario.YamlReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hedgesim validate FILE...}: checks scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    header = "Check scenario and sweep files without running them.",
    description = {"Check scenario and sweep files; print every problem as file:line:col: key: message.",
        "A sweep file (one with a 'sweep:' key) is checked with its base scenario and each value it sets;",
        "so is a robust-decision file (one with a 'robust:' key)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file is valid (warnings may be printed)",
        "2:a file has problems (with --strict: or warnings), or bad usage"},
    footer = {"", "The format and every check: docs/SCENARIOS.md. A JSON Schema for editors:",
        "docs/scenario.schema.json."})
final class ValidateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--strict",
      description = "Treat warnings (implausible values, worlds that say little) as problems.")
  boolean strict;

  @CommandLine.Option(names = "--strict-provenance",
      description = "Also refuse a scenario with a number that cites no source (docs/SCENARIOS.md, section 7).")
  boolean strictProvenance;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario or sweep files (YAML).")
  List<Path> files;

  @Override
  public Integer call() {
    boolean ok = true;
    for (Path f : files) {
      try {
        // a document's own YAML-level problems (a duplicate key, ...) are reported by the loader
        // together with its content problems; only faults that stop reading throw here
        var document = YamlReader.readCollecting(f, f.toString()).tree();
        if (SweepLoader.isSweep(document)) {
          SweepLoader.load(f, f.toString());
        } else if (org.hedgesim.experiment.RobustLoader.isRobust(document)) {
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
}

package org.hedgesim.cli;

import java.io.PrintWriter;
import org.hedgesim.experiment.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code hedgesim} command: routes to its subcommands. */
@Command(name = "hedgesim",
    mixinStandardHelpOptions = true,
    versionProvider = Hedgesim.VersionProvider.class,
    description = "Agent-based simulator of small states hedging between powers (MASON).",
    subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, MergeCommand.class,
        ReportCommand.class, ValidateCommand.class, ListCommand.class, GuiCommand.class,
        GenerateCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure", "2:bad input (usage, scenario or sweep file, output folder, shards)"})
public final class Hedgesim implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the project's error handling. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Hedgesim());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> ExitCodes.BAD_INPUT);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      PrintWriter err = c.getErr();
      err.println("hedgesim: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
      err.flush();
      return ExitCodes.BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      PrintWriter err = c.getErr();
      err.println("hedgesim: " + describe(ex));
      if (System.getenv("HEDGESIM_DEBUG") != null) ex.printStackTrace(err);
      err.flush();
      return ExitCodes.FAILURE;
    });
    return cl;
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Reads the version from the build. */
  public static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"hedgesim " + Version.get(),
          "MASON " + sim.engine.SimState.version() + ", Java " + System.getProperty("java.version")};
    }
  }
}

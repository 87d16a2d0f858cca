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
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure", "2:bad input (usage, scenario or sweep file, output folder, shards)"})
public final class Hedgesim implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The subcommands, in the order the usage lists them. */
  private static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS =
      subcommands();

  private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
    java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
    m.put("run", RunCommand::new);
    m.put("compare", CompareCommand::new);
    m.put("explain", ExplainCommand::new);
    m.put("sweep", SweepCommand::new);
    m.put("merge", MergeCommand::new);
    m.put("sensitivity", SensitivityCommand::new);
    m.put("report", ReportCommand::new);
    m.put("verify", VerifyCommand::new);
    m.put("validate", ValidateCommand::new);
    m.put("list", ListCommand::new);
    m.put("gui", GuiCommand::new);
    m.put("generate", GenerateCommand::new);
    m.put("bench", BenchCommand::new);
    m.put("help", CommandLine.HelpCommand::new);
    return m;
  }

  /** Builds the whole command line with the project's error handling. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * Builds the command line for these arguments. Picocli reads every option of every command it
   * is given, which is a good part of start-up, so a call that names a subcommand gets only that
   * one; anything else (usage, help, a misspelt command) gets them all.
   */
  public static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new Hedgesim());
    String first = args.length > 0 ? args[0] : "";
    if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
      cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
    } else {
      SUBCOMMANDS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
    }
    return configure(cl);
  }

  /** The command line with one given subcommand object (for tests that set up a command first). */
  static CommandLine withSubcommand(String name, Object command) {
    CommandLine cl = new CommandLine(new Hedgesim());
    cl.addSubcommand(name, command);
    return configure(cl);
  }

  private static CommandLine configure(CommandLine cl) {
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> ExitCodes.BAD_INPUT);
    cl.setParameterExceptionHandler((ex, given) -> {
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
    System.exit(commandLine(args).execute(args));
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

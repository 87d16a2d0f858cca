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
public final class Hedgesim implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Without a command there is nothing to do: the usage, on the error stream, and exit code 2. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    spec.commandLine().usage(err);
    err.println("hedgesim: name a command (for example 'hedgesim run SCENARIO.yaml'; 'hedgesim list' shows the scenarios).");
    err.flush();
    return ExitCodes.BAD_INPUT;
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
    m.put("robust", RobustCommand::new);
    m.put("merge", MergeCommand::new);
    m.put("sensitivity", SensitivityCommand::new);
    m.put("discover", DiscoverCommand::new);
    m.put("report", ReportCommand::new);
    m.put("verify", VerifyCommand::new);
    m.put("calibrate", CalibrateCommand::new);
    m.put("validate", ValidateCommand::new);
    m.put("list", ListCommand::new);
    m.put("gui", GuiCommand::new);
    m.put("generate", GenerateCommand::new);
    m.put("bench", BenchCommand::new);
    m.put("completion", CompletionCommand::new);
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
   * one; anything else (usage, help, the completion script, a misspelt command) gets them all.
   */
  public static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new Hedgesim());
    String first = args.length > 0 ? args[0] : "";
    if (SUBCOMMANDS.containsKey(first) && !first.equals("help") && !first.equals("completion")) {
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
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> failed(ex, c.getErr()));
    return cl;
  }

  /** Prints a run-time failure as one line (its stack trace only with HEDGESIM_DEBUG); exit code 1. */
  static int failed(Throwable ex, PrintWriter err) {
    err.println("hedgesim: " + describe(ex));
    if (System.getenv("HEDGESIM_DEBUG") != null) ex.printStackTrace(err);
    err.flush();
    return ExitCodes.FAILURE;
  }

  /** What went wrong, in a line; running out of memory, even in a worker thread, says what to do. */
  static String describe(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        return "out of memory (" + (oom.getMessage() == null ? "" : oom.getMessage() + ", ") + "the heap's limit is "
            + mb + " MB); give Java more with HEDGESIM_JAVA_OPTS=-Xmx8g, or use a smaller design";
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof org.hedgesim.output.WriteFailure w) return w.describe();
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.io.IOException && c.getMessage() != null && c.getMessage().contains("No space left on device")) {
        return "no space left on device while writing the results";
      }
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** The line printed when the standard output could not be written (a full disk, a closed pipe). */
  static final String COULD_NOT_WRITE = "hedgesim: could not write to standard output (No space left on device?)";

  /**
   * Runs the command line, then checks that what it printed reached the standard output: a
   * command that reports success on a full device would claim a result no one received. If not,
   * says so on the standard error and exits with 1 (unless the command failed already). An
   * {@link OutOfMemoryError} outside a command's own handling is reported as one line too.
   */
  static int execute(CommandLine cl, String[] args) {
    return execute(cl, args, null);
  }

  /**
   * As {@link #execute(CommandLine, String[])}, also checking {@code under}, the stream under the
   * command line's writer (picocli writes through a writer of its own, which does not see the
   * errors that {@code System.out} swallows).
   */
  static int execute(CommandLine cl, String[] args, java.io.PrintStream under) {
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      return failed(e, cl.getErr());
    }
    if (cl.getOut().checkError() | (under != null && under.checkError())) {
      cl.getErr().println(COULD_NOT_WRITE);
      cl.getErr().flush();
      if (code == ExitCodes.OK) code = ExitCodes.FAILURE;
    }
    return code;
  }

  public static void main(String[] args) {
    // after Ctrl-C only the line of the stopping hook reaches the standard error (output/Stopping)
    String encoding = System.getProperty("sun.stderr.encoding");
    System.setErr(new java.io.PrintStream(org.hedgesim.output.Stopping.quietWhenStopping(System.err), true,
        encoding != null && java.nio.charset.Charset.isSupported(encoding) ? java.nio.charset.Charset.forName(encoding)
            : java.nio.charset.Charset.defaultCharset()));
    String limit = ScenarioFiles.limitProblem(System.getenv(ScenarioFiles.LIMIT_VARIABLE));
    if (limit != null) {
      System.err.println("hedgesim: " + limit);
      System.exit(ExitCodes.BAD_INPUT);
    }
    System.exit(execute(commandLine(args), args, System.out));
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

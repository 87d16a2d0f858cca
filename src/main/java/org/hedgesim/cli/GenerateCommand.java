package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.hedgesim.scenario.SyntheticWorld;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hedgesim generate --actors N}: writes a synthetic scenario for stress tests. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Write a synthetic scenario of any size.",
    description = {"Write a synthetic scenario of any size: powers, small states, every pair related,",
        "flows between every small state and every power, a few frameworks. For stress tests and",
        "benchmarks; the same arguments give the same file."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "1:run-time failure", "2:bad input (usage, the file exists)"})
final class GenerateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--actors", required = true, paramLabel = "N",
      description = "Actors in all, 4 to " + SyntheticWorld.MAX_ACTORS + ".")
  int actors;

  @Option(names = "--poles", paramLabel = "P",
      description = "Powers among them, at least 2 (default: one in ten actors, at least 2).")
  Integer poles;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the random values (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--years", paramLabel = "Y", defaultValue = "10",
      description = "Years of the run, from 2024-01, 1 to " + SyntheticWorld.MAX_YEARS + " (default: ${DEFAULT-VALUE}).")
  int years;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "File to write (default: the standard output). An existing file is not overwritten.")
  Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String yaml;
    try {
      if (poles != null && poles < 2) throw new IllegalArgumentException("--poles must be at least 2, found " + poles);
      yaml = new SyntheticWorld(actors, poles == null ? 0 : poles, seed, years).toYaml();
    } catch (IllegalArgumentException e) {
      err.println("hedgesim generate: " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    if (out == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    if (Files.exists(out)) {
      err.println("hedgesim generate: " + out + " exists; it is not overwritten");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    Path abs = out.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = abs.resolveSibling("." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid());
    try {
      Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs);
      }
    } catch (IOException e) {
      // a partial file is never left behind, nor one that looks complete
      Files.deleteIfExists(tmp);
      err.println("hedgesim generate: could not write " + out + " (" + reason(e) + "); nothing was written");
      err.flush();
      return ExitCodes.FAILURE;
    }
    spec.commandLine().getOut().println("Wrote " + out + " (" + actors + " actors)");
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The system's reason for a failed write ("No space left on device"), without the path it repeats. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

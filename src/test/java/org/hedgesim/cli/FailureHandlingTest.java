package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * How the command line ends when things outside the input go wrong: running out of memory, an
 * output that cannot be written (/dev/full), a malformed HEDGESIM_SCENARIO_LIMIT_MB. Each gives
 * one line, never a stack trace, and an exit code that does not claim success.
 */
class FailureHandlingTest {

  private static final Path FULL = Path.of("/dev/full");

  /** A command that fails the way a large design can. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    final Throwable thrown;

    Boom(Throwable thrown) {
      this.thrown = thrown;
    }

    @Override
    public Integer call() throws Exception {
      if (thrown instanceof Error e) throw e;
      throw (Exception) thrown;
    }
  }

  private record Ended(int exit, String out, String err) {}

  private static Ended run(CommandLine cl, PrintWriter out, String... args) {
    StringWriter err = new StringWriter();
    StringWriter o = new StringWriter();
    cl.setOut(out != null ? out : new PrintWriter(o, true));
    cl.setErr(new PrintWriter(err, true));
    int code = Hedgesim.execute(cl, args);
    return new Ended(code, o.toString(), err.toString());
  }

  private static final String OUT_OF_MEMORY = "hedgesim: out of memory (Java heap space, the heap's limit is "
      + (Runtime.getRuntime().maxMemory() >> 20) + " MB); give Java more with HEDGESIM_JAVA_OPTS=-Xmx8g, or use a smaller design\n";

  @Test
  void outOfMemory_inTheCommand_oneLineExit1() {
    Ended e = run(Hedgesim.withSubcommand("boom", new Boom(new OutOfMemoryError("Java heap space"))), null, "boom");
    assertEquals(1, e.exit());
    assertEquals(OUT_OF_MEMORY, e.err());
  }

  @Test
  void outOfMemory_inAWorkerThread_oneLineExit1() {
    Throwable wrapped = new ExecutionException(new OutOfMemoryError("Java heap space"));
    Ended e = run(Hedgesim.withSubcommand("boom", new Boom(wrapped)), null, "boom");
    assertEquals(1, e.exit());
    assertEquals(OUT_OF_MEMORY, e.err());
  }

  private static PrintWriter fullDevice() throws IOException {
    assumeTrue(Files.isWritable(FULL), "/dev/full is absent here (not Linux?): the full-device checks are skipped");
    return new PrintWriter(new FileOutputStream(FULL.toFile()), true);
  }

  @Test
  void validate_toAFullDevice_exit1_notOk() throws IOException {
    String file = Fixtures.scenarioFile("baseline-2024.yaml").toString();
    Ended e = run(Hedgesim.commandLine(new String[] {"validate"}), fullDevice(), "validate", file);
    assertEquals(1, e.exit());
    assertEquals(Hedgesim.COULD_NOT_WRITE + "\n", e.err());
  }

  @Test
  void generate_toAFullDevice_exit1() throws IOException {
    Ended e = run(Hedgesim.commandLine(new String[] {"generate"}), fullDevice(), "generate", "--actors", "10");
    assertEquals(1, e.exit());
    assertEquals("hedgesim: could not write to standard output (No space left on device?)\n", e.err());
  }

  @Test
  void badInput_toAFullDevice_keepsItsExitCode() throws IOException {
    Ended e = run(Hedgesim.commandLine(new String[] {"generate"}), fullDevice(), "generate", "--actors", "3");
    assertEquals(2, e.exit());
  }

  @Test
  void scenarioLimit_onlyWholeMegabytesFrom1To1024() {
    for (String ok : new String[] {null, "", " ", "1", "64", " 8 ", "1024"}) assertNull(ScenarioFiles.limitProblem(ok), ok);
    for (String bad : new String[] {"0", "-3", "1025", "2048", "abc", "1.5", "8MB", "99999999999"}) {
      assertEquals("HEDGESIM_SCENARIO_LIMIT_MB must be a whole number of MiB from 1 to 1024, found '" + bad + "'",
          ScenarioFiles.limitProblem(bad));
    }
  }
}

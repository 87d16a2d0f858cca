package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A sweep of more than 100,000 runs in one process starts only with {@code --yes}; without it the
 * refusal gives the time a pilot of a few runs predicts. {@code --dry-run} checks and estimates
 * without running or writing anything.
 */
class LargeSweepTest {

  @TempDir
  Path dir;

  /** A random design of the baseline: {@code samples} points times {@code replications}. */
  private Path sweepFile(int samples, int replications) throws IOException {
    Path f = dir.resolve("large.yaml");
    Files.writeString(f, "sweep: large\nscenario: " + Fixtures.scenarioFile("baseline-2024.yaml")
        + "\nreplications: " + replications + "\ndesign: {kind: random, samples: " + samples + "}\n"
        + "parameters:\n  - path: actors[KHM].nationalism\n    min: 0.3\n    max: 0.9\n"
        + "outcomes:\n  - {metric: exit, actor: KHM, reduce: occurred}\n");
    return f;
  }

  private static boolean empty(Path folder) throws IOException {
    if (!Files.exists(folder)) return true;
    try (var s = Files.walk(folder)) {
      return s.noneMatch(Files::isRegularFile);
    }
  }

  @Test
  void billionRuns_withoutYes_refusedWithAnEstimate_nothingWritten() throws IOException {
    Path out = dir.resolve("out");
    Cli c = Cli.run("sweep", sweepFile(1_000_000, 1000).toString(), "--out", out.toString(),
        "--results", dir.resolve("results").toString(), "--threads", "2");
    assertEquals(2, c.exit(), c.err());
    assertTrue(c.err().startsWith("hedgesim sweep: 1000000000 runs is more than 100,000 in one process: estimated time about "),
        c.err());
    assertTrue(c.err().contains(" on 2 threads (a pilot of 5 runs took "), c.err());
    assertTrue(c.err().trim().endsWith("Add --yes to start it, or make it smaller (--shard K/N splits it)."), c.err());
    assertEquals(1, c.err().trim().lines().count(), c.err());
    assertFalse(Files.exists(out));
    assertTrue(empty(dir.resolve("results")));
  }

  @Test
  void dryRun_printsThePlanAndTheEstimate_writesNothing() throws IOException {
    Path out = dir.resolve("out");
    Cli c = Cli.run("sweep", sweepFile(1_000_000, 1000).toString(), "--dry-run", "--out", out.toString(),
        "--threads", "1", "--results", dir.resolve("results").toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().startsWith("sweep large: 1000000 design points x 1000 replications = 1000000000 runs, 1 thread\n"
        + "estimated time about "), c.out());
    assertTrue(c.out().contains("; nothing was run or written (--dry-run)."), c.out());
    assertFalse(Files.exists(out));
    assertTrue(empty(dir.resolve("results")));
  }

  @Test
  void justAboveTheLimit_startsWithYes() throws IOException {
    SweepCommand command = new SweepCommand();
    command.evaluator = (sweep, point, seed) -> new double[] {point % 2};
    CommandLine cl = Hedgesim.withSubcommand("sweep", command);
    StringWriter o = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(err, true));
    Path out = dir.resolve("out");
    int code = cl.execute("sweep", sweepFile(100_001, 1).toString(), "--out", out.toString(), "--yes",
        "--progress", "none");
    assertEquals(0, code, err.toString());
    assertEquals(100_002, Files.readAllLines(out.resolve("runs.csv")).size(), "header and every run");
  }

  @Test
  void about_picksTheUnitAReaderWould() {
    assertEquals("1 s", SweepBase.about(Duration.ofMillis(20)));
    assertEquals("45 s", SweepBase.about(Duration.ofSeconds(45)));
    assertEquals("30 min", SweepBase.about(Duration.ofMinutes(30)));
    assertEquals("5.5 hours", SweepBase.about(Duration.ofMinutes(330)));
    assertEquals("12 days", SweepBase.about(Duration.ofDays(12)));
    assertEquals("3 years", SweepBase.about(Duration.ofDays(1096)));
  }
}

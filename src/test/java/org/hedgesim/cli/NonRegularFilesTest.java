package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named pipe (made by {@code mkfifo}) given as a scenario, as a parent in {@code extends}, or as
 * a sweep's base scenario is refused at once, before it is opened: opening a pipe that nobody
 * writes to would wait forever.
 */
class NonRegularFilesTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;
  private Path fifo;

  @BeforeEach
  void makeFifo() throws IOException, InterruptedException {
    fifo = dir.resolve("pipe.yaml");
    int code;
    try {
      code = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
    } catch (IOException e) {
      code = -1;
    }
    Assumptions.assumeTrue(code == 0 && Files.exists(fifo),
        "SKIPPED: mkfifo is not available here, so no named pipe can be made");
  }

  private List<String> validate(Path file) {
    Cli c = assertTimeoutPreemptively(PATIENCE, () -> Cli.run("validate", file.toString()));
    assertEquals(2, c.exit(), c.err());
    assertEquals("", c.out());
    return c.err().lines().toList();
  }

  @Test
  void fifoAsTheScenario_refusedAsAPipe() {
    assertEquals(List.of(fifo + ": is not a regular file (a pipe), expected a YAML file"), validate(fifo));
  }

  @Test
  void fifoAsAParent_refusedAtTheExtendsLine() throws IOException {
    Path child = Files.writeString(dir.resolve("child.yaml"), "scenario: child\nextends: pipe.yaml\n");
    assertEquals(List.of(child + ":2:10: extends: cannot use " + dir.resolve("pipe.yaml")
        + ": is not a regular file (a pipe), expected a YAML file"), validate(child));
  }

  @Test
  void fifoAsASweepBase_refusedAtTheScenarioKey_notReportedAsNotFound() throws IOException {
    Path sweep = Files.writeString(dir.resolve("sweep.yaml"), """
        sweep: s
        scenario: pipe.yaml
        design: {kind: grid, points: 2}
        parameters:
          - path: actors[S].nationalism
            min: 0.3
            max: 0.9
        outcomes:
          - {metric: hedging_index, actor: S, reduce: final}
        """);
    assertEquals(List.of(sweep + ":2:11: scenario: cannot use " + dir.resolve("pipe.yaml")
        + ": is not a regular file (a pipe), expected a YAML file"), validate(sweep));
  }
}

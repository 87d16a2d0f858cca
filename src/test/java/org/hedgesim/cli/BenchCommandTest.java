package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code hedgesim bench} runs and reports; the figures themselves are measured by hand on a quiet
 * machine (docs/PERFORMANCE.md), never asserted by a test.
 */
class BenchCommandTest {

  @Test
  void bench_agentStepAndSmallScaling_reportTheirRows() {
    Cli c = Cli.run("bench", "--only", "agent-step,scaling", "--rounds", "1", "--sizes", "10,20",
        "--repo", Fixtures.repo().toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("| 1. model per agent-step (clv-dta-exit.yaml,"), "the bench sweep's base scenario: " + c.out());
    assertTrue(c.out().contains("ns on MASON"), c.out());
    assertTrue(c.out().contains("N=10:") && c.out().contains("N=20:"), c.out());
    assertTrue(c.out().contains("| N=200 < 2 ms | not measured (N=200 is not among the sizes) |"),
        "a target for a size it did not measure is not called met: " + c.out());
  }

  @Test
  void bench_otherSweep_measuresItsBaseScenario_andAMissingOneIsBadInput() {
    Cli c = Cli.run("bench", "--only", "agent-step", "--rounds", "1", "--repo", Fixtures.repo().toString(),
        "--sweep", SweepCommandTest.resource("tiny-sweep.yaml").toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("| 1. model per agent-step (tiny.yaml, 3 actors"), c.out());
    Cli missing = Cli.run("bench", "--sweep", "no-such.yaml");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no-such.yaml: no such file"), missing.err());
  }

  @Test
  void bench_prim_reportsItsRow() {
    Cli c = Cli.run("bench", "--only", "prim", "--rounds", "1", "--repo", Fixtures.repo().toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("| 7. PRIM of hedgesim discover, 100,000 cases x 10 parameters"), c.out());
    assertTrue(c.out().matches("(?s).*\\d+\\.\\d\\d s for \\d+ peeling steps.*"), c.out());
  }

  @Test
  void bench_unknownMeasurement_exit2() {
    Cli c = Cli.run("bench", "--only", "warp-speed");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("unknown measurement 'warp-speed'"), c.err());
  }
}

package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hedgesim list}: the shipped scenarios and sweeps, the metrics, the event kinds, the parameters. */
class ListCommandTest {

  @TempDir
  Path dir;

  @Test
  void list_withoutAFolder_looksHereThenBesideTheInstallation() {
    List<Path> looked = ListCommand.defaultFolders();
    assertEquals(Path.of("scenarios"), looked.get(0));
    assertEquals(Fixtures.repo().resolve("scenarios").toAbsolutePath().normalize(),
        looked.get(1).toAbsolutePath().normalize(), "the installation's scenarios: " + looked);
  }

  @Test
  void list_aGivenFolderThatDoesNotExist_isExit2() {
    Cli c = Cli.run("list", "--scenarios", dir.resolve("nowhere").toString());
    assertEquals(2, c.exit());
    assertEquals("hedgesim list: --scenarios " + dir.resolve("nowhere") + ": no such folder", c.err().strip());
    assertEquals("", c.out());
  }

  /** Every folder inside scenarios/ is listed, each file with its kind and the command that takes it. */
  @Test
  void list_showsTheSubfolders_hindcastCalibrationRobustBenchAndCluster_eachFileWithItsKind() throws IOException {
    Path scenarios = Fixtures.repo().resolve("scenarios");
    Cli c = Cli.run("list", "--scenarios", scenarios.toString());
    assertEquals(0, c.exit(), c.err());
    try (var subs = Files.list(scenarios)) {
      for (Path sub : subs.filter(Files::isDirectory).toList()) {
        try (var files = Files.list(sub)) {
          for (Path f : files.toList()) {
            assertTrue(c.out().contains("  " + f.getFileName() + " "), f + " listed:\n" + c.out());
          }
        }
      }
    }
    assertTrue(c.out().contains("In " + scenarios.resolve("hindcast") + ":"), c.out());
    assertTrue(c.out().matches("(?s).*cambodia-2019-calibration\\.yaml +calibration \\(abc-smc, \\d+ free parameters; hedgesim calibrate FILE\\).*"), c.out());
    assertTrue(c.out().matches("(?s).*cambodia-2019\\.yaml +scenario: .*"), c.out());
    assertTrue(c.out().matches("(?s).*us-approach\\.yaml +robust study \\(\\d+ settings x \\d+ futures; hedgesim robust FILE\\).*"), c.out());
    assertTrue(c.out().contains("slurm-array.sh"), c.out());
  }

  /** A scenario with a warning says so in the listing, and a broken file counts its problems. */
  @Test
  void list_aScenarioWithAWarningOrProblems_saysSo() throws IOException {
    Files.copy(Fixtures.repo().resolve("scenarios/two-powers.yaml"), dir.resolve("a.yaml"));
    String text = Files.readString(dir.resolve("a.yaml"));
    Files.writeString(dir.resolve("b.yaml"), text.replace("gdp: 20, growth: 0.04", "gdp: 20, growth: 0.3"));
    Files.writeString(dir.resolve("c.yaml"), "name: [\n");
    Cli c = Cli.run("list", "--scenarios", dir.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().matches("(?s).*  c\\.yaml +\\(invalid: 1 problems; see hedgesim validate\\).*"), c.out());
    assertTrue(c.out().matches("(?s).*  b\\.yaml +.*\\(1 warning; see hedgesim validate\\)\n.*"), c.out());
    assertTrue(c.out().matches("(?s).*  a\\.yaml +A small state[^(\n]*\n.*"), "no warning for the shipped file:\n" + c.out());
  }

  @Test
  void list_showsEveryShippedScenarioAndSweepWithItsDesign_andTheModelsVocabulary() throws IOException {
    Path scenarios = Fixtures.repo().resolve("scenarios");
    Cli c = Cli.run("list", "--scenarios", scenarios.toString());
    assertEquals(0, c.exit(), c.err());
    try (var s = Files.list(scenarios)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        assertTrue(c.out().contains(p.getFileName().toString()), p + " listed:\n" + c.out());
      }
    }
    assertTrue(c.out().contains("exit-drivers-morris.yaml                 1400 runs, morris:"), c.out());
    assertTrue(c.out().contains("alignment-drivers-sobol.yaml             1920 runs, saltelli:"), c.out());
    assertTrue(c.out().contains("nationalism-sovereignty.yaml             700 runs, grid:"), c.out());
    assertTrue(c.out().contains("hedging_index          [state]"), c.out());
    // every metric a run records is listed (channel metrics by their pattern)
    org.hedgesim.experiment.Replication r = org.hedgesim.experiment.Replication.run(
        org.hedgesim.Fixtures.scenario("baseline-2024.yaml"), 0, 1L);
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (String[] m : ListCommand.METRICS) listed.add(m[0]);
    for (var key : r.series()) {
      String m = key.metric().replaceAll("^[a-z]+_inflow_share$", "<channel>_inflow_share")
          .replaceAll("^(fdi|exports|aid|transit)_share$", "<channel>_share");
      assertTrue(listed.contains(m), key.metric() + " is not listed");
    }
    for (org.hedgesim.scenario.Mechanism m : org.hedgesim.scenario.Mechanism.values()) {
      assertTrue(c.out().contains("  " + m.key() + " "), m.key() + " listed");
    }
    assertTrue(c.out().contains("Event kinds (events: in a scenario): exit, join,"), c.out());
    for (Parameter p : Parameter.values()) {
      assertTrue(c.out().contains("  " + p.key() + " "), p.key() + " listed");
    }
  }

  @Test
  void list_invalidSweepIsNamedNotFatal() throws IOException {
    Files.createDirectories(dir.resolve("sweeps"));
    Files.writeString(dir.resolve("sweeps/broken.yaml"), "sweep: broken\nscenario: nowhere.yaml\n");
    Cli c = Cli.run("list", "--scenarios", dir.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("broken.yaml") && c.out().contains("(invalid:"), c.out());
  }

  @Test
  void list_descriptionWithTerminalEscapes_isPrintedEscaped() throws IOException {
    Files.writeString(dir.resolve("odd.yaml"), "scenario: odd\nextends: "
        + org.hedgesim.Fixtures.testResource("invalid/parents/two-powers.yaml")
        + "\ndescription: \"retitle \\e]0;pwned\\a and \\u202ereversed\"\n");
    Cli c = Cli.run("list", "--scenarios", dir.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("odd.yaml") && c.out().contains("retitle \\x1b]0;pwned\\x07 and \\u202ereversed"), c.out());
    assertEquals(-1, org.hedgesim.scenario.TerminalText.firstUnprintable(c.out().replace("\n", "").replace("\r", "")), c.out());
  }
}

package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hedgesim generate}: synthetic worlds that load, run and are the same for the same arguments. */
class GenerateCommandTest {

  @TempDir
  Path dir;

  @Test
  void generate_writesAValidScenarioOfTheRequestedSize() throws Exception {
    Path f = dir.resolve("w.yaml");
    Cli c = Cli.run("generate", "--actors", "30", "--seed", "5", "-o", f.toString());
    assertEquals(0, c.exit(), c.err());
    Scenario s = ScenarioLoader.load(f);
    assertEquals(30, s.actors().size());
    assertEquals(3, s.poles().size());
    assertEquals(30 * 29 / 2, s.relations().size(), "every pair related");
    assertEquals(26 * (4 * 3 + 3), s.flows().size(), "four flows with each pole, three with the rest");
    Cli run = Cli.run("run", f.toString(), "--out", dir.resolve("out").toString());
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void generate_sameArgumentsSameFile_otherSeedOtherFile() {
    String a = Cli.run("generate", "--actors", "12", "--seed", "9").out();
    String b = Cli.run("generate", "--actors", "12", "--seed", "9").out();
    String c = Cli.run("generate", "--actors", "12", "--seed", "10").out();
    assertEquals(a, b);
    assertTrue(!a.equals(c));
  }

  @Test
  void generate_existingFile_notOverwritten() throws Exception {
    Path f = dir.resolve("taken.yaml");
    Files.writeString(f, "mine");
    Cli c = Cli.run("generate", "--actors", "10", "-o", f.toString());
    assertEquals(2, c.exit());
    assertEquals("mine", Files.readString(f));
  }

  @Test
  void generate_tooFewActors_exit2() {
    Cli c = Cli.run("generate", "--actors", "3");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("at least 4 actors"), c.err());
  }
}

package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.experiment.KnockOuts;
import org.hedgesim.scenario.Mechanism;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hedgesim explain}: the knock-out table on the console and in explain.csv. */
class ExplainCommandTest {

  @TempDir
  Path dir;

  private static final String LIVELY = Fixtures.testResource("org/hedgesim/model/worlds/lively.yaml").toString();

  @Test
  void explain_printsOneRowPerMechanism_andWritesExplainCsv() throws Exception {
    Cli c = Cli.run("explain", LIVELY, "-r", "3", "--out", dir.resolve("x").toString());
    assertEquals(0, c.exit(), c.err());
    for (Mechanism m : Mechanism.values()) assertTrue(c.out().contains("\n" + m.key() + " "), m.key() + "\n" + c.out());
    assertTrue(c.out().contains("Knock-outs of lively: 3 replications each"), c.out());
    List<String> csv = Files.readAllLines(dir.resolve("x/explain.csv"));
    assertEquals(String.join(",", KnockOuts.HEADER), csv.get(0));
    assertTrue(csv.size() > Mechanism.values().length, "a row per mechanism and headline outcome");
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("courtship,courtship,A,S,final,3,")), "courtship of S by A");
    assertTrue(Files.isRegularFile(dir.resolve("x/manifest.json")));
    assertTrue(Files.readString(dir.resolve("x/manifest.json")).contains("\"command\" : \"explain\"")
        || Files.readString(dir.resolve("x/manifest.json")).contains("\"command\": \"explain\""));
  }

  @Test
  void explain_sameTableWhateverTheThreads() throws Exception {
    assertEquals(0, Cli.run("explain", LIVELY, "-r", "2", "-t", "1", "--out", dir.resolve("a").toString()).exit());
    assertEquals(0, Cli.run("explain", LIVELY, "-r", "2", "-t", "2", "--out", dir.resolve("b").toString()).exit());
    assertEquals(Files.readString(dir.resolve("a/explain.csv")), Files.readString(dir.resolve("b/explain.csv")));
  }

  @Test
  void explain_badInput_exit2_nothingWritten() throws Exception {
    Cli one = Cli.run("explain", LIVELY, "-r", "1", "--out", dir.resolve("one").toString());
    assertEquals(2, one.exit());
    assertTrue(one.err().contains("--replications must be at least 2"), one.err());
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "scenario: bad\nstart: 2030-01\nend: 2031-12\nactors:\n  - {id: S, rivalry: 2}\n");
    Cli b = Cli.run("explain", bad.toString(), "--out", dir.resolve("b").toString());
    assertEquals(2, b.exit());
    assertTrue(b.err().contains("bad.yaml:5:"), b.err());
    assertFalse(Files.exists(dir.resolve("b")) && Files.list(dir.resolve("b")).findAny().isPresent());
    assertFalse(Files.exists(dir.resolve("one")) && Files.list(dir.resolve("one")).findAny().isPresent());
  }
}

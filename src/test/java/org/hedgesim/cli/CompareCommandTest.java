package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.hedgesim.analysis.ReportChecks;
import org.hedgesim.experiment.ScenarioComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code hedgesim compare}: the effects table, the files, the report, bad input. */
class CompareCommandTest {

  @TempDir
  Path dir;

  private static String toy(String name) {
    return Fixtures.testResource("compare/" + name).toString();
  }

  @Test
  void compare_toyPair_printsTheEffectsTableAndWritesEveryFile() throws IOException {
    Path out = dir.resolve("cmp");
    Cli c = Cli.run("compare", toy("toy-a.yaml"), toy("toy-b.yaml"), "-r", "20", "--out", out.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("A = toy-a"), c.out());
    assertTrue(c.out().contains("B - A (toy-b - toy-a):"), c.out());
    assertTrue(c.out().contains("95% CI"), c.out());
    assertTrue(c.out().lines().anyMatch(l -> l.trim().startsWith("visits[P,S]")), "the known effect is listed:\n" + c.out());
    for (String f : ScenarioComparison.FILES) assertTrue(Files.size(out.resolve(f)) > 0, f);
    List<String> lines = Files.readAllLines(out.resolve("compare.csv"));
    assertEquals(String.join(",", ScenarioComparison.COMPARE_HEADER), lines.get(0));
    String visits = lines.stream().filter(l -> l.startsWith("toy-a,toy-b,visits,P,S,outcome,")).findFirst().orElseThrow();
    assertTrue(visits.endsWith(",true"), visits);
    // p and q values: 6 significant digits in scientific notation (or 0), never a long decimal
    int p = ScenarioComparison.COMPARE_HEADER.indexOf("p_value");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      for (String cell : List.of(cells[p], cells[p + 1])) {
        assertTrue(cell.isEmpty() || cell.equals("0") || cell.matches("\\d\\.\\d{5}e[-+]\\d{2,3}"), line);
      }
    }
    String manifest = Files.readString(out.resolve("manifest.json"));
    assertTrue(manifest.contains("\"command\" : \"compare\""), manifest.substring(0, 200));
    assertTrue(manifest.contains("\"label\" : \"toy-a\"") && manifest.contains("\"label\" : \"toy-b\""));
    assertTrue(manifest.contains("\"sha256\""));
    assertFalse(Files.exists(out.resolve("report")), "no report unless asked");
  }

  @Test
  void compare_threeScenarios_eachAgainstTheFirst() {
    Path out = dir.resolve("three");
    Cli c = Cli.run("compare", toy("toy-a.yaml"), toy("toy-b.yaml"), toy("toy-a.yaml"), "-r", "3", "--out", out.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("B - A (toy-b - toy-a)"), c.out());
    assertTrue(c.out().contains("C - A (toy-a-2 - toy-a): 0 of"), "a scenario against itself differs nowhere:\n" + c.out());
  }

  @Test
  void compare_withReport_writesAWellFormedReportInsideTheFolder() throws Exception {
    Path out = dir.resolve("rep");
    Cli c = Cli.run("compare", toy("toy-a.yaml"), toy("toy-b.yaml"), "-r", "5", "--out", out.toString(), "--report");
    assertEquals(0, c.exit(), c.err());
    Path html = out.resolve("report/report.html");
    assertTrue(c.out().contains(html.toString()), c.out());
    Document d = ReportChecks.check(html);
    assertTrue(ReportChecks.section(d, "headline").contains("visits[P,S]"));
    assertTrue(ReportChecks.section(d, "parameters").contains("values differ from A"));
    try (Stream<Path> s = Files.list(out.resolve("report/plots"))) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertTrue(names.stream().anyMatch(n -> n.endsWith(".svg")) && names.stream().anyMatch(n -> n.endsWith(".png")), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.startsWith("compare-alignment-S-P")),
          "the alignment of the small state toward the pole, in both scenarios: " + names);
    }
  }

  @Test
  void compareReport_separatesWhatTheScriptsSetFromTheModelsResponses() throws Exception {
    Path scripted = dir.resolve("toy-sanction.yaml");
    Files.writeString(scripted, "scenario: toy-sanction\nextends: " + toy("toy-a.yaml") + "\n"
        + "events:\n  - {at: 2030-06, sanction: {from: P, to: S, severity: 0.3}, source: \"assumption: test\"}\n");
    Path out = dir.resolve("scripted");
    Cli c = Cli.run("compare", toy("toy-a.yaml"), scripted.toString(), "-r", "5", "--out", out.toString(), "--report");
    assertEquals(0, c.exit(), c.err());
    String headline = ReportChecks.section(ReportChecks.check(out.resolve("report/report.html")), "headline");
    int responses = headline.indexOf("Model responses");
    int fixed = headline.indexOf("Set by the scenarios");
    assertTrue(responses >= 0 && fixed > responses, headline);
    // the scripted sanction itself is the same in every replication: listed as set by the scenarios
    assertTrue(headline.indexOf("sanctions[P,S]", fixed) > fixed, headline);
    assertFalse(headline.substring(responses, fixed).contains("sanctions[P,S]"), headline);
  }

  @Test
  void compare_badScenario_exit2AndNothingWritten() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "scenario: bad\nextends: " + toy("toy-a.yaml") + "\nevents:\n  - {id: visits, rate: lots}\n");
    Path out = dir.resolve("never");
    Cli c = Cli.run("compare", toy("toy-a.yaml"), bad.toString(), "--out", out.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains(bad + ":4:"), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void compare_oneScenarioOrOneReplication_exit2() {
    assertEquals(2, Cli.run("compare", toy("toy-a.yaml")).exit());
    Cli c = Cli.run("compare", toy("toy-a.yaml"), toy("toy-b.yaml"), "-r", "1", "--out", dir.resolve("x").toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("at least 2"), c.err());
    assertFalse(Files.exists(dir.resolve("x")));
  }

  @Test
  void compare_existingFolder_neverOverwritten() throws IOException {
    Path out = dir.resolve("taken");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    Cli c = Cli.run("compare", toy("toy-a.yaml"), toy("toy-b.yaml"), "-r", "2", "--out", out.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("never overwritten"), c.err());
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
  }
}

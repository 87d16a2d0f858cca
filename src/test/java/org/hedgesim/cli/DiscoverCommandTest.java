package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hedgesim.analysis.ReportChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hedgesim discover} end to end: a small real sweep (the tiny world, a Latin hypercube over two
 * ranges and a categorical approach), then PRIM on its folder: the files, the sentence, the same
 * bytes twice, the report, and bad input refused with exit code 2 and nothing written.
 */
class DiscoverCommandTest {

  @TempDir
  static Path dir;

  static Path sweep;

  @BeforeAll
  static void runTheSweep() {
    sweep = dir.resolve("sweep");
    Cli c = Cli.run("sweep", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--out", sweep.toString(),
        "--progress", "none", "--threads", "2");
    assertEquals(0, c.exit(), c.err());
  }

  private static List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p);
  }

  @Test
  void discover_writesTheBoxTrajectoryAndScores_andSaysItInASentence() throws IOException {
    Path out = dir.resolve("first");
    Cli c = Cli.run("discover", sweep.toString(), "--outcome", "left_f", "--threshold", "0.5", "--out", out.toString());
    assertEquals(0, c.exit(), c.err());
    String first = c.out().lines().findFirst().orElseThrow();
    // the framework's sovereignty cost drives the exit in the tiny world; the numbers are the sweep's own
    assertTrue(first.matches("left_f > 0\\.5 holds in \\d+% of the runs where .*frameworks\\[F\\]\\.sovereignty_cost >= [0-9.]+.*"
        + " \\(coverage \\d+%, mass \\d+%; 240 runs, \\d+ of interest\\)\\."), first);
    List<String> boxes = lines(out.resolve("boxes.csv"));
    assertEquals("box,dimension,kind,lower,upper,levels,qp_value,step,coverage,density,mass,cases,of_interest", boxes.get(0));
    assertTrue(boxes.stream().anyMatch(l -> l.startsWith("1,frameworks[F].sovereignty_cost,range,")), boxes.toString());
    List<String> t = lines(out.resolve("trajectory.csv"));
    assertEquals("box,step,coverage,density,mass,cases,of_interest,restricted,dimensions,chosen", t.get(0));
    assertTrue(t.get(1).startsWith("1,0,1,"), "step 0 is every run: " + t.get(1));
    assertEquals(1, t.stream().filter(l -> l.endsWith(",true")).count(), "one chosen step");
    List<String> f = lines(out.resolve("features.csv"));
    assertEquals(4, f.size());
    assertTrue(f.get(1).startsWith("frameworks[F].sovereignty_cost,"), f.toString());
    JsonNode json = new ObjectMapper().readTree(out.resolve("discover.json").toFile());
    assertEquals("left_f > 0.5", json.path("asked").path("where").asText());
    assertEquals(240, json.path("cases").asInt());
    assertEquals("tiny-sweep", json.path("sweep").path("name").asText());
    assertEquals(first.substring(0, first.length() - 1), json.path("boxes").get(0).path("sentence").asText());
  }

  @Test
  void aSweepFile_isSweptFirst_andGivesTheSameBoxesAsItsFolder() throws IOException {
    Path results = dir.resolve("swept-first");
    Path out = dir.resolve("one-command");
    Cli c = Cli.run("discover", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--results", results.toString(),
        "--outcome", "left_f", "--threshold", "0.5", "--out", out.toString());
    assertEquals(0, c.exit(), c.err());
    Path reference = dir.resolve("from-the-folder");
    Cli r = Cli.run("discover", sweep.toString(), "--outcome", "left_f", "--threshold", "0.5", "--out", reference.toString());
    assertEquals(0, r.exit(), r.err());
    for (String f : List.of("boxes.csv", "trajectory.csv", "features.csv")) {
      assertEquals(lines(reference.resolve(f)), lines(out.resolve(f)), f);
    }
    try (var s = Files.list(results.resolve("tiny-sweep"))) {
      assertEquals(1, s.filter(p -> Files.isRegularFile(p.resolve("runs.csv"))).count(), "the sweep's own folder");
    }
    Cli bad = Cli.run("discover", SweepCommandTest.resource("tiny-sweep.yaml").getParent().resolve("nope.yaml").toString(),
        "--outcome", "left_f", "--threshold", "0.5");
    assertEquals(2, bad.exit());
  }

  @Test
  void sameFolderAndQuestion_sameBytes_andTheDefaultFolderIsNeverOverwritten() throws IOException {
    String[] ask = {"--where", "left_f == 1 and visits >= 3", "--boxes", "2"};
    for (String o : List.of("a", "b")) {
      Cli c = Cli.run(Stream.concat(Stream.of("discover", sweep.toString(), "--out", dir.resolve(o).toString()),
          Stream.of(ask)).toArray(String[]::new));
      assertEquals(0, c.exit(), c.err());
    }
    for (String file : List.of("boxes.csv", "trajectory.csv", "features.csv", "discover.json")) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
    }
    Cli one = Cli.run("discover", sweep.toString(), "--where", "alignment_S_P_final < -0.1");
    Cli two = Cli.run("discover", sweep.toString(), "--where", "alignment_S_P_final < -0.1");
    assertEquals(0, one.exit(), one.err());
    assertEquals(0, two.exit(), two.err());
    assertTrue(Files.isRegularFile(sweep.resolve("discover/alignment_S_P_final-lt--0.1/boxes.csv")));
    assertTrue(Files.isRegularFile(sweep.resolve("discover/alignment_S_P_final-lt--0.1-2/boxes.csv")));
    // the sweep folder itself is still intact
    assertEquals(0, Cli.run("verify", sweep.toString()).exit());
  }

  @Test
  void summaryTable_countsDesignPoints_andReportDrawsTheTrajectoryAndLimits() throws Exception {
    Path out = dir.resolve("points");
    Cli c = Cli.run("discover", sweep.toString(), "--where", "left_f > 0.5", "--table", "summary", "--report",
        "--out", out.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("of the design points where"), c.out());
    assertTrue(c.out().contains("60 design points"), c.out());
    String html = Files.readString(out.resolve("report/report.html"));
    assertTrue(html.contains("<svg") && html.contains("Peeling trajectory"), "the plots are inline");
    assertTrue(Files.isRegularFile(out.resolve("report/plots/trajectory-box1.svg")));
    assertTrue(Files.isRegularFile(out.resolve("report/plots/limits-box1.svg")));
    // well-formed XHTML that loads nothing from anywhere
    ReportChecks.assertNoExternalReference(ReportChecks.parse(out.resolve("report/report.html")));
  }

  @Test
  void theSweepReport_showsTheBoxesFound() throws IOException {
    Path copy = dir.resolve("report-of-sweep");
    Cli d = Cli.run("discover", sweep.toString(), "--where", "hedging_index_S_mean > 0.9", "--out",
        sweep.resolve("discover/for-the-report").toString());
    assertEquals(0, d.exit(), d.err());
    Cli r = Cli.run("report", sweep.toString(), "--out", copy.toString());
    assertEquals(0, r.exit(), r.err());
    String html = Files.readString(copy.resolve("report.html"));
    assertTrue(html.contains("Scenario discovery (PRIM boxes)") && html.contains("discover/for-the-report:"), "a table of the boxes");
    assertTrue(html.contains("hedging_index_S_mean &gt; 0.9 holds in"), "and their sentences");
  }

  @Test
  void badInput_exit2_withTheReason_andNothingWritten() throws IOException {
    Files.createDirectories(dir.resolve("taken"));
    Files.writeString(dir.resolve("taken/x"), "x");
    Files.createDirectories(dir.resolve("not-a-sweep"));
    record Bad(List<String> args, String says) {}
    String s = sweep.toString();
    for (Bad b : List.of(
        new Bad(List.of(s, "--where", "left_f >> 1"), "--where 'left_f >> 1': column 9: expected a number after '>'"),
        new Bad(List.of(s, "--where", "left_ff > 1"), "column 1: 'left_ff' is not an outcome of the table (did you mean 'left_f'?)"),
        new Bad(List.of(s, "--outcome", "visit", "--threshold", "2"), "--outcome visit: not an outcome of runs.csv (did you mean 'visits'?)"),
        new Bad(List.of(s, "--threshold", "2"), "--threshold needs --outcome NAME"),
        new Bad(List.of(s, "--outcome", "left_f"), "--outcome left_f needs --threshold X"),
        new Bad(List.of(s), "say which runs are of interest"),
        new Bad(List.of(s, "--where", "left_f > 1", "--threshold", "1", "--outcome", "left_f"), "not both"),
        new Bad(List.of(s, "--where", "left_f > 0.5", "--alpha", "0.7"), "--alpha must be above 0 and below 0.5, found 0.7"),
        new Bad(List.of(s, "--where", "left_f > 0.5", "--min-mass", "0"), "--min-mass must be above 0 and below 1"),
        new Bad(List.of(s, "--where", "left_f > 0.5", "--table", "run"), "--table must be runs or summary, found 'run' (did you mean 'runs'?)"),
        new Bad(List.of(s, "--where", "left_f > 0.5", "--box", "999"), "--box 999: the peeling trajectory has steps 0 to"),
        new Bad(List.of(s, "--where", "left_f > 5"), "left_f > 5 holds in none of the 240 runs"),
        new Bad(List.of(s, "--where", "left_f > 0.5", "--out", dir.resolve("taken").toString()), "exists and is not empty"),
        new Bad(List.of(dir.resolve("not-a-sweep").toString(), "--where", "left_f > 0.5"), "no manifest.json"),
        new Bad(List.of(dir.resolve("nowhere").toString(), "--where", "left_f > 0.5"), "no such folder"))) {
      long before = count(sweep.resolve("discover"));
      Cli c = Cli.run(Stream.concat(Stream.of("discover"), b.args().stream()).toArray(String[]::new));
      assertEquals(2, c.exit(), b.args() + ": " + c.err());
      assertTrue(c.err().contains(b.says()), b.args() + ": " + c.err());
      assertFalse(c.err().contains("Exception"), c.err());
      assertEquals(before, count(sweep.resolve("discover")), "nothing written: " + b.args());
    }
  }

  private static long count(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) return 0;
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }
}

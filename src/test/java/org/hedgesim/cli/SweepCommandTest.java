package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hedgesim sweep} and {@code hedgesim merge}: outputs, byte-identical results whatever the
 * threads or the sharding, runs that are never lost, and clean refusals of bad input.
 */
class SweepCommandTest {

  @TempDir
  Path dir;

  /** The files a whole sweep writes that must not depend on how it was run (timing.json may). */
  static final List<String> COMPARED = List.of("runs.csv", "summary.csv", "design.csv", "manifest.json");

  static Path resource(String name) {
    return Fixtures.repo().resolve("src/test/resources/org/hedgesim/experiment").resolve(name);
  }

  static Path shippedSweep(String name) {
    return Fixtures.repo().resolve("scenarios/sweeps").resolve(name);
  }

  private Path sweep(Path file, String out, String... extra) {
    Path target = dir.resolve(out);
    List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out", target.toString()));
    args.addAll(List.of(extra));
    Cli c = Cli.run(args.toArray(String[]::new));
    assertEquals(0, c.exit(), c.err());
    return target;
  }

  static void assertSameFiles(Path a, Path b, List<String> files) throws IOException {
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
    }
  }

  private static Map<String, Map<String, String>> summaryMeans(Path folder) throws IOException {
    Map<String, Map<String, String>> out = new HashMap<>();
    List<String> lines = Files.readAllLines(folder.resolve("summary.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) row.put(header.get(i), cells[i]);
      out.put(row.get("point") + "|" + row.get("outcome"), row);
    }
    return out;
  }

  // ------------------------------------------------------------------ the shipped sweeps

  @Test
  void nationalismSweep_writesTheDocumentedFiles_andExitsBecomeLikelierWithNationalism() throws IOException {
    Cli c = Cli.run("sweep", shippedSweep("nationalism-sovereignty.yaml").toString(), "--out", dir.resolve("n").toString());
    assertEquals(0, c.exit(), c.err());
    Path out = dir.resolve("n");
    assertTrue(c.out().contains("nationalism-sovereignty: 700 runs"), c.out());
    assertTrue(c.out().contains("Results: " + out.toAbsolutePath()), c.out());
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of("design.csv", "inputs", "manifest.json", "ro-crate-metadata.json", "runs.csv", "summary.csv",
          "timing.json"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
    assertEquals("run,point,replication,seed,nationalism,sovereignty_cost,left_clv_dta,exit_step,"
        + "legitimacy_final,trust_vnm_final,alignment_vnm_mean", runs.get(0));
    assertEquals(701, runs.size());
    assertEquals("point,nationalism,sovereignty_cost,outcome,replications,n,mean,sd,ci_low,ci_high,min,max",
        Files.readAllLines(out.resolve("summary.csv")).get(0));
    assertEquals(36, Files.readAllLines(out.resolve("design.csv")).size());
    String manifest = Files.readString(out.resolve("manifest.json"));
    for (String key : List.of("\"sweep\"", "\"seed_derivation\"", "\"fingerprint\"", "\"sha256\"",
        "\"resolved_scenario\"", "\"outputs\"", "actors[KHM].nationalism", "assumption: from a mild nationalism")) {
      assertTrue(manifest.contains(key), key);
    }
    // point 0: the lowest nationalism and sovereignty cost; point 34: the highest of both
    Map<String, Map<String, String>> m = summaryMeans(out);
    assertEquals("0.3", m.get("0|left_clv_dta").get("nationalism"));
    assertEquals("0.9", m.get("34|left_clv_dta").get("nationalism"));
    double low = Double.parseDouble(m.get("0|left_clv_dta").get("mean"));
    double high = Double.parseDouble(m.get("34|left_clv_dta").get("mean"));
    assertTrue(high > low, "exit probability " + low + " at low nationalism, " + high + " at high");
    assertEquals("20", m.get("34|left_clv_dta").get("replications"));
  }

  @Test
  void usApproachSweep_runs_andCourtingRaisesAlignmentTowardTheUs() throws IOException {
    Path out = sweep(shippedSweep("us-approach-fdi.yaml"), "u");
    Map<String, Map<String, String>> m = summaryMeans(out);
    // the grid's first parameter is the approach: points 0-4 negative, 10-14 positive
    assertEquals("negative", m.get("2|alignment_usa_final").get("us_approach"));
    assertEquals("positive", m.get("12|alignment_usa_final").get("us_approach"));
    double negative = Double.parseDouble(m.get("2|alignment_usa_mean").get("mean"));
    double positive = Double.parseDouble(m.get("12|alignment_usa_mean").get("mean"));
    assertTrue(positive > negative, "mean alignment to the US: negative " + negative + ", positive " + positive);
  }

  // ------------------------------------------------------------------ determinism

  @Test
  void threads_oneOrTwo_byteIdenticalResults() throws IOException {
    Path one = sweep(resource("tiny-sweep.yaml"), "one", "--threads", "1", "--timeseries");
    Path two = sweep(resource("tiny-sweep.yaml"), "two", "--threads", "2", "--timeseries");
    List<String> files = new ArrayList<>(COMPARED);
    files.add("timeseries.csv.gz");
    assertSameFiles(one, two, files);
    assertEquals(241, Files.readAllLines(one.resolve("runs.csv")).size());
  }

  @Test
  void threeShardsMerged_byteIdenticalToOneProcess() throws IOException {
    Path whole = sweep(resource("tiny-sweep.yaml"), "whole", "--timeseries");
    List<String> shards = new ArrayList<>();
    for (int k = 3; k >= 1; k--) {
      shards.add(sweep(resource("tiny-sweep.yaml"), "shard" + k, "--shard", k + "/3", "--timeseries",
          "--threads", Integer.toString(k % 2 + 1)).toString());
    }
    assertEquals(81, Files.readAllLines(Path.of(shards.get(0)).resolve("runs.csv")).size(), "shard 3 of 240 runs");
    List<String> args = new ArrayList<>(List.of("merge"));
    args.addAll(shards);
    args.addAll(List.of("--out", dir.resolve("merged").toString()));
    Cli c = Cli.run(args.toArray(String[]::new));
    assertEquals(0, c.exit(), c.err());
    List<String> files = new ArrayList<>(COMPARED);
    files.add("timeseries.csv.gz");
    assertSameFiles(whole, dir.resolve("merged"), files);
  }

  // ------------------------------------------------------------------ merge refusals

  private Cli merge(Path... shards) {
    List<String> args = new ArrayList<>(List.of("merge"));
    for (Path p : shards) args.add(p.toString());
    args.addAll(List.of("--out", dir.resolve("m" + System.nanoTime()).toString()));
    return Cli.run(args.toArray(String[]::new));
  }

  private void assertRefused(Cli c, String expected) {
    assertEquals(2, c.exit(), c.err());
    assertTrue(c.err().contains(expected), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
  }

  @Test
  void merge_refusesMissingDuplicateMismatchedAndDamagedShards() throws IOException {
    Path s1 = sweep(resource("tiny-sweep.yaml"), "s1", "--shard", "1/3");
    Path s2 = sweep(resource("tiny-sweep.yaml"), "s2", "--shard", "2/3");
    Path s3 = sweep(resource("tiny-sweep.yaml"), "s3", "--shard", "3/3");
    assertRefused(merge(s1, s3), "missing shard 2/3: merge needs the folders of all 3 shards");
    assertRefused(merge(s1, s2, s2, s3), "shard 2/3 is given twice");

    Path other = dir.resolve("other.yaml");
    Files.writeString(other, Files.readString(resource("tiny-sweep.yaml")).replace("seed: 11", "seed: 12")
        .replace("scenario: tiny.yaml", "scenario: " + resource("tiny.yaml")));
    Path o2 = sweep(other, "o2", "--shard", "2/3");
    assertRefused(merge(s1, o2, s3), "is a shard of another sweep than " + s1 + ": the sweep file differs");

    Path h1 = sweep(resource("tiny-sweep.yaml"), "h1", "--shard", "1/2");
    assertRefused(merge(s1, h1, s3), "the shards come from different splits");

    Path whole = sweep(resource("tiny-sweep.yaml"), "w");
    assertRefused(merge(whole), "holds a whole sweep, not a shard");

    Path ts2 = sweep(resource("tiny-sweep.yaml"), "ts2", "--shard", "2/3", "--timeseries");
    assertRefused(merge(s1, ts2, s3), "one was run with --timeseries and the other without");

    Files.writeString(s2.resolve("runs.csv"), Files.readString(s2.resolve("runs.csv")).replace(",positive,", ",negative,"));
    assertRefused(merge(s1, s2, s3), s2.resolve("runs.csv") + " does not match its SHA-256 in manifest.json;"
        + " the folder was changed after it was written");

    assertRefused(merge(s1, dir.resolve("nowhere"), s3), "no such folder");
  }

  // ------------------------------------------------------------------ interrupted sweeps, refusals

  /** A sweep whose fourth point sets an end before the start: each value alone is fine. */
  private Path badCombination() throws IOException {
    Path f = dir.resolve("dates.yaml");
    Files.writeString(f, "sweep: dates\nscenario: " + resource("tiny.yaml") + "\nreplications: 2\n"
        + "design: {kind: grid}\nparameters:\n  - {path: start, levels: [2030-01, 2031-06]}\n"
        + "  - {path: end, levels: [2031-12, 2030-06]}\n"
        + "outcomes:\n  - {metric: alignment, actor: S, target: P, reduce: final}\n");
    return f;
  }

  @Test
  void invalidCombination_stopsWithExit2_keepsTheFinishedRunsForResume() throws IOException {
    Path f = badCombination();
    Path out = dir.resolve("d");
    Cli c = Cli.run("sweep", f.toString(), "--out", out.toString(), "--threads", "2");
    assertEquals(2, c.exit(), c.err());
    assertTrue(c.err().contains("design point 3 is not a valid scenario (start = 2031-06, end = 2030-06)"), c.err());
    assertTrue(c.err().contains("end: end (2030-06) must come after start (2031-06)"), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    assertFalse(Files.exists(out), "no results folder for an unfinished sweep");
    Path staging = dir.resolve(".d.partial");
    assertEquals(7, Files.readAllLines(staging.resolve("runs.csv")).size(), "the header and the 6 runs of points 0-2");

    Cli again = Cli.run("sweep", f.toString(), "--out", out.toString());
    assertRefused(again, "holds unfinished work for " + out + "; resume it, or delete that folder to start again");

    Cli other = Cli.run("sweep", resource("tiny-sweep.yaml").toString(), "--out", out.toString(), "--resume");
    assertRefused(other, "was started with other input (the sweep file differs");
  }

  @Test
  void resume_ofAFinishedSweep_doesNothing_andAnotherSweepIsRefused() throws IOException {
    Path out = sweep(resource("tiny-sweep.yaml"), "r");
    byte[] runs = Files.readAllBytes(out.resolve("runs.csv"));
    Cli c = Cli.run("sweep", resource("tiny-sweep.yaml").toString(), "--out", out.toString(), "--resume");
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("already complete; nothing to do"), c.out());
    assertArrayEquals(runs, Files.readAllBytes(out.resolve("runs.csv")));
    Cli other = Cli.run("sweep", badCombination().toString(), "--out", out.toString(), "--resume");
    assertRefused(other, "is another sweep (the sweep file differs");
  }

  @Test
  void resume_afterTheFilesWereWrittenButBeforeTheFolderWasMoved_movesItIntoPlace() throws IOException {
    Path done = sweep(resource("tiny-sweep.yaml"), "done");
    Path other = sweep(resource("tiny-sweep.yaml"), "other");
    // killed between the last sync and the rename: the finished folder is still the staging one
    Files.move(other, dir.resolve(".late.partial"));
    Path late = sweep(resource("tiny-sweep.yaml"), "late", "--resume");
    assertSameFiles(done, late, COMPARED);
    assertFalse(Files.exists(dir.resolve(".late.partial")));
  }

  @Test
  void existingOutputFolder_exit2_untouched() throws IOException {
    Path out = dir.resolve("taken");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    Cli c = Cli.run("sweep", resource("tiny-sweep.yaml").toString(), "--out", out.toString());
    assertRefused(c, "exists and is not empty; results are never overwritten");
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void badSweepFile_exit2_fileLineColumnKey_nothingWritten() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "sweep: bad\nscenario: " + resource("tiny.yaml") + "\ndesign: {kind: grid, points: 3}\n"
        + "parameters:\n  - path: actors[S].nationalism\n    min: 0.2\n    max: 1.4\n"
        + "outcomes:\n  - {metric: alignment, actor: S, target: P, reduce: final}\n");
    Path out = dir.resolve("never");
    Cli c = Cli.run("sweep", bad.toString(), "--out", out.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains(bad + ":7:10: actors[S].nationalism: expected a share between 0 and 1, found 1.4"), c.err());
    assertTrue(c.err().contains("1 problem found; nothing was run."), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    assertFalse(Files.exists(out));
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging folder");
    }
    Cli v = Cli.run("validate", bad.toString());
    assertEquals(2, v.exit());
    assertTrue(v.err().contains(bad + ":7:10:"), v.err());
  }

  @Test
  void validate_acceptsTheShippedSweeps() {
    Cli v = Cli.run("validate", shippedSweep("nationalism-sovereignty.yaml").toString(),
        shippedSweep("us-approach-fdi.yaml").toString(), Fixtures.scenarioFile("baseline-2024.yaml").toString());
    assertEquals(0, v.exit(), v.err());
    assertEquals(3, v.out().lines().filter(l -> l.endsWith(": OK")).count(), v.out());
  }

  @Test
  void badOptions_exit2() {
    String f = resource("tiny-sweep.yaml").toString();
    assertRefused(Cli.run("sweep", f, "--shard", "4/3"), "--shard: expected K/N with 1 <= K <= N, found '4/3'");
    assertRefused(Cli.run("sweep", f, "--shard", "two"), "--shard: expected K/N");
    assertRefused(Cli.run("sweep", f, "--resume", "--results", dir.resolve("nothing-here").toString()), "--resume without --out: no unfinished folder");
    assertRefused(Cli.run("sweep", f, "--threads", "0"), "--threads must be between 1 and 1024, found 0");
    assertRefused(Cli.run("merge", dir.toString()), "Missing required option: '--out=DIR'");
  }

  // ------------------------------------------------------------------ progress

  @Test
  void progress_offATerminal_isPlainLinesWithRateAndEta() {
    Cli c = Cli.run("sweep", resource("tiny-sweep.yaml").toString(), "--out", dir.resolve("p").toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.err().contains("sweep tiny-sweep: 60 design points x 4 replications = 240 runs"), c.err());
    assertTrue(c.err().lines().anyMatch(l -> l.matches("tiny-sweep: 240/240 runs \\(100\\.0%\\), [0-9.]+ runs/s, "
        + "\\d+:\\d\\d:\\d\\d elapsed, ETA 0:00:00")), c.err());
    assertFalse(c.err().contains("\r") || c.err().contains("\u001b"), "no bar drawing off a terminal: " + c.err());
    Cli quiet = Cli.run("sweep", resource("tiny-sweep.yaml").toString(), "--out", dir.resolve("q").toString(),
        "--progress", "none");
    assertFalse(quiet.err().contains("runs/s"), quiet.err());
  }

  @Test
  void resumeWithoutOut_takesTheLatestUnfinishedFolderOfTheSweep_orSaysThereIsNone() throws IOException {
    Path results = dir.resolve("resumable-results");
    Cli none = Cli.run("sweep", resource("tiny-sweep.yaml").toString(), "--resume", "--results", results.toString(),
        "--progress", "none");
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("--resume without --out: no unfinished folder of sweep tiny-sweep under "
        + results.resolve("tiny-sweep") + "; give the folder to finish with --out DIR"), none.err());
    // two interrupted sweeps (their staging folders left; the later one stopped with Ctrl-C, which
    // removed its empty folder), and one finished folder that is later by name
    Path root = Files.createDirectories(results.resolve("tiny-sweep"));
    Files.createDirectories(root.resolve("20260101-090000"));
    for (String n : java.util.List.of("20260101-090000", "20260102-090000")) {
      Files.createDirectories(root.resolve("." + n + ".partial"));
    }
    Files.createDirectories(root.resolve("20260103-090000"));
    Cli c = Cli.run("sweep", resource("tiny-sweep.yaml").toString(), "--resume", "--results", results.toString(),
        "--progress", "none");
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.err().contains("resuming " + root.resolve("20260102-090000") + ", the latest unfinished folder"), c.err());
    assertTrue(Files.isRegularFile(root.resolve("20260102-090000/runs.csv")), "finished in place");
    assertFalse(Files.exists(root.resolve(".20260102-090000.partial")));
    assertTrue(Files.isDirectory(root.resolve(".20260101-090000.partial")), "the older one is left alone");
  }
}

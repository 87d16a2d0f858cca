package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hedgesim run}: outputs, determinism, exit codes, and results that are never half written. */
class RunCommandTest {

  @TempDir
  Path dir;

  private static final List<String> COMPARED = List.of("timeseries.csv", "summary.csv", "events.csv");

  // ------------------------------------------------------------------ outputs

  @ParameterizedTest
  @ValueSource(strings = {"baseline-2024.yaml", "clv-dta-exit.yaml", "funan-techo-canal.yaml",
      "us-positive-reinforcement.yaml", "us-negative-reinforcement.yaml", "as-it-happened-2024.yaml"})
  void run_referenceScenario_writesTheFourFilesWithDocumentedColumns(String name) throws IOException {
    Path out = dir.resolve(name);
    Cli c = Cli.run("run", Fixtures.scenarioFile(name).toString(), "--out", out.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("Results: " + out.toAbsolutePath()), c.out());
    assertEquals("scenario,replication,seed,step,date,metric,actor,target,value", firstLine(out, "timeseries.csv"));
    assertEquals("scenario,replication,seed,step,date,kind,actor,target,value,origin,detail", firstLine(out, "events.csv"));
    assertEquals(String.join(",", org.hedgesim.experiment.SummaryTable.HEADER), firstLine(out, "summary.csv"));
    assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"sha256\""));
    // runs to the end date: the last row of the time series is 2034-12
    List<String> lines = Files.readAllLines(out.resolve("timeseries.csv"));
    assertTrue(lines.get(lines.size() - 1).contains(",131,2034-12,"), lines.get(lines.size() - 1));
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging folder left");
    }
  }

  @Test
  void run_clvDtaExit_logsTheScriptedExit() throws IOException {
    Path out = dir.resolve("exit");
    assertEquals(0, Cli.run("run", Fixtures.scenarioFile("clv-dta-exit.yaml").toString(), "--out", out.toString()).exit());
    assertTrue(Files.readAllLines(out.resolve("events.csv")).stream()
        .anyMatch(l -> l.contains(",8,2024-09,exit,KHM,CLV-DTA,,scripted,")));
  }

  // ------------------------------------------------------------------ determinism

  @Test
  void run_sameSeed_byteIdenticalOutputs() throws IOException {
    Path a = runInto("a", "--seed", "7");
    Path b = runInto("b", "--seed", "7");
    for (String f : COMPARED) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  @Test
  void run_differentSeeds_differ() throws IOException {
    Path a = runInto("a", "--seed", "7");
    Path b = runInto("b", "--seed", "8");
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("timeseries.csv")),
        Files.readAllBytes(b.resolve("timeseries.csv"))));
  }

  @Test
  void run_replicationsOnOneOrTwoThreads_byteIdentical() throws IOException {
    Path one = runInto("one", "-r", "5", "--threads", "1");
    Path two = runInto("two", "-r", "5", "--threads", "2");
    for (String f : COMPARED) {
      assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
    }
  }

  @Test
  void run_replications_summaryHasConfidenceIntervals() throws IOException {
    Path out = runInto("reps", "-r", "4");
    String row = Files.readAllLines(out.resolve("summary.csv")).stream()
        .filter(l -> l.startsWith("legitimacy,KHM,,series,")).findFirst().orElseThrow();
    String[] cells = row.split(",", -1);
    double mean = Double.parseDouble(cells[4]);
    double low = Double.parseDouble(cells[6]);
    double high = Double.parseDouble(cells[7]);
    assertTrue(low < mean && mean < high, row);
    assertEquals("4", cells[14]);
    assertEquals("4", cells[15]);
    assertNotEquals("", cells[5]);
  }

  private Path runInto(String name, String... extra) {
    Path out = dir.resolve(name);
    String[] args = Stream.concat(Stream.of("run", Fixtures.scenarioFile("clv-dta-exit.yaml").toString(),
        "--out", out.toString()), Stream.of(extra)).toArray(String[]::new);
    Cli c = Cli.run(args);
    assertEquals(0, c.exit(), c.err());
    return out;
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void run_badScenario_exit2WithFileLineKeyAndNothingWritten() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "scenario: bad\nextends: " + Fixtures.scenarioFile("baseline-2024.yaml")
        + "\nactors:\n  - id: KHM\n    nationalism: lots\n");
    Path out = dir.resolve("never");
    Cli c = Cli.run("run", bad.toString(), "--out", out.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains(bad + ":5:18: actors[KHM].nationalism: expected a share between 0 and 1, found 'lots'"), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void run_scenarioNameThatIsAPath_refusedAndNothingWritten() throws IOException {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path evil = work.resolve("evil.yaml");
    Files.writeString(evil, "scenario: ../../escaped\nextends: " + Fixtures.scenarioFile("baseline-2024.yaml") + "\n");
    Path results = work.resolve("results");
    Cli c = Cli.run("run", evil.toString(), "--results", results.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains(evil + ":1:11: scenario: a scenario name is a word of letters, digits,"), c.err());
    assertFalse(Files.exists(results), "no results folder");
    assertFalse(Files.exists(dir.resolve("escaped")), "nothing outside results/");
    try (Stream<Path> s = Files.list(work)) {
      assertEquals(List.of(evil), s.toList(), "nothing written beside the scenario");
    }
  }

  @Test
  void run_badScenarioWithDefaultFolder_createsNoResultsFolder() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "scenario: bad\nextends: " + Fixtures.scenarioFile("baseline-2024.yaml")
        + "\nseed: 99999999999999999999\n");
    Path results = dir.resolve("results");
    Cli c = Cli.run("run", bad.toString(), "--results", results.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("seed: expected a whole number from -9223372036854775808 to 9223372036854775807"), c.err());
    assertTrue(c.err().contains("1 problem found; nothing was run."), c.err());
    assertFalse(Files.exists(results));
  }

  @Test
  void run_seedFromFile_takesAny64BitValueLikeTheCommandLine() throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "scenario: big\nextends: " + Fixtures.scenarioFile("clv-dta-exit.yaml")
        + "\nseed: -9223372036854775808\n");
    Path out = dir.resolve("big-out");
    Cli c = Cli.run("run", big.toString(), "--out", out.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(Files.readString(out.resolve("manifest.json")).contains("-9223372036854775808"));
  }

  @Test
  void run_missingFile_exit2() {
    Cli c = Cli.run("run", dir.resolve("nope.yaml").toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("nope.yaml: file not found"), c.err());
  }

  @Test
  void run_existingResultFolder_neverOverwritten() throws IOException {
    Path out = dir.resolve("taken");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    Cli c = Cli.run("run", Fixtures.scenarioFile("baseline-2024.yaml").toString(), "--out", out.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("never overwritten"), c.err());
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void run_badOption_exit2WithUsageHint() {
    Cli c = Cli.run("run", "--replications", "zero", "x.yaml");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("--help"), c.err());
  }

  @Test
  void run_defaultFolder_underResultsScenarioName() throws IOException {
    Path root = dir.resolve("results");
    Cli c = Cli.run("run", Fixtures.scenarioFile("clv-dta-exit.yaml").toString(), "--results", root.toString());
    assertEquals(0, c.exit(), c.err());
    try (Stream<Path> s = Files.list(root.resolve("clv-dta-exit"))) {
      List<Path> runs = s.toList();
      assertEquals(1, runs.size());
      assertTrue(runs.get(0).getFileName().toString().endsWith("-seed20240101"));
    }
  }

  private static String firstLine(Path dir, String file) throws IOException {
    try (Stream<String> s = Files.lines(dir.resolve(file))) {
      return s.findFirst().orElse("");
    }
  }

  // ------------------------------------------------------------------ output folders that cannot be made

  @Test
  void outUnderAFile_exit2NamingTheFile_forRunCompareAndSweep() throws IOException {
    Path file = Files.writeString(dir.resolve("afile"), "");
    String tiny = SweepCommandTest.resource("tiny.yaml").toString();
    Cli run = Cli.run("run", tiny, "--out", file.resolve("sub").toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("cannot be created: " + file.toAbsolutePath() + " is a file, not a folder"), run.err());
    Cli cmp = Cli.run("compare", tiny, tiny, "-r", "2", "--out", file.resolve("c").toString());
    assertEquals(2, cmp.exit(), cmp.err());
    assertTrue(cmp.err().contains("is a file, not a folder"), cmp.err());
    Cli sweep = Cli.run("sweep", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--out",
        file.resolve("s").toString(), "--progress", "none");
    assertEquals(2, sweep.exit(), sweep.err());
    assertTrue(sweep.err().contains("is a file, not a folder"), sweep.err());
    for (Cli c : List.of(run, cmp, sweep)) assertFalse(c.err().contains("Exception"), c.err());
  }

  @Test
  void defaultFolders_reservedAtOnce_twoCommandsInOneSecondGetTwo() throws IOException {
    Path a = org.hedgesim.output.ResultFolder.reserve(dir.resolve("r"), "20300101-000000-seed1");
    Path b = org.hedgesim.output.ResultFolder.reserve(dir.resolve("r"), "20300101-000000-seed1");
    assertNotEquals(a, b);
    assertTrue(Files.isDirectory(a) && Files.isDirectory(b));
    assertEquals("20300101-000000-seed1-2", b.getFileName().toString());
    org.hedgesim.output.ResultFolder.releaseIfEmpty(a);
    assertFalse(Files.exists(a), "an unused reserved folder is removed");
    // a sweep that stops on an invalid design point keeps its runs in its staging folder, and the
    // default folder it reserved does not stay behind empty
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, """
        sweep: bad-dates
        scenario: %s
        design: {kind: grid, points: 2}
        parameters:
          - {path: start, min: 2030-01, max: 2031-06}
          - {path: end, min: 2030-06, max: 2031-12}
        outcomes:
          - {metric: legitimacy, actor: S, reduce: final}
        """.formatted(SweepCommandTest.resource("tiny.yaml")));
    Path results = dir.resolve("results");
    Cli stopped = Cli.run("sweep", bad.toString(), "--results", results.toString(), "--progress", "none");
    assertEquals(2, stopped.exit(), stopped.err());
    assertTrue(stopped.err().contains("is not a valid scenario"), stopped.err());
    try (Stream<Path> left = Files.list(results.resolve("bad-dates"))) {
      List<String> names = left.map(p -> p.getFileName().toString()).toList();
      assertEquals(1, names.size(), names.toString());
      assertTrue(names.get(0).startsWith(".") && names.get(0).endsWith(".partial"), names.toString());
    }
  }

  @Test
  void replications_beyondTheScenarioLimit_refused() {
    Cli c = Cli.run("run", SweepCommandTest.resource("tiny.yaml").toString(), "-r", "100000000");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("--replications must be from 1 to 1000000"), c.err());
  }

  @Test
  void readmesSampleOutput_isWhatTheRunPrints() throws IOException {
    List<String> readme = Files.readAllLines(Fixtures.repo().resolve("README.md"));
    int i = readme.indexOf("## What a run prints and writes");
    while (!readme.get(i).equals("```")) i++;
    List<String> sample = new java.util.ArrayList<>();
    for (i++; !readme.get(i).equals("```"); i++) sample.add(readme.get(i));
    Cli c = Cli.run("run", Fixtures.scenarioFile("clv-dta-exit.yaml").toString(), "--out", dir.resolve("readme").toString());
    assertEquals(0, c.exit(), c.err());
    List<String> printed = c.out().lines().toList();
    int checked = 0;
    for (String line : sample) {
      if (line.equals("...") || line.strip().equals("...") || line.contains(" events in ")) continue;
      assertTrue(printed.contains(line), "README's line is printed: '" + line + "'\n" + c.out());
      checked++;
    }
    assertTrue(checked >= 6, "lines checked: " + checked);
    String last = printed.get(printed.size() - 1);
    assertTrue(last.matches("\\d+ events in [0-9.]+ s\\. Results: .*") && sample.get(sample.size() - 1)
        .startsWith(last.substring(0, last.indexOf(" events")) + " events in "), last);
  }
}

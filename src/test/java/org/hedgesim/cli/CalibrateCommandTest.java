package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hedgesim.calibration.AbcSmc;
import org.hedgesim.calibration.Calibration;
import org.hedgesim.calibration.CalibrationJournal;
import org.hedgesim.calibration.CalibrationLoader;
import org.hedgesim.calibration.Population;
import org.hedgesim.calibration.Simulator;
import org.hedgesim.experiment.SweepProgress;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code hedgesim calibrate} from the command line, on a small world of the hedging model. */
class CalibrateCommandTest {

  static final String OBS = "date,metric,actor,target,value,sd,source\n"
      + "2025,alignment,S,P,0.1,0.05,synthetic\n"
      + "2026,alignment,S,P,0.15,0.05,synthetic\n"
      + "2026,trust,S,P,0.55,0.05,synthetic\n"
      + "2027,alignment,S,P,0.2,0.05,synthetic\n";

  static Path setUp(Path dir, String obs, String calibrationExtra) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("small.yaml"), "scenario: small\nextends: "
        + Path.of("scenarios/two-powers.yaml").toAbsolutePath() + "\nstart: 2025-01\nend: 2027-12\nstep: quarter\n");
    Files.writeString(dir.resolve("obs.csv"), obs);
    Path f = dir.resolve("cal.yaml");
    Files.writeString(f, "calibration: small-test\nscenario: small.yaml\nobservations: [obs.csv]\n"
        + "hold_out_from: 2027-01\nparameters:\n"
        + "  - path: relations[S,P].trust\n    prior: {beta: [2, 2]}\n"
        + "  - path: actors[S].nationalism\n    prior: {uniform: [0, 1]}\n"
        + "particles: 40\ngenerations: 3\nreplications: 2\nseed: 5\n" + calibrationExtra);
    return f;
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The same files with the same bytes, but timing.json and the RO-Crate (which holds the times). */
  private static void sameFiles(Path a, Path b) throws Exception {
    assertEquals(files(a), files(b));
    for (String f : files(a)) {
      if (f.equals("timing.json") || f.equals("ro-crate-metadata.json")) continue;
      if (Files.isDirectory(a.resolve(f))) {
        sameFiles(a.resolve(f), b.resolve(f));
        continue;
      }
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
    }
  }

  @ParameterizedTest
  @CsvSource({"abc-smc", "rejection", "cmaes"})
  void writesTheSameFilesWhateverTheThreads(String method, @TempDir Path dir) throws Exception {
    Path f = setUp(dir, OBS, "method: " + method + "\nsamples: 200\nevaluations: 60\nprofile_points: 5\n");
    Cli one = Cli.run("calibrate", f.toString(), "--out", dir.resolve("t1").toString(), "-t", "1", "--progress", "none");
    assertEquals(0, one.exit(), one.err());
    Cli two = Cli.run("calibrate", f.toString(), "--out", dir.resolve("t2").toString(), "-t", "2", "--progress", "none");
    assertEquals(0, two.exit(), two.err());
    sameFiles(dir.resolve("t1"), dir.resolve("t2"));
    List<String> names = files(dir.resolve("t1"));
    for (String n : List.of("posterior.csv", "posterior-summary.csv", "fit.csv", "scores.csv", "generations.csv",
        "calibrated.yaml", "manifest.json", "timing.json")) {
      assertTrue(names.contains(n), n + " in " + names);
    }
    assertFalse(names.contains("journal"), "the journal is removed once the results are complete");
    assertTrue(one.out().contains("relations[S,P].trust"), one.out());
    assertTrue(one.out().contains("hold-out: 1 observations"), one.out());
  }

  @Test
  void theCalibratedScenarioSetsThePosteriorMediansAndCitesThem(@TempDir Path dir) throws Exception {
    Path f = setUp(dir, OBS, "");
    Path out = dir.resolve("results").resolve("run1");
    Cli r = Cli.run("calibrate", f.toString(), "--out", out.toString(), "--progress", "none");
    assertEquals(0, r.exit(), r.err());
    List<String> summary = Files.readAllLines(out.resolve("posterior-summary.csv"));
    String median = summary.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[6];
    Scenario s = ScenarioLoader.load(out.resolve("calibrated.yaml"));
    double trust = s.relations().stream().filter(x -> x.a().equals("S") && x.b().equals("P")
        || x.a().equals("P") && x.b().equals("S")).findFirst().orElseThrow().trust();
    assertEquals(Double.parseDouble(median), trust, 0.0);
    String text = Files.readString(out.resolve("calibrated.yaml"));
    assertTrue(text.contains("sha256:") && text.contains("90% CI ["), text);
    Cli v = Cli.run("validate", "--strict-provenance", out.resolve("calibrated.yaml").toString());
    assertEquals(0, v.exit(), v.out() + v.err());
  }

  @Test
  void anInterruptedCalibrationResumesToTheSameBytes(@TempDir Path dir) throws Exception {
    Path f = setUp(dir, OBS, "");
    Cli whole = Cli.run("calibrate", f.toString(), "--out", dir.resolve("whole").toString(), "--progress", "none");
    assertEquals(0, whole.exit(), whole.err());
    // what a process killed during generation 2 leaves: the staging folder with generations 0 and 1
    Path target = dir.resolve("resumed");
    Path staging = ResultFolder.stagingOf(target.toAbsolutePath());
    Files.createDirectories(staging);
    Calibration c = CalibrationLoader.load(f, f.toString());
    CalibrationJournal journal = new CalibrationJournal(staging, CalibrationJournal.fingerprint(c), false);
    List<Population> saved = new ArrayList<>();
    try {
      new AbcSmc(c, new Simulator(c, Simulator.HEDGING), 2).run(new AbcSmc.Journal() {
        @Override
        public List<Population> finished() {
          return List.of();
        }

        @Override
        public void save(Population p) {
          journal.save(p);
          saved.add(p);
          if (saved.size() == 2) throw new IllegalStateException("killed");
        }
      }, SweepProgress.NONE);
    } catch (IllegalStateException expected) {
      // the kill
    }
    Cli refused = Cli.run("calibrate", f.toString(), "--out", target.toString(), "--progress", "none");
    assertEquals(2, refused.exit(), "unfinished work is not overwritten without --resume");
    Cli resumed = Cli.run("calibrate", f.toString(), "--out", target.toString(), "--resume", "--progress", "none");
    assertEquals(0, resumed.exit(), resumed.err());
    sameFiles(dir.resolve("whole"), target);
  }

  @Test
  void rejectionInShardsMergesToTheBytesOfOneProcess(@TempDir Path dir) throws Exception {
    Path f = setUp(dir, OBS, "method: rejection\nsamples: 300\n");
    Cli whole = Cli.run("calibrate", f.toString(), "--out", dir.resolve("whole").toString(), "--progress", "none");
    assertEquals(0, whole.exit(), whole.err());
    for (int k = 1; k <= 3; k++) {
      Cli s = Cli.run("calibrate", f.toString(), "--shard", k + "/3", "--out", dir.resolve("s" + k).toString(),
          "-t", Integer.toString(1 + k % 2), "--progress", "none");
      assertEquals(0, s.exit(), s.err());
    }
    Cli missing = Cli.run("calibrate", f.toString(), "--merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(),
        "--out", dir.resolve("bad").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("the merge needs all 3 shards"), missing.err());
    Cli merged = Cli.run("calibrate", f.toString(), "--merge", dir.resolve("s3").toString(), dir.resolve("s1").toString(),
        dir.resolve("s2").toString(), "--out", dir.resolve("merged").toString());
    assertEquals(0, merged.exit(), merged.err());
    sameFiles(dir.resolve("whole"), dir.resolve("merged"));
    Path g = setUp(dir.resolve("abc"), OBS, "");
    Cli refused = Cli.run("calibrate", g.toString(), "--shard", "1/2", "--out", dir.resolve("x").toString());
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("--shard applies to method rejection"), refused.err());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2025,alignment,S,P,abc,0.05,x|obs.csv:2:20: value: expected a number, found 'abc'",
      "2025,aligment,S,P,0.1,0.05,x|obs.csv:2:6: metric: unknown metric 'aligment' (did you mean 'alignment'?)",
      "2025,alignment,X,P,0.1,0.05,x|obs.csv:2:16: actor: no actor 'X' has the metric alignment",
      "2031,alignment,S,P,0.1,0.05,x|obs.csv:2:1: date: 2031 is outside the scenario",
      "2025-13,alignment,S,P,0.1,0.05,x|obs.csv:2:1: date: expected a year",
      "2025,alignment,S,P,0.1,-1,x|obs.csv:2:24: sd: an sd is a number > 0",
      "2025,alignment,S,P,0.1,0.05,|obs.csv:2:29: source: every observation cites its source",
      "2026,alignment,S,P,0.1,0.05,x|obs.csv:3:1: date: a second observation of alignment S>P 2026"})
  void aBadObservationFileIsRefusedWithItsLineAndNothingIsWritten(String row, String expected, @TempDir Path dir)
      throws Exception {
    String obs = "date,metric,actor,target,value,sd,source\n" + row + "\n2026,alignment,S,P,0.15,0.05,synthetic\n";
    Path f = setUp(dir, obs, "");
    Path out = dir.resolve("out");
    Cli r = Cli.run("calibrate", f.toString(), "--out", out.toString(), "--results", dir.resolve("res").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(dir.resolve(expected.substring(0, expected.indexOf(':'))).toString()
        + expected.substring(expected.indexOf(':'))), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(out), "nothing is written");
    assertFalse(Files.exists(dir.resolve("res")), "nothing is written");
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging folder");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "methd: abc-smc|cal.yaml:14:1: methd: unknown key",
      "method: abc|cal.yaml:14:9: method: expected one of abc-smc",
      "hold_out_from: 2025-01|hold_out_from",
      "quantile: 1|cal.yaml:14:11: quantile: the tolerance quantile is below 1"})
  void aBadCalibrationFileIsRefusedWithItsLine(String extra, String expected, @TempDir Path dir) throws Exception {
    Path f = setUp(dir, OBS, extra + "\n");
    if (extra.startsWith("hold_out_from")) {
      Files.writeString(f, Files.readString(f).replace("hold_out_from: 2027-01\n", "") );
    }
    Cli r = Cli.run("calibrate", f.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aPriorTheScenarioRefusesIsReportedAtThePrior(@TempDir Path dir) throws Exception {
    Path f = setUp(dir, OBS, "");
    Files.writeString(f, Files.readString(f).replace("{uniform: [0, 1]}", "{uniform: [0, 5]}"));
    Cli r = Cli.run("calibrate", f.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("cal.yaml:9:12: actors[S].nationalism: the prior uniform(0, 5) reaches 5, which the"
        + " scenario refuses"), r.err());
  }
}

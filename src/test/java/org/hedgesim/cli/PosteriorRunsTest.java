package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hedgesim.analysis.ResultFiles;
import org.hedgesim.calibration.PosteriorFolder;
import org.hedgesim.experiment.Fingerprint;
import org.hedgesim.output.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}, {@code compare} and {@code sweep} with {@code --posterior DIR}. */
class PosteriorRunsTest {

  /** A posterior whose one parameter matters: the initial trust of S in P, low or high, equally likely. */
  private static Path posterior(Path dir, Path base) throws Exception {
    return PosteriorFolder.write(dir.resolve("cal"), base, "abc-smc", List.of("relations[S,P].trust"),
        List.of(List.of(0, 0, 0.5, 1.0, 0.05), List.of(0, 1, 0.5, 1.0, 0.95)));
  }

  private static String finalSd(Path run, String metric, String actor, String target) throws Exception {
    for (Map<String, String> r : ResultFiles.rows(run.resolve("summary.csv"))) {
      if (r.get("metric").equals(metric) && r.get("actor").equals(actor) && r.get("target").equals(target)) {
        return r.get("final_sd");
      }
    }
    throw new AssertionError("no " + metric + " " + actor + " " + target + " in " + run);
  }

  private static void same(Path a, Path b, String... files) throws Exception {
    for (String f : files) assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
  }

  @Test
  void runUnderThePosteriorSpreadsWiderAndSaysSo(@TempDir Path dir) throws Exception {
    Path base = PosteriorFolder.smallScenario(dir);
    Path cal = posterior(dir, base);
    Cli plain = Cli.run("run", base.toString(), "-r", "12", "--out", dir.resolve("plain").toString());
    assertEquals(0, plain.exit(), plain.err());
    Cli drawn = Cli.run("run", base.toString(), "-r", "12", "--posterior", cal.toString(), "-t", "1",
        "--out", dir.resolve("drawn").toString());
    assertEquals(0, drawn.exit(), drawn.err());
    double without = Double.parseDouble(finalSd(dir.resolve("plain"), "trust", "S", "P"));
    double with = Double.parseDouble(finalSd(dir.resolve("drawn"), "trust", "S", "P"));
    assertTrue(with > 3 * without, "sd of final trust across replications: " + with + " with the posterior, "
        + without + " without");
    String statement = "Parameters drawn from the posterior of " + cal + " (calibration hand-made, sha256 of its"
        + " posterior.csv " + Hashes.sha256(cal.resolve("posterior.csv")) + ").";
    assertTrue(drawn.out().contains(statement), drawn.out());
    assertFalse(plain.out().contains("posterior"), plain.out());
    JsonNode m = ResultFiles.manifest(dir.resolve("drawn"));
    assertEquals(statement.substring(0, statement.length() - 1).replaceFirst("P", "p"),
        m.path("posterior").path("statement").asText());
    assertEquals(12, m.path("posterior").path("replication_particles").size());
    assertTrue(ResultFiles.manifest(dir.resolve("plain")).path("posterior").isMissingNode());

    Cli two = Cli.run("run", base.toString(), "-r", "12", "--posterior", cal.toString(), "-t", "2",
        "--out", dir.resolve("two").toString());
    assertEquals(0, two.exit(), two.err());
    same(dir.resolve("drawn"), dir.resolve("two"), "timeseries.csv", "events.csv", "summary.csv");
    assertEquals(m.path("posterior"), ResultFiles.manifest(dir.resolve("two")).path("posterior"));

    Cli report = Cli.run("report", dir.resolve("drawn").toString());
    assertEquals(0, report.exit(), report.err());
    assertTrue(Files.readString(dir.resolve("drawn").resolve("report").resolve("report.html"))
        .contains("particle of each replication"));
  }

  @Test
  void compareGivesBothScenariosTheSameDraws(@TempDir Path dir) throws Exception {
    Path base = PosteriorFolder.smallScenario(dir);
    Path cal = posterior(dir, base);
    Path copy = dir.resolve("copy.yaml");
    Files.writeString(copy, "scenario: copy\nextends: small.yaml\n");
    List<Path> outs = new ArrayList<>();
    for (String t : List.of("1", "2")) {
      Path out = dir.resolve("cmp" + t);
      Cli c = Cli.run("compare", base.toString(), copy.toString(), "-r", "8", "--posterior", cal.toString(),
          "-t", t, "--out", out.toString());
      assertEquals(0, c.exit(), c.err());
      assertTrue(c.out().contains("Parameters drawn from the posterior of " + cal) && c.out().contains(
          "so each 95% CI includes the parameters' uncertainty"), c.out());
      outs.add(out);
    }
    same(outs.get(0), outs.get(1), "compare.csv", "outcomes.csv", "bands.csv", "events.csv");
    // the copy is the same world: with the same seed and the same draw, replication r of each is the same run
    Map<String, String> a = new TreeMap<>();
    Map<String, String> b = new TreeMap<>();
    java.util.Set<String> trust = new java.util.TreeSet<>();
    for (Map<String, String> r : ResultFiles.rows(outs.get(0).resolve("outcomes.csv"))) {
      String key = r.get("replication") + "|" + r.get("metric") + "|" + r.get("actor") + "|" + r.get("target") + "|"
          + r.get("statistic");
      (r.get("scenario").equals("small") ? a : b).put(key, r.get("value"));
      if (r.get("metric").equals("trust") && r.get("actor").equals("S") && r.get("target").equals("P")
          && r.get("statistic").equals("final")) {
        trust.add(r.get("value"));
      }
    }
    assertEquals(a, b, "replication r of both scenarios ran the same draw");
    assertFalse(Cli.run("compare", base.toString(), copy.toString(), "-r", "2", "--posterior", cal.toString(),
        "--out", dir.resolve("quiet").toString()).err().contains("warning"));
    assertTrue(trust.size() > 1, "the replications differ: " + trust);
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, "scenario: other\nextends: small.yaml\nrelations:\n  - {between: [S, P], trust: 0.3}\n");
    Cli warned = Cli.run("compare", base.toString(), other.toString(), "-r", "2", "--posterior", cal.toString(),
        "--out", dir.resolve("warned").toString());
    assertEquals(0, warned.exit(), warned.err());
    assertTrue(warned.err().contains("warning: other sets relations[S,P].trust to 0.3 and small to 0.6, but the"
        + " posterior's draw replaces both: that difference is not compared"), warned.err());
    JsonNode particles = ResultFiles.manifest(outs.get(0)).path("posterior").path("replication_particles");
    assertEquals(8, particles.size());
    java.util.Set<String> drawn = new java.util.TreeSet<>();
    particles.forEach(p -> drawn.add(p.asText()));
    assertEquals(java.util.Set.of("0", "1"), drawn, "both particles drawn in 8 replications");
  }

  @Test
  void sweepDrawsReplicationRsParametersAtEveryPoint(@TempDir Path dir) throws Exception {
    Path base = PosteriorFolder.smallScenario(dir);
    Path cal = posterior(dir, base);
    Path sweep = dir.resolve("sweep.yaml");
    Files.writeString(sweep, "sweep: nat\nscenario: small.yaml\nreplications: 4\nseed: 3\ndesign: {kind: grid}\n"
        + "parameters:\n  - {path: \"actors[S].nationalism\", levels: [0.2, 0.8]}\n"
        + "outcomes:\n  - {metric: trust, actor: S, target: P, reduce: final}\n");
    List<Path> outs = new ArrayList<>();
    for (String t : List.of("1", "2")) {
      Path out = dir.resolve("sw" + t);
      Cli c = Cli.run("sweep", sweep.toString(), "--posterior", cal.toString(), "-t", t, "--progress", "none",
          "--out", out.toString());
      assertEquals(0, c.exit(), c.err());
      assertTrue(c.out().contains("Parameters drawn from the posterior of " + cal), c.out());
      outs.add(out);
    }
    same(outs.get(0), outs.get(1), "runs.csv", "summary.csv", "design.csv", "manifest.json");
    JsonNode m = ResultFiles.manifest(outs.get(0));
    assertTrue(m.path("sweep").path("fingerprint").path("tokens").asText()
        .endsWith(" posterior=" + Hashes.sha256(cal.resolve("posterior.csv"))));
    Cli plain = Cli.run("sweep", sweep.toString(), "--progress", "none", "--out", dir.resolve("plain").toString());
    assertEquals(0, plain.exit(), plain.err());
    assertFalse(ResultFiles.manifest(dir.resolve("plain")).path("sweep").path("fingerprint").path("tokens").asText()
        .contains("posterior"));
    // replication r has the same draw at both points: the trust it starts from is the same, so its
    // final trust is far closer between the points than between a low and a high draw
    List<Map<String, String>> runs = ResultFiles.rows(outs.get(0).resolve("runs.csv"));
    List<Integer> particles = new ArrayList<>();
    m.path("posterior").path("replication_particles").forEach(p -> particles.add(p.asInt()));
    for (Map<String, String> r : runs) {
      int rep = Integer.parseInt(r.get("replication"));
      double v = Double.parseDouble(r.get(runs.get(0).keySet().stream().filter(k -> k.contains("trust")).findFirst()
          .orElseThrow()));
      assertTrue(particles.get(rep) == 0 ? v < 0.5 : v > 0.5, "run " + r + " with particle " + particles.get(rep));
    }

    // resuming with another posterior, or without one, is refused
    Cli resumed = Cli.run("sweep", sweep.toString(), "--progress", "none", "--resume", "--out", outs.get(0).toString());
    assertEquals(2, resumed.exit(), resumed.out());
    assertTrue(resumed.err().contains("one was run with --posterior and the other without"), resumed.err());

    // a design parameter the posterior also sets: the design's values win, and the command says so
    Path over = dir.resolve("over.yaml");
    Files.writeString(over, Files.readString(sweep).replace("\"actors[S].nationalism\", levels: [0.2, 0.8]",
        "\"relations[S,P].trust\", levels: [0.5]"));
    Cli o = Cli.run("sweep", over.toString(), "--posterior", cal.toString(), "--progress", "none",
        "--out", dir.resolve("over").toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.err().contains("the design sets relations[S,P].trust, which the posterior also sets"), o.err());
    java.util.Set<String> finals = new java.util.TreeSet<>();
    for (Map<String, String> r : ResultFiles.rows(dir.resolve("over").resolve("runs.csv"))) {
      double v = Double.parseDouble(r.get(r.keySet().stream().filter(k -> k.contains("trust") && !k.contains("["))
          .findFirst().orElseThrow()));
      assertTrue(v > 0.2 && v < 0.8, "the runs start from the design's trust 0.5, not a draw: " + v);
      finals.add(r.get("replication"));
    }
    assertEquals(4, finals.size());
  }

  @Test
  void badPosteriorsAreRefusedWithExit2AndNothingWritten(@TempDir Path dir) throws Exception {
    Path base = PosteriorFolder.smallScenario(dir);
    Path out = dir.resolve("out");
    Cli none = Cli.run("run", base.toString(), "--posterior", dir.resolve("nowhere").toString(), "--out", out.toString());
    assertEquals(2, none.exit());
    assertTrue(none.err().contains(dir.resolve("nowhere") + ": no such folder; --posterior takes the results folder"
        + " of 'hedgesim calibrate'"), none.err());
    Path unknown = PosteriorFolder.write(dir.resolve("x"), base, "rejection", List.of("actors[X].nationalism"),
        List.of(List.of(0, 0, 1.0, 1.0, 0.5)));
    Cli path = Cli.run("compare", base.toString(), base.toString(), "--posterior", unknown.toString(),
        "--out", out.toString());
    assertEquals(2, path.exit());
    assertTrue(path.err().contains(unknown.resolve("manifest.json") + ": calibration.parameters[0].path:"
        + " 'actors[X].nationalism' does not resolve in scenario " + base), path.err());
    Path outOfRange = PosteriorFolder.write(dir.resolve("range"), base, "abc-smc", List.of("relations[S,P].trust"),
        List.of(List.of(0, 0, 1.0, 1.0, 7.5)));
    Cli range = Cli.run("run", base.toString(), "--posterior", outOfRange.toString(), "--out", out.toString());
    assertEquals(2, range.exit());
    assertTrue(range.err().contains("(with particle 0 of generation 0 of " + outOfRange.resolve("posterior.csv")
        + ": relations[S,P].trust = 7.5)"), range.err());
    Cli sweep = Cli.run("sweep", dir.resolve("missing.yaml").toString(), "--posterior", outOfRange.toString());
    assertEquals(2, sweep.exit());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void theFolderOfARealCalibrationIsDrawnFromAndACmaesOneRefused(@TempDir Path dir) throws Exception {
    Path f = CalibrateCommandTest.setUp(dir, CalibrateCommandTest.OBS, "method: rejection\nsamples: 30\n");
    Files.writeString(f, Files.readString(f).replace("particles: 40", "particles: 10").replace("replications: 2",
        "replications: 1"));
    Path cal = dir.resolve("cal-out");
    Cli c = Cli.run("calibrate", f.toString(), "--out", cal.toString(), "--progress", "none");
    assertEquals(0, c.exit(), c.err());
    Cli r = Cli.run("run", dir.resolve("small.yaml").toString(), "-r", "5", "--posterior", cal.toString(),
        "--out", dir.resolve("run").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err(), "the calibration's own base: no warning");
    JsonNode m = ResultFiles.manifest(dir.resolve("run"));
    assertEquals("small-test", m.path("posterior").path("calibration").asText());
    assertEquals(List.of("relations[S,P].trust", "actors[S].nationalism"), List.of(
        m.path("posterior").path("parameters").get(0).path("path").asText(),
        m.path("posterior").path("parameters").get(1).path("path").asText()));
    // every replication took a particle of the last generation
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (Map<String, String> p : ResultFiles.rows(cal.resolve("posterior.csv"))) ids.add(p.get("particle"));
    assertEquals(5, m.path("posterior").path("replication_particles").size());
    for (JsonNode id : m.path("posterior").path("replication_particles")) assertTrue(ids.contains(id.asText()), id + " in " + ids);
    Path cm = dir.resolve("cm");
    Files.writeString(f, Files.readString(f).replace("method: rejection", "method: cmaes\nevaluations: 20\nprofile_points: 3"));
    assertEquals(0, Cli.run("calibrate", f.toString(), "--out", cm.toString(), "--progress", "none").exit());
    Cli refused = Cli.run("run", dir.resolve("small.yaml").toString(), "--posterior", cm.toString(),
        "--out", dir.resolve("cmaes-run").toString());
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("a cmaes calibration: its posterior.csv is a point estimate"), refused.err());
    assertFalse(Files.exists(dir.resolve("cmaes-run")));
  }

  @Test
  void aSweepFingerprintWithAPosteriorReadsBack() {
    Fingerprint with = new Fingerprint("1", "a", List.of("b"), "c", false, "d");
    assertEquals(with, Fingerprint.parse(with.tokens()));
    Fingerprint without = new Fingerprint("1", "a", List.of("b"), "c", false);
    assertEquals("version=1 sweep=a scenarios=b defaults=c timeseries=false", without.tokens());
    assertEquals(without, Fingerprint.parse(without.tokens()));
    assertEquals("one was run with --posterior and the other without", with.differences(without));
  }
}

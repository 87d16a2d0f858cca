package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hedgesim.Fixtures;
import org.hedgesim.output.ResultFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A calibration as a real process against target/hedgesim.jar, killed with SIGKILL once its second
 * generation is in the journal, then resumed: the results are byte-identical to an uninterrupted
 * calibration's.
 */
class CalibrationProcessIT {

  @TempDir
  Path dir;

  private Process start(File out, File err, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + dir.resolve("home"), "-jar",
        System.getProperty("hedgesim.jar", Fixtures.repo().resolve("target/hedgesim.jar").toString())));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out).redirectError(err).start();
  }

  @Test
  void sigkillDuringACalibration_thenResume_byteIdentical() throws Exception {
    // long enough to be killed in the middle: 200 particles, 6 generations
    Path f = CalibrateCommandTest.setUp(dir, CalibrateCommandTest.OBS, "min_acceptance: 0.001\nquantile: 0.7\n");
    Files.writeString(f, Files.readString(f).replace("generations: 3", "generations: 6").replace("particles: 40",
        "particles: 200"));
    Path whole = dir.resolve("whole");
    Process w = start(dir.resolve("w.out").toFile(), dir.resolve("w.err").toFile(), "calibrate", f.toString(),
        "--out", whole.toString(), "--progress", "none");
    assertTrue(w.waitFor(600, TimeUnit.SECONDS));
    assertEquals(0, w.exitValue(), Files.readString(dir.resolve("w.err")));

    Path target = dir.resolve("killed");
    Path journal = ResultFolder.stagingOf(target.toAbsolutePath()).resolve("journal").resolve("generation-01.txt");
    Process k = start(dir.resolve("k.out").toFile(), dir.resolve("k.err").toFile(), "calibrate", f.toString(),
        "--out", target.toString(), "--progress", "none");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!Files.exists(journal) && k.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
    assertTrue(k.isAlive(), "the calibration was still running when its second generation was saved");
    k.destroyForcibly(); // SIGKILL
    k.waitFor();
    assertTrue(Files.exists(journal));
    assertTrue(!Files.exists(target.resolve("posterior.csv")), "nothing under the final name");

    Process r = start(dir.resolve("r.out").toFile(), dir.resolve("r.err").toFile(), "calibrate", f.toString(),
        "--out", target.toString(), "--resume", "--progress", "none");
    assertTrue(r.waitFor(600, TimeUnit.SECONDS));
    assertEquals(0, r.exitValue(), Files.readString(dir.resolve("r.err")));
    for (String name : List.of("posterior.csv", "posterior-summary.csv", "fit.csv", "scores.csv", "generations.csv",
        "calibrated.yaml", "manifest.json")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(name)), Files.readAllBytes(target.resolve(name)), name);
    }
  }
}

package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing to a full device, as real processes against target/hedgesim.jar: a run, a sweep with
 * --timeseries, a merge and generate -o on a tmpfs of 2 MiB, and validate and generate into
 * /dev/full. Each ends with one clear line and exit code 1, leaves nothing that looks complete,
 * and a sweep finishes with --resume once there is space again. Mounting needs root on Linux;
 * elsewhere the tests are skipped with a message.
 */
class DiskFullIT {

  @TempDir
  Path dir;

  private Path small;

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path jar() {
    return Path.of(System.getProperty("hedgesim.jar", Fixtures.repo().resolve("target/hedgesim.jar").toString()));
  }

  private record Done(int exit, String out, String err) {}

  private Done hedgesim(File stdout, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-Duser.home=" + dir.resolve("home"),
        "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    File out = stdout != null ? stdout : Files.createTempFile(dir, "out", ".txt").toFile();
    File err = Files.createTempFile(dir, "err", ".txt").toFile();
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err);
    pb.environment().remove("HEDGESIM_SCENARIO_LIMIT_MB");
    Process p = pb.start();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "finished in time");
    return new Done(p.exitValue(), stdout != null ? "" : Files.readString(out.toPath()), Files.readString(err.toPath()));
  }

  private static int sh(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  @BeforeEach
  void mountSmallDevice() throws Exception {
    small = dir.resolve("small");
    Files.createDirectories(small);
    boolean linux = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux");
    assumeTrue(linux && sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString()) == 0,
        "cannot mount a tmpfs here (needs root on Linux): the full-disk tests are skipped");
  }

  @AfterEach
  void unmount() throws Exception {
    if (small != null) sh("umount", small.toString());
  }

  private static String lastLine(String text) {
    List<String> lines = text.strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  private static List<String> entries(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void run_onAFullDisk_exit1_namesTheFile_leavesNothing() throws Exception {
    Done d = hedgesim(null, "run", Fixtures.scenarioFile("baseline-2024.yaml").toString(), "--out", small.resolve("run").toString());
    assertEquals(1, d.exit(), d.err());
    assertEquals("hedgesim: no space left on device while writing timeseries.csv", lastLine(d.err()));
    assertFalse(d.err().contains("Exception"), d.err());
    assertEquals(List.of(), entries(small), "no results folder, complete or partial");
  }

  @Test
  void sweepWithTimeseries_onAFullDisk_exit1_thenResumesOnceThereIsSpace() throws Exception {
    String sweep = SweepCommandTest.resource("tiny-sweep.yaml").toString();
    Path out = small.resolve("sw");
    Done d = hedgesim(null, "sweep", sweep, "--timeseries", "--out", out.toString(), "--progress", "none");
    assertEquals(1, d.exit(), d.err());
    assertEquals("hedgesim sweep: no space left on device while writing timeseries.csv.gz; the runs finished so far are"
        + " kept in " + small.resolve(".sw.partial") + ": free some space and finish with the same command and --resume",
        lastLine(d.err()));
    assertFalse(Files.exists(out), "nothing that looks complete");
    assertEquals(List.of(".sw.partial"), entries(small));

    assertEquals(0, sh("mount", "-o", "remount,size=64m", small.toString()));
    Done resumed = hedgesim(null, "sweep", sweep, "--timeseries", "--out", out.toString(), "--progress", "none", "--resume");
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.out().contains("runs were done before and kept"), resumed.out());
    Path whole = dir.resolve("whole");
    assertEquals(0, hedgesim(null, "sweep", sweep, "--timeseries", "--out", whole.toString(), "--progress", "none").exit());
    for (String f : List.of("runs.csv", "summary.csv", "design.csv", "manifest.json", "timeseries.csv.gz")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(out.resolve(f)), f + " differs");
    }
  }

  @Test
  void merge_onAFullDisk_exit1_leavesNothing() throws Exception {
    String sweep = SweepCommandTest.resource("tiny-sweep.yaml").toString();
    for (int k = 1; k <= 2; k++) {
      Done s = hedgesim(null, "sweep", sweep, "--timeseries", "--shard", k + "/2", "--out", dir.resolve("shard-" + k).toString(),
          "--progress", "none");
      assertEquals(0, s.exit(), s.err());
    }
    Done d = hedgesim(null, "merge", dir.resolve("shard-1").toString(), dir.resolve("shard-2").toString(),
        "--out", small.resolve("merged").toString());
    assertEquals(1, d.exit(), d.err());
    assertEquals("hedgesim: no space left on device while writing timeseries.csv.gz", lastLine(d.err()));
    assertFalse(d.err().contains("Exception"), d.err());
    assertEquals(List.of(), entries(small), "no merged folder, complete or partial");
  }

  @Test
  void generateToAFile_onAFullDisk_exit1_noPartialFile() throws Exception {
    Path file = small.resolve("world.yaml");
    Done d = hedgesim(null, "generate", "--actors", "300", "-o", file.toString());
    assertEquals(1, d.exit(), d.out() + d.err() + entries(small));
    assertEquals("hedgesim generate: could not write " + file + " (No space left on device); nothing was written",
        lastLine(d.err()));
    assertEquals(List.of(), entries(small), "no partial file left");
  }

  @Test
  void validateAndGenerate_toDevFull_exit1_withAMessage() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.canWrite(), "/dev/full is absent here: skipped");
    Done v = hedgesim(full, "validate", Fixtures.scenarioFile("baseline-2024.yaml").toString());
    assertEquals(1, v.exit(), v.err());
    assertEquals("hedgesim: could not write to standard output (No space left on device?)\n", v.err());
    Done g = hedgesim(full, "generate", "--actors", "10");
    assertEquals(1, g.exit(), g.err());
    assertEquals("hedgesim: could not write to standard output (No space left on device?)\n", g.err());
  }
}

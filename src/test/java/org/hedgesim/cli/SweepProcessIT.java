package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps as real operating-system processes, against target/hedgesim.jar: killed with SIGKILL
 * and resumed, stopped with SIGINT (Ctrl-C) and resumed as the line printed says, split into shards run side by side and merged (also through the Slurm recipe with
 * a stand-in sbatch), and 10,000 runs in a small heap.
 */
class SweepProcessIT {

  @TempDir
  Path dir;

  private static final List<String> FILES =
      List.of("runs.csv", "summary.csv", "design.csv", "manifest.json", "timeseries.csv.gz");

  private static Path jar() {
    return Path.of(System.getProperty("hedgesim.jar", Fixtures.repo().resolve("target/hedgesim.jar").toString()));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private ProcessBuilder hedgesim(List<String> jvm, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(jvm);
    cmd.add("-Duser.home=" + dir.resolve("home"));
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(dir.toFile());
  }

  private record Done(int exit, String out, String err) {}

  private Done finish(ProcessBuilder pb) throws IOException, InterruptedException {
    File out = Files.createTempFile(dir, "out", ".txt").toFile();
    File err = Files.createTempFile(dir, "err", ".txt").toFile();
    Process p = pb.redirectOutput(out).redirectError(err).start();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "finished in time");
    return new Done(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
  }

  private Done run(String... args) throws IOException, InterruptedException {
    return finish(hedgesim(List.of(), args));
  }

  private static Path resource(String name) {
    return SweepCommandTest.resource(name);
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) return 0;
    try (var s = Files.lines(file, StandardCharsets.ISO_8859_1)) {
      return s.count();
    }
  }

  // ------------------------------------------------------------------ kill -9 and resume

  @Test
  void sigkillMidSweep_thenResume_byteIdenticalToAnUninterruptedSweep() throws Exception {
    String sweep = resource("tiny-long.yaml").toString();
    Done ref = run("sweep", sweep, "--out", "ref", "--timeseries", "--threads", "2");
    assertEquals(0, ref.exit(), ref.err());

    Path out = dir.resolve("k");
    Path journal = dir.resolve(".k.partial").resolve("journal.log");
    long[] killAt = {100, 600, 1100};
    long before = 0;
    for (long at : killAt) {
      Process p = hedgesim(List.of(), "sweep", sweep, "--out", out.toString(), "--timeseries", "--threads", "2",
          "--resume").redirectOutput(dir.resolve("out-" + at + ".txt").toFile())
          .redirectError(dir.resolve("err-" + at + ".txt").toFile()).start();
      while (p.isAlive() && lines(journal) < at) Thread.sleep(2);
      assertTrue(p.isAlive(), "the sweep was still running when " + at + " runs were journaled");
      p.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no clean-up
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertFalse(Files.exists(out.resolve("manifest.json")), "killed before the end");
      long done = lines(journal) - 1;
      assertTrue(done > before && done < 1533, "runs journaled when killed: " + done);
      before = done;
    }
    Done resumed = run("sweep", sweep, "--out", out.toString(), "--timeseries", "--threads", "2", "--resume");
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.out().contains("runs were done before and kept"), resumed.out());
    SweepCommandTest.assertSameFiles(dir.resolve("ref"), out, FILES);
    assertFalse(Files.exists(dir.resolve(".k.partial")), "no staging folder left");
    assertFalse(Files.exists(out.resolve("journal.log")), "the journal is gone once the sweep is complete");
  }

  // ------------------------------------------------------------------ a run stopped with SIGTERM

  /** Ctrl-C or SIGTERM during a run: the shutdown hook removes its half-written staging folder. */
  @Test
  void sigtermMidRun_leavesNoStagingFolderAndNoResult() throws Exception {
    Path out = dir.resolve("stopped");
    Process p = hedgesim(List.of(), "run", resource("tiny.yaml").toString(), "-r", "1000000", "--threads", "1",
        "--out", out.toString()).redirectOutput(dir.resolve("term-out.txt").toFile())
        .redirectError(dir.resolve("term-err.txt").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive() && stagingOf(out) == null && System.nanoTime() < deadline) Thread.sleep(5);
    Path staging = stagingOf(out);
    assertTrue(staging != null, "the run staged its files");
    Thread.sleep(500); // let it write
    assertTrue(p.isAlive(), "still running");
    p.destroy(); // SIGTERM on Unix: shutdown hooks run
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertFalse(Files.exists(staging), "the staging folder is removed: " + staging);
    assertFalse(Files.exists(out), "no result folder appears");
  }

  // ------------------------------------------------------------------ Ctrl-C

  /** Sends SIGINT, as Ctrl-C on a terminal does ({@link Process#destroy()} sends SIGTERM). */
  private static void interrupt(Process p) throws IOException, InterruptedException {
    assumeFalse(sigintIgnored(p.pid()), "SIGINT is ignored in this process tree (started in the background"
        + " without job control), so Ctrl-C cannot be tried here");
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, kill.exitValue(), "kill -INT");
  }

  /** Whether the process ignores SIGINT, which it inherits from a parent that did. */
  private static boolean sigintIgnored(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.isReadable(status)) return false;
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) return (Long.parseLong(line.substring(7).strip(), 16) & 2) != 0;
    }
    return false;
  }

  private static List<String> stoppedLines(String err) {
    return err.lines().filter(l -> l.contains("stopped")).toList();
  }

  private static List<String> entries(Path folder) throws IOException {
    if (!Files.exists(folder)) return List.of();
    try (var s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void sigintMidSweep_oneLineWithTheResumeCommand_whichFinishesItByteIdentical() throws Exception {
    String sweep = resource("tiny-long.yaml").toString();
    Done ref = run("sweep", sweep, "--out", "ref", "--timeseries", "--threads", "2");
    assertEquals(0, ref.exit(), ref.err());

    Path parent = dir.resolve("res/tiny-long");
    Process p = hedgesim(List.of(), "sweep", sweep, "--results", "res", "--timeseries", "--threads", "2",
        "--progress", "lines").redirectOutput(dir.resolve("int-out.txt").toFile())
        .redirectError(dir.resolve("int-err.txt").toFile()).start();
    Path journal = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (p.isAlive() && System.nanoTime() < deadline && (journal == null || lines(journal) < 200)) {
      journal = entries(parent).stream().filter(n -> n.endsWith(".partial")).findFirst()
          .map(n -> parent.resolve(n).resolve("journal.log")).orElse(null);
      Thread.sleep(2);
    }
    assertTrue(p.isAlive(), "the sweep was still running when 200 runs were journaled");
    interrupt(p);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("int-err.txt"));
    assertEquals(130, p.exitValue(), err);
    assertEquals("", Files.readString(dir.resolve("int-out.txt")), "nothing on the standard output");
    List<String> stopped = stoppedLines(err);
    assertEquals(1, stopped.size(), err);
    assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
    long kept = lines(journal) - 1;
    assertTrue(kept >= 200 && kept < 1533, "runs journaled: " + kept);
    List<String> left = entries(parent);
    assertEquals(1, left.size(), "only the staging folder with its journal is left, no empty folder or lock: " + left);
    String name = left.get(0).substring(1, left.get(0).length() - ".partial".length());
    String line = stopped.get(0);
    String folder = Path.of("res", "tiny-long", name).toString();
    assertTrue(line.startsWith("hedgesim: stopped; kept " + kept + " of 1533 runs in " + folder + "; resume with: "),
        line);
    String resume = line.substring(line.indexOf("resume with: ") + "resume with: ".length());
    assertEquals("hedgesim sweep --resume --out " + folder + " " + sweep + " --results res --timeseries --threads 2"
        + " --progress lines", resume);

    List<String> words = List.of(resume.split(" "));
    assertEquals("hedgesim", words.get(0));
    Done resumed = run(words.subList(1, words.size()).toArray(String[]::new));
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.out().contains(kept + " runs were done before and kept"), resumed.out());
    SweepCommandTest.assertSameFiles(dir.resolve("ref"), dir.resolve(folder), FILES);
    assertEquals(List.of(name), entries(parent), "the finished folder alone");
  }

  @Test
  void sigintMidRunWithReplications_oneLine_andNoFolderLeftUnderTheResultsRoot() throws Exception {
    Process p = hedgesim(List.of(), "run", resource("tiny.yaml").toString(), "-r", "1000000", "--threads", "1",
        "--results", "res").redirectOutput(dir.resolve("run-out.txt").toFile())
        .redirectError(dir.resolve("run-err.txt").toFile()).start();
    Path parent = dir.resolve("res/tiny");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive() && System.nanoTime() < deadline
        && entries(parent).stream().noneMatch(n -> n.startsWith(".") && n.contains(".partial-"))) {
      Thread.sleep(5);
    }
    Thread.sleep(300); // let it write
    assertTrue(p.isAlive(), "still running");
    assertEquals(2, entries(parent).size(), "the reserved folder and its staging folder: " + entries(parent));
    interrupt(p);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("run-err.txt"));
    assertEquals(130, p.exitValue(), err);
    assertEquals(List.of(StopNotice.NOTHING_WRITTEN), stoppedLines(err), err);
    assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
    assertEquals("", Files.readString(dir.resolve("run-out.txt")));
    assertFalse(Files.exists(dir.resolve("res")), "no folder left under the results root, not even its parents: "
        + entries(parent));
  }

  private Path stagingOf(Path out) throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().startsWith("." + out.getFileName() + ".partial-"))
          .findFirst().orElse(null);
    }
  }

  // ------------------------------------------------------------------ shards as processes

  @Test
  void shardsAsSeparateProcesses_mergedByteIdenticalToOneProcess() throws Exception {
    String sweep = resource("tiny-sweep.yaml").toString();
    Done one = run("sweep", sweep, "--out", "one", "--timeseries");
    assertEquals(0, one.exit(), one.err());
    List<Process> shards = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      shards.add(hedgesim(List.of(), "sweep", sweep, "--shard", k + "/3", "--out", "shard-" + k, "--timeseries",
          "--threads", "1").redirectOutput(dir.resolve("shard-" + k + ".out").toFile())
          .redirectErrorStream(true).start());
    }
    for (Process p : shards) {
      assertTrue(p.waitFor(600, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue());
    }
    Done merged = run("merge", "shard-2", "shard-3", "shard-1", "--out", "merged");
    assertEquals(0, merged.exit(), merged.err());
    SweepCommandTest.assertSameFiles(dir.resolve("one"), dir.resolve("merged"), FILES);
    Done missing = run("merge", "shard-1", "shard-3", "--out", "incomplete");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("missing shard 2/3"), missing.err());
  }

  @Test
  void slurmRecipe_withAStandInSbatch_runsTheShardsThenTheMerge() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path sbatch = bin.resolve("sbatch");
    Files.copy(Fixtures.repo().resolve("src/test/resources/org/hedgesim/cli/fake-sbatch"), sbatch);
    assertTrue(sbatch.toFile().setExecutable(true));
    String sweep = resource("tiny-sweep.yaml").toString();
    ProcessBuilder pb = new ProcessBuilder("bash", Fixtures.repo().resolve("scenarios/cluster/slurm-array.sh").toString(),
        sweep, dir.resolve("cluster").toString(), "3", "--time=00:10:00", "--cpus-per-task=1").directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("PATH", bin + File.pathSeparator + env.get("PATH"));
    env.put("FAKE_SLURM_STATE", dir.resolve("slurm").toString());
    env.put("JAVA", java());
    env.put("HEDGESIM_JAVA_OPTS", "-Duser.home=" + dir.resolve("home"));
    Done submitted = finish(pb);
    assertEquals(0, submitted.exit(), submitted.out() + submitted.err());
    assertTrue(submitted.out().contains("submitted: shards as array job"), submitted.out());
    for (int k = 1; k <= 3; k++) {
      assertTrue(Files.isRegularFile(dir.resolve("cluster/shard-" + k + "/manifest.json")), "shard " + k);
      assertTrue(Files.readString(dir.resolve("cluster/logs/shard-" + k + ".out")).contains("shard " + k + "/3"));
    }
    Done one = run("sweep", sweep, "--out", "one");
    assertEquals(0, one.exit(), one.err());
    SweepCommandTest.assertSameFiles(dir.resolve("one"), dir.resolve("cluster/merged"), SweepCommandTest.COMPARED);
  }

  // ------------------------------------------------------------------ memory

  @Test
  void tenThousandRuns_completeInASmallHeap() throws Exception {
    Done d = finish(hedgesim(List.of("-Xmx64m"), "sweep", resource("tiny-10k.yaml").toString(), "--out", "big",
        "--threads", "2"));
    assertEquals(0, d.exit(), d.err());
    assertTrue(d.out().contains("tiny-10k: 10000 runs"), d.out());
    assertEquals(10_001, lines(dir.resolve("big/runs.csv")));
    assertEquals(1000 * 2 + 1, lines(dir.resolve("big/summary.csv")), "two outcomes for each of 1,000 points");
    assertFalse(d.err().contains("OutOfMemoryError"), d.err());
  }

  // ------------------------------------------------------------------ off a terminal

  @Test
  void progress_offATerminal_quietLinesOnly() throws Exception {
    Done d = run("sweep", resource("tiny-sweep.yaml").toString(), "--out", "quiet");
    assertEquals(0, d.exit(), d.err());
    assertFalse(d.err().contains("\r") || d.err().contains("\u001b"), "no bar drawn into a log: " + d.err());
    assertFalse(d.err().contains("WARNING") || d.err().contains("terminal"), d.err());
    assertTrue(d.err().contains("tiny-sweep: 240/240 runs (100.0%)"), d.err());
  }
}

package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm recipe, {@code scenarios/cluster/slurm-array.sh}, on a real Slurm: a one-node cluster
 * of this machine started in the test's folder ({@link OneNodeSlurm}), three array tasks and the
 * merge job, and the merged files compared byte for byte with the same sweep run in one process.
 * Skipped, saying why, when not root or when Slurm or munge is not installed.
 */
class SlurmClusterIT {

  @TempDir
  Path dir;

  /** Job states after which a job will not run again (squeue --states=all). */
  private static final List<String> FAILED = List.of("FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
      "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED");

  private static final Pattern SUBMITTED =
      Pattern.compile("submitted: shards as array job (\\d+) \\(tasks 1-3\\), merge as job (\\d+)");

  private record Done(int exit, String out) {}

  @Test
  void slurmArrayRecipe_onAOneNodeCluster_mergedByteIdenticalToOneProcess() throws Exception {
    String why = OneNodeSlurm.whyNot();
    if (why != null) System.out.println("SlurmClusterIT skipped: " + why);
    Assumptions.assumeTrue(why == null, why);

    Path sweep = writeSweep();
    try (OneNodeSlurm slurm = OneNodeSlurm.start(dir)) {
      // relative paths, from the test folder, as a user would type them
      Done submitted = recipe(slurm, "sweep.yaml", "out", "3", "--cpus-per-task=1", "--time=00:10:00");
      assertEquals(0, submitted.exit(), submitted.out());
      Matcher ids = SUBMITTED.matcher(submitted.out());
      assertTrue(ids.find(), submitted.out());
      awaitMerge(slurm, ids.group(1), ids.group(2), dir.resolve("out/logs"));
    }

    Path out = dir.resolve("out");
    for (int k = 1; k <= 3; k++) {
      String log = Files.readString(out.resolve("logs/shard-" + k + ".out"));
      assertTrue(log.contains("shard " + k + "/3: runs"), "array task " + k + " ran its shard: " + log);
    }
    String merge = Files.readString(out.resolve("logs/merge.out"));
    assertTrue(merge.contains("Merged 3 shards, 12 runs."), merge);

    // the recipe hands the tasks the sweep's absolute path, which the manifest records
    Done one = launcher("sweep", sweep.toString(), "--out", dir.resolve("one").toString());
    assertEquals(0, one.exit(), one.out());
    assertSameResults(dir.resolve("one"), out.resolve("merged"));
  }

  /** 6 points of the 2024 baseline x 2 replications = 12 runs, 4 in each of three shards. */
  private Path writeSweep() throws IOException {
    Path sweep = dir.resolve("sweep.yaml");
    Files.writeString(sweep, String.join("\n",
        "sweep: slurm-cluster-check",
        "scenario: \"" + Fixtures.scenarioFile("baseline-2024.yaml") + "\"",
        "seed: 20240101",
        "replications: 2",
        "design: {kind: grid, points: 3}",
        "parameters:",
        "  - {path: \"actors[KHM].nationalism\", min: 0.3, max: 0.9}",
        "  - {path: \"frameworks[CLV-DTA].sovereignty_cost\", levels: [0.3, 0.6]}",
        "outcomes:",
        "  - {name: left_clv_dta, metric: exit, actor: KHM, target: CLV-DTA, reduce: occurred}",
        "  - {name: legitimacy_final, metric: legitimacy, actor: KHM, reduce: final}",
        ""));
    return sweep;
  }

  /** Polls squeue until the merge job has completed; fails at once if a job failed or cannot run. */
  private static void awaitMerge(OneNodeSlurm slurm, String array, String merge, Path logs) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String last = "";
    while (System.nanoTime() < deadline) {
      OneNodeSlurm.Output q = slurm.client("squeue", "-h", "-r", "--states=all", "-j", array + "," + merge,
          "-o", "%i %T %r");
      last = q.text();
      for (String line : last.strip().split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 3) continue;
        if (FAILED.contains(f[1]) || f[2].equals("DependencyNeverSatisfied")) {
          fail("job " + f[0] + " is " + f[1] + " (" + f[2] + ")\n" + last + logsOf(slurm, logs));
        }
        if (f[0].equals(merge) && f[1].equals("COMPLETED")) return;
      }
      Thread.sleep(1000);
    }
    fail("the merge job " + merge + " did not complete within 120 s\n" + last + logsOf(slurm, logs));
  }

  /** The jobs' own logs (the recipe's OUT/logs), then the daemons'. */
  private static String logsOf(OneNodeSlurm slurm, Path logs) throws IOException {
    StringBuilder sb = new StringBuilder("\n");
    try (Stream<Path> s = Files.list(logs)) {
      for (Path log : s.sorted().toList()) sb.append("--- ").append(log).append('\n').append(Files.readString(log));
    }
    return sb.append(slurm.logs()).toString();
  }

  /** Every file of one folder is in the other with the same bytes, except timing.json and the RO-Crate. */
  private static void assertSameResults(Path expected, Path actual) throws IOException {
    List<String> names = compared(expected);
    assertEquals(names, compared(actual), "the same files");
    assertTrue(names.containsAll(List.of("runs.csv", "summary.csv", "design.csv", "manifest.json")), names.toString());
    for (String f : names) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f + " differs");
    }
  }

  private static List<String> compared(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      // timing.json and the RO-Crate hold the times; inputs/ holds copies that manifest.json hashes
      return s.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("timing.json") && !n.equals("ro-crate-metadata.json")).sorted().toList();
    }
  }

  // ------------------------------------------------------------------ processes

  private Done recipe(OneNodeSlurm slurm, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", Fixtures.repo().resolve("scenarios/cluster/slurm-array.sh").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(slurm.environment());
    // sbatch must be the cluster's, whatever PATH the build runs with
    pb.environment().put("PATH", new File(OneNodeSlurm.find("sbatch")).getParent() + File.pathSeparator
        + pb.environment().get("PATH"));
    return finish(pb);
  }

  private Done launcher(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Fixtures.repo().resolve("hedgesim").toString()));
    cmd.addAll(List.of(args));
    return finish(new ProcessBuilder(cmd));
  }

  /** Runs a process in the test folder, with the JVM the test runs on and a home inside the folder. */
  private Done finish(ProcessBuilder pb) throws IOException, InterruptedException {
    Map<String, String> env = pb.environment();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    env.put("JAVA", java);
    env.put("PATH", Path.of(java).getParent() + File.pathSeparator + env.get("PATH"));
    env.put("HEDGESIM_JAVA_OPTS", "-Duser.home=" + dir.resolve("home"));
    File out = Files.createTempFile(dir, "out", ".txt").toFile();
    Process p = pb.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(pb.command() + " did not finish within 300 s");
    }
    return new Done(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8));
  }
}

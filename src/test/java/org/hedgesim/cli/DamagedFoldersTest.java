package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hedgesim.Fixtures;
import org.hedgesim.output.FolderLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault cases: real folders written by a small run and a tiny sweep, then damaged the way a disk,
 * a copy or a person can damage them; each must be refused with the exact message and exit 2, and
 * nothing written.
 */
class DamagedFoldersTest {

  @TempDir
  Path dir;

  @TempDir
  static Path shared;

  private static Path runFolder;
  private static Path sweepFolder;
  private static Path[] shards;

  private static synchronized Path runFolder() {
    if (runFolder == null) {
      Path out = shared.resolve("run");
      Cli c = Cli.run("run", Fixtures.scenarioFile("clv-dta-exit.yaml").toString(), "--out", out.toString(), "-r", "2");
      assertEquals(0, c.exit(), c.err());
      runFolder = out;
    }
    return runFolder;
  }

  private static synchronized Path sweepFolder() {
    if (sweepFolder == null) {
      Path out = shared.resolve("sweep");
      Cli c = Cli.run("sweep", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--out", out.toString());
      assertEquals(0, c.exit(), c.err());
      sweepFolder = out;
    }
    return sweepFolder;
  }

  private static synchronized Path[] shards() {
    if (shards == null) {
      Path[] s = new Path[2];
      for (int k = 1; k <= 2; k++) {
        s[k - 1] = shared.resolve("shard-" + k);
        Cli c = Cli.run("sweep", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--shard", k + "/2",
            "--out", s[k - 1].toString());
        assertEquals(0, c.exit(), c.err());
      }
      shards = s;
    }
    return shards;
  }

  /** A fresh copy of a folder, to damage. */
  private Path copy(Path from, String name) throws IOException {
    Path to = dir.resolve(name);
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
    }
    return to;
  }

  private static void assertRefused(Cli c, String message) {
    assertEquals(2, c.exit(), c.err());
    assertEquals(message + System.lineSeparator(), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
  }

  private static void cut(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(b, b.length / 2));
  }

  private static final String CHANGED = " does not match its SHA-256 in manifest.json; the folder was changed after it was written";

  // ------------------------------------------------------------------ report

  @Test
  void report_editedSummary_refusedNamingIt() throws IOException {
    Path out = copy(runFolder(), "edited");
    Path summary = out.resolve("summary.csv");
    Files.writeString(summary, Files.readString(summary).replaceFirst("\n(.)", "\n9$1"));
    assertRefused(Cli.run("report", out.toString()), "hedgesim report: " + summary + CHANGED);
    assertFalse(Files.exists(out.resolve("report")));
  }

  @Test
  void report_timeseriesCutShort_refusedNamingIt() throws IOException {
    Path out = copy(runFolder(), "cut");
    cut(out.resolve("timeseries.csv"));
    assertRefused(Cli.run("report", out.toString()), "hedgesim report: " + out.resolve("timeseries.csv") + CHANGED);
  }

  @Test
  void report_missingEvents_refusedNamingIt() throws IOException {
    Path out = copy(runFolder(), "missing");
    Files.delete(out.resolve("events.csv"));
    assertRefused(Cli.run("report", out.toString()),
        "hedgesim report: " + out.resolve("events.csv") + " is missing; manifest.json lists it");
  }

  @Test
  void report_manifestCutShort_refusedWithLineAndColumn() throws IOException {
    Path out = copy(runFolder(), "manifest");
    Files.writeString(out.resolve("manifest.json"), "{\n  \"hedgesim\": {\n    \"name\": \"hedgesim\",\n");
    assertRefused(Cli.run("report", out.toString()),
        "hedgesim report: " + out.resolve("manifest.json") + " is not valid JSON (line 4, column 1)");
  }

  @Test
  void report_manifestWithoutOutputs_refusedNamingTheKey() throws IOException {
    Path out = copy(runFolder(), "nooutputs");
    Files.writeString(out.resolve("manifest.json"), "{\"hedgesim\": {\"command\": \"run\"}}\n");
    assertRefused(Cli.run("report", out.toString()), "hedgesim report: " + out.resolve("manifest.json")
        + ": key outputs is missing or not a list; the manifest was changed after it was written");
  }

  @Test
  void report_editedSweepSummary_refusedNamingIt() throws IOException {
    Path out = copy(sweepFolder(), "sweep");
    Path summary = out.resolve("summary.csv");
    Files.writeString(summary, Files.readString(summary) + "0,0,0\n");
    assertRefused(Cli.run("report", out.toString()), "hedgesim report: " + summary + CHANGED);
  }

  @Test
  void report_extraFile_isIgnored() throws IOException {
    Path out = copy(runFolder(), "extra");
    Files.writeString(out.resolve("notes.txt"), "mine");
    Cli c = Cli.run("report", out.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(Files.isRegularFile(out.resolve("report/report.html")));
  }

  /** Outcome names the docs allow: a slash, one that sanitises to the same name, one of 300 characters. */
  @Test
  void sweepReport_longAndClashingOutcomeNames_writeSafeBoundedUniquePlotFiles() throws IOException {
    // outcome names are bounded and safe (the sweep file's rule), but parameter names are free
    // text: 'nation/alism' and 'nation_alism' would write the same plot file, and a long name
    // would be too long for the file system
    Path f = dir.resolve("names.yaml");
    String longName = "n" + "x".repeat(300);
    Files.writeString(f, "sweep: names\nscenario: " + SweepCommandTest.resource("tiny.yaml") + "\nseed: 3\n"
        + "replications: 2\ndesign: {kind: lhs, samples: 4}\nparameters:\n"
        + "  - {name: nation/alism, path: \"actors[S].nationalism\", min: 0.2, max: 1.0}\n"
        + "  - {name: nation_alism, path: \"actors[S].growth\", min: 0.01, max: 0.05}\n"
        + "  - {name: " + longName + ", path: \"actors[S].gdp\", min: 5, max: 15}\noutcomes:\n"
        + "  - {name: h_mean, metric: hedging_index, actor: S, reduce: mean}\n");
    Path out = dir.resolve("names");
    Cli c = Cli.run("sweep", f.toString(), "--out", out.toString(), "--report");
    assertEquals(0, c.exit(), c.err());
    List<String> plots = names(out.resolve("report/plots")).stream().filter(n -> n.startsWith("conditional-")).toList();
    assertEquals(6, plots.size(), "one conditional-means plot per parameter, as SVG and PNG: " + plots);
    assertTrue(plots.contains("conditional-h_mean-nation_alism.svg"), plots.toString());
    assertTrue(plots.stream().anyMatch(n -> n.matches("conditional-h_mean-nation_alism-[0-9a-f]{8}\\.svg")),
        "the second of the two that clash gets a hash suffix: " + plots);
    assertTrue(plots.stream().anyMatch(n -> n.matches("conditional-h_mean-nx+-[0-9a-f]{8}\\.svg")),
        "the long one is cut and marked: " + plots);
    assertTrue(plots.stream().allMatch(n -> n.length() <= 84 && n.matches("[A-Za-z0-9_.-]+")), plots.toString());
  }

  // ------------------------------------------------------------------ merge

  private Cli merge(Path a, Path b) {
    return Cli.run("merge", a.toString(), b.toString(), "--out", dir.resolve("merged").toString());
  }

  private void assertMergeRefused(Cli c, String message) throws IOException {
    assertRefused(c, "hedgesim merge: " + message);
    assertEquals(List.of(), names(dir).stream().filter(n -> n.contains("merged")).toList(), "nothing written");
  }

  @Test
  void merge_shardWhoseManifestIsNotJson_refusedNamingTheShardAndWhere() throws IOException {
    Path s2 = copy(shards()[1], "s2");
    Files.writeString(s2.resolve("manifest.json"), "{\n  \"hedgesim\" : {\n    \"name\" : \"hedgesim\",\n");
    assertMergeRefused(merge(shards()[0], s2), s2.resolve("manifest.json") + " is not valid JSON (line 4, column 1)");
    Files.writeString(s2.resolve("manifest.json"), "");
    assertMergeRefused(merge(shards()[0], s2), s2.resolve("manifest.json") + " is not valid JSON (it holds no object)");
  }

  @Test
  void merge_shardWithAlteredFingerprint_refusedNamingTheField() throws IOException {
    Path s2 = copy(shards()[1], "s2");
    Path m = s2.resolve("manifest.json");
    Files.writeString(m, Files.readString(m).replace(" sweep=", " sweep=0"));
    assertMergeRefused(merge(shards()[0], s2), m + ": sweep.fingerprint does not agree with sweep.fingerprint.sha256"
        + " in the same file; the manifest was changed after it was written");
  }

  @Test
  void merge_shardWithAWrongTypeOfField_refusedNamingIt() throws IOException {
    Path s2 = copy(shards()[1], "s2");
    Path m = s2.resolve("manifest.json");
    Files.writeString(m, Files.readString(m).replace("\"index\" : 2", "\"index\" : \"2\""));
    assertMergeRefused(merge(shards()[0], s2), m + ": key shard.index is missing or not a whole number");
  }

  @Test
  void merge_shardWithAChangedFile_refusedNamingIt() throws IOException {
    Path s2 = copy(shards()[1], "s2");
    cut(s2.resolve("runs.csv"));
    assertMergeRefused(merge(shards()[0], s2), s2.resolve("runs.csv") + CHANGED);
  }

  @Test
  void merge_unfinishedShard_pointedToResume() throws IOException {
    Path s2 = dir.resolve("s2");
    Files.createDirectory(dir.resolve(".s2.partial"));
    assertMergeRefused(merge(shards()[0], s2), s2 + " is not a finished shard; its unfinished work is in "
        + dir.resolve(".s2.partial") + ": finish it with the same 'hedgesim sweep ... --shard K/N --out " + s2
        + " --resume'");
  }

  // ------------------------------------------------------------------ two resumers of one folder

  @Test
  void resume_whileAnotherProcessHoldsTheFolder_waitsThenFindsItCompleteAndExits0() throws Exception {
    Path out = dir.resolve("busy");
    String sweepFile = SweepCommandTest.resource("tiny-sweep.yaml").toString();
    Cli[] second = new Cli[1];
    Thread t;
    try (FolderLock held = FolderLock.take(out, m -> { })) {
      t = new Thread(() -> second[0] = Cli.run("sweep", sweepFile, "--out", out.toString(), "--resume"));
      t.start();
      long until = System.nanoTime() + 60_000_000_000L;
      while (t.getState() != Thread.State.WAITING && t.isAlive() && System.nanoTime() < until) Thread.sleep(20);
      assertEquals(Thread.State.WAITING, t.getState(), "the second resumer waits for the lock");
      copy(sweepFolder(), "busy"); // what the holder leaves when it finishes
    }
    t.join(60_000);
    assertEquals(0, second[0].exit(), second[0].err());
    assertTrue(second[0].err().contains("hedgesim sweep: waiting for process " + ProcessHandle.current().pid() + " on "
        + FolderLock.host() + ", which is working on " + out + ", to finish" + System.lineSeparator()), second[0].err());
    assertTrue(second[0].out().contains("The sweep in " + out + " is already complete; nothing to do."), second[0].out());
    assertFalse(Files.exists(FolderLock.fileOf(out)), "the lock file is gone");
  }

  @Test
  void twoResumersAtOnce_bothExit0_andTheFolderIsTheWholeSweep() throws Exception {
    Path out = dir.resolve("twice");
    String sweepFile = SweepCommandTest.resource("tiny-sweep.yaml").toString();
    Cli[] runs = new Cli[2];
    Thread[] threads = new Thread[2];
    for (int i = 0; i < 2; i++) {
      int k = i;
      threads[i] = new Thread(() -> runs[k] = Cli.run("sweep", sweepFile, "--out", out.toString(), "--resume",
          "--threads", "1", "--progress", "none"));
      threads[i].start();
    }
    for (Thread t : threads) t.join(300_000);
    for (Cli c : runs) assertEquals(0, c.exit(), c.err());
    assertEquals(1, java.util.Arrays.stream(runs).filter(c -> c.out().contains("already complete")).count(),
        runs[0].out() + runs[1].out());
    SweepCommandTest.assertSameFiles(sweepFolder(), out, List.of("runs.csv", "summary.csv", "design.csv", "manifest.json"));
    assertEquals(List.of("twice"), names(dir), "no lock file or staging folder left");
  }

  // ------------------------------------------------------------------ stale staging folders

  /** The id of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void merge_removesTheStagingFolderOfAKilledMerge_andLeavesLiveAndForeignOnes() throws Exception {
    long dead = deadPid();
    String host = FolderLock.host();
    Path stale = Files.createDirectories(dir.resolve(".merged.partial-" + dead + "@" + host).resolve("x"));
    Files.writeString(stale.resolve("runs.csv"), "half");
    long live = ProcessHandle.current().parent().orElseThrow().pid();
    Path alive = Files.createDirectory(dir.resolve(".merged.partial-" + live + "@" + host));
    Path foreign = Files.createDirectory(dir.resolve(".merged.partial-" + dead + "@another-host"));
    Cli c = merge(shards()[0], shards()[1]);
    assertEquals(0, c.exit(), c.err());
    assertEquals("hedgesim merge: removed stale partial folder " + stale.getParent() + " left by process " + dead
        + System.lineSeparator(), c.err());
    assertFalse(Files.exists(stale.getParent()));
    assertTrue(Files.isDirectory(alive));
    assertTrue(Files.isDirectory(foreign));
  }

  @Test
  void report_removesTheStagingFolderOfAKilledReport() throws Exception {
    Path out = copy(runFolder(), "killed-report");
    long dead = deadPid();
    Path stale = Files.createDirectory(out.resolve(".report.partial-" + dead + "@" + FolderLock.host()));
    Cli c = Cli.run("report", out.toString());
    assertEquals(0, c.exit(), c.err());
    assertEquals("hedgesim report: removed stale partial folder " + stale + " left by process " + dead
        + System.lineSeparator(), c.err());
    assertEquals(List.of("events.csv", "inputs", "manifest.json", "report", "ro-crate-metadata.json", "summary.csv",
        "timeseries.csv"), names(out));
  }

  @Test
  void run_removesTheStagingFolderOfAKilledRun_andSaysSo() throws Exception {
    Path parent = Files.createDirectories(dir.resolve("runs"));
    long dead = deadPid();
    Path stale = Files.createDirectory(parent.resolve(".r.partial-" + dead + "@" + FolderLock.host()));
    Files.writeString(stale.resolve("timeseries.csv"), "half a file");
    Cli c = Cli.run("run", Fixtures.scenarioFile("two-powers.yaml").toString(), "--out", parent.resolve("r").toString());
    assertEquals(0, c.exit(), c.err());
    assertEquals("hedgesim run: removed stale partial folder " + stale + " left by process " + dead
        + System.lineSeparator(), c.err());
    assertEquals(List.of("r"), names(parent));
  }

  // ------------------------------------------------------------------ resume of a damaged finished sweep

  private Cli resume(Path out) {
    return Cli.run("sweep", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--out", out.toString(), "--resume");
  }

  private static String lastLine(String text) {
    String[] lines = text.split(System.lineSeparator());
    return lines[lines.length - 1];
  }

  @Test
  void resume_ofAFinishedSweepWhoseManifestIsDamaged_refusedClearly() throws IOException {
    Path out = copy(sweepFolder(), "resumed");
    Path m = out.resolve("manifest.json");
    Files.writeString(m, "{\n  \"hedgesim\" : {\n    \"name\" : \"hedgesim\",\n");
    String tail = "; the finished sweep in " + out + " is damaged, so --resume cannot tell whether it is this sweep"
        + " (check it with 'hedgesim verify " + out + "')";
    Cli c = resume(out);
    assertEquals(2, c.exit(), c.err());
    assertEquals("hedgesim sweep: " + m + " is not valid JSON (line 4, column 1)" + tail, lastLine(c.err()));
    Files.writeString(m, "null");
    c = resume(out);
    assertEquals(2, c.exit(), c.err());
    assertEquals("hedgesim sweep: " + m + " is not valid JSON (it holds no object)" + tail, lastLine(c.err()));
    assertFalse(c.err().contains("Exception"), c.err());
  }

  @Test
  void resume_ofAFinishedSweepWithAChangedFile_refusedNamingIt() throws IOException {
    Path out = copy(sweepFolder(), "changed");
    cut(out.resolve("runs.csv"));
    Cli c = resume(out);
    assertEquals(2, c.exit(), c.err());
    assertEquals("hedgesim sweep: " + out.resolve("runs.csv") + CHANGED + "; the finished sweep in " + out
        + " is damaged, so --resume cannot tell whether it is this sweep (check it with 'hedgesim verify " + out + "')",
        lastLine(c.err()));
  }

  /**
   * The manifest names files relative to the sweep file's folder: a sweep started with a relative
   * path and finished (resumed, or its other shards run) with the absolute one writes the same
   * manifest, and --resume takes up either.
   */
  @Test
  void sweepManifest_isTheSameWhetherThePathWasTypedRelativeOrAbsolute() throws IOException {
    Path absolute = SweepCommandTest.resource("tiny-sweep.yaml").toAbsolutePath().normalize();
    Path relative = Path.of("").toAbsolutePath().relativize(absolute);
    Path a = dir.resolve("relative");
    Path b = dir.resolve("absolute");
    assertEquals(0, Cli.run("sweep", relative.toString(), "--out", a.toString()).exit());
    assertEquals(0, Cli.run("sweep", absolute.toString(), "--out", b.toString()).exit());
    SweepCommandTest.assertSameFiles(a, b, List.of("manifest.json", "runs.csv", "summary.csv", "design.csv"));
    assertTrue(Files.readString(a.resolve("manifest.json")).contains("\"file\" : \"tiny-sweep.yaml\""));
    Cli again = Cli.run("sweep", absolute.toString(), "--out", a.toString(), "--resume");
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("is already complete; nothing to do."), again.out());
  }

  // ------------------------------------------------------------------ verify

  @Test
  void verify_completeFolders_exit0CountingTheirFiles() throws IOException {
    Cli run = Cli.run("verify", runFolder().toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(runFolder() + ": complete, 3 files match manifest.json" + System.lineSeparator(), run.out());
    assertEquals("", run.err());
    Cli sweep = Cli.run("verify", sweepFolder().toString());
    assertEquals(sweepFolder() + ": complete, 3 files match manifest.json" + System.lineSeparator(), sweep.out());
    Cli shard = Cli.run("verify", shards()[0].toString());
    assertEquals(shards()[0] + ": complete, 2 files match manifest.json" + System.lineSeparator(), shard.out());
    Path merged = dir.resolve("merged");
    assertEquals(0, Cli.run("merge", shards()[0].toString(), shards()[1].toString(), "--out", merged.toString()).exit());
    Cli m = Cli.run("verify", merged.toString());
    assertEquals(0, m.exit(), m.err());
    assertEquals(merged + ": complete, 3 files match manifest.json" + System.lineSeparator(), m.out());
  }

  @Test
  void verify_namesEveryDamagedFile_andNotesUnlistedOnes() throws IOException {
    Path out = copy(runFolder(), "damaged");
    cut(out.resolve("timeseries.csv"));
    Files.delete(out.resolve("summary.csv"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    Cli c = Cli.run("verify", out.toString());
    assertEquals(2, c.exit());
    String nl = System.lineSeparator();
    assertEquals("hedgesim verify: note: " + out.resolve("notes.txt") + " is not listed in manifest.json; not checked" + nl
        + "hedgesim verify: " + out.resolve("timeseries.csv") + CHANGED + nl
        + "hedgesim verify: " + out.resolve("summary.csv") + " is missing; manifest.json lists it" + nl, c.err());
    assertEquals("", c.out());
  }

  @Test
  void verify_noFolderOrNoManifest_exit2() throws IOException {
    assertRefused(Cli.run("verify", dir.resolve("nowhere").toString()),
        "hedgesim verify: " + dir.resolve("nowhere") + ": no such folder");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertRefused(Cli.run("verify", empty.toString()),
        "hedgesim verify: " + empty + ": no manifest.json; not a hedgesim results folder");
    Path unfinished = dir.resolve("unfinished");
    Files.createDirectory(dir.resolve(".unfinished.partial"));
    assertRefused(Cli.run("verify", unfinished.toString()), "hedgesim verify: " + unfinished
        + " is not finished: its unfinished work is in " + dir.resolve(".unfinished.partial")
        + "; finish it with 'hedgesim sweep ... --out " + unfinished + " --resume'");
  }

  static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

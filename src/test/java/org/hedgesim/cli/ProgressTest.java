package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Progress of run, compare and explain (--progress), on the standard error only: the standard
 * output and the result files are those of a run without it, on any number of threads.
 */
class ProgressTest {

  @TempDir
  Path dir;

  private static final Pattern LINE = Pattern.compile("^(.+): (\\d+)/(\\d+) (replications|runs) \\(([0-9.]+)%\\).*ETA .+$",
      Pattern.MULTILINE);

  private static String tiny() {
    return SweepCommandTest.resource("tiny.yaml").toString();
  }

  /** The standard output without what differs between two runs anyway: the time taken and the folder. */
  private static String stable(String out, Path folder) {
    return out.replace(folder.toString(), "FOLDER").replaceAll("in [0-9.]+ s\\.", "in T s.");
  }

  /** The progress lines of an error stream: name, done, total. */
  private static List<String[]> progressLines(String err) {
    Matcher m = LINE.matcher(err);
    List<String[]> lines = new java.util.ArrayList<>();
    while (m.find()) lines.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
    return lines;
  }

  @Test
  void run_progressLines_countTheReplications_onTheErrorStreamOnly() throws Exception {
    Path shown = dir.resolve("shown");
    Path quiet = dir.resolve("quiet");
    Cli a = Cli.run("run", tiny(), "-r", "7", "--threads", "2", "--progress", "lines", "--out", shown.toString());
    Cli b = Cli.run("run", tiny(), "-r", "7", "--threads", "1", "--progress", "none", "--out", quiet.toString());
    assertEquals(0, a.exit(), a.err());
    assertEquals(0, b.exit(), b.err());
    List<String[]> lines = progressLines(a.err());
    assertFalse(lines.isEmpty(), a.err());
    String[] last = lines.get(lines.size() - 1);
    assertEquals(List.of("tiny", "7", "7", "replications"), List.of(last));
    assertTrue(a.err().contains("tiny: 7/7 replications (100.0%)"), a.err());
    assertEquals(List.of(), progressLines(b.err()));
    assertEquals(stable(b.out(), quiet), stable(a.out(), shown), "the standard output is the same");
    assertFalse(a.out().contains("replications ("), a.out());
    SweepCommandTest.assertSameFiles(quiet, shown, List.of("timeseries.csv", "events.csv", "summary.csv"));
  }

  @Test
  void run_aQuickRunOffATerminal_printsNoProgress_andASingleReplicationNone() {
    Cli auto = Cli.run("run", tiny(), "-r", "3", "--out", dir.resolve("auto").toString());
    assertEquals(0, auto.exit(), auto.err());
    assertEquals("", auto.err(), "done before the first line was due: nothing added to the error stream");
    Cli one = Cli.run("run", tiny(), "-r", "1", "--progress", "lines", "--out", dir.resolve("one").toString());
    assertEquals(0, one.exit(), one.err());
    assertEquals(List.of(), progressLines(one.err()));
  }

  @Test
  void compare_progressLines_countEveryScenariosReplications() throws Exception {
    Path shown = dir.resolve("shown");
    Path quiet = dir.resolve("quiet");
    Cli a = Cli.run("compare", tiny(), tiny(), "-r", "5", "--threads", "2", "--progress", "lines", "--out",
        shown.toString());
    Cli b = Cli.run("compare", tiny(), tiny(), "-r", "5", "--threads", "1", "--progress", "none", "--out",
        quiet.toString());
    assertEquals(0, a.exit(), a.err());
    assertEquals(0, b.exit(), b.err());
    List<String[]> lines = progressLines(a.err());
    assertEquals(List.of("tiny-vs-tiny-2", "10", "10", "runs"), List.of(lines.get(lines.size() - 1)), a.err());
    assertEquals(List.of(), progressLines(b.err()));
    assertEquals(stable(b.out(), quiet), stable(a.out(), shown));
    SweepCommandTest.assertSameFiles(quiet, shown, List.of("compare.csv", "outcomes.csv", "bands.csv", "events.csv"));
  }

  @Test
  void explain_progressLines_countTheFullModelAndEveryKnockOut() throws Exception {
    Path shown = dir.resolve("shown");
    Cli a = Cli.run("explain", tiny(), "-r", "2", "--progress", "lines", "--out", shown.toString());
    assertEquals(0, a.exit(), a.err());
    List<String[]> lines = progressLines(a.err());
    String[] last = lines.get(lines.size() - 1);
    assertEquals("tiny knock-outs", last[0]);
    assertEquals(last[1], last[2]);
    assertEquals(0, Integer.parseInt(last[2]) % 2, "2 replications of each arm: " + a.err());
    assertTrue(Integer.parseInt(last[2]) >= 4, "the full model and at least one knock-out: " + a.err());
    assertTrue(Files.isRegularFile(shown.resolve("explain.csv")));
  }

  @Test
  void progressEvery_outOfRange_isRefusedWithExitCode2() {
    for (String command : List.of("run", "compare", "explain")) {
      List<String> args = new java.util.ArrayList<>(List.of(command, tiny()));
      if (command.equals("compare")) args.add(tiny());
      args.addAll(List.of("--progress-every", "0", "--out", dir.resolve(command).toString()));
      Cli c = Cli.run(args.toArray(String[]::new));
      assertEquals(2, c.exit(), command + ": " + c.err());
      assertTrue(c.err().contains("--progress-every must be between 1 and 86400 seconds, found 0"), c.err());
      assertFalse(Files.exists(dir.resolve(command)), "nothing written");
    }
    // the long commands take the same option, checked before anything runs
    Path repo = org.hedgesim.Fixtures.repo();
    for (String[] study : List.of(new String[] {"robust", "scenarios/robust/us-approach.yaml"},
        new String[] {"calibrate", "scenarios/hindcast/cambodia-2019-calibration.yaml"},
        new String[] {"sweep", "scenarios/sweeps/us-approach-fdi.yaml"})) {
      Cli c = Cli.run(study[0], repo.resolve(study[1]).toString(), "--progress-every", "0",
          "--out", dir.resolve(study[0]).toString());
      assertEquals(2, c.exit(), study[0] + ": " + c.err());
      assertTrue(c.err().contains("--progress-every must be between 1 and 86400 seconds, found 0"), c.err());
      assertFalse(Files.exists(dir.resolve(study[0])), "nothing written");
    }
  }

  @Test
  void resumeCommand_addsResumeAndOut_keepsTheRest_quotesForTheShell() {
    assertEquals("hedgesim sweep --resume --out results/x/20260101-120000 sweeps/x.yaml --threads 2 --timeseries",
        resume(Path.of("results/x/20260101-120000"), "sweep", "sweeps/x.yaml", "--threads", "2", "--timeseries"));
    assertEquals("hedgesim sweep --resume --out 'my results/x' 'my sweeps/it'\\''s.yaml'",
        resume(Path.of("my results/x"), "sweep", "--resume", "--out", "my results/x", "my sweeps/it's.yaml"));
    assertEquals("hedgesim calibrate --resume -o cal c.yaml", resume(Path.of("cal"), "calibrate", "-o", "cal", "c.yaml"));
  }

  @Test
  void barWidth_isTheTerminalsWhenExported_else79() {
    assertEquals(79, ProgressBarDisplay.width(null));
    assertEquals(119, ProgressBarDisplay.width(" 120 "));
    assertEquals(79, ProgressBarDisplay.width("wide"));
    assertEquals(79, ProgressBarDisplay.width("12"), "too narrow to be a terminal's");
  }

  private static String resume(Path target, String... args) {
    CommandLine cl = Hedgesim.commandLine(args);
    CommandLine.ParseResult parsed = cl.parseArgs(args);
    return StopNotice.resumeCommand(parsed.subcommand().commandSpec(), target);
  }
}

package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, through the ./hedgesim launcher, from another folder. */
class LauncherIT {

  @TempDir
  Path cwd;

  private record Result(int exit, String out, String err) {}

  private Result launch(String... args) throws IOException, InterruptedException {
    return launch(new ProcessBuilder(), args);
  }

  private Result launch(ProcessBuilder pb, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Fixtures.repo().resolve("hedgesim").toString());
    cmd.addAll(List.of(args));
    Process p = pb.command(cmd).directory(cwd.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher finished");
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void launcher_fromAnotherFolder_runsTheScenarioAndWritesTheFourFiles() throws Exception {
    Result r = launch("run", Fixtures.scenarioFile("clv-dta-exit.yaml").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("KHM (Cambodia)"), r.out());
    assertFalse(r.err().contains("building"), "the jar is up to date, no rebuild: " + r.err());
    Path runs = cwd.resolve("results/clv-dta-exit");
    try (var s = Files.list(runs)) {
      Path run = s.findFirst().orElseThrow();
      for (String f : List.of("timeseries.csv", "events.csv", "summary.csv", "manifest.json")) {
        assertTrue(Files.size(run.resolve(f)) > 0, f);
      }
    }
  }

  @Test
  void launcher_throughASymlinkOnPath_findsItsRepository() throws Exception {
    // a link in a bin folder, itself reached through a relative link: both must be followed
    Path bin = Files.createDirectories(cwd.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("hedgesim-real"), Fixtures.repo().resolve("hedgesim"));
    Files.createSymbolicLink(bin.resolve("hedgesim"), link.getFileName());
    Process p = new ProcessBuilder(bin.resolve("hedgesim").toString(), "--version")
        .directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher finished");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith("hedgesim "), out);
  }

  @Test
  void list_fromAnotherFolder_findsTheScenariosBesideTheInstallation() throws Exception {
    Result r = launch("list");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Scenarios in " + Fixtures.repo().resolve("scenarios").toAbsolutePath().normalize()),
        r.out().lines().findFirst().orElse(""));
    assertTrue(r.out().contains("clv-dta-exit.yaml"), r.out());
  }

  @Test
  void launcher_badInput_exit2WithoutStackTrace() throws Exception {
    Path bad = cwd.resolve("bad.yaml");
    Files.writeString(bad, "scenario: [unclosed\n");
    Result r = launch("run", bad.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("bad.yaml:"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void launcher_guiWithoutADisplay_exit1PointingToTheHeadlessCommands() throws Exception {
    ProcessBuilder pb = new ProcessBuilder();
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    Result r = launch(pb, "gui", Fixtures.scenarioFile("clv-dta-exit.yaml").toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("no display available (DISPLAY is not set)"), r.err());
    assertTrue(r.err().contains("hedgesim run"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void launcher_version() throws Exception {
    Result r = launch("--version");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("hedgesim "), r.out());
  }
}

package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario files over the 1 MiB limit are refused, unless HEDGESIM_SCENARIO_LIMIT_MB raises the
 * limit for a file one trusts (a large synthetic world). Run as separate processes because the
 * limit is read from the environment once, when the reader is loaded.
 */
class ScenarioLimitIT {

  @TempDir
  Path dir;

  private record Result(int exit, String out, String err) {}

  private Result validate(Path file, String limit) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        System.getProperty("hedgesim.jar"), "validate", file.toString()));
    pb.environment().remove("HEDGESIM_SCENARIO_LIMIT_MB");
    if (limit != null) pb.environment().put("HEDGESIM_SCENARIO_LIMIT_MB", limit);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void largeWorld_refusedByDefault_acceptedWithARaisedLimit() throws Exception {
    Path world = dir.resolve("world-150.yaml");
    assertEquals(0, Cli.run("generate", "--actors", "150", "-o", world.toString()).exit());
    assertTrue(Files.size(world) > (1 << 20), "the file is over 1 MiB: " + Files.size(world));
    Result refused = validate(world, null);
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("HEDGESIM_SCENARIO_LIMIT_MB"), refused.err());
    Result accepted = validate(world, "8");
    assertEquals(0, accepted.exit(), accepted.err());
    assertTrue(accepted.out().contains("world-150.yaml: OK"), accepted.out());
  }

  @Test
  void malformedOrTooLargeLimit_refusedWithExit2_notIgnored() throws Exception {
    Path small = org.hedgesim.Fixtures.scenarioFile("baseline-2024.yaml");
    for (String bad : List.of("abc", "0", "-1", "1025", "2048", "1.5", "8MB")) {
      Result r = validate(small, bad);
      assertEquals(2, r.exit(), bad + ": " + r.err());
      assertEquals("hedgesim: HEDGESIM_SCENARIO_LIMIT_MB must be a whole number of MiB from 1 to 1024, found '"
          + bad + "'\n", r.err());
      assertEquals("", r.out(), bad);
    }
    assertEquals(0, validate(small, "1024").exit());
  }
}

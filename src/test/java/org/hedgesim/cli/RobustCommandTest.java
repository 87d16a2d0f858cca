package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hedgesim robust} end to end on a tiny study of two-powers.yaml. */
class RobustCommandTest {

  @TempDir
  Path dir;

  private Path tiny(String objectiveDirection) throws Exception {
    Path f = dir.resolve("tiny.yaml");
    Files.writeString(f, "robust: tiny\nscenario: " + Fixtures.scenarioFile("two-powers.yaml") + "\nseed: 7\n"
        + "replications: 2\nfutures: 4\n"
        + "levers:\n  - path: actors[P].approach\n    name: p_approach\n    levels: [positive, negative]\n"
        + "uncertainties:\n  - path: actors[S].nationalism\n    min: 0.2\n    max: 0.8\n"
        + "objectives:\n  - name: hedging\n    metric: hedging_index\n    actor: S\n    reduce: mean\n"
        + "    direction: " + objectiveDirection + "\n    satisficing: \">= 0.6\"\n");
    return f;
  }

  @Test
  void robust_writesItsFiles_namesTheMostRobustSetting_andVerifies() throws Exception {
    Path out = dir.resolve("out");
    Cli c = Cli.run("robust", tiny("maximize").toString(), "--out", out.toString(), "--threads", "2",
        "--progress", "none", "--report");
    assertEquals(0, c.exit(), c.err());
    String answer = c.out().lines().filter(l -> l.startsWith("Most robust: ")).findFirst().orElse("");
    assertTrue(answer.matches("Most robust: p_approach=(positive|negative) \u2014 hedging mean \\d\\.\\d{3}, 10th"
        + " percentile \\d\\.\\d{3}, satisficing \\(>= 0\\.6\\) in \\d+% of 4 futures, max regret \\d\\.\\d{3}"), c.out());
    for (String f : List.of("futures.csv", "outcomes.csv", "robustness.csv", "regret.csv", "manifest.json",
        "report/report.html", "report/plots/regret-hedging.svg")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    List<String> rows = Files.readAllLines(out.resolve("robustness.csv"));
    String best = rows.stream().filter(l -> l.endsWith(",true")).findFirst().orElseThrow();
    assertTrue(answer.contains("p_approach=" + best.split(",")[2] + " "), best + " / " + answer);
    assertTrue(Files.readString(out.resolve("report/report.html")).contains("robust decisions tiny"));
    Cli v = Cli.run("verify", out.toString());
    assertEquals(0, v.exit(), v.out() + v.err());
  }

  @Test
  void validate_checksARobustFileWithoutRunningIt() throws Exception {
    Path good = tiny("minimize");
    Cli ok = Cli.run("validate", good.toString());
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(ok.out().contains(good + ": OK"), ok.out());
    Cli bad = Cli.run("validate", tiny("sideways").toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains(":19:16: objectives[0].direction: expected one of maximize | minimize"), bad.err());
  }

  @Test
  void badFile_exitsWithTwo_namesTheLine_andWritesNothing() throws Exception {
    Path out = dir.resolve("out");
    Cli c = Cli.run("robust", tiny("upward").toString(), "--out", out.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("tiny.yaml:19:16: objectives[0].direction: expected one of maximize | minimize,"
        + " found 'upward'"), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    assertFalse(Files.exists(out));
  }
}

package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.model.HedgeWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The robust engine: common random numbers, and the same files whatever the number of threads. */
class RobustRunTest {

  @TempDir
  Path dir;

  private RobustStudy tiny() throws Exception {
    Path f = dir.resolve("r.yaml");
    Files.writeString(f, RobustLoaderTest.study(Fixtures.scenarioFile("two-powers.yaml").toString(), "",
        RobustLoaderTest.LEVERS, RobustLoaderTest.OBJECTIVES));
    return RobustLoader.load(f, f.toString());
  }

  @Test
  void oneAndTwoThreads_writeByteIdenticalTables() throws Exception {
    RobustStudy s = tiny();
    RobustRun.Result one = RobustRun.execute(s, new RobustRun.Options(dir.resolve("one"), 1), SweepProgress.NONE, null);
    RobustRun.Result two = RobustRun.execute(s, new RobustRun.Options(dir.resolve("two"), 2), SweepProgress.NONE, null);
    for (String file : List.of(RobustRun.FUTURES, RobustRun.OUTCOMES, RobustRun.ROBUSTNESS, RobustRun.REGRET)) {
      assertArrayEquals(Files.readAllBytes(one.folder().resolve(file)), Files.readAllBytes(two.folder().resolve(file)),
          file);
    }
    assertEquals(30, one.runs());
    assertEquals(1 + 3 * 5, Files.readAllLines(one.folder().resolve(RobustRun.OUTCOMES)).size());
  }

  @Test
  void aCell_isTheMeanOfItsReplications_onTheFuturesSeedsWhateverTheSetting() throws Exception {
    RobustStudy s = tiny();
    for (int setting = 0; setting < s.settingCount(); setting++) {
      double[] cell = RobustRun.runCell(s, setting, 3);
      double sum = 0;
      for (int r = 0; r < s.replications(); r++) {
        OutcomeObserver o = new OutcomeObserver(s.outcomes());
        HedgeWorld w = new HedgeWorld(Seeds.derive(7, 3, r), s.scenario(setting, 3));
        w.setObserver(o);
        w.runToEnd();
        sum += o.values()[0];
      }
      assertEquals(sum / s.replications(), cell[0], 1e-15, "setting " + setting);
    }
  }

  @Test
  void findings_agreeWithTheirTables() throws Exception {
    RobustStudy s = tiny();
    RobustRun.Result r = RobustRun.execute(s, new RobustRun.Options(dir.resolve("out"), 2), SweepProgress.NONE, null);
    RobustRun.Findings f = r.findings();
    for (int o = 0; o < 2; o++) {
      for (int fu = 0; fu < s.futureCount(); fu++) {
        double min = Double.POSITIVE_INFINITY;
        for (int st = 0; st < s.settingCount(); st++) {
          assertTrue(f.regret()[o][st][fu] >= 0);
          min = Math.min(min, f.regret()[o][st][fu]);
        }
        assertEquals(0.0, min, "the best setting of each future has no regret");
      }
    }
    List<String> rows = Files.readAllLines(r.folder().resolve(RobustRun.ROBUSTNESS));
    assertEquals(1, rows.stream().filter(l -> l.endsWith(",true")).count(), "one most robust setting");
    assertTrue(rows.get(0).startsWith("setting,label,actors[P].approach,hedging_mean,hedging_percentile,"
        + "hedging_satisficing,hedging_max_regret,lean_q_mean"), rows.get(0));
  }
}

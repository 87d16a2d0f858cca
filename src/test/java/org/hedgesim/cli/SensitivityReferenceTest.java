package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.analysis.Ishigami;
import org.hedgesim.analysis.SensitivityTable;
import org.hedgesim.experiment.SweepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hedgesim sensitivity} against functions whose indices are known, through the command's
 * whole path: the sweep file is read and checked, the Saltelli or Morris design generated, every
 * run goes through the sweep engine and its files (runs.csv, design.csv, summary.csv), and the
 * indices are estimated from the folder and written to sensitivity.csv, which the test reads. Only
 * the model is replaced: each run evaluates the function on the values of its design point.
 *
 * <p>Tolerances, stated here once: with N = 8192 Saltelli rows (40,960 runs), every Ishigami S_i
 * and ST_i within 0.02 of its analytic value and inside its 95% bootstrap interval; with N = 4096
 * on the linear model, within 0.02; Morris effects of a linear term exact to 1e-6.
 */
class SensitivityReferenceTest {

  @TempDir
  Path dir;

  @Test
  void analyticIshigamiIndices_areThePublishedOnes() {
    double[] s1 = {0.314, 0.442, 0};
    double[] st = {0.558, 0.442, 0.244};
    for (int i = 0; i < 3; i++) {
      assertEquals(s1[i], Ishigami.FIRST[i], 0.0005);
      assertEquals(st[i], Ishigami.TOTAL[i], 0.0005);
    }
  }

  @Test
  void sensitivity_ishigami_recoversPublishedSobolIndices() throws IOException {
    Path out = run("ishigami.yaml", "ish", (sweep, point, seed) -> {
      return new double[] {Ishigami.ofUnit(values(sweep, point))};
    });
    Map<String, SensitivityTable.Entry> e = entries(out);
    for (int i = 0; i < 3; i++) {
      check(e.get("y|x" + (i + 1) + "|S1"), Ishigami.FIRST[i], 0.02, true);
      check(e.get("y|x" + (i + 1) + "|ST"), Ishigami.TOTAL[i], 0.02, true);
    }
  }

  @Test
  void sensitivity_linearModel_indicesAreSharesOfSquaredCoefficients() throws IOException {
    double[] b = {1, 2, 3, 0};
    Path out = run("linear-saltelli.yaml", "lin", (sweep, point, seed) -> {
      double[] x = values(sweep, point);
      double y = 0;
      for (int i = 0; i < 4; i++) y += b[i] * x[i];
      return new double[] {y, 2 * y + 10};
    });
    Map<String, SensitivityTable.Entry> e = entries(out);
    for (String outcome : List.of("y", "two_y")) {
      for (int i = 0; i < 4; i++) {
        double truth = b[i] * b[i] / 14;
        check(e.get(outcome + "|x" + (i + 1) + "|S1"), truth, 0.02, false);
        check(e.get(outcome + "|x" + (i + 1) + "|ST"), truth, 0.02, false);
      }
      // a value the outcome does not depend on has exactly no total effect
      assertEquals(0.0, e.get(outcome + "|x4|ST").value(), 0.0);
    }
    // indices do not change when the outcome is scaled and shifted
    for (int i = 1; i <= 4; i++) {
      assertEquals(e.get("y|x" + i + "|ST").value(), e.get("two_y|x" + i + "|ST").value(), 1e-9);
    }
  }

  @Test
  void sensitivity_morris_elementaryEffectsOfKnownTerms() throws IOException {
    Path out = run("linear-morris.yaml", "mor", (sweep, point, seed) -> {
      double[] x = values(sweep, point);
      return new double[] {3 * x[0] - 2 * x[1] + 0 * x[2] + x[0] * x[3]};
    });
    Map<String, SensitivityTable.Entry> e = entries(out);
    // x2 enters linearly: every effect is -2
    assertEquals(-2, e.get("y|x2|mu").value(), 1e-6);
    assertEquals(2, e.get("y|x2|mu_star").value(), 1e-6);
    assertEquals(0, e.get("y|x2|sigma").value(), 1e-6);
    // x3 does not enter
    assertEquals(0, e.get("y|x3|mu_star").value(), 1e-9);
    // x1's effect is 3 + x4, between 3 and 4, and varies with x4; x4's is x1, between 0 and 1
    double mu1 = e.get("y|x1|mu_star").value();
    assertTrue(mu1 > 3 && mu1 < 4, "mu*(x1) = " + mu1);
    assertTrue(e.get("y|x1|sigma").value() > 0.1);
    double mu4 = e.get("y|x4|mu_star").value();
    assertTrue(mu4 > 0 && mu4 < 1, "mu*(x4) = " + mu4);
    assertTrue(e.get("y|x4|sigma").value() > 0.1);
  }

  @Test
  void sensitivity_sameSweep_sameBytes_whateverTheThreads() throws IOException {
    SweepRun.Evaluator f = (sweep, point, seed) -> {
      double[] x = values(sweep, point);
      return new double[] {x[0] * x[1] + x[2], x[3]};
    };
    Path one = run("linear-saltelli.yaml", "one", f, "--threads", "1");
    Path two = run("linear-saltelli.yaml", "two", f, "--threads", "2");
    for (String file : List.of("sensitivity.csv", "runs.csv", "design.csv", "summary.csv", "manifest.json")) {
      assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
    }
  }

  // ------------------------------------------------------------------ helpers

  private static void check(SensitivityTable.Entry e, double truth, double tolerance, boolean covered) {
    assertEquals(truth, e.value(), tolerance, e.toString());
    if (covered) assertTrue(e.low() <= truth && truth <= e.high(), "95% interval misses " + truth + ": " + e);
  }

  /** The values of a design point's parameters, as the sweep writes them into the scenario. */
  private static double[] values(org.hedgesim.experiment.Sweep sweep, int point) {
    double[] x = new double[sweep.parameters().size()];
    for (int j = 0; j < x.length; j++) x[j] = Double.parseDouble(sweep.value(point, j));
    return x;
  }

  private Path run(String sweepFile, String out, SweepRun.Evaluator f, String... extra) throws IOException {
    SensitivityCommand command = new SensitivityCommand();
    command.evaluator = f;
    CommandLine cl = Hedgesim.withSubcommand("sensitivity", command);
    StringWriter o = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(err, true));
    Path target = dir.resolve(out);
    String[] base = {"sensitivity", SweepCommandTest.resource(sweepFile).toString(), "--out", target.toString(), "--progress", "none",
        "--bootstrap", "500"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    assertEquals(0, cl.execute(args), err.toString());
    assertTrue(o.toString().contains("Ranked by"), o.toString());
    return target;
  }

  private static Map<String, SensitivityTable.Entry> entries(Path folder) throws IOException {
    Map<String, SensitivityTable.Entry> m = new HashMap<>();
    for (SensitivityTable.Entry e : SensitivityTable.read(folder.resolve("sensitivity.csv"))) {
      m.put(e.outcome() + "|" + e.parameter() + "|" + e.index(), e);
    }
    return m;
  }
}

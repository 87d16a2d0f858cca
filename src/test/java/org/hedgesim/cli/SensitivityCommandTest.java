package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.analysis.ReportChecks;
import org.hedgesim.analysis.SensitivityTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code hedgesim sensitivity} on the model: the files and the ranked tables, the same indices
 * however the sweep was run (threads, shards merged), refusals of sweeps without a sensitivity
 * design, and the sweep report ({@code --report}, {@code hedgesim report DIR}).
 */
class SensitivityCommandTest {

  @TempDir
  Path dir;

  private Cli sensitivity(String sweep, String out, String... extra) {
    List<String> args = new ArrayList<>(List.of("sensitivity", SweepCommandTest.resource(sweep).toString(),
        "--out", dir.resolve(out).toString(), "--progress", "none"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void saltelli_writesIndicesAndRanksThemPerOutcome() throws IOException {
    Cli c = sensitivity("tiny-saltelli.yaml", "s");
    assertEquals(0, c.exit(), c.err());
    Path out = dir.resolve("s");
    for (String f : List.of("runs.csv", "design.csv", "summary.csv", "manifest.json", "sensitivity.csv")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertEquals("point,sample,matrix,nationalism,sovereignty_cost,fdi_growth",
        Files.readAllLines(out.resolve("design.csv")).get(0));
    assertEquals(32 * 5 * 2 + 1, Files.readAllLines(out.resolve("runs.csv")).size());
    List<SensitivityTable.Entry> e = SensitivityTable.read(out.resolve("sensitivity.csv"));
    // three outcomes with indices (exit_step has none: no exit in some runs), 3 parameters, S1 and ST
    assertEquals(3 * 3 * 2, e.size());
    assertTrue(c.out().contains("exit_step: no indices; 164 of 320 runs give no value"), c.out());
    assertTrue(c.out().contains("Ranked by ST"), c.out());
    // nationalism drives the final alignment; the growth of P's investment hardly matters in two years
    List<SensitivityTable.Ranked> alignment = SensitivityTable.ranked(
        e.stream().filter(x -> x.outcome().equals("alignment_S_P_final")).toList());
    assertEquals("nationalism", alignment.get(0).parameter());
    assertTrue(alignment.get(0).second().low() > 0.3, alignment.get(0).toString());
    SensitivityTable.Ranked growth = alignment.get(2);
    assertEquals("fdi_growth", growth.parameter());
    assertTrue(growth.second().value() < 0.1, growth.toString());
    // the console lists the outcome's parameters in rank order
    String table = c.out().substring(c.out().indexOf("alignment_S_P_final:"));
    assertTrue(table.indexOf("nationalism") < table.indexOf("sovereignty_cost"), table);
  }

  /** The shipped sensitivity sweeps run, and their rankings say what the model's equations imply. */
  @Test
  void shippedSensitivitySweeps_runAndRankWhatTheModelImplies() throws IOException {
    Cli m = Cli.run("sensitivity", SweepCommandTest.shippedSweep("exit-drivers-morris.yaml").toString(), "--out",
        dir.resolve("morris").toString(), "--progress", "none");
    assertEquals(0, m.exit(), m.err());
    List<SensitivityTable.Entry> e = SensitivityTable.read(dir.resolve("morris/sensitivity.csv"));
    // more nationalism and a higher sovereignty cost make an exit likelier, a higher threshold less likely
    assertTrue(mu(e, "left_clv_dta", "nationalism") > 0.2);
    assertTrue(mu(e, "left_clv_dta", "sovereignty_cost") > 0.2);
    assertTrue(mu(e, "left_clv_dta", "exit_threshold") < -0.2);
    // alignment does not enter framework reviews, so risk aversion cannot move the exit ...
    assertEquals(0, mu(e, "left_clv_dta", "risk_aversion"), 1e-12);
    // ... but it moves alignment itself (the hedging penalty), after trust in Vietnam (its threat)
    List<SensitivityTable.Ranked> vnm = SensitivityTable.ranked(e.stream()
        .filter(x -> x.outcome().equals("alignment_vnm_mean")).toList());
    assertEquals("trust_vietnam", vnm.get(0).parameter(), vnm.toString());
    assertEquals("risk_aversion", vnm.get(1).parameter(), vnm.toString());

    Cli s = Cli.run("sensitivity", SweepCommandTest.shippedSweep("alignment-drivers-sobol.yaml").toString(), "--out",
        dir.resolve("sobol").toString(), "--progress", "none");
    assertEquals(0, s.exit(), s.err());
    List<SensitivityTable.Entry> sobol = SensitivityTable.read(dir.resolve("sobol/sensitivity.csv"));
    // nationalism (the cost of leaning toward the partner one depends on most) drives alignment to
    // China; US coercion does not move it ...
    List<SensitivityTable.Ranked> chn = SensitivityTable.ranked(sobol.stream()
        .filter(x -> x.outcome().equals("alignment_chn_final")).toList());
    assertEquals("nationalism", chn.get(0).parameter(), chn.toString());
    assertTrue(chn.get(0).second().low() > 0.5, chn.toString());
    assertEquals("us_max_coercion", chn.get(2).parameter(), chn.toString());
    assertTrue(chn.get(2).second().value() < 0.02, chn.toString());
    // ... while China's investment drives alignment to the US (diversification: more dependence on
    // China raises the vulnerability of leaning to it and lowers the hedging pull), and US coercion
    // moves it too
    List<SensitivityTable.Ranked> usa = SensitivityTable.ranked(sobol.stream()
        .filter(x -> x.outcome().equals("alignment_usa_final")).toList());
    assertEquals("china_fdi_growth", usa.get(0).parameter(), usa.toString());
    assertTrue(usa.get(0).second().low() > 0.5, usa.toString());
    SensitivityTable.Ranked coercion = usa.stream().filter(x -> x.parameter().equals("us_max_coercion")).findFirst().orElseThrow();
    assertTrue(coercion.second().low() > 0.05, usa.toString());
  }

  private static double mu(List<SensitivityTable.Entry> e, String outcome, String parameter) {
    return e.stream().filter(x -> x.outcome().equals(outcome) && x.parameter().equals(parameter) && x.index().equals("mu"))
        .findFirst().orElseThrow().value();
  }

  @Test
  void sameIndices_whateverTheThreads_andFromShardsMerged() throws IOException {
    assertEquals(0, sensitivity("tiny-saltelli.yaml", "one", "--threads", "1").exit());
    assertEquals(0, sensitivity("tiny-saltelli.yaml", "two", "--threads", "2").exit());
    List<String> merge = new ArrayList<>(List.of("merge"));
    for (int k = 1; k <= 3; k++) {
      Cli s = Cli.run("sweep", SweepCommandTest.resource("tiny-saltelli.yaml").toString(), "--shard", k + "/3",
          "--out", dir.resolve("shard" + k).toString(), "--progress", "none");
      assertEquals(0, s.exit(), s.err());
      merge.add(dir.resolve("shard" + k).toString());
    }
    merge.addAll(List.of("--out", dir.resolve("merged").toString()));
    assertEquals(0, Cli.run(merge.toArray(String[]::new)).exit());
    Cli again = sensitivity("tiny-saltelli.yaml", "merged", "--resume");
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("already complete"), again.out());
    List<String> files = List.of("sensitivity.csv", "runs.csv", "summary.csv", "design.csv", "manifest.json");
    SweepCommandTest.assertSameFiles(dir.resolve("one"), dir.resolve("two"), files);
    SweepCommandTest.assertSameFiles(dir.resolve("one"), dir.resolve("merged"), files);
  }

  @Test
  void morris_withReport_ranksByMuStarAndReportsTheIndices() throws Exception {
    Cli c = sensitivity("tiny-morris.yaml", "m", "--report");
    assertEquals(0, c.exit(), c.err());
    Path out = dir.resolve("m");
    assertEquals("point,trajectory,moved,step,nationalism,sovereignty_cost,approach,trust_q",
        Files.readAllLines(out.resolve("design.csv")).get(0));
    assertTrue(c.out().contains("Ranked by mu*"), c.out());
    List<SensitivityTable.Entry> e = SensitivityTable.read(out.resolve("sensitivity.csv"));
    assertEquals(2 * 4 * 3, e.size()); // 2 outcomes x 4 parameters x (mu*, sigma, mu)
    Document d = ReportChecks.check(out.resolve("report/report.html"));
    String headline = ReportChecks.section(d, "headline");
    assertTrue(headline.contains("Sensitivity: Morris elementary effects"), headline);
    assertTrue(headline.contains("Outcomes across the design"), headline);
    // the indices are shown as the command wrote them, not recomputed with other settings
    assertTrue(headline.contains("as hedgesim sensitivity wrote them to sensitivity.csv"), headline);
    // a plain sweep of the same file has no sensitivity.csv: its report computes the indices and says how
    Cli sweep = Cli.run("sweep", SweepCommandTest.resource("tiny-morris.yaml").toString(), "--out",
        dir.resolve("plain").toString(), "--progress", "none", "--report");
    assertEquals(0, sweep.exit(), sweep.err());
    String plain = ReportChecks.section(ReportChecks.check(dir.resolve("plain/report/report.html")), "headline");
    assertTrue(plain.contains("95% percentile-bootstrap intervals of mu* from 1000 resamples of the trajectories"), plain);
    assertTrue(java.util.regex.Pattern.compile("point \\d+: nationalism = 1, sovereignty_cost = ").matcher(plain).find(), plain);
    String plots = ReportChecks.section(d, "plots");
    assertTrue(plots.contains("Sensitivity of alignment_S_P_final (morris)"), plots);
    assertTrue(Files.isRegularFile(out.resolve("report/plots/sensitivity-alignment_S_P_final-morris.svg")));
    String params = ReportChecks.section(d, "parameters");
    assertTrue(params.contains("frameworks[F].sovereignty_cost (sovereignty_cost)"), params);
    assertTrue(ReportChecks.section(d, "manifest").contains("tiny-morris.yaml"));
  }

  /** A Morris folder from before design.csv had its step column: a clear refusal, and a report without indices. */
  @Test
  void olderMorrisFolder_withoutSteps_refusedClearly_reportStillWritten() throws Exception {
    assertEquals(0, sensitivity("tiny-morris.yaml", "old").exit());
    Path design = dir.resolve("old/design.csv");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(design)) {
      String[] cells = line.split(",", -1);
      List<String> kept = new ArrayList<>(List.of(cells));
      kept.remove(3); // point,trajectory,moved,step,...
      lines.add(String.join(",", kept));
    }
    Files.write(design, lines);
    // an older hedgesim listed its own design.csv in its manifest
    Path manifest = dir.resolve("old/manifest.json");
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode m = json.readTree(manifest.toFile());
    for (com.fasterxml.jackson.databind.JsonNode o : m.path("outputs")) {
      if (o.path("file").asText().equals("design.csv")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) o).put("bytes", Files.size(design))
            .put("sha256", org.hedgesim.output.Hashes.sha256(design));
      }
    }
    json.writeValue(manifest.toFile(), m);
    Cli c = sensitivity("tiny-morris.yaml", "old", "--resume");
    assertEquals(2, c.exit(), c.out());
    assertTrue(c.err().contains("design.csv: no column 'step' (written by an older hedgesim)"), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    Cli r = Cli.run("report", dir.resolve("old").toString());
    assertEquals(0, r.exit(), r.err());
    Document d = ReportChecks.check(dir.resolve("old/report/report.html"));
    assertTrue(ReportChecks.section(d, "headline").contains("No sensitivity indices:"));
  }

  @Test
  void sweepReport_ofAnLhsSweep_hasBinnedMeansAndNoSensitivity() throws Exception {
    Cli c = Cli.run("sweep", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--out",
        dir.resolve("l").toString(), "--progress", "none", "--report");
    assertEquals(0, c.exit(), c.err());
    Document d = ReportChecks.check(dir.resolve("l/report/report.html"));
    assertFalse(ReportChecks.section(d, "headline").contains("Sensitivity:"));
    assertTrue(ReportChecks.section(d, "plots").contains("left_f against actors[S].nationalism"));
    assertTrue(ReportChecks.section(d, "timeline").contains("A sweep keeps no event records"));
    // the same report from 'hedgesim report DIR', into another folder
    Cli r = Cli.run("report", dir.resolve("l").toString(), "--out", dir.resolve("again").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(Files.readString(dir.resolve("l/report/report.html")), Files.readString(dir.resolve("again/report.html")));
  }

  @Test
  void report_ofOneShard_refusedWithAdvice() throws IOException {
    Cli s = Cli.run("sweep", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--shard", "1/2",
        "--out", dir.resolve("h").toString(), "--progress", "none");
    assertEquals(0, s.exit(), s.err());
    Cli r = Cli.run("report", dir.resolve("h").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("one shard of a sweep; join the shards with 'hedgesim merge'"), r.err());
    assertFalse(Files.exists(dir.resolve("h/report")));
    Cli withReport = Cli.run("sweep", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--shard", "1/2",
        "--out", dir.resolve("h2").toString(), "--report");
    assertEquals(2, withReport.exit());
    assertTrue(withReport.err().contains("--report needs the whole sweep"), withReport.err());
  }

  @Test
  void gridSweep_refusedAtItsDesignKind_nothingWritten() {
    Cli c = Cli.run("sensitivity", SweepCommandTest.resource("tiny-sweep.yaml").toString(), "--out",
        dir.resolve("g").toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("tiny-sweep.yaml:6:16: design.kind: sensitivity indices need design kind 'saltelli'"),
        c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    assertFalse(Files.exists(dir.resolve("g")));
  }

  @Test
  void help_isFormattedCleanly() {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    Cli c;
    try {
      System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
      c = Cli.run("sensitivity", "--help");
      // and every other command's help, which picocli formats the same way
      for (String other : List.of("run", "compare", "sweep", "merge", "report", "validate", "list", "gui",
          "generate", "bench")) {
        assertEquals(0, Cli.run(other, "--help").exit(), other);
      }
    } finally {
      System.setErr(saved);
    }
    assertEquals(0, c.exit());
    assertTrue(c.out().contains("95% bootstrap intervals"), c.out());
    assertFalse(c.out().contains("%%"), c.out());
    String w = warnings.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(w.contains("Could not format"), "picocli could not format the help: " + w);
  }

  @Test
  void badBootstrap_usageError() {
    Cli c = sensitivity("tiny-morris.yaml", "b", "--bootstrap", "-1");
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("--bootstrap must be between 0 and 1000000"), c.err());
    assertFalse(Files.exists(dir.resolve("b")));
  }
}

package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hedgesim.analysis.Report;
import org.hedgesim.analysis.ReportChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code calibrate --report} and {@code report CALIBRATION_DIR}: every section of a calibration's
 * report, with valid plots, for abc-smc and cmaes; and a folder that is not a calibration's refused.
 */
class CalibrationReportTest {

  @TempDir
  Path dir;

  private static List<Path> plots(Path report) throws Exception {
    try (Stream<Path> s = Files.list(report.resolve(Report.PLOTS))) {
      return s.sorted().toList();
    }
  }

  /** Every plot is an SVG file that parses and a PNG beside it; returns the SVGs' names. */
  private static List<String> checkPlots(Path report) throws Exception {
    List<Path> files = plots(report);
    List<Path> svgs = files.stream().filter(p -> p.toString().endsWith(".svg")).toList();
    assertEquals(svgs.size(), files.stream().filter(p -> p.toString().endsWith(".png")).count(), files.toString());
    for (Path svg : svgs) {
      assertEquals("svg", ReportChecks.parse(svg).getDocumentElement().getLocalName(), svg.toString());
    }
    return svgs.stream().map(p -> p.getFileName().toString()).toList();
  }

  @Test
  void abcSmcWithReport_hasEverySectionWithMarginalsPairsAndBands() throws Exception {
    Path f = CalibrateCommandTest.setUp(dir, CalibrateCommandTest.OBS, "");
    Path out = dir.resolve("out");
    Cli c = Cli.run("calibrate", f.toString(), "--out", out.toString(), "--progress", "none", "--report");
    assertEquals(0, c.exit(), c.err());
    Path html = out.resolve("report").resolve(Report.FILE);
    assertTrue(c.out().contains("Report: " + html), c.out());
    Document d = ReportChecks.check(html, Report.CALIBRATION_SECTIONS);
    assertEquals(2, ReportChecks.figures(d, "marginals"), "one marginal per free parameter");
    assertEquals(1, ReportChecks.figures(d, "pairs"), "one pair of two parameters");
    assertEquals(2, ReportChecks.figures(d, "fit"), "alignment S>P and trust S>P are observed");
    String marginals = ReportChecks.section(d, "marginals");
    assertTrue(marginals.contains("prior beta(2, 2)") && marginals.contains("prior uniform(0, 1)"), marginals);
    assertTrue(ReportChecks.section(d, "fit").contains("from 2027-01 on is the hold-out"));
    for (String s : Report.CALIBRATION_SECTIONS) {
      if (!s.equals("provenance")) {
        assertTrue(ReportChecks.section(d, s).contains("How to read th"), "section " + s + " says how to read it");
      }
    }
    // the tables are the files': scores (in-sample and hold-out), the identifiability verdicts, the generations
    assertEquals(Files.readAllLines(out.resolve("scores.csv")).size() - 1, ReportChecks.rows(d, "scores", "set"));
    assertEquals(2, ReportChecks.rows(d, "identifiability", "parameter"), "posterior-summary.csv, one row a parameter");
    assertEquals(Files.readAllLines(out.resolve("generations.csv")).size() - 1,
        ReportChecks.rows(d, "generations", "generation"));
    String sha = Files.readString(out.resolve("manifest.json")).replaceAll("(?s).*\"sha256\" : \"([0-9a-f]{64})\".*", "$1");
    assertTrue(ReportChecks.section(d, "provenance").contains("cal.yaml"), "the calibration file is named");
    assertTrue(ReportChecks.section(d, "provenance").contains(sha), "with the hashes of the manifest");
    // the hold-out band and the 90% interval are drawn
    List<String> svgs = checkPlots(out.resolve("report"));
    assertEquals(5, svgs.size(), svgs.toString());
    String fit = Files.readString(out.resolve("report/plots").resolve(svgs.stream()
        .filter(n -> n.startsWith("fit-alignment")).findFirst().orElseThrow()));
    assertTrue(fit.contains(">hold-out<"), "the hold-out is labelled on the plot");
    String marginal = Files.readString(out.resolve("report/plots").resolve(svgs.stream()
        .filter(n -> n.startsWith("marginal-")).findFirst().orElseThrow()));
    assertTrue(marginal.contains(">90% interval<") && marginal.contains(">median<"), "the interval is marked");
    // the report is one more file the folder may hold: the results stay intact
    assertEquals(0, Cli.run("verify", out.toString()).exit());
    Cli again = Cli.run("report", out.toString());
    assertEquals(2, again.exit(), "an existing report is never overwritten");
  }

  @Test
  void cmaesReport_showsProfilesInsteadOfMarginals() throws Exception {
    Path f = CalibrateCommandTest.setUp(dir, CalibrateCommandTest.OBS, "method: cmaes\nevaluations: 40\nprofile_points: 5\n");
    Path out = dir.resolve("out");
    Cli c = Cli.run("calibrate", f.toString(), "--out", out.toString(), "--progress", "none");
    assertEquals(0, c.exit(), c.err());
    assertFalse(Files.exists(out.resolve("report")), "no report unless asked");
    Cli r = Cli.run("report", out.toString());
    assertEquals(0, r.exit(), r.err());
    Document d = ReportChecks.check(out.resolve("report").resolve(Report.FILE), Report.CALIBRATION_SECTIONS);
    assertEquals(2, ReportChecks.figures(d, "marginals"), "one profile per free parameter");
    assertTrue(ReportChecks.section(d, "marginals").contains("2. Profiles of the free parameters"));
    assertEquals(0, ReportChecks.figures(d, "pairs"), "an optimum has no cloud of particles");
    assertTrue(ReportChecks.section(d, "pairs").contains("cmaes gives one optimum"));
    assertEquals(2, ReportChecks.figures(d, "fit"));
    List<String> svgs = checkPlots(out.resolve("report"));
    String profile = Files.readString(out.resolve("report/plots").resolve(svgs.stream()
        .filter(n -> n.startsWith("profile-")).findFirst().orElseThrow()));
    assertTrue(profile.contains(">90% threshold<") && profile.contains(">optimum<"), "threshold and optimum drawn");
  }

  @Test
  void aFolderThatIsNotACalibrationsIsRefused() throws Exception {
    Path fake = dir.resolve("fake");
    Files.createDirectories(fake);
    Files.writeString(fake.resolve("manifest.json"), "{\"hedgesim\": {\"command\": \"calibrate\"}, \"outputs\": []}");
    Cli c = Cli.run("report", fake.toString());
    assertEquals(2, c.exit(), c.err());
    assertTrue(c.err().contains("without its 'calibration' and 'method' sections; not a calibration folder"), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    assertFalse(Files.exists(fake.resolve("report")), "nothing is written");

    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    Cli e = Cli.run("report", empty.toString());
    assertEquals(2, e.exit(), e.err());
    assertFalse(e.err().contains("Exception"), e.err());
    assertFalse(Files.exists(empty.resolve("report")), "nothing is written");
  }
}

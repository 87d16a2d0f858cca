package org.hedgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hedgesim.Fixtures;
import org.hedgesim.analysis.ReportChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code hedgesim report} and {@code run --report}: a complete, self-contained report, or a clear error. */
class ReportCommandTest {

  @TempDir
  Path dir;

  @TempDir
  static Path shared;

  /** One run with --report, shared by the tests that only read it. */
  private static Path reported;

  private static synchronized Path reported() {
    if (reported == null) {
      Path out = shared.resolve("reported");
      Cli c = Cli.run("run", Fixtures.scenarioFile("clv-dta-exit.yaml").toString(), "--out", out.toString(), "-r", "3",
          "--report");
      assertEquals(0, c.exit(), c.err());
      assertTrue(c.out().contains("Report: " + out.resolve("report").resolve("report.html")), c.out());
      reported = out;
    }
    return reported;
  }

  private Path run(String name, String... extra) {
    Path out = dir.resolve(name);
    String[] args = Stream.concat(Stream.of("run", Fixtures.scenarioFile("clv-dta-exit.yaml").toString(), "--out",
        out.toString(), "-r", "3"), Stream.of(extra)).toArray(String[]::new);
    Cli c = Cli.run(args);
    assertEquals(0, c.exit(), c.err());
    return out;
  }

  @Test
  void runWithReport_reportIsWellFormedCompleteAndSelfContained() throws Exception {
    Path out = reported();
    Document d = ReportChecks.check(out.resolve("report/report.html"));
    // the headline has the small states' outcomes, the timeline the scripted exit
    assertTrue(ReportChecks.section(d, "headline").contains("hedging index"));
    assertTrue(ReportChecks.section(d, "headline").contains("left CLV-DTA"));
    assertTrue(ReportChecks.section(d, "timeline").contains("2024-09"));
    // every value of the manifest is in the parameter table, with its source
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertEquals(manifest.path("parameters").size(), ReportChecks.rows(d, "parameters", "value path"));
    String params = ReportChecks.section(d, "parameters");
    assertTrue(params.contains("000_0163d4d205f69416.txt"), "sources are shown");
    String m = ReportChecks.section(d, "manifest");
    assertTrue(m.contains(manifest.path("scenario").path("files").get(0).path("sha256").asText()), "scenario hash");
    assertTrue(m.contains(manifest.path("run").path("replication_seeds").get(0).asText()), "seeds");
    assertTrue(m.contains(manifest.path("hedgesim").path("version").asText()));
  }

  @Test
  void runWithReport_plotsAreWrittenAsSvgAndPng() throws Exception {
    Path plots = reported().resolve("report/plots");
    List<Path> files;
    try (Stream<Path> s = Files.list(plots)) {
      files = s.sorted().toList();
    }
    List<Path> pngs = files.stream().filter(p -> p.toString().endsWith(".png")).toList();
    List<Path> svgs = files.stream().filter(p -> p.toString().endsWith(".svg")).toList();
    assertEquals(pngs.size(), svgs.size());
    assertTrue(pngs.size() >= 8, "four plots per small state: " + files);
    BufferedImage img = ImageIO.read(pngs.get(0).toFile());
    assertEquals(2 * 760, img.getWidth(), "PNG at twice the nominal size");
    for (Path svg : svgs) ReportChecks.parse(svg);
    String alignment = Files.readString(plots.resolve("KHM-alignment.svg"));
    assertTrue(alignment.contains("stroke-dasharray"), "lines differ by dash pattern");
    assertTrue(alignment.contains("alignment (-1 balancing"), "the value axis says what and in which unit");
    assertTrue(alignment.contains("2030"), "the time axis has dates");
  }

  @Test
  void report_ofAnExistingRunFolder_writesReportSubfolder() throws Exception {
    Path out = run("plain");
    Cli c = Cli.run("report", out.toString());
    assertEquals(0, c.exit(), c.err());
    ReportChecks.check(out.resolve("report/report.html"));
    Cli again = Cli.run("report", out.toString());
    assertEquals(2, again.exit(), "an existing report is never overwritten");
    assertTrue(again.err().contains("never overwritten") && again.err().contains("--out"), again.err());
    Path elsewhere = dir.resolve("elsewhere");
    assertEquals(0, Cli.run("report", out.toString(), "--out", elsewhere.toString()).exit());
    assertTrue(Files.isRegularFile(elsewhere.resolve("report.html")));
  }

  @Test
  void report_notAResultsFolder_exit2WithoutStackTrace() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Cli c = Cli.run("report", empty.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("no manifest.json"), c.err());
    assertFalse(c.err().contains("Exception"), c.err());
    assertFalse(Files.exists(empty.resolve("report")));
    Cli missing = Cli.run("report", dir.resolve("nope").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such folder"), missing.err());
  }

  @Test
  void report_runFolderMissingAFile_exit2NamingItAndNothingWritten() throws IOException {
    Path out = run("broken");
    Files.delete(out.resolve("summary.csv"));
    Cli c = Cli.run("report", out.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().contains("summary.csv"), c.err());
    assertFalse(Files.exists(out.resolve("report")));
    try (Stream<Path> s = Files.list(out)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging folder left");
    }
  }
}

package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.Fixtures;
import org.hedgesim.cli.Hedgesim;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The sweep report's pictures follow the design: a grid of a range (4 values) and a list of
 * approaches (3 words) gets one heat map per outcome with 4 x 3 cells whose written means are
 * summary.csv's, interaction plots with one line per level of the second factor and the approaches
 * by name on a category axis; a Latin hypercube gets binned conditional means and no heat map.
 */
class SweepPicturesTest {
  @TempDir
  static Path dir;

  static Path grid;
  static Path lhs;
  static final List<String> OUTCOMES = List.of("left_f", "h_mean", "legit_min");

  @BeforeAll
  static void sweeps() throws Exception {
    Path tiny = Fixtures.repo().resolve("src/test/resources/org/hedgesim/experiment/tiny.yaml");
    String body = "scenario: " + tiny + "\nseed: 5\nreplications: 3\n%s\nparameters:\n"
        + "  - {name: nationalism, path: \"actors[S].nationalism\", min: 0.2, max: 1.0}\n"
        + "  - {name: approach, path: \"actors[P].approach\", levels: [negative, mixed, positive]}\noutcomes:\n"
        + "  - {name: left_f, metric: exit, actor: S, target: F, reduce: occurred}\n"
        + "  - {name: h_mean, metric: hedging_index, actor: S, reduce: mean}\n"
        + "  - {name: legit_min, metric: legitimacy, actor: S, reduce: min}\n";
    Path g = dir.resolve("grid.yaml");
    Files.writeString(g, "sweep: pictures-grid\n" + body.formatted("design: {kind: grid, points: 4}"));
    Path l = dir.resolve("lhs.yaml");
    Files.writeString(l, "sweep: pictures-lhs\n" + body.formatted("design: {kind: lhs, samples: 30}"));
    grid = sweep(g, "g");
    lhs = sweep(l, "l");
  }

  private static Path sweep(Path file, String name) {
    Path out = dir.resolve(name);
    CommandLine cl = Hedgesim.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("sweep", file.toString(), "--out", out.toString(), "--progress", "none", "--threads", "2");
    assertEquals(0, code, err.toString());
    return out;
  }

  private static List<ReportContent.Figure> figures(Path folder) throws Exception {
    JsonNode m = ResultFiles.manifest(folder);
    return SweepReport.read(folder, m).figures();
  }

  private static List<ReportContent.Figure> starting(List<ReportContent.Figure> fs, String prefix) {
    return fs.stream().filter(f -> f.id().startsWith(prefix)).toList();
  }

  @Test
  void grid_hasOneHeatMapPerOutcome_cellsAndWrittenMeansAreSummaryMeans() throws Exception {
    List<ReportContent.Figure> heat = starting(figures(grid), "heatmap-");
    assertEquals(OUTCOMES.size(), heat.size(), "one heat map per outcome");
    // summary.csv: point -> (nationalism, approach); mean per point and outcome
    Map<String, String> means = new HashMap<>();
    for (Map<String, String> r : ResultFiles.rows(grid.resolve("summary.csv"))) {
      means.put(r.get("outcome") + "|" + r.get("nationalism") + "|" + r.get("approach"), r.get("mean"));
    }
    for (int o = 0; o < OUTCOMES.size(); o++) {
      JFreeChart c = heat.get(o).chart();
      XYPlot plot = c.getXYPlot();
      assertTrue(plot.getRenderer() instanceof XYBlockRenderer);
      XYDataset data = plot.getDataset();
      String[] x = ((SymbolAxis) plot.getDomainAxis()).getSymbols();
      String[] y = ((SymbolAxis) plot.getRangeAxis()).getSymbols();
      assertEquals(List.of("0.2", "0.4666666667", "0.7333333333", "1"), List.of(x));
      assertEquals(List.of("negative", "mixed", "positive"), List.of(y), "the words, in the sweep file's order");
      int written = 0;
      int cells = 0;
      for (int i = 0; i < data.getItemCount(0); i++) {
        String cell = x[(int) data.getXValue(0, i)] + "|" + y[(int) data.getYValue(0, i)];
        double expected = Double.parseDouble(means.get(OUTCOMES.get(o) + "|" + cell));
        assertEquals(expected, ((org.jfree.data.xy.XYZDataset) data).getZValue(0, i), 1e-9, cell);
        cells++;
      }
      assertEquals(4 * 3, cells, OUTCOMES.get(o) + ": levels1 x levels2 cells");
      for (Object a : plot.getAnnotations()) {
        XYTextAnnotation t = (XYTextAnnotation) a;
        if (t.getText().startsWith("\u00b1") || t.getText().startsWith("n =")) continue;
        String cell = x[(int) Math.round(t.getX())] + "|" + y[(int) Math.round(t.getY())];
        double expected = Double.parseDouble(means.get(OUTCOMES.get(o) + "|" + cell));
        assertEquals(HeatMap.mean(expected), t.getText(), OUTCOMES.get(o) + " at " + cell);
        written++;
      }
      assertEquals(4 * 3, written, "every cell has its mean written in it");
    }
  }

  @Test
  void grid_interactionPlots_oneLinePerLevelOfTheSecondFactor_categoriesByName() throws Exception {
    List<ReportContent.Figure> inter = starting(figures(grid), "interaction-");
    assertEquals(OUTCOMES.size() * 2, inter.size(), "each factor against its levels, per outcome");
    ReportContent.Figure byApproach = inter.stream()
        .filter(f -> f.id().equals("interaction-h_mean-nationalism-by-approach")).findFirst().orElseThrow();
    CategoryPlot p = byApproach.chart().getCategoryPlot();
    assertEquals(3, p.getDataset().getRowCount(), "one line per approach");
    assertEquals(4, p.getDataset().getColumnCount(), "one point per nationalism level");
    ReportContent.Figure byNationalism = inter.stream()
        .filter(f -> f.id().equals("interaction-h_mean-approach-by-nationalism")).findFirst().orElseThrow();
    CategoryPlot q = byNationalism.chart().getCategoryPlot();
    assertEquals(4, q.getDataset().getRowCount(), "one line per nationalism level");
    assertEquals(List.of("negative", "mixed", "positive"), q.getDataset().getColumnKeys());
    // the whisker of a point of a line is the 95% CI half-width of that cell's runs
    Map<String, List<Double>> runs = new HashMap<>();
    for (Map<String, String> r : ResultFiles.rows(grid.resolve("runs.csv"))) {
      runs.computeIfAbsent(r.get("nationalism") + "|" + r.get("approach"), k -> new ArrayList<>())
          .add(Double.parseDouble(r.get("h_mean")));
    }
    Estimate e = Estimate.of(runs.get("1|mixed").stream().mapToDouble(Double::doubleValue).toArray());
    var data = (org.jfree.data.statistics.StatisticalCategoryDataset) q.getDataset();
    assertEquals(e.mean(), data.getMeanValue("nationalism = 1", "mixed").doubleValue(), 1e-12);
    assertEquals((e.ciHigh() - e.ciLow()) / 2, data.getStdDevValue("nationalism = 1", "mixed").doubleValue(), 1e-12);
  }

  @Test
  void grid_report_writesTheLevelNamesAsText_andTitlesEverySvg() throws Exception {
    Path out = dir.resolve("grid-report");
    Report.write(grid, out);
    String svg = Files.readString(out.resolve("plots/interaction-h_mean-approach-by-nationalism.svg"));
    for (String level : List.of(">negative<", ">mixed<", ">positive<")) assertTrue(svg.contains(level), level);
    assertTrue(svg.contains("<title id="), "an SVG title");
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("A grid: every combination"), "the report says which pictures it chose");
    assertFalse(html.contains("Scenario discovery"), "no discover run, no boxes");
  }

  @Test
  void lhs_getsBinnedConditionalMeans_andNoHeatMap() throws Exception {
    List<ReportContent.Figure> fs = figures(lhs);
    assertTrue(starting(fs, "heatmap-").isEmpty(), "no heat map for a Latin hypercube");
    assertTrue(starting(fs, "interaction-").isEmpty());
    List<ReportContent.Figure> cond = starting(fs, "conditional-");
    assertEquals(OUTCOMES.size() * 2, cond.size());
    XYPlot p = cond.stream().filter(f -> f.id().equals("conditional-h_mean-nationalism")).findFirst().orElseThrow()
        .chart().getXYPlot();
    assertTrue(p.getRenderer() instanceof XYErrorRenderer);
    int bins = ConditionalMeans.bins(30, 30);
    assertEquals(5, bins, "sqrt(30) rounds to 5");
    assertEquals(30, p.getDataset().getItemCount(0), "every design point with its interval");
    assertEquals(bins, p.getDataset().getItemCount(1), "the quantile bins");
    // bins hold 6 points each; the first bin's mean is that of the runs of the 6 lowest-nationalism points
    List<Map<String, String>> runs = ResultFiles.rows(lhs.resolve("runs.csv"));
    List<Double> levels = runs.stream().map(r -> Double.parseDouble(r.get("nationalism"))).distinct().sorted().toList();
    double cut = levels.get(5);
    double[] low = runs.stream().filter(r -> Double.parseDouble(r.get("nationalism")) <= cut)
        .mapToDouble(r -> Double.parseDouble(r.get("h_mean"))).toArray();
    assertEquals(6 * 3, low.length);
    assertEquals(Estimate.of(low).mean(), p.getDataset().getYValue(1, 0), 1e-12);
    // the listed approach is drawn by level name on a category axis
    CategoryPlot a = cond.stream().filter(f -> f.id().equals("conditional-h_mean-approach")).findFirst().orElseThrow()
        .chart().getCategoryPlot();
    assertEquals(List.of("negative", "mixed", "positive"), a.getDataset().getColumnKeys());
  }
}

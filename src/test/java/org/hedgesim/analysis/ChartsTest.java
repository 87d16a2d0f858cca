package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.commons.math3.random.Well19937c;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts: greyscale-readable line styles, labelled axes, deterministic SVG, sensitivity bars from a CSV. */
class ChartsTest {

  @TempDir
  Path dir;

  private static Bands.Band band(String target, double level) {
    List<String> dates = new ArrayList<>();
    for (int m = 1; m <= 12; m++) dates.add(String.format("2030-%02d", m));
    Bands b = new Bands(dates);
    SeriesId id = new SeriesId("alignment", "S", target);
    for (int r = 0; r < 5; r++) {
      for (int t = 0; t < 12; t++) b.add(id, t, level + 0.01 * t + 0.02 * r);
    }
    return b.band(id);
  }

  @Test
  void bands_welford_matchesTheTwoPassMeanAndSdAndTInterval() {
    Bands.Band b = band("P", 0.1);
    // values at step 0: 0.10, 0.12, 0.14, 0.16, 0.18 -> mean 0.14, sd sqrt(0.001) = 0.0316
    assertEquals(0.14, b.mean()[0], 1e-12);
    assertEquals(Math.sqrt(0.001), b.sd()[0], 1e-12);
    double half = 2.7764451051977987 * Math.sqrt(0.001) / Math.sqrt(5); // t(0.975, 4)
    assertEquals(0.14 - half, b.low()[0], 1e-9);
    assertEquals(0.14 + half, b.high()[0], 1e-9);
    assertEquals(5, b.n()[11]);
  }

  @Test
  void timeSeries_eachLineHasItsOwnDashPatternAndColour_andAxesSayWhatAndWhen() {
    List<Charts.Line> lines = new ArrayList<>();
    for (int i = 0; i < 6; i++) lines.add(new Charts.Line("P" + i, band("P" + i, 0.1 * i)));
    JFreeChart c = Charts.timeSeries("t", "s", SeriesLabels.axis("alignment"), lines, Map.of("2030-06", List.of(1)));
    XYPlot plot = c.getXYPlot();
    Set<Object> strokes = new HashSet<>();
    Set<Object> paints = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      strokes.add(plot.getRenderer().getSeriesStroke(i));
      paints.add(plot.getRenderer().getSeriesPaint(i));
    }
    assertEquals(6, strokes.size(), "six dash patterns");
    assertEquals(6, paints.size(), "six colours");
    assertTrue(plot.getRangeAxis().getLabel().contains("-1 balancing"), plot.getRangeAxis().getLabel());
    assertTrue(plot.getDomainAxis().getLabel().startsWith("date"), plot.getDomainAxis().getLabel());
    assertEquals(1, plot.getDomainMarkers(org.jfree.ui.Layer.FOREGROUND).size());
  }

  /**
   * Milestones in consecutive months, each label a pair of numbers: drawn at the report's size,
   * every label is in the SVG and no two overlap (boxes from the label font's metrics).
   */
  @Test
  void timeSeries_milestoneLabelsOfCloseDates_allShown_noneOverlap() {
    Map<String, List<Integer>> markers = new java.util.TreeMap<>();
    for (int m = 1; m <= 8; m++) markers.put(String.format("2030-%02d", m + 2), List.of(2 * m - 1, 2 * m));
    markers.put("2030-04", List.of(3, 4, 17)); // three at one date
    List<String> dates = new ArrayList<>();
    for (int m = 0; m < 132; m++) dates.add(java.time.YearMonth.of(2024, 1).plusMonths(m).toString()); // 11 years
    Bands bands = new Bands(dates);
    SeriesId id = new SeriesId("alignment", "S", "P");
    for (int r = 0; r < 3; r++) for (int m = 0; m < 132; m++) bands.add(id, m, 0.01 * m + 0.02 * r);
    List<Charts.Line> lines = List.of(new Charts.Line("P", bands.band(id)));
    String svg = ChartFiles.svg(Charts.timeSeries("t", "s", "y", lines, markers), Report.WIDTH, Report.HEIGHT, "figM");
    java.util.regex.Matcher t = java.util.regex.Pattern.compile(
        "<text x='([0-9.]+)' y='([0-9.]+)' style='[^']*font-weight: bold;[^']*'[^>]*>([0-9,]+)</text>").matcher(svg);
    java.awt.FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
        .getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 10));
    List<java.awt.geom.Rectangle2D> boxes = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    while (t.find()) {
      double x = Double.parseDouble(t.group(1));
      double y = Double.parseDouble(t.group(2));
      shown.add(t.group(3));
      boxes.add(new java.awt.geom.Rectangle2D.Double(x, y - fm.getAscent(), fm.stringWidth(t.group(3)), fm.getAscent()));
    }
    Set<String> expected = new HashSet<>();
    for (List<Integer> n : markers.values()) expected.add(n.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).get());
    assertEquals(expected, shown, "every milestone's label is drawn");
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertTrue(!boxes.get(i).intersects(boxes.get(j)), "labels overlap: " + boxes.get(i) + " and " + boxes.get(j));
      }
    }
  }

  @Test
  void svg_sameChartTwice_identical_andIdsCarryThePrefix() {
    List<Charts.Line> lines = List.of(new Charts.Line("P", band("P", 0.1)));
    String a = ChartFiles.svg(Charts.timeSeries("t", "s", "y", lines, Map.of()), 400, 300, "figX");
    String b = ChartFiles.svg(Charts.timeSeries("t", "s", "y", lines, Map.of()), 400, 300, "figX");
    assertEquals(a, b, "nothing in the SVG depends on the clock");
    assertTrue(a.startsWith("<svg") && a.contains("id='figX'"), a.substring(0, 200));
    assertTrue(a.contains("url(#figX-"), "clip paths are named after the figure, unique in a page");
    assertNotEquals(a, ChartFiles.svg(Charts.timeSeries("t", "s", "y", lines, Map.of()), 400, 300, "figY"));
  }

  /** Ishigami indices -> CSV of indices -> bar chart, as a sensitivity command will do. */
  @Test
  void svg_namesItsChartForScreenReaders_withItsTitleAsTheFirstChild() throws Exception {
    List<Charts.Line> lines = List.of(new Charts.Line("P", band("P", 0.1)));
    String svg = ChartFiles.svg(Charts.timeSeries("Alignment <S, P> & more", "s", "y", lines, Map.of()), 400, 300, "fig1");
    int open = svg.indexOf('>');
    assertTrue(svg.substring(0, open).contains("role=\"img\" aria-labelledby=\"fig1-title\""), svg.substring(0, 300));
    assertTrue(svg.substring(open + 1).startsWith("<title id=\"fig1-title\">Alignment &lt;S, P&gt; &amp; more</title>"),
        svg.substring(0, 300));
    // still well-formed XML
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void sensitivityBars_fromACsvOfIndices_drawOneChartPerOutcomeAndMethod() throws Exception {
    int n = 512;
    double[][][] d = DesignMatrices.saltelli(3, n);
    double[] yA = new double[n];
    double[] yB = new double[n];
    double[][] yAB = new double[3][n];
    for (int j = 0; j < n; j++) {
      yA[j] = Ishigami.ofUnit(d[0][j]);
      yB[j] = Ishigami.ofUnit(d[1][j]);
      for (int i = 0; i < 3; i++) yAB[i][j] = Ishigami.ofUnit(d[2 + i][j]);
    }
    SobolIndices.Result sobol = SobolIndices.estimate(yA, yB, yAB, 100, new Well19937c(1));
    double[][][] traj = DesignMatrices.morris(3, 10, 4, 2);
    double[][] y = new double[10][4];
    for (int t = 0; t < 10; t++) {
      for (int j = 0; j < 4; j++) y[t][j] = Ishigami.ofUnit(traj[t][j]);
    }
    List<MorrisEffects.Effect> morris = MorrisEffects.estimate(traj, y, 100, new Well19937c(3));
    List<String> params = List.of("x1", "x2", "x3");
    List<SensitivityTable.Entry> entries = new ArrayList<>(SensitivityTable.sobol("ishigami", params, sobol));
    entries.addAll(SensitivityTable.morris("ishigami", params, morris));
    Path csv = dir.resolve("indices.csv");
    SensitivityTable.write(csv, entries);
    List<SensitivityTable.Entry> read = SensitivityTable.read(csv);
    assertEquals(entries.size(), read.size());
    assertEquals(String.join(",", SensitivityTable.HEADER), java.nio.file.Files.readAllLines(csv).get(0));

    Map<String, JFreeChart> charts = SensitivityTable.charts(read);
    assertEquals(List.of("ishigami (sobol)", "ishigami (morris)"), List.copyOf(charts.keySet()));
    JFreeChart c = charts.get("ishigami (sobol)");
    Path png = dir.resolve("sobol.png");
    ChartFiles.writePng(c, 600, 300, png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(nonWhite(img) > 0.03, "bars are drawn");
    String svg = ChartFiles.svg(c, 600, 300, "s");
    for (String p : params) assertTrue(svg.contains(">" + p + "<"), "parameter " + p + " labelled");
    assertTrue(svg.contains("ST (total)") && svg.contains("S1 (first order)"), "legend names the indices");
  }

  /** The share of pixels that are not (nearly) white. */
  static double nonWhite(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r < 240 || g < 240 || b < 240) n++;
      }
    }
    return n / (double) ((long) img.getWidth() * img.getHeight());
  }
}

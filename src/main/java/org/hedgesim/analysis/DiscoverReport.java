package org.hedgesim.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The page of {@code hedgesim discover --report}: the boxes in words and as a table, the peeling
 * trajectory (coverage against density, each box coloured by how many dimensions it restricts, the
 * chosen one marked) and the box limits (each restricted dimension's kept range within its whole
 * range, on a common 0 to 1 scale), as inline SVG, also written to plots/ as SVG and PNG.
 */
public final class DiscoverReport {

  private DiscoverReport() {}

  /** Writes report.html and plots/ into {@code dir}. */
  public static Path write(Path dir, Discovery.Result r, Map<String, Object> source) throws IOException {
    Path plots = dir.resolve(Report.PLOTS);
    Files.createDirectories(plots);
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n");
    h.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en").nl();
    h.open("head").nl();
    h.empty("meta", "charset", "utf-8").nl();
    String title = "hedgesim discover: " + r.where().text() + " in sweep " + source.get("name");
    h.el("title", title).nl();
    h.open("style").raw(Report.STYLE).close("style");
    h.close("head").open("body").nl();
    h.el("h1", title).nl();
    for (String s : Discovery.sentences(r)) h.el("p", s + ".", "class", "lead").nl();
    h.el("p", "PRIM (Friedman and Fisher 1999) on " + Discovery.count(r.cases()) + " " + r.unit() + " of "
        + source.get("table") + ", " + Discovery.count(r.ofInterest()) + " of interest; alpha "
        + RunReport.fmt(r.settings().alpha()) + ", min mass " + RunReport.fmt(r.settings().minMass())
        + ". Coverage: the share of the cases of interest in the box; density: the share of the box's cases that are of"
        + " interest; mass: the share of all cases in the box. A quasi-p-value is the chance of the box's density or more"
        + " if its cases were drawn from the box without that one restriction (one-sided binomial test): a large one says"
        + " the restriction adds little.", "class", "note");
    h.open("table", "class", "data").open("thead").open("tr");
    for (String c : List.of("box", "restriction", "quasi-p", "coverage", "density", "mass")) h.el("th", c);
    h.close("tr").close("thead").open("tbody").nl();
    for (Discovery.Found f : r.boxes()) {
      for (int d : f.box().restricted()) {
        h.open("tr").el("td", String.valueOf(f.number()), "class", "num");
        h.el("td", Discovery.limitText(r.dimensions().get(d), f.box().limits().get(d), false));
        h.el("td", org.hedgesim.output.Numbers.probability(f.quasiP()[d]), "class", "num");
        h.el("td", RunReport.fmt(f.box().coverage()), "class", "num");
        h.el("td", RunReport.fmt(f.box().density()), "class", "num");
        h.el("td", RunReport.fmt(f.box().mass()), "class", "num").close("tr").nl();
      }
    }
    h.close("tbody").close("table");
    int fig = 0;
    for (Discovery.Found f : r.boxes()) {
      fig = figure(h, plots, ++fig, "trajectory-box" + f.number(), trajectory(f),
          "Peeling trajectory of box " + f.number() + ": each point a box met while peeling, from the whole (coverage 1)"
              + " to the smallest; its colour is the number of dimensions it restricts; the ringed point is the box"
              + " chosen (step " + f.step() + "), before pasting.");
      if (!f.box().restricted().isEmpty()) {
        fig = figure(h, plots, ++fig, "limits-box" + f.number(), limits(r, f),
            "Limits of box " + f.number() + ": for each restricted dimension, the part of its range the box keeps"
                + " (thick), within its whole range in the data (thin), scaled to 0 to 1; a categorical dimension's"
                + " kept levels are dots.");
      }
    }
    h.el("h2", "Parameters scored alone");
    h.el("p", "The Gini impurity reduction of the best single split on each parameter, as a share of that of all cases"
        + " (CART, Breiman et al. 1984): a marginal view, which misses parameters that act only together.", "class", "note");
    h.open("table", "class", "data").open("thead").open("tr");
    for (String c : List.of("rank", "parameter", "score", "best split", "share of interest there", "elsewhere")) h.el("th", c);
    h.close("tr").close("thead").open("tbody").nl();
    for (FeatureScores.Score s : r.features()) {
      h.open("tr").el("td", String.valueOf(s.rank()), "class", "num").el("td", s.parameter());
      h.el("td", RunReport.fmt(s.score()), "class", "num").el("td", s.split());
      h.el("td", RunReport.fmt(s.densityInside()), "class", "num");
      h.el("td", RunReport.fmt(s.densityOutside()), "class", "num").close("tr").nl();
    }
    h.close("tbody").close("table");
    h.el("p", "Written by hedgesim from the files of the sweep folder (manifest.json sha256 " + source.get("manifest_sha256")
        + "); boxes.csv, trajectory.csv and features.csv beside this folder hold every number.", "class", "note");
    h.close("body").close("html");
    Path html = dir.resolve(Report.FILE);
    Files.writeString(html, h.toString(), StandardCharsets.UTF_8);
    return html;
  }

  private static int figure(Html h, Path plots, int n, String id, JFreeChart chart, String caption) throws IOException {
    String svg = ChartFiles.svg(chart, Report.WIDTH, Report.HEIGHT, "fig" + n);
    ChartFiles.writeSvg(svg, plots.resolve(id + ".svg"));
    ChartFiles.writePng(chart, Report.WIDTH, Report.HEIGHT, plots.resolve(id + ".png"));
    h.open("figure", "id", "figure-" + n).nl().raw(svg).nl();
    h.open("figcaption").el("strong", "Figure " + n + ". ").text(caption + " Files: plots/" + id + ".svg, plots/" + id + ".png.").close("figcaption");
    h.close("figure");
    return n;
  }

  static JFreeChart trajectory(Discovery.Found f) {
    int most = 0;
    for (PrimBox b : f.trajectory()) most = Math.max(most, b.restricted().size());
    XYSeriesCollection data = new XYSeriesCollection();
    for (int k = 0; k <= most; k++) {
      XYSeries s = new XYSeries(k + " restricted", false, true);
      for (PrimBox b : f.trajectory()) if (b.restricted().size() == k) s.add(b.coverage(), b.density());
      data.addSeries(s);
    }
    XYSeries chosen = new XYSeries("chosen", false, true);
    PrimBox c = f.trajectory().get(f.step());
    chosen.add(c.coverage(), c.density());
    data.addSeries(chosen);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    for (int k = 0; k <= most; k++) {
      r.setSeriesShape(k, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
      r.setSeriesPaint(k, Charts.colour(k));
    }
    r.setSeriesShape(most + 1, new Ellipse2D.Double(-8, -8, 16, 16));
    r.setSeriesShapesFilled(most + 1, false);
    r.setSeriesPaint(most + 1, Color.BLACK);
    r.setSeriesStroke(most + 1, new BasicStroke(2f));
    NumberAxis x = new NumberAxis("coverage");
    NumberAxis y = new NumberAxis("density");
    x.setRange(0, 1.02);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    JFreeChart chart = new JFreeChart("Peeling trajectory, box " + f.number(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  static JFreeChart limits(Discovery.Result res, Discovery.Found f) {
    List<Integer> dims = f.box().restricted();
    List<String> names = new ArrayList<>();
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    PrimBox whole = f.trajectory().get(0);
    int series = 0;
    for (int row = 0; row < dims.size(); row++) {
      int d = dims.get(row);
      names.add(res.dimensions().get(d).name());
      XYSeries full = new XYSeries("whole range " + row, false, true);
      full.add(0, row);
      full.add(1, row);
      data.addSeries(full);
      r.setSeriesPaint(series, Color.GRAY);
      r.setSeriesStroke(series, new BasicStroke(1f));
      r.setSeriesVisibleInLegend(series++, false);
      XYSeries kept = new XYSeries("kept " + row, false, true);
      PrimBox.Limit l = f.box().limits().get(d);
      if (l instanceof PrimBox.Range rg) {
        PrimBox.Range all = (PrimBox.Range) whole.limits().get(d);
        double span = all.upper() - all.lower();
        kept.add(span == 0 ? 0 : (rg.lower() - all.lower()) / span, row);
        kept.add(span == 0 ? 1 : (rg.upper() - all.lower()) / span, row);
        r.setSeriesStroke(series, new BasicStroke(8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      } else {
        int levels = ((Dimension.Categorical) res.dimensions().get(d)).levels().size();
        for (int k : ((PrimBox.Levels) l).kept()) kept.add((k + 0.5) / levels, row);
        r.setSeriesLinesVisible(series, false);
        r.setSeriesShapesVisible(series, true);
        r.setSeriesShape(series, new Rectangle2D.Double(-5, -5, 10, 10));
      }
      data.addSeries(kept);
      r.setSeriesPaint(series, Charts.colour(2));
      r.setSeriesVisibleInLegend(series++, false);
    }
    NumberAxis x = new NumberAxis("share of the dimension's range in the data (0 = lowest value, 1 = highest)");
    x.setRange(-0.02, 1.02);
    SymbolAxis y = new SymbolAxis("", names.toArray(String[]::new));
    y.setRange(-0.6, dims.size() - 0.4);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart = new JFreeChart("Box " + f.number() + " limits", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}

package org.hedgesim.analysis;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart as SVG (JFreeSVG: vector, text kept as text) and as PNG (JFreeChart's encoder, at twice
 * the nominal size for print). Needs no display: run with {@code java.awt.headless=true}.
 */
public final class ChartFiles {
  private ChartFiles() {}

  /**
   * The chart as an {@code <svg>} element with the given id, a viewBox and the nominal size; the
   * ids of its clip paths and gradients start with the same id, so several charts can share one
   * page, and nothing in it depends on the clock.
   */
  public static String svg(JFreeChart chart, int width, int height, String id) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, width, height));
    return titled(g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null), id,
        chart.getTitle() == null || chart.getTitle().getText().isBlank() ? id : chart.getTitle().getText());
  }

  /**
   * The {@code <svg>} element with a {@code <title>} as its first child and {@code role="img"}
   * with {@code aria-labelledby} on it, so that screen readers (and browsers' tooltips) name the
   * chart by its title (WAI-ARIA Graphics Module).
   */
  static String titled(String svgElement, String id, String title) {
    int open = svgElement.indexOf("<svg");
    int end = svgElement.indexOf('>', open);
    if (open < 0 || end < 0) return svgElement;
    String titleId = id + "-title";
    String tag = svgElement.substring(open, end);
    boolean selfClosing = tag.endsWith("/");
    if (selfClosing) tag = tag.substring(0, tag.length() - 1);
    String head = tag + " role=\"img\" aria-labelledby=\"" + xml(titleId) + "\">"
        + "<title id=\"" + xml(titleId) + "\">" + xml(title) + "</title>";
    return svgElement.substring(0, open) + head + (selfClosing ? "</svg>" : "") + svgElement.substring(end + 1);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Writes the chart as a standalone SVG file. */
  public static void writeSvg(JFreeChart chart, int width, int height, String id, Path file) throws IOException {
    writeSvg(svg(chart, width, height, id), file);
  }

  /** Writes an {@code <svg>} element made by {@link #svg} as a standalone SVG file. */
  public static void writeSvg(String svgElement, Path file) throws IOException {
    Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement + "\n", StandardCharsets.UTF_8);
  }

  /** Writes the chart as a PNG of twice its nominal size. */
  public static void writePng(JFreeChart chart, int width, int height, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      ChartUtilities.writeScaledChartAsPNG(out, chart, width, height, 2, 2);
    }
  }
}

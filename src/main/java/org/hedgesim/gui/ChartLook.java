package org.hedgesim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;

/**
 * How the classroom's charts look: one set of font sizes for every chart, large enough to read
 * from the back of a room on a 1024x768 projector (titles 18 pt bold, axis labels 15 pt, tick
 * labels and legends 14 pt), and the report's colours and dash patterns (analysis.Charts), drawn
 * thicker for a projector. The two main powers keep the map's red and blue, so a power has one
 * colour on the map and on every chart; the other powers take the report's remaining colours, without
 * its vermillion and blue, which a room would confuse with the map's red and blue.
 */
final class ChartLook {
  static final float TITLE_POINTS = 18f;
  static final float LABEL_POINTS = 15f;
  static final float TICK_POINTS = 14f;
  static final float LEGEND_POINTS = 14f;
  /** Text outside the charts (the note over the knobs). */
  static final float BODY_POINTS = 14f;
  /** The smallest font on any chart: what the window test holds every chart to. */
  static final float SMALLEST_POINTS = 14f;

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(TITLE_POINTS));
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(LABEL_POINTS));
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(TICK_POINTS));
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(LEGEND_POINTS));

  private static final Color GRID = new Color(0xDDDDDD);
  private static final float WIDTH = 3f;

  /** The report's palette without the two colours close to the map's poles (vermillion, blue). */
  private static final List<Color> OTHERS = org.hedgesim.analysis.Charts.palette().stream()
      .filter(c -> !c.equals(new Color(0xD55E00)) && !c.equals(new Color(0x0072B2))).toList();

  private ChartLook() {}

  /**
   * The colour of a pole: the map's red for the strongest, its blue for the second, the report's
   * other colours in turn for the rest ({@code other} counts the other poles, from 0).
   */
  static Color pole(boolean isA, boolean isB, int other) {
    if (isA) return Palette.POLE_A;
    if (isB) return Palette.POLE_B;
    return OTHERS.get(other % OTHERS.size());
  }

  /** The colour of line {@code i} of the hedging chart (two a small state: its index, its lean). */
  static Color state(int i) {
    return OTHERS.get(i % OTHERS.size());
  }

  /** A line with the report's dash pattern {@code i}, drawn {@value #WIDTH} px wide (dashes scaled to it). */
  static Stroke stroke(int i) {
    float[] dash = org.hedgesim.analysis.Charts.dashPattern(i);
    if (dash == null) return new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    for (int k = 0; k < dash.length; k++) dash[k] *= WIDTH / 1.8f;
    return new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /** Fonts, colours and legend of a chart, the same on every chart. */
  static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.getTitle().setFont(TITLE);
    chart.getTitle().setPaint(Palette.INK);
    chart.setPadding(new RectangleInsets(4, 4, 4, 8));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
    for (int i = 0; i < plot.getDomainAxisCount(); i++) axis(plot.getDomainAxis(i));
    for (int i = 0; i < plot.getRangeAxisCount(); i++) axis(plot.getRangeAxis(i));
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LEGEND);
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setBackgroundPaint(Color.WHITE);
    }
  }

  private static void axis(Axis a) {
    a.setLabelFont(LABEL);
    a.setTickLabelFont(TICK);
    a.setLabelPaint(Palette.INK);
    a.setTickLabelPaint(Palette.INK);
    a.setAxisLinePaint(Color.GRAY);
  }
}

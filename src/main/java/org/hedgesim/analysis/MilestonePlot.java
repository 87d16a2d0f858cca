package org.hedgesim.analysis;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.ui.Layer;
import org.jfree.ui.RectangleInsets;

/**
 * A time plot whose milestone markers' labels never overlap: when the plot is drawn, and so its
 * size on the page is known, each label goes to the highest row in which it clears the label to
 * its left, measured in pixels with the label's font. Milestones months apart share the top row;
 * a cluster of them steps down one row per label that would collide, so every number stays
 * legible however close the dates. Only when more than {@link #ROWS} labels crowd one spot does a
 * label reuse the row that frees soonest.
 */
final class MilestonePlot extends XYPlot {
  private static final long serialVersionUID = 1L;
  /** Rows of labels below the plot's top edge, one label height each. */
  static final int ROWS = 8;
  /** Pixels between two labels in one row, and between a label and its dashed line. */
  static final int GAP = 3;

  MilestonePlot(XYDataset data, ValueAxis time, ValueAxis value, XYItemRenderer renderer) {
    super(data, time, value, renderer);
  }

  @Override
  protected void drawDomainMarkers(Graphics2D g2, Rectangle2D dataArea, int index, Layer layer) {
    if (index == 0 && layer == Layer.FOREGROUND) place(g2, dataArea);
    super.drawDomainMarkers(g2, dataArea, index, layer);
  }

  /** Sets each marker's label offset to its row, in date order. */
  private void place(Graphics2D g2, Rectangle2D dataArea) {
    Collection<?> markers = getDomainMarkers(0, Layer.FOREGROUND);
    if (markers == null || markers.isEmpty()) return;
    List<ValueMarker> sorted = new ArrayList<>();
    for (Object m : markers) if (m instanceof ValueMarker v && v.getLabel() != null) sorted.add(v);
    sorted.sort((a, b) -> Double.compare(a.getValue(), b.getValue()));
    double[] rowEnds = new double[ROWS];
    java.util.Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
    for (ValueMarker m : sorted) {
      FontMetrics fm = g2.getFontMetrics(m.getLabelFont());
      double x = getDomainAxis().valueToJava2D(m.getValue(), dataArea, getDomainAxisEdge()) + GAP;
      double width = fm.stringWidth(m.getLabel());
      int row = 0;
      while (row < ROWS && rowEnds[row] + GAP > x) row++;
      if (row == ROWS) row = soonestFree(rowEnds);
      rowEnds[row] = x + width;
      RectangleInsets offset = new RectangleInsets(GAP + row * (fm.getHeight() + 1), GAP, GAP, GAP);
      if (!offset.equals(m.getLabelOffset())) m.setLabelOffset(offset); // no change event when unmoved
    }
  }

  private static int soonestFree(double[] rowEnds) {
    int best = 0;
    for (int r = 1; r < rowEnds.length; r++) if (rowEnds[r] < rowEnds[best]) best = r;
    return best;
  }
}

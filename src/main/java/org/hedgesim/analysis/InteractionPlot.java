package org.hedgesim.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Means with 95% intervals against the levels of a factor, one line per level of a second factor
 * (an interaction plot; with one line, a main-effects plot). The levels stand on a category axis by
 * name, so that approaches or months read as what they are. JFreeChart's statistical line renderer
 * draws mean ± the dataset's "standard deviation"; here that slot holds the interval's half-width,
 * so each whisker is the 95% interval of the mean. Lines that run parallel mean the two factors act
 * apart; lines that cross or fan out mean the effect of one depends on the level of the other.
 */
final class InteractionPlot {
  private InteractionPlot() {}

  /**
   * @param cells [line][level of x]
   */
  static JFreeChart chart(String title, String subtitle, String xLabel, List<String> xLevels, String yLabel,
      List<String> lines, Estimate[][] cells) {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    for (int l = 0; l < lines.size(); l++) {
      for (int i = 0; i < xLevels.size(); i++) {
        Estimate e = cells[l][i];
        Double mean = Double.isNaN(e.mean()) ? null : e.mean();
        Double half = Double.isNaN(e.ciHigh()) ? null : (e.ciHigh() - e.ciLow()) / 2;
        data.add(mean, half, lines.get(l), xLevels.get(i));
      }
    }
    CategoryAxis x = new CategoryAxis(xLabel);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    Charts.styleAxis(x);
    Charts.styleAxis(y);
    StatisticalLineAndShapeRenderer r = new StatisticalLineAndShapeRenderer(true, true);
    r.setErrorIndicatorPaint(null); // each whisker in its line's colour
    r.setErrorIndicatorStroke(new BasicStroke(1.2f));
    for (int l = 0; l < lines.size(); l++) {
      r.setSeriesStroke(l, Charts.stroke(l));
      r.setSeriesPaint(l, Charts.colour(l));
    }
    CategoryPlot plot = new CategoryPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Charts.GRID);
    plot.setOutlinePaint(Color.GRAY);
    return Charts.chart(title, subtitle, plot, lines.size() > 1);
  }
}

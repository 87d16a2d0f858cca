package org.hedgesim.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Each outcome's mean and 95% interval over the runs that fall in a cell of the design (a pair of
 * levels, a bin of a factor), from runs.csv read once as a stream: memory holds one running summary
 * per cell, never the runs, so a report on a sweep of a million runs reads it as fast as the disk
 * allows. A run without a value of an outcome (an exit that never came) is left out of that
 * outcome's cells, as in summary.csv.
 *
 * <p>The runs of a cell are taken as one sample. When the cell pools several design points (the
 * other factors of a grid, the points of a bin) its interval therefore covers what those points'
 * differences add as well as the model's noise; with common random numbers the runs of different
 * points are not independent, so the interval is then only a guide.
 */
final class RunCells {

  /** How the runs are grouped: the cell of each design point (by its position in design.csv), -1 for none. */
  record Grouping(int[] cellOfPoint, int cells) {}

  private final SummaryStatistics[][][] stats;

  private RunCells(SummaryStatistics[][][] stats) {
    this.stats = stats;
  }

  /**
   * Reads runs.csv of the folder.
   *
   * @param points the design points' numbers in design.csv order (positions of the groupings)
   */
  static RunCells read(Path folder, List<Integer> points, List<String> outcomes, List<Grouping> groupings)
      throws IOException {
    SummaryStatistics[][][] stats = new SummaryStatistics[groupings.size()][outcomes.size()][];
    for (int g = 0; g < groupings.size(); g++) {
      for (int o = 0; o < outcomes.size(); o++) {
        stats[g][o] = new SummaryStatistics[groupings.get(g).cells()];
        for (int c = 0; c < stats[g][o].length; c++) stats[g][o][c] = new SummaryStatistics();
      }
    }
    Map<Integer, Integer> position = new HashMap<>(); // looked up only, never iterated
    for (int i = 0; i < points.size(); i++) position.put(points.get(i), i);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(ResultFiles.require(folder, "runs.csv"), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(format).get()) {
      Map<String, Integer> header = p.getHeaderMap();
      int point = header.get("point");
      int[] column = new int[outcomes.size()];
      for (int o = 0; o < outcomes.size(); o++) {
        Integer c = header.get(outcomes.get(o));
        if (c == null) throw new Report.NotAResult(folder.resolve("runs.csv") + ": no column '" + outcomes.get(o)
            + "', an outcome the manifest lists");
        column[o] = c;
      }
      for (CSVRecord rec : p) {
        Integer at = position.get(Integer.parseInt(rec.get(point)));
        if (at == null) continue;
        for (int o = 0; o < outcomes.size(); o++) {
          double v = ResultFiles.number(rec.get(column[o]));
          if (Double.isNaN(v)) continue;
          for (int g = 0; g < groupings.size(); g++) {
            int cell = groupings.get(g).cellOfPoint()[at];
            if (cell >= 0) stats[g][o][cell].addValue(v);
          }
        }
      }
    }
    return new RunCells(stats);
  }

  /** The estimate of outcome o (its index in the list read) in a cell of grouping g. */
  Estimate estimate(int g, int o, int cell) {
    return Estimate.of(stats[g][o][cell]);
  }
}

package org.hedgesim.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hedgesim.analysis.Estimate;
import org.hedgesim.output.CsvTable;

/**
 * The summary of a sweep, computed from its {@code runs.csv}: for each design point and each
 * outcome, the number of runs and of runs with a value, the mean, the standard deviation, the 95%
 * confidence interval of the mean (Student's t, {@link Estimate}), the minimum and the maximum.
 * Reading the results file rather than the runs in memory makes the summary of a resumed sweep or
 * of merged shards the same as that of one uninterrupted process, and memory holds only one
 * design point's runs at a time (runs.csv lists a point's replications together).
 */
public final class SweepSummary {

  /** The statistics columns, after {@code point}, the parameters and {@code outcome}. */
  public static final List<String> STATISTICS =
      List.of("replications", "n", "mean", "sd", "ci_low", "ci_high", "min", "max");

  private SweepSummary() {}

  /**
   * Writes {@code summary.csv} from {@code runs.csv}.
   *
   * @param parameters how many parameter columns follow the four run columns
   */
  public static void write(Path runsFile, Path summaryFile, int parameters) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(runsFile, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      int first = SweepRun.FIXED_COLUMNS.size();
      List<String> parameterNames = header.subList(first, first + parameters);
      List<String> outcomeNames = header.subList(first + parameters, header.size());
      List<String> columns = new ArrayList<>();
      columns.add("point");
      columns.addAll(parameterNames);
      columns.add("outcome");
      columns.addAll(STATISTICS);
      try (CsvTable out = CsvTable.create(summaryFile, columns)) {
        String point = null;
        List<String> values = null;
        List<double[]> rows = new ArrayList<>();
        for (CSVRecord r : parser) {
          String p = r.get(1);
          if (!p.equals(point)) {
            if (point != null) writePoint(out, point, values, outcomeNames, rows);
            point = p;
            values = new ArrayList<>();
            for (int j = 0; j < parameters; j++) values.add(r.get(first + j));
            rows.clear();
          }
          double[] v = new double[outcomeNames.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = parse(r.get(first + parameters + i));
          }
          rows.add(v);
        }
        if (point != null) writePoint(out, point, values, outcomeNames, rows);
      }
    }
  }

  /** A number as {@code Numbers.format} writes it: empty for no value, {@code inf} for infinity. */
  static double parse(String cell) {
    return switch (cell) {
      case "" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(cell);
    };
  }

  private static void writePoint(CsvTable out, String point, List<String> values,
      List<String> outcomes, List<double[]> rows) throws IOException {
    for (int i = 0; i < outcomes.size(); i++) {
      double[] x = new double[rows.size()];
      double min = Double.NaN;
      double max = Double.NaN;
      for (int r = 0; r < x.length; r++) {
        x[r] = rows.get(r)[i];
        if (!Double.isNaN(x[r])) {
          min = Double.isNaN(min) ? x[r] : Math.min(min, x[r]);
          max = Double.isNaN(max) ? x[r] : Math.max(max, x[r]);
        }
      }
      Estimate e = Estimate.of(x);
      Object[] cells = new Object[values.size() + 2 + STATISTICS.size()];
      int c = 0;
      cells[c++] = point;
      for (String v : values) cells[c++] = v;
      cells[c++] = outcomes.get(i);
      cells[c++] = Integer.toString(x.length);
      cells[c++] = Integer.toString(e.n());
      cells[c++] = e.mean();
      cells[c++] = e.sd();
      cells[c++] = e.ciLow();
      cells[c++] = e.ciHigh();
      cells[c++] = min;
      cells[c] = max;
      out.row(cells);
    }
  }
}

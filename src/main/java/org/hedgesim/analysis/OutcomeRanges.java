package org.hedgesim.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Where each outcome of a sweep is lowest and highest over the design points, read from its
 * summary.csv as a stream (one row in memory at a time): the console after a sweep and the sweep
 * report both show it.
 */
public final class OutcomeRanges {

  /**
   * One outcome over the design points: the point means' mean, their lowest and highest (the first
   * point reaching it) with the parameter values there, and the runs that gave no value. NaN means
   * and points -1 when no point has a value.
   */
  public record Range(String outcome, double meanOverPoints, double low, int lowPoint, Map<String, String> lowValues,
      double high, int highPoint, Map<String, String> highValues, long runsWithoutValue, long runs) {

    public boolean hasValue() {
      return lowPoint >= 0;
    }
  }

  private OutcomeRanges() {}

  /** The ranges of the outcomes, in the order given. */
  public static List<Range> read(Path summaryCsv, List<String> parameters, List<String> outcomes) throws IOException {
    Map<String, Acc> acc = new LinkedHashMap<>();
    outcomes.forEach(o -> acc.put(o, new Acc()));
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(summaryCsv, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (CSVRecord r : parser) {
        Acc a = acc.get(r.get("outcome"));
        if (a == null) continue;
        int replications = Integer.parseInt(r.get("replications"));
        a.runs += replications;
        a.gaps += replications - Integer.parseInt(r.get("n"));
        double mean = ResultFiles.number(r.get("mean"));
        if (Double.isNaN(mean)) continue;
        a.sum += mean;
        a.points++;
        if (a.lowPoint < 0 || mean < a.low) {
          a.low = mean;
          a.lowPoint = Integer.parseInt(r.get("point"));
          a.lowValues = values(r, parameters);
        }
        if (a.highPoint < 0 || mean > a.high) {
          a.high = mean;
          a.highPoint = Integer.parseInt(r.get("point"));
          a.highValues = values(r, parameters);
        }
      }
    }
    List<Range> out = new ArrayList<>();
    for (Map.Entry<String, Acc> e : acc.entrySet()) {
      Acc a = e.getValue();
      out.add(new Range(e.getKey(), a.points == 0 ? Double.NaN : a.sum / a.points, a.low, a.lowPoint, a.lowValues,
          a.high, a.highPoint, a.highValues, a.gaps, a.runs));
    }
    return out;
  }

  private static final class Acc {
    double sum;
    long points;
    double low = Double.NaN;
    int lowPoint = -1;
    Map<String, String> lowValues = Map.of();
    double high = Double.NaN;
    int highPoint = -1;
    Map<String, String> highValues = Map.of();
    long gaps;
    long runs;
  }

  private static Map<String, String> values(CSVRecord r, List<String> parameters) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String p : parameters) m.put(p, r.get(p));
    return m;
  }
}

package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hedgesim.experiment.Sweep;

/** The lines printed after a sweep: for each outcome, its lowest and highest mean over the points. */
final class SweepOverview {

  private SweepOverview() {}

  private static final class Extremes {
    double low = Double.NaN;
    String lowPoint = "";
    double high = Double.NaN;
    String highPoint = "";
  }

  static void print(PrintWriter out, Path summary, Sweep sweep) throws IOException {
    Map<String, Extremes> byOutcome = new LinkedHashMap<>();
    sweep.outcomes().forEach(o -> byOutcome.put(o.name(), new Extremes()));
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(summary, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (CSVRecord r : parser) {
        Extremes e = byOutcome.get(r.get("outcome"));
        String cell = r.get("mean");
        if (e == null || cell.isEmpty()) continue;
        double mean = Double.parseDouble(cell);
        if (Double.isNaN(e.low) || mean < e.low) {
          e.low = mean;
          e.lowPoint = r.get("point");
        }
        if (Double.isNaN(e.high) || mean > e.high) {
          e.high = mean;
          e.highPoint = r.get("point");
        }
      }
    }
    out.printf(Locale.ROOT, "%n%-32s %24s %24s%n", "outcome (mean over replications)", "lowest point", "highest point");
    for (Map.Entry<String, Extremes> e : byOutcome.entrySet()) {
      Extremes x = e.getValue();
      if (Double.isNaN(x.low)) {
        out.printf(Locale.ROOT, "  %-30s %24s %24s%n", e.getKey(), "no value", "no value");
      } else {
        out.printf(Locale.ROOT, "  %-30s %24s %24s%n", e.getKey(),
            String.format(Locale.ROOT, "%.3f (point %s)", x.low, x.lowPoint),
            String.format(Locale.ROOT, "%.3f (point %s)", x.high, x.highPoint));
      }
    }
    out.println("Per point: summary.csv; the values of each point: design.csv; every run: runs.csv.");
  }
}

package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reading the files of a results folder (CSV tables and the manifest), as the writers wrote them. */
public final class ResultFiles {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultFiles() {}

  /** A file of the folder that must be there. */
  public static Path require(Path folder, String name) throws IOException {
    Path p = folder.resolve(name);
    if (!Files.isRegularFile(p)) throw new NoSuchFileException(p.toString(), null, "not found in the results folder");
    return p;
  }

  public static JsonNode manifest(Path folder) throws IOException {
    return JSON.readTree(require(folder, "manifest.json").toFile());
  }

  /** Every row of a (small) CSV table as column -> cell, in file order. */
  public static List<Map<String, String>> rows(Path csv) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
      for (CSVRecord rec : p) out.add(new LinkedHashMap<>(rec.toMap()));
    }
    return out;
  }

  /** A number as the writers format it: empty means missing (NaN), "inf" and "-inf" infinities. */
  public static double number(String cell) {
    if (cell == null || cell.isEmpty()) return Double.NaN;
    if (cell.equals("inf")) return Double.POSITIVE_INFINITY;
    if (cell.equals("-inf")) return Double.NEGATIVE_INFINITY;
    return Double.parseDouble(cell);
  }

  /**
   * The replication mean and 95% band of every series of a run's timeseries.csv
   * ({@code run,replication,seed,step,date,metric,actor,target,value}), read as a stream.
   */
  public static Map<SeriesId, Bands.Band> timeseriesBands(Path csv) throws IOException {
    Bands bands = new Bands();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
      Map<String, Integer> h = p.getHeaderMap();
      int step = h.get("step");
      int date = h.get("date");
      int metric = h.get("metric");
      int actor = h.get("actor");
      int target = h.get("target");
      int value = h.get("value");
      SeriesId last = null;
      for (CSVRecord rec : p) {
        String m = rec.get(metric);
        String a = rec.get(actor);
        String t = rec.get(target);
        SeriesId id = last != null && last.metric().equals(m) && last.actor().equals(a)
            && last.target().equals(t) ? last : new SeriesId(m, a, t);
        last = id;
        bands.add(id, Integer.parseInt(rec.get(step)), rec.get(date), number(rec.get(value)));
      }
    }
    Map<SeriesId, Bands.Band> out = new LinkedHashMap<>();
    for (SeriesId id : bands.series()) out.put(id, bands.band(id));
    return out;
  }

  /**
   * The bands of a comparison's bands.csv
   * ({@code scenario,metric,actor,target,step,date,n,mean,sd,ci_low,ci_high}), per scenario in
   * file order.
   */
  public static Map<String, Map<SeriesId, Bands.Band>> bandsByScenario(Path csv) throws IOException {
    record Point(int step, String date, int n, double mean, double sd, double low, double high) {}
    Map<String, Map<SeriesId, List<Point>>> raw = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
      for (CSVRecord rec : p) {
        SeriesId id = new SeriesId(rec.get("metric"), rec.get("actor"), rec.get("target"));
        raw.computeIfAbsent(rec.get("scenario"), k -> new LinkedHashMap<>())
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add(new Point(Integer.parseInt(rec.get("step")), rec.get("date"),
                Integer.parseInt(rec.get("n")), number(rec.get("mean")), number(rec.get("sd")),
                number(rec.get("ci_low")), number(rec.get("ci_high"))));
      }
    }
    Map<String, Map<SeriesId, Bands.Band>> out = new LinkedHashMap<>();
    for (var s : raw.entrySet()) {
      Map<SeriesId, Bands.Band> m = new LinkedHashMap<>();
      for (var e : s.getValue().entrySet()) {
        List<Point> pts = e.getValue();
        int steps = pts.stream().mapToInt(Point::step).max().orElse(-1) + 1;
        String[] dates = new String[steps];
        java.util.Arrays.fill(dates, "");
        int[] n = new int[steps];
        double[] mean = new double[steps];
        double[] sd = new double[steps];
        double[] low = new double[steps];
        double[] high = new double[steps];
        java.util.Arrays.fill(mean, Double.NaN);
        java.util.Arrays.fill(sd, Double.NaN);
        java.util.Arrays.fill(low, Double.NaN);
        java.util.Arrays.fill(high, Double.NaN);
        for (Point pt : pts) {
          dates[pt.step()] = pt.date();
          n[pt.step()] = pt.n();
          mean[pt.step()] = pt.mean();
          sd[pt.step()] = pt.sd();
          low[pt.step()] = pt.low();
          high[pt.step()] = pt.high();
        }
        m.put(e.getKey(), new Bands.Band(e.getKey(), List.of(dates), n, mean, sd, low, high));
      }
      out.put(s.getKey(), m);
    }
    return out;
  }
}

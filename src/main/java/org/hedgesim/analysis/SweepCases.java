package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The table of a sweep folder that scenario discovery reads: every run ({@code runs.csv}) or every
 * design point with its replication means ({@code summary.csv}), the swept parameters as
 * dimensions (ordered or categorical, from the manifest) and the outcomes as columns.
 *
 * @param outcomes outcome name -> its value in each case (NaN where a run gave none)
 */
public record SweepCases(List<Dimension> dimensions, double[][] values, Map<String, double[]> outcomes, String unit,
    String file) {

  /** The folder is not a sweep's results, or its table does not match its manifest. */
  public static final class NotASweep extends IOException {
    private static final long serialVersionUID = 1L;

    public NotASweep(String message) {
      super(message);
    }
  }

  /** The cases, with those of interest marked by the expression. */
  public Cases cases(WhereExpression where) {
    int n = values.length == 0 ? 0 : values[0].length;
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      final int row = i;
      y[i] = where.test(c -> outcomes.get(c)[row]);
    }
    return new Cases(dimensions, values, y, unit);
  }

  /**
   * Reads a finished, whole sweep folder.
   *
   * @param table "runs" or "summary"
   */
  public static SweepCases read(Path folder, JsonNode manifest, String table) throws IOException {
    JsonNode sweep = manifest.path("sweep");
    if (!"sweep".equals(manifest.path("hedgesim").path("command").asText()) || sweep.isMissingNode()) {
      throw new NotASweep(folder + ": not a sweep's results (manifest.json names command '"
          + manifest.path("hedgesim").path("command").asText() + "'); discover reads the folder of 'hedgesim sweep'");
    }
    if (manifest.has("shard")) {
      throw new NotASweep(folder + ": one shard of a sweep; join the shards with 'hedgesim merge' first");
    }
    List<Dimension> dims = new ArrayList<>();
    for (JsonNode p : sweep.path("parameters")) dims.add(dimension(p));
    List<String> outcomes = new ArrayList<>();
    sweep.path("outcomes").forEach(o -> outcomes.add(o.path("name").asText()));
    return table.equals("summary") ? summary(folder, dims, outcomes) : runs(folder, dims, outcomes);
  }

  private static Dimension dimension(JsonNode p) {
    String name = p.path("name").asText();
    if (p.has("levels")) {
      List<String> levels = new ArrayList<>();
      p.path("levels").forEach(l -> levels.add(l.asText()));
      boolean numbers = true;
      for (String l : levels) numbers &= isNumber(l);
      return numbers ? new Dimension.Ordered(name, false) : new Dimension.Categorical(name, levels);
    }
    return new Dimension.Ordered(name, !isNumber(p.path("min").asText()));
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return !s.isBlank();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private static SweepCases runs(Path folder, List<Dimension> dims, List<String> outcomes) throws IOException {
    Path file = ResultFiles.require(folder, "runs.csv");
    List<double[]> rows = new ArrayList<>();
    int k = dims.size();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
      int[] cols = columns(file, p.getHeaderMap(), dims, outcomes);
      for (CSVRecord rec : p) {
        double[] row = new double[k + outcomes.size()];
        for (int d = 0; d < k; d++) row[d] = value(file, rec, dims.get(d), rec.get(cols[d]));
        for (int o = 0; o < outcomes.size(); o++) row[k + o] = ResultFiles.number(rec.get(cols[k + o]));
        rows.add(row);
      }
    }
    return assemble(dims, outcomes, rows, "runs", "runs.csv");
  }

  private static SweepCases summary(Path folder, List<Dimension> dims, List<String> outcomes) throws IOException {
    Path file = ResultFiles.require(folder, "summary.csv");
    Map<Integer, double[]> points = new LinkedHashMap<>();
    int k = dims.size();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
      int[] cols = columns(file, p.getHeaderMap(), dims, List.of("point", "outcome", "mean"));
      for (CSVRecord rec : p) {
        int point = Integer.parseInt(rec.get(cols[k]));
        int o = outcomes.indexOf(rec.get(cols[k + 1]));
        if (o < 0) continue;
        double[] row = points.computeIfAbsent(point, x -> new double[k + outcomes.size()]);
        for (int d = 0; d < k; d++) row[d] = value(file, rec, dims.get(d), rec.get(cols[d]));
        row[k + o] = ResultFiles.number(rec.get(cols[k + 2]));
      }
    }
    return assemble(dims, outcomes, new ArrayList<>(points.values()), "design points", "summary.csv");
  }

  private static int[] columns(Path file, Map<String, Integer> header, List<Dimension> dims, List<String> more)
      throws NotASweep {
    List<String> names = new ArrayList<>();
    dims.forEach(d -> names.add(d.name()));
    names.addAll(more);
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      Integer c = header == null ? null : header.get(names.get(i));
      if (c == null) throw new NotASweep(file + ": no column '" + names.get(i) + "', which manifest.json names");
      out[i] = c;
    }
    return out;
  }

  private static double value(Path file, CSVRecord rec, Dimension d, String cell) throws NotASweep {
    try {
      if (d instanceof Dimension.Categorical c) {
        int l = c.levels().indexOf(cell);
        if (l < 0) throw new IllegalArgumentException();
        return l;
      }
      return ((Dimension.Ordered) d).parse(cell);
    } catch (RuntimeException e) {
      throw new NotASweep(file + ": line " + (rec.getRecordNumber() + 1) + ", column " + d.name() + ": '" + cell
          + "' is not a value of the parameter as manifest.json describes it");
    }
  }

  private static SweepCases assemble(List<Dimension> dims, List<String> outcomes, List<double[]> rows, String unit,
      String file) {
    int n = rows.size();
    int k = dims.size();
    double[][] x = new double[k][n];
    Map<String, double[]> ys = new LinkedHashMap<>();
    for (String o : outcomes) ys.put(o, new double[n]);
    for (int i = 0; i < n; i++) {
      double[] row = rows.get(i);
      for (int d = 0; d < k; d++) x[d][i] = row[d];
      for (int o = 0; o < outcomes.size(); o++) ys.get(outcomes.get(o))[i] = row[k + o];
    }
    return new SweepCases(dims, x, ys, unit, file);
  }
}

package org.hedgesim.calibration;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.InputFile;
import org.hedgesim.scenario.Origin;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.Suggestions;
import org.hedgesim.scenario.TerminalText;

/**
 * Reads an observation file (docs/CALIBRATION.md): tidy CSV with the columns
 * {@code date,metric,actor,target,value,sd,source}, one observed value a row. Every row is checked
 * against the scenario it will be compared with, and every problem of the file is reported at
 * once with its file, line, column and column name: a header that is not the one expected, an
 * unknown metric, actor or target (with a "did you mean"), a date that is malformed, outside the
 * scenario or between its steps, a value or sd that is no number, a missing source, and a row that
 * repeats an earlier one.
 */
public final class ObservationReader {

  /** The columns, in the order they are written. */
  public static final List<String> COLUMNS = List.of("date", "metric", "actor", "target", "value", "sd", "source");
  /** The default standard deviation of an observation, relative to its value (docs/CALIBRATION.md). */
  public static final double DEFAULT_RELATIVE_SD = 0.1;
  /** The smallest default standard deviation. */
  public static final double DEFAULT_SD_FLOOR = 0.01;
  /** The most rows an observation file may have (it is held in memory, and each costs every run). */
  public static final int MAX_ROWS = 100_000;
  /** The largest observation file read. */
  public static final int MAX_BYTES = 64 << 20;

  private final String display;
  private final Scenario scenario;
  private final List<SeriesKey> series;
  private final List<Problem> problems = new ArrayList<>();

  private ObservationReader(String display, Scenario scenario, List<SeriesKey> series) {
    this.display = display;
    this.scenario = scenario;
    this.series = series;
  }

  /**
   * Reads and checks the file.
   *
   * @param display the file's name as the user knows it (in messages)
   * @param series the series the scenario's runs write
   */
  public static List<Observation> read(Path file, String display, Scenario scenario, List<SeriesKey> series)
      throws ScenarioException {
    return new ObservationReader(display, scenario, series).read(file);
  }

  private List<Observation> read(Path file) throws ScenarioException {
    String text = text(file);
    List<String> lines = text.lines().toList();
    List<Observation> out = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder()
        .setIgnoreSurroundingSpaces(true).get())) {
      long line = 1;
      boolean header = true;
      Map<String, Integer> at = new HashMap<>();
      Map<String, Origin> seen = new HashMap<>();
      for (CSVRecord r : parser) {
        long first = line;
        line = parser.getCurrentLineNumber() + 1;
        String raw = first - 1 < lines.size() ? lines.get((int) first - 1) : "";
        if (header) {
          header = false;
          if (!readHeader(r, (int) first, raw, at)) break;
          continue;
        }
        if (r.size() == 1 && r.get(0).isBlank()) continue;
        if (out.size() >= MAX_ROWS) {
          problems.add(new Problem(new Origin(display, (int) first, 1), "", "more than " + MAX_ROWS
              + " observations; split the file or keep the rows you fit"));
          break;
        }
        Observation o = row(r, (int) first, raw, at);
        if (o == null) continue;
        String key = o.date() + "|" + o.series();
        Origin earlier = seen.putIfAbsent(key, o.origin());
        if (earlier != null) {
          problems.add(new Problem(o.origin(), "date", "a second observation of " + o.label()
              + " (the first is at line " + earlier.line() + "); keep one row per series and date"));
          continue;
        }
        out.add(o);
      }
      if (header) problems.add(new Problem(Origin.of(display), "", "the file is empty; expected the header "
          + String.join(",", COLUMNS) + " and one row per observation"));
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(Origin.of(display), "", "not a readable CSV file: " + e.getMessage()));
    }
    if (problems.isEmpty() && out.isEmpty()) {
      problems.add(new Problem(new Origin(display, 1, 1), "", "the file has a header and no observation"));
    }
    if (!problems.isEmpty()) throw new ScenarioException(problems);
    return List.copyOf(out);
  }

  private String text(Path file) throws ScenarioException {
    try {
      byte[] bytes = InputFile.read(file, display, MAX_BYTES, "a CSV file");
      if (bytes.length > MAX_BYTES) {
        throw new ScenarioException(new Problem(Origin.of(display), "", "larger than " + (MAX_BYTES >> 20)
            + " MB; an observation file holds at most " + MAX_ROWS + " rows"));
      }
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new ScenarioException(new Problem(Origin.of(display), "", "not UTF-8 text; save it as UTF-8 CSV"));
    }
  }

  private boolean readHeader(CSVRecord r, int line, String raw, Map<String, Integer> at) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < r.size(); i++) {
      String name = r.get(i).strip();
      if (!COLUMNS.contains(name)) {
        problems.add(new Problem(new Origin(display, line, column(raw, i)), name, "unknown column '"
            + TerminalText.escape(name) + "'" + Suggestions.hint(name, COLUMNS) + "; the columns are "
            + String.join(",", COLUMNS)));
      } else if (!names.add(name)) {
        problems.add(new Problem(new Origin(display, line, column(raw, i)), name, "column '" + name + "' appears twice"));
      } else {
        at.put(name, i);
      }
    }
    for (String c : COLUMNS) {
      if (!at.containsKey(c) && !c.equals("sd")) {
        problems.add(new Problem(new Origin(display, line, 1), c, "missing column '" + c + "'; the header is "
            + String.join(",", COLUMNS) + " (sd may be left out or empty)"));
      }
    }
    return problems.isEmpty();
  }

  private String cell(CSVRecord r, Map<String, Integer> at, String column) {
    Integer i = at.get(column);
    return i == null || i >= r.size() ? "" : r.get(i).strip();
  }

  private Origin origin(int line, String raw, Map<String, Integer> at, String column) {
    Integer i = at.get(column);
    return new Origin(display, line, i == null ? 1 : column(raw, i));
  }

  private Observation row(CSVRecord r, int line, String raw, Map<String, Integer> at) {
    int before = problems.size();
    if (r.size() != at.size()) {
      problems.add(new Problem(new Origin(display, line, 1), "", "the row has " + r.size() + " cells, the header "
          + at.size() + "; quote a cell that holds a comma"));
      return null;
    }
    for (String c : at.keySet()) {
      int bad = TerminalText.firstUnprintable(cell(r, at, c));
      if (bad >= 0) {
        problems.add(new Problem(origin(line, raw, at, c), c, "the cell holds a control or formatting character"));
        return null;
      }
    }
    // the date, and the steps it covers
    String date = cell(r, at, "date");
    YearMonth from = null;
    YearMonth until = null;
    if (date.matches("\\d{4}")) {
      from = YearMonth.of(Integer.parseInt(date), 1);
      until = YearMonth.of(Integer.parseInt(date), 12);
    } else if (date.matches("\\d{4}-\\d{2}") && Integer.parseInt(date.substring(5)) >= 1
        && Integer.parseInt(date.substring(5)) <= 12) {
      from = YearMonth.parse(date);
      until = from;
    } else {
      problems.add(new Problem(origin(line, raw, at, "date"), "date", "expected a year (YYYY, the mean of its months)"
          + " or a month (YYYY-MM), found '" + TerminalText.escape(date) + "'"));
    }
    int firstStep = -1;
    int lastStep = -1;
    if (from != null) {
      if (from.isBefore(scenario.start()) || until.isAfter(scenario.end())) {
        problems.add(new Problem(origin(line, raw, at, "date"), "date", date + " is outside the scenario, which runs from "
            + scenario.start() + " to " + scenario.end()));
      } else {
        int per = scenario.step().months();
        for (int s = 0; s < scenario.steps(); s++) {
          YearMonth m = scenario.start().plusMonths((long) s * per);
          if (!m.isBefore(from) && !m.isAfter(until)) {
            if (firstStep < 0) firstStep = s;
            lastStep = s;
          }
        }
        if (firstStep < 0) {
          problems.add(new Problem(origin(line, raw, at, "date"), "date", "no step of the scenario falls in " + date
              + " (it steps by " + per + " months from " + scenario.start() + "); observe a year, or a month a step starts"));
        }
      }
    }
    // the series
    String metric = cell(r, at, "metric");
    String actor = cell(r, at, "actor");
    String target = cell(r, at, "target");
    SeriesKey key = new SeriesKey(metric, actor, target);
    if (!series.contains(key)) seriesProblem(line, raw, at, key);
    double value = number(r, line, raw, at, "value", true);
    double sd = number(r, line, raw, at, "sd", false);
    boolean sdGiven = !Double.isNaN(sd);
    if (sdGiven && !(sd > 0)) {
      problems.add(new Problem(origin(line, raw, at, "sd"), "sd", "an sd is a number > 0, found " + cell(r, at, "sd")
          + "; leave it empty for the default (" + Math.round(DEFAULT_RELATIVE_SD * 100) + "% of the value, at least "
          + DEFAULT_SD_FLOOR + ")"));
    }
    String source = cell(r, at, "source");
    if (source.isEmpty()) {
      problems.add(new Problem(origin(line, raw, at, "source"), "source", "every observation cites its source"
          + " (a publication and year, or a FACTS.md entry)"));
    }
    if (problems.size() > before) return null;
    if (!sdGiven) sd = defaultSd(value);
    return new Observation(new Origin(display, line, 1), date, from, until, key, value, sd, sdGiven, source,
        firstStep, lastStep);
  }

  /** The sd of an observation that gives none: a tenth of its value, at least 0.01. */
  public static double defaultSd(double value) {
    return Math.max(DEFAULT_SD_FLOOR, DEFAULT_RELATIVE_SD * Math.abs(value));
  }

  private double number(CSVRecord r, int line, String raw, Map<String, Integer> at, String column, boolean required) {
    String text = cell(r, at, column);
    if (text.isEmpty()) {
      if (required) problems.add(new Problem(origin(line, raw, at, column), column, "missing the " + column));
      return Double.NaN;
    }
    if (text.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) return v;
    }
    problems.add(new Problem(origin(line, raw, at, column), column, "expected a number, found '"
        + TerminalText.escape(MapReaderText.abbreviate(text)) + "'" + (text.endsWith("%") ? " (write a share as 0.43, not 43%)" : "")));
    return Double.NaN;
  }

  private void seriesProblem(int line, String raw, Map<String, Integer> at, SeriesKey key) {
    Set<String> metrics = new TreeSet<>();
    Set<String> actors = new TreeSet<>();
    Set<String> targets = new TreeSet<>();
    for (SeriesKey k : series) {
      metrics.add(k.metric());
      if (k.metric().equals(key.metric())) actors.add(k.actor());
      if (k.metric().equals(key.metric()) && k.actor().equals(key.actor())) targets.add(k.target());
    }
    if (!metrics.contains(key.metric())) {
      problems.add(new Problem(origin(line, raw, at, "metric"), "metric", "unknown metric '"
          + TerminalText.escape(key.metric()) + "'" + Suggestions.hint(key.metric(), metrics)
          + "; the scenario's runs write " + String.join(", ", metrics)));
    } else if (!actors.contains(key.actor())) {
      problems.add(new Problem(origin(line, raw, at, "actor"), "actor", "no actor '" + TerminalText.escape(key.actor())
          + "' has the metric " + key.metric() + Suggestions.hint(key.actor(), actors) + "; it has "
          + String.join(", ", actors)));
    } else {
      List<String> shown = targets.stream().map(t -> t.isEmpty() ? "(none)" : t).toList();
      problems.add(new Problem(origin(line, raw, at, "target"), "target", key.metric() + " of " + key.actor()
          + " has no target '" + TerminalText.escape(key.target()) + "'" + Suggestions.hint(key.target(), targets)
          + "; its targets are " + String.join(", ", shown) + (targets.contains("") ? " (leave the cell empty)" : "")));
    }
  }

  /** The 1-based character column where cell {@code index} of a one-line row starts. */
  static int column(String raw, int index) {
    int field = 0;
    boolean quoted = false;
    for (int i = 0; i < raw.length(); i++) {
      if (field == index) return i + 1;
      char c = raw.charAt(i);
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) field++;
    }
    return raw.length() + 1;
  }

  /** Abbreviation of quoted cells, as for scenario values. */
  private static final class MapReaderText {
    static String abbreviate(String s) {
      return org.hedgesim.scenario.MapReader.abbreviate(s);
    }
  }
}

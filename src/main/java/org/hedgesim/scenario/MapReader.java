package org.hedgesim.scenario;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hedgesim.scenario.YNode.YList;
import org.hedgesim.scenario.YNode.YMap;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * Typed reading of one mapping of a scenario, collecting problems instead of stopping at the first.
 * Every accessor records the key as read; {@link #finish} reports the keys nobody read as unknown,
 * with a "did you mean". A failed read records a problem and returns a harmless placeholder (NaN,
 * null, an empty list), so reading goes on and every problem of a file is reported at once.
 */
public final class MapReader {

  /** The ranges a number may be required to lie in. */
  public enum Range {
    ANY("a number"),
    NON_NEGATIVE("a number >= 0"),
    POSITIVE("a number > 0"),
    SHARE("a share between 0 and 1"),
    OPEN_SHARE("a number in (0, 1]"),
    SIGNED_SHARE("a number between -1 and 1");

    final String expected;

    Range(String expected) {
      this.expected = expected;
    }

    boolean contains(double v) {
      return switch (this) {
        case ANY -> true;
        case NON_NEGATIVE -> v >= 0;
        case POSITIVE -> v > 0;
        case SHARE -> v >= 0 && v <= 1;
        case OPEN_SHARE -> v > 0 && v <= 1;
        case SIGNED_SHARE -> v >= -1 && v <= 1;
      };
    }
  }

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  /** A number whose whole part starts with a 0 followed by another digit. */
  private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0\\d");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  private final YMap map;
  private final String path;
  private final List<Problem> problems;
  private final boolean template;
  private final Set<String> read = new HashSet<>();

  public MapReader(YMap map, String path, List<Problem> problems) {
    this(map, path, problems, false);
  }

  /**
   * A reader for a mapping of defaults ({@code template}: true), in which every key is optional:
   * the values present are checked as usual, and missing ones are not problems.
   */
  public MapReader(YMap map, String path, List<Problem> problems, boolean template) {
    this.map = map;
    this.path = path;
    this.problems = problems;
    this.template = template;
  }

  public YMap map() {
    return map;
  }

  public String path() {
    return path;
  }

  public String pathOf(String key) {
    return path.isEmpty() ? key : key.isEmpty() ? path : path + "." + key;
  }

  public void problem(YNode at, String key, String message) {
    problems.add(new Problem(at == null ? map.origin() : at.origin(), pathOf(key), message));
  }

  public boolean has(String key) {
    return map.has(key);
  }

  /**
   * The name under {@code key} of a scenario or study, which names its results folder: a word of
   * letters, digits, '.', '_' and '-', at most 100 long. Anything else is a problem here (the
   * {@code kind} of file says whose name it is) and gives null.
   */
  public String folderName(String key, String kind) {
    String name = text(key);
    if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      problem(map.get(key), key, "a " + kind + " name is a word of letters, digits, '.', '_' and '-'"
          + " (it names the results folder), found '" + abbreviate(name) + "'");
      return null;
    }
    return name;
  }

  /** The raw node, or null; marks the key as read. */
  public YNode node(String key) {
    read.add(key);
    return map.get(key);
  }

  private YScalar scalar(String key, boolean required, String expected) {
    YNode n = node(key);
    if (n == null) {
      if (required && !template) problem(null, key, "missing key '" + key + "' (" + expected + ")");
      return null;
    }
    if (n instanceof YScalar s) {
      if (s.isNull()) {
        if (required) problem(s, key, "no value given, expected " + expected);
        return null;
      }
      return s;
    }
    problem(n, key, "expected " + expected + ", found " + n.kind());
    return null;
  }

  /**
   * A text. Every text but a {@link #PROSE_KEYS description} is an id, a name, a kind or a path,
   * and may not hold control or formatting characters (ESC, NUL, the bidirectional overrides,
   * ...): such a text is a problem and reads as absent.
   */
  public String text(String key) {
    return word(scalar(key, true, "a text"), key);
  }

  /** An optional text; null when absent. Checked as {@link #text} is. */
  public String optText(String key) {
    return word(scalar(key, false, "a text"), key);
  }

  /** Keys whose texts are prose, free to hold any character (they are printed escaped). */
  public static final java.util.Set<String> PROSE_KEYS = java.util.Set.of("description");

  private String word(YScalar s, String key) {
    if (s == null) return null;
    int bad = PROSE_KEYS.contains(key) ? -1 : TerminalText.firstUnprintable(s.text());
    if (bad < 0) return s.text();
    problem(s, key, "an id or name may not contain control or formatting characters, found "
        + TerminalText.escape(new String(Character.toChars(s.text().codePointAt(bad))))
        + " in '" + abbreviate(s.text()) + "'");
    return null;
  }

  public double number(String key, Range range) {
    return parseNumber(scalar(key, true, range.expected), key, range);
  }

  /** An optional number: NaN when absent. */
  public double optNumber(String key, Range range) {
    return parseNumber(scalar(key, false, range.expected), key, range);
  }

  private double parseNumber(YScalar s, String key, Range range) {
    if (s == null) return Double.NaN;
    return toNumber(s, pathOf(key), range, problems);
  }

  public static double toNumber(YScalar s, String path, Range range, List<Problem> problems) {
    String t = s.text().strip().replace("_", "");
    if (!s.plain() && NUMBER.matcher(t).matches()) {
      problems.add(new Problem(s.origin(), path, "expected " + range.expected + ", found the text '"
          + abbreviate(s.text()) + "' in quotes; write numbers without quotes"));
      return Double.NaN;
    }
    if (!s.plain() || !NUMBER.matcher(t).matches()) {
      problems.add(new Problem(s.origin(), path,
          "expected " + range.expected + ", found '" + abbreviate(s.text()) + "'"));
      return Double.NaN;
    }
    if (LEADING_ZERO.matcher(t).lookingAt()) {
      problems.add(new Problem(s.origin(), path, leadingZero(range.expected, s.text().strip())));
      return Double.NaN;
    }
    double v = Double.parseDouble(t);
    if (!Double.isFinite(v) || !range.contains(v)) {
      problems.add(new Problem(s.origin(), path,
          "expected " + range.expected + ", found " + s.text()));
      return Double.NaN;
    }
    return v;
  }

  public int integer(String key, int min, int max) {
    YScalar s = scalar(key, true, "a whole number");
    return toInteger(s, key, min, max);
  }

  public int optInteger(String key, int min, int max, int otherwise) {
    YScalar s = scalar(key, false, "a whole number");
    return s == null ? otherwise : toInteger(s, key, min, max);
  }

  private int toInteger(YScalar s, String key, int min, int max) {
    if (s == null) return min;
    java.math.BigInteger v = whole(s, key, "a whole number from " + min + " to " + max);
    if (v == null) return min;
    if (v.compareTo(java.math.BigInteger.valueOf(min)) < 0
        || v.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
      problem(s, key, "expected a whole number from " + min + " to " + max + ", found "
          + abbreviate(s.text().strip()));
      return min;
    }
    return v.intValue();
  }

  /** A whole number in the range of a Java {@code long}, as the command line's --seed takes. */
  public long longValue(String key) {
    YScalar s = scalar(key, true, "a whole number");
    if (s == null) return 0;
    String range = "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    java.math.BigInteger v = whole(s, key, range);
    if (v == null) return 0;
    if (v.bitLength() > 63) {
      problem(s, key, "expected " + range + " (a 64-bit integer), found "
          + abbreviate(s.text().strip()));
      return 0;
    }
    return v.longValue();
  }

  /** Plain digits, optionally signed; null (with a problem) for anything else. */
  private java.math.BigInteger whole(YScalar s, String key, String expected) {
    String t = s.text().strip();
    if (!s.plain() || !t.matches("[-+]?\\d{1,1000}")) {
      String quoted = !s.plain() && t.matches("[-+]?\\d+") ? " in quotes; write numbers without quotes" : "";
      problem(s, key, "expected " + expected + ", found '" + abbreviate(s.text()) + "'" + quoted);
      return null;
    }
    if (LEADING_ZERO.matcher(t).lookingAt()) {
      problem(s, key, leadingZero(expected, t));
      return null;
    }
    return new java.math.BigInteger(t.startsWith("+") ? t.substring(1) : t);
  }

  /**
   * A number written with a leading zero ({@code 064}) is refused: YAML 1.1 tools read it as an
   * octal number (52), YAML 1.2 ones as 64, so the file would mean different things to them.
   */
  private static String leadingZero(String expected, String written) {
    String sign = written.startsWith("-") ? "-" : "";
    String digits = written.replaceFirst("^[-+]?0+(?=\\d)", "");
    return "expected " + expected + ", found '" + abbreviate(written) + "' with a leading zero, which"
        + " YAML 1.1 tools read as an octal number; write " + abbreviate(sign + digits);
  }

  public boolean bool(String key) {
    YScalar s = scalar(key, true, "true or false");
    if (s == null) return false;
    String t = s.text().strip();
    if (s.plain() && (t.equals("true") || t.equals("false"))) return t.equals("true");
    problem(s, key, "expected true or false, found '" + abbreviate(s.text()) + "'");
    return false;
  }

  public YearMonth month(String key) {
    return toMonth(scalar(key, true, "a month YYYY-MM"), key);
  }

  public YearMonth optMonth(String key) {
    return toMonth(scalar(key, false, "a month YYYY-MM"), key);
  }

  private YearMonth toMonth(YScalar s, String key) {
    if (s == null) return null;
    return parseMonth(s, pathOf(key), problems);
  }

  public static YearMonth parseMonth(YScalar s, String path, List<Problem> problems) {
    Matcher m = MONTH.matcher(s.text().strip());
    if (!m.matches()) {
      problems.add(new Problem(s.origin(), path,
          "expected a month as YYYY-MM (e.g. 2024-09), found '" + abbreviate(s.text()) + "'"));
      return null;
    }
    try {
      return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (DateTimeException e) {
      problems.add(new Problem(s.origin(), path,
          "'" + s.text() + "' is not a real month (months run from 01 to 12)"));
      return null;
    }
  }

  public <E extends Enum<E>> E choice(String key, Class<E> type) {
    YScalar s = scalar(key, true, "one of " + words(type));
    return s == null ? null : toChoice(s, key, type);
  }

  public <E extends Enum<E>> E toChoice(YScalar s, String key, Class<E> type) {
    String t = s.text().strip();
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(t)) return e;
    }
    problem(s, key, "expected one of " + words(type) + ", found '" + abbreviate(t) + "'"
        + Suggestions.hint(t, wordList(type)));
    return null;
  }

  public static <E extends Enum<E>> List<String> wordList(Class<E> type) {
    List<String> out = new ArrayList<>();
    for (E e : type.getEnumConstants()) out.add(e.name().toLowerCase(Locale.ROOT));
    return out;
  }

  public static <E extends Enum<E>> String words(Class<E> type) {
    return String.join(" | ", wordList(type));
  }

  /** A list of words (ids). */
  public List<YScalar> wordNodes(String key, boolean required) {
    YNode n = node(key);
    if (n == null) {
      if (required && !template) problem(null, key, "missing key '" + key + "' (a list of ids)");
      return List.of();
    }
    if (!(n instanceof YList list)) {
      problem(n, key, "expected a list of ids like [A, B], found " + n.kind());
      return List.of();
    }
    List<YScalar> out = new ArrayList<>();
    for (YNode item : list.items()) {
      if (item instanceof YScalar s && !s.isNull()) {
        out.add(s);
      } else {
        problem(item, key, "expected an id, found " + item.kind());
      }
    }
    return out;
  }

  /** A list of mappings; null when absent. */
  public List<YMap> maps(String key) {
    YNode n = node(key);
    if (n == null) return List.of();
    if (n instanceof YScalar s && s.isNull()) return List.of();
    if (!(n instanceof YList list)) {
      problem(n, key, "expected a list of entries (each starting with '- '), found " + n.kind());
      return List.of();
    }
    List<YMap> out = new ArrayList<>();
    for (YNode item : list.items()) {
      if (item instanceof YMap m) {
        out.add(m);
      } else {
        problem(item, key, "expected an entry with keys, found " + item.kind());
      }
    }
    return out;
  }

  /** A nested mapping; null when absent or not a mapping (a problem is then recorded). */
  public YMap submap(String key, boolean required) {
    YNode n = node(key);
    if (n == null) {
      if (required && !template) problem(null, key, "missing key '" + key + "'");
      return null;
    }
    if (n instanceof YMap m) return m;
    problem(n, key, "expected a mapping of keys, found " + n.kind());
    return null;
  }

  /**
   * Reports every key not read, with a suggestion among {@code known}. A key that is one of
   * {@code known} but was not read is allowed in this mapping, only not with the other keys
   * written here: it is reported as unused, never as "unknown ... did you mean" itself.
   */
  public void finish(Collection<String> known) {
    for (Map.Entry<String, YMap.Entry> e : map.entries().entrySet()) {
      String key = e.getKey();
      if (read.contains(key)) continue;
      String message = known.contains(key)
          ? "key '" + key + "' is not used together with the other keys written here"
          : "unknown key '" + abbreviate(key) + "'" + Suggestions.hint(key, known);
      problems.add(new Problem(e.getValue().keyOrigin(), pathOf(abbreviate(key)), message));
    }
  }

  /** Reports every key not read, suggesting among the keys that were read. */
  public void finish() {
    finish(read);
  }

  public static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() > 40 ? one.substring(0, 37) + "..." : one;
  }
}

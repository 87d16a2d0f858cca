package org.hedgesim.experiment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.output.Numbers;
import org.hedgesim.scenario.Origin;
import org.hedgesim.scenario.TreePath;
import org.hedgesim.scenario.YNode.YScalar;

/**
 * One parameter of a sweep: the value of the scenario it changes (a {@link TreePath}), and the
 * values it may take.
 *
 * @param name the column name in the results (the path unless the sweep names it)
 * @param canonical the path in canonical form, to tell two names of one value apart
 * @param source why these values, as the sweep file says
 * @param origin where the parameter's entry is written
 */
public record SweepParameter(String name, TreePath path, String canonical, Domain domain,
    String source, Origin origin) {

  /** The values a parameter may take, mapped from a unit coordinate u in [0, 1]. */
  public sealed interface Domain permits NumberRange, MonthRange, Levels {
    /** The number of levels of a list, or 0 for a range. */
    int cardinality();

    /** The value at coordinate u, as the text written into the scenario and the results. */
    String text(double u);

    /** The values that bound the domain, to check against the scenario before anything runs. */
    List<YScalar> extremes();

    Map<String, Object> describe();
  }

  /**
   * Numbers from {@code min} to {@code max}: u maps linearly (or linearly in the logarithm), and the
   * value is rounded to 10 significant digits, the precision of the result files, so that the value
   * in the results is exactly the value the model ran with. A whole-number range gives each whole
   * number from min to max the same share of the unit interval.
   */
  public record NumberRange(double min, double max, boolean log, boolean whole, YScalar minNode,
      YScalar maxNode) implements Domain {

    @Override
    public int cardinality() {
      return 0;
    }

    public double value(double u) {
      if (whole) {
        long count = Math.round(max) - Math.round(min) + 1;
        return Math.round(min) + Math.min(count - 1, (long) Math.floor(u * count));
      }
      double v = log ? StrictMath.exp(StrictMath.log(min) + u * (StrictMath.log(max) - StrictMath.log(min)))
          : min + u * (max - min);
      v = Math.max(min, Math.min(max, v));
      return Double.parseDouble(Numbers.format(v));
    }

    @Override
    public String text(double u) {
      return Numbers.format(value(u));
    }

    @Override
    public List<YScalar> extremes() {
      return List.of(minNode, maxNode);
    }

    @Override
    public Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("min", min);
      m.put("max", max);
      m.put("scale", log ? "log" : "linear");
      m.put("integer", whole);
      return m;
    }
  }

  /** Months from {@code min} to {@code max}, each month with the same share of the unit interval. */
  public record MonthRange(YearMonth min, YearMonth max, YScalar minNode, YScalar maxNode)
      implements Domain {

    @Override
    public int cardinality() {
      return 0;
    }

    public YearMonth value(double u) {
      long count = min.until(max, java.time.temporal.ChronoUnit.MONTHS) + 1;
      return min.plusMonths(Math.min(count - 1, (long) Math.floor(u * count)));
    }

    @Override
    public String text(double u) {
      return value(u).toString();
    }

    @Override
    public List<YScalar> extremes() {
      return List.of(minNode, maxNode);
    }

    @Override
    public Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("min", min.toString());
      m.put("max", max.toString());
      return m;
    }
  }

  /**
   * A list of values as written (numbers, words, months). Coordinate u picks level
   * floor(u * n), so each of the n levels has the same share of the unit interval.
   */
  public record Levels(List<YScalar> levels) implements Domain {

    public Levels {
      levels = List.copyOf(levels);
    }

    @Override
    public int cardinality() {
      return levels.size();
    }

    public YScalar level(double u) {
      int n = levels.size();
      return levels.get(Math.min(n - 1, (int) Math.floor(u * n)));
    }

    @Override
    public String text(double u) {
      return level(u).text();
    }

    @Override
    public List<YScalar> extremes() {
      return levels;
    }

    @Override
    public Map<String, Object> describe() {
      List<String> texts = new ArrayList<>();
      for (YScalar s : levels) texts.add(s.text());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("levels", texts);
      return m;
    }
  }

  /**
   * The scalar that goes into the scenario at coordinate u: a level as written in the sweep file,
   * or a computed value that points at the parameter's entry and carries its source.
   */
  public YScalar scalar(double u) {
    if (domain instanceof Levels l) return l.level(u);
    return new YScalar(domain.text(u), true, false, origin, source);
  }
}

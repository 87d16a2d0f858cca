package org.hedgesim.analysis;

import java.time.YearMonth;
import java.util.List;
import org.hedgesim.output.Numbers;

/**
 * A swept parameter as scenario discovery sees it. A range of numbers, a list of numeric levels
 * and a range of months are ordered: a box restricts them to an interval. A list of words (an
 * approach, a strategy, {@code true}/{@code false}) has no order: a box restricts it to a set of
 * levels. Values are held as doubles: a month as its count of months since year 0, a level as its
 * position in the sweep file's list.
 */
public sealed interface Dimension permits Dimension.Ordered, Dimension.Categorical {

  /** The column name of the sweep's results. */
  String name();

  /** A value of this dimension as the results write it. */
  String text(double value);

  /** A number, a numeric level or (with {@code months}) a month. */
  record Ordered(String name, boolean months) implements Dimension {
    @Override
    public String text(double value) {
      if (!months) return Numbers.format(value);
      long m = (long) value;
      return YearMonth.of((int) Math.floorDiv(m, 12), (int) Math.floorMod(m, 12) + 1).toString();
    }

    /** The value of a cell of this column. */
    public double parse(String cell) {
      if (!months) return Double.parseDouble(cell);
      YearMonth ym = YearMonth.parse(cell);
      return ym.getYear() * 12.0 + ym.getMonthValue() - 1;
    }
  }

  /** Levels without an order, in the sweep file's order. */
  record Categorical(String name, List<String> levels) implements Dimension {
    public Categorical {
      levels = List.copyOf(levels);
    }

    @Override
    public String text(double value) {
      return levels.get((int) value);
    }
  }
}

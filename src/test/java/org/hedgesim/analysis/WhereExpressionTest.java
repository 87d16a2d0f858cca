package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison language of {@code --where}: what it means, and where it says it went wrong. */
class WhereExpressionTest {
  static final List<String> COLUMNS = List.of("left_clv_dta", "exit_step", "hedging_index");

  private static boolean holds(String text, Map<String, Double> row) throws WhereExpression.Invalid {
    return WhereExpression.parse(text, COLUMNS).test(c -> row.getOrDefault(c, Double.NaN));
  }

  @Test
  void comparisons_andBindsTighterThanOr_parenthesesGroup() throws Exception {
    Map<String, Double> row = Map.of("left_clv_dta", 1.0, "exit_step", 30.0, "hedging_index", 0.8);
    assertTrue(holds("left_clv_dta > 0.5", row));
    assertTrue(holds("left_clv_dta == 1", row));
    assertFalse(holds("left_clv_dta != 1", row));
    assertTrue(holds("exit_step>=30", row));
    assertFalse(holds("exit_step < 30", row));
    assertTrue(holds("hedging_index <= 0.8", row));
    // a or (b and c): true because of a
    assertTrue(holds("left_clv_dta == 1 or exit_step < 10 and hedging_index < 0.1", row));
    // (a or b) and c: false because of c
    assertFalse(holds("(left_clv_dta == 1 or exit_step < 10) and hedging_index < 0.1", row));
    assertTrue(holds("exit_step <= 36 AND hedging_index > -1e-3", row));
  }

  @Test
  void aMissingValue_satisfiesNoComparison() throws Exception {
    Map<String, Double> noExit = Map.of("left_clv_dta", 0.0);
    assertFalse(holds("exit_step <= 24", noExit));
    assertFalse(holds("exit_step != 24", noExit));
    assertTrue(holds("exit_step <= 24 or left_clv_dta == 0", noExit));
  }

  @Test
  void badExpressions_nameTheColumnAndWhatWasExpected() {
    record Bad(String text, int column, String says) {}
    for (Bad b : List.of(
        new Bad("left_clv_dta = 1", 14, "'==' compares"),
        new Bad("left_clv_dta >", 15, "expected a number after '>', found the end"),
        new Bad("left_clv_dta > high", 16, "expected a number"),
        new Bad("left_clv_dta > 0.5 and", 23, "expected an outcome name, found the end"),
        new Bad("(left_clv_dta > 0.5", 20, "expected ')' to close the '(' at column 1"),
        new Bad("left_clv_dta > 0.5 exit_step < 3", 20, "expected 'and', 'or' or the end"),
        new Bad("> 0.5", 1, "expected an outcome name"),
        new Bad("left_clv_dt > 0.5", 1, "'left_clv_dt' is not an outcome of the table (did you mean 'left_clv_dta'?)"),
        new Bad("exit_step < 3 or hedgin_index > 1", 18, "did you mean 'hedging_index'?"))) {
      WhereExpression.Invalid e = assertThrows(WhereExpression.Invalid.class, () -> WhereExpression.parse(b.text(), COLUMNS),
          b.text());
      assertEquals(b.column(), e.column(), b.text() + ": " + e.getMessage());
      assertTrue(e.getMessage().contains(b.says()), b.text() + ": " + e.getMessage());
    }
  }

  @Test
  void slug_namesTheFolder() throws Exception {
    assertEquals("left_clv_dta-gt-0.5", WhereExpression.parse("left_clv_dta > 0.5", COLUMNS).slug());
    assertEquals("exit_step-le-24-and-hedging_index-lt-0.7",
        WhereExpression.parse("exit_step <= 24 and hedging_index < 0.7", COLUMNS).slug());
    assertEquals("left_clv_dta-gt-0.25", WhereExpression.above("left_clv_dta", 0.25).slug());
  }
}

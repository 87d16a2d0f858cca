package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The note on Sobol estimates outside [0, 1], which are estimator noise, not effects. */
class SensitivityTableTest {

  private static SensitivityTable.Entry sobol(String p, String index, double v) {
    return new SensitivityTable.Entry("y", p, "sobol", index, v, v - 0.1, v + 0.1);
  }

  @Test
  void estimatesOutsideTheUnitInterval_areNamedAsNoise_insideOnesAreNot() {
    assertEquals("", SensitivityTable.outsideTheUnitInterval(List.of(sobol("a", "S1", 0.4), sobol("a", "ST", 1.0),
        sobol("b", "S1", 0.0))));
    String note = SensitivityTable.outsideTheUnitInterval(List.of(sobol("a", "S1", 1.03), sobol("b", "ST", -0.02),
        sobol("c", "S1", 0.5)));
    assertTrue(note.startsWith("Note: S1 = 1.030 for a, ST = -0.020 for b lie outside [0, 1]"), note);
    assertTrue(note.contains("estimator noise"), note);
    // Morris effects have no such bound
    assertEquals("", SensitivityTable.outsideTheUnitInterval(List.of(
        new SensitivityTable.Entry("y", "a", "morris", "mu_star", 3.2, 3.0, 3.4))));
  }
}

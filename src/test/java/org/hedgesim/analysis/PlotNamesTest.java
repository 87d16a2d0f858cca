package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Plot file names: safe, bounded and unique, and unchanged where the id is already all three. */
class PlotNamesTest {

  @Test
  void safeShortNewIds_keptAsTheyAre() {
    PlotNames n = new PlotNames();
    assertEquals("KHM-alignment", n.next("KHM-alignment"));
    assertEquals("scatter-left_f-nationalism", n.next("scatter-left_f-nationalism"));
  }

  @Test
  void sanitisedOrCollidingIds_getTheHashOfTheirId() {
    PlotNames n = new PlotNames();
    assertEquals("scatter-a_b-x", n.next("scatter-a_b-x"));
    assertEquals("scatter-a_b-x-13757115", n.next("scatter-a/b-x"));
    assertEquals("scatter-A_B-x-5d9d0014", n.next("scatter-A_B-x"));
    assertEquals("_hidden-16924190", n.next(".hidden"));
  }

  @Test
  void longIds_areCutTo80Characters() {
    PlotNames n = new PlotNames();
    String a = n.next("scatter-" + "x".repeat(300) + "-p");
    String b = n.next("scatter-" + "x".repeat(300) + "-q");
    assertEquals(80, a.length());
    assertEquals(80, b.length());
    assertEquals("scatter-" + "x".repeat(63) + "-", a.substring(0, 72));
    assertNotEquals(a, b);
  }
}

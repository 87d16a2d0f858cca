package org.hedgesim.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.model.Actor;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import sim.field.network.Edge;
import sim.util.Bag;

/** The map reads the world: who stands where, which ties exist, which are sanctions. */
class WorldMapTest {

  private static HedgeWorldWithUI started(String scenario) {
    Scenario s = Fixtures.scenario(scenario);
    HedgeWorldWithUI gui = new HedgeWorldWithUI(new HedgeWorld(s.seed(), s));
    SameNumbersTest.play(gui, s.seed(), 0);
    return gui;
  }

  @Test
  void mainAxis_theTwoPolesWithTheLargestCapability() {
    assertArrayEquals(new String[] {"CHN", "USA"}, WorldMap.mainPoles(Fixtures.scenario("baseline-2024.yaml")));
  }

  @Test
  void smallStates_standOnTheAxisAtTheirLean() {
    HedgeWorldWithUI gui = started("clv-dta-exit.yaml");
    for (int i = 0; i < 20; i++) gui.step();
    WorldMap map = gui.map();
    for (Actor a : gui.world().smallStates()) {
      double lean = (a.alignment(map.poleA().poleIndex()) - a.alignment(map.poleB().poleIndex())) / 2;
      assertEquals(lean, map.lean(a), 1e-12);
      assertEquals(WorldMap.MID + WorldMap.HALF_SPAN * lean, map.field.getObjectLocation(a).x, 1e-9);
      assertEquals(20, map.trails().get(a).length, "one trail point a step");
    }
    assertEquals(WorldMap.AXIS_RIGHT, map.field.getObjectLocation(map.poleA()).x);
    assertEquals(WorldMap.AXIS_LEFT, map.field.getObjectLocation(map.poleB()).x);
    gui.finish();
  }

  @Test
  void ties_everySmallStateToEveryPole_sanctionDashedWhileInForce() {
    HedgeWorldWithUI gui = started("clv-dta-exit.yaml");
    WorldMap map = gui.map();
    HedgeWorld w = gui.world();
    for (Actor s : w.smallStates()) {
      for (Actor p : w.poles()) {
        assertTrue(tie(map, s, p) != null, s + " - " + p);
      }
    }
    Actor khm = w.smallStates().get(0);
    Actor usa = map.poleB();
    // the US's negative doctrine coerces Cambodia from the spin-up on in this scenario
    assertEquals(usa.sanctionOn(khm.index()) > 0, tie(map, khm, usa).isSanctioned());
    boolean seen = tie(map, khm, usa).isSanctioned();
    for (int i = 0; i < 12; i++) {
      gui.step();
      assertEquals(usa.sanctionOn(khm.index()) > 0, tie(map, khm, usa).isSanctioned());
      seen |= tie(map, khm, usa).isSanctioned();
    }
    assertTrue(seen, "coercion in force within the first year");
    gui.finish();
  }

  @Test
  void ties_widthFollowsTheChosenChannel() {
    HedgeWorldWithUI gui = started("clv-dta-exit.yaml");
    WorldMap map = gui.map();
    Actor khm = gui.world().smallStates().get(0);
    Tie china = tie(map, khm, map.poleA());
    Tie us = tie(map, khm, map.poleB());
    // investment stock: China's is larger; exports: the US market is larger
    assertTrue(map.tieWidth(china) > map.tieWidth(us));
    Knob channel = gui.knobs().find("map: tie width");
    List<String> kinds = gui.world().scenario().channels().stream().map(c -> c.kind()).toList();
    assertTrue(channel.set(kinds.indexOf("exports")));
    gui.step();
    assertTrue(map.tieWidth(us) > map.tieWidth(china));
    assertEquals("exports a year", us.getChannel());
    gui.finish();
  }

  private static Tie tie(WorldMap map, Actor a, Actor b) {
    Bag edges = map.network.getEdges(a, null);
    for (Object o : edges) {
      Edge e = (Edge) o;
      if (e.getOtherNode(a) == b) return (Tie) e.info;
    }
    return null;
  }
}

package org.hedgesim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hedgesim.Fixtures;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The README's 10-minute lesson ("In the classroom") quotes what the class will see; this runs each
 * of its steps through the GUI state and its Model-tab knobs, with the scenario's own seed, so that
 * the lesson stays true when the model or the scenarios change.
 */
class LessonPlanTest {

  private final Scenario scenario = Fixtures.scenario("clv-dta-exit.yaml");

  private HedgeWorldWithUI gui() {
    return new HedgeWorldWithUI(new HedgeWorld(scenario.seed(), scenario));
  }

  private HedgeWorldWithUI run(HedgeWorldWithUI gui) {
    SameNumbersTest.play(gui, scenario.seed(), scenario.steps());
    gui.finish();
    return gui;
  }

  private static double value(HedgeWorldWithUI gui, String metric, String actor, String target, int step) {
    return gui.recorder().history().get(step)[gui.recorder().indexOf(metric, actor, target)];
  }

  private static Optional<EventRecord> exit(HedgeWorldWithUI gui) {
    return gui.recorder().events().stream().filter(e -> e.kind().equals("exit") && e.actor().equals("KHM")).findFirst();
  }

  @Test
  void minutes0to5_coercionFromTheStart_exitInSeptember_thenADriftTowardChina() {
    HedgeWorldWithUI gui = run(gui());
    assertTrue(value(gui, "coercion", "USA", "KHM", 0) > 0, "the US coerces from the first month (dashed red)");
    assertEquals("2024-09: KHM leaves CLV-DTA", Captions.caption(exit(gui).orElseThrow()));
    assertEquals(0.45, value(gui, "trust", "KHM", "VNM", 7), 1e-9);
    assertEquals("0.41", String.format(Locale.ROOT, "%.2f", value(gui, "trust", "KHM", "VNM", 8)));
    assertTrue(value(gui, "legitimacy", "KHM", "", 8) > value(gui, "legitimacy", "KHM", "", 7));
    EventRecord incident = gui.recorder().events().stream().filter(e -> e.kind().equals("incident")).findFirst().orElseThrow();
    assertEquals("2025-01: KHM-VNM incident: khm-vnm-border: the state stands firm; salience now 0.320",
        Captions.caption(incident));
    int last = scenario.steps() - 1;
    double mean = gui.recorder().history().stream()
        .mapToDouble(r -> r[gui.recorder().indexOf("hedging_index", "KHM", "")]).average().orElseThrow();
    assertEquals("0.71", String.format(Locale.ROOT, "%.2f", mean));
    assertEquals("0.05", String.format(Locale.ROOT, "%.2f", value(gui, "lean", "KHM", "CHN|USA", 0)));
    assertEquals("0.11", String.format(Locale.ROOT, "%.2f", value(gui, "lean", "KHM", "CHN|USA", last)));
    assertEquals("0.275", String.format(Locale.ROOT, "%.3f", value(gui, "alignment", "KHM", "CHN", last)));
    assertEquals("0.064", String.format(Locale.ROOT, "%.3f", value(gui, "alignment", "KHM", "USA", last)));
    assertEquals(5, gui.knobs().base().frameworks().stream().filter(f -> f.members().contains("KHM")).count(),
        "KHM's five rings");
  }

  @Test
  void minutes5to8_noScriptedExit_nationalismDecidesWhetherAndWhenItLeaves() {
    assertEquals("2024-06 endogenous", exitWithNationalism(0.7));
    assertEquals("none", exitWithNationalism(0.5));
    assertEquals("2027-09 endogenous", exitWithNationalism(0.55));
    assertEquals("2024-06 endogenous", exitWithNationalism(0.6));
  }

  private String exitWithNationalism(double nationalism) {
    HedgeWorldWithUI gui = gui();
    assertTrue(gui.knobs().find("clv-dta-exit (2024-09)").set(false));
    assertTrue(gui.knobs().find("KHM nationalism").set(nationalism));
    return exit(run(gui)).map(e -> e.date() + " " + e.origin()).orElse("none");
  }

  @Test
  void minutes8to10_usPositiveDoctrine_noCoercion_bothAlignmentsEndHigher() {
    HedgeWorldWithUI negative = run(gui());
    HedgeWorldWithUI positive = gui();
    assertTrue(positive.knobs().find("USA doctrine").set(0));
    run(positive);
    int last = scenario.steps() - 1;
    int coercion = positive.recorder().indexOf("coercion", "USA", "KHM");
    assertTrue(positive.recorder().history().stream().allMatch(r -> r[coercion] == 0), "no coercion at all");
    assertEquals("0.064", String.format(Locale.ROOT, "%.3f", value(negative, "alignment", "KHM", "USA", last)));
    assertEquals("0.079", String.format(Locale.ROOT, "%.3f", value(positive, "alignment", "KHM", "USA", last)));
    assertEquals("0.275", String.format(Locale.ROOT, "%.3f", value(negative, "alignment", "KHM", "CHN", last)));
    assertEquals("0.279", String.format(Locale.ROOT, "%.3f", value(positive, "alignment", "KHM", "CHN", last)));
    assertEquals("0.34", String.format(Locale.ROOT, "%.2f", value(positive, "courtship", "USA", "KHM", last)));
  }
}

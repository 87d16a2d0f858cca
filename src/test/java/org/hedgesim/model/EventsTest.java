package org.hedgesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.EventSpec;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random events are drawn lazily, one occurrence at a time, yet give exactly the occurrences (and
 * leave the run's generator exactly where) drawing every occurrence in advance would.
 */
class EventsTest {
  private static final Path RIVALS = Fixtures.testResource("org/hedgesim/model/worlds/rivals.yaml");

  @TempDir
  Path dir;

  /** The steps of one random event drawn all at once, the way the model drew them before. */
  private static List<Integer> inAdvance(EventSpec e, Scenario s, MersenneTwisterFast g) {
    List<Integer> out = new ArrayList<>();
    int window = (e.until().getYear() - e.from().getYear()) * 12
        + e.until().getMonthValue() - e.from().getMonthValue() + 1;
    double years = 0;
    while (true) {
      years += -StrictMath.log(1.0 - g.nextDouble()) / e.rate();
      int month = (int) Math.floor(years * 12);
      if (month >= window) break;
      int step = s.stepOf(e.from().plusMonths(month));
      if (step >= 0 && step < s.steps()) out.add(step);
    }
    return out;
  }

  @Test
  void lazyDraws_giveTheOccurrencesAndTheGeneratorStateOfDrawingInAdvance() {
    Scenario s = Fixtures.variantOf(dir, RIVALS, "random-events", "events:\n"
        + "  - {id: often, rate: 40, visit: {from: A, to: S, level: minister}}\n"
        + "  - {id: rare, rate: 0.7, visit: {from: B, to: S, level: minister}}\n");
    List<EventSpec> random = s.events().stream().filter(EventSpec::isRandom).toList();
    assertEquals(2, random.size());
    MersenneTwisterFast run = new MersenneTwisterFast(99L);
    MersenneTwisterFast reference = (MersenneTwisterFast) run.clone();

    List<Events.Occurrences> lazy = new ArrayList<>();
    for (EventSpec e : random) {
      Events.Occurrences o = new Events.Occurrences(e, s, s.steps());
      o.take(run);
      lazy.add(o);
    }
    for (int i = 0; i < random.size(); i++) {
      List<Integer> got = new ArrayList<>();
      Events.Occurrences o = lazy.get(i);
      for (o.advance(); o.step >= 0; o.advance()) got.add(o.step);
      List<Integer> expected = inAdvance(random.get(i), s, reference);
      assertEquals(expected, got, random.get(i).id());
      assertTrue(expected.size() > (i == 0 ? 100 : 0), "the event happens: " + expected.size());
    }
    for (int k = 0; k < 5; k++) {
      assertEquals(reference.nextDouble(), run.nextDouble(), "the run's generator skipped exactly the events' draws");
    }
  }

  /** A random event's action takes effect when it falls: without it, the world stays unsanctioned. */
  @Test
  void randomEvent_appliesItsActionWhenItFalls() {
    Scenario with = Fixtures.variantOf(dir, RIVALS, "random-sanction", "events:\n"
        + "  - {id: often, rate: 40, sanction: {from: A, to: S, severity: 0.3}}\n");
    Scenario without = Fixtures.variantOf(dir, RIVALS, "no-random-sanction", "events: []\n");
    assertEquals(0.3, sanctionAfter(with, 6), 1e-12, "a sanction that falls about 3 times a month has fallen by month 6");
    assertEquals(0.0, sanctionAfter(without, 6), 0.0);
  }

  private static double sanctionAfter(Scenario s, int steps) {
    HedgeWorld w = new HedgeWorld(5L, s);
    w.start();
    for (int i = 0; i < steps; i++) w.schedule.step(w);
    return w.actors[w.actorIndex("A")].sanctionOn[w.actorIndex("S")];
  }
}

package org.hedgesim.gui;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.experiment.Seeds;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.engine.Stoppable;
import sim.portrayal.Inspector;
import sim.portrayal.SimpleInspector;
import sim.portrayal.continuous.ContinuousPortrayal2D;
import sim.portrayal.inspector.TabbedInspector;
import sim.portrayal.network.NetworkPortrayal2D;
import sim.portrayal.network.SpatialNetwork2D;

/**
 * MASON's GUI for a {@link HedgeWorld}: a map of the states and their ties, live charts, and
 * in the Console's Model tab the scenario's key values to change between runs.
 *
 * <p><b>Same engine, same numbers.</b> The Console keeps a 32-bit seed and calls
 * {@code state.setSeed(seed)} before each {@link #start()}. That seed is the master seed of
 * {@code hedgesim run --seed}: {@link #start()} runs the world with {@code Seeds.derive(seed, 0, 0)},
 * the seed {@code run} gives its first replication, so a GUI run and a headless run of the same
 * scenario and seed produce the same values at every step. The charts and the map only read the
 * world after each step (through {@link GUIState#scheduleRepeatingImmediatelyAfter}); they add
 * nothing to the model's schedule and draw nothing from its generator.
 */
public class HedgeWorldWithUI extends GUIState {
  /** The system property the no-argument constructor reads the scenario file from. */
  public static final String SCENARIO_PROPERTY = "hedgesim.scenario";
  static final int DISPLAY_WIDTH = 800;
  static final int DISPLAY_HEIGHT = 600;

  private final Knobs knobs;
  private final Recorder recorder = new Recorder();
  private final WorldMap map = new WorldMap();
  private final NetworkPortrayal2D tiePortrayal = new NetworkPortrayal2D();
  private final ContinuousPortrayal2D statePortrayal = new ContinuousPortrayal2D();
  private final Backdrop backdrop = new Backdrop(map);
  private final Overlay overlay;
  private Stoppable mapUpdater;

  public Display2D display;
  private Charts charts;

  /**
   * MASON's no-argument form (for its "New Simulation" machinery): the scenario is the file named
   * by the system property {@value #SCENARIO_PROPERTY}, run with its own seed.
   */
  public HedgeWorldWithUI() {
    this(worldFromProperty());
  }

  /** A GUI for a world; the world's scenario is the base that the Model tab's knobs change. */
  public HedgeWorldWithUI(SimState state) {
    super(state);
    this.knobs = new Knobs(((HedgeWorld) state).scenario());
    this.overlay = new Overlay(map, recorder, this);
  }

  private static HedgeWorld worldFromProperty() {
    String file = System.getProperty(SCENARIO_PROPERTY);
    if (file == null) {
      throw new IllegalStateException("no scenario: set -D" + SCENARIO_PROPERTY + "=FILE, or use hedgesim gui FILE");
    }
    try {
      Scenario s = ScenarioLoader.load(Path.of(file), file);
      return new HedgeWorld(s.seed(), s);
    } catch (ScenarioException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public static String getName() {
    return "hedgesim";
  }

  /** The Console's About tab. */
  public static Object getInfo() {
    return "<html><body style='font-family:sans-serif'>"
        + "<h2>hedgesim: small states hedging between powers</h2>"
        + "<p>Press <b>Play</b> to run the scenario month by month, <b>Pause</b> to stop and talk, "
        + "<b>Stop</b> to end the run.</p>"
        + "<p><b>The map.</b> The two strongest powers sit at the ends of the main axis. Each small "
        + "state stands on the axis at its lean, (alignment to the power on the right minus alignment "
        + "to the power on the left) / 2, and takes the colour of the side it leans to; the shaded "
        + "band behind it is the stretch it has covered. Disc size: capability. Rings: frameworks the "
        + "actor belongs to (a thin dashed ring: one it has left). Lines: ties, as wide as the flows "
        + "between the two; dashed red while a sanction or coercion is in force. Captions: what just "
        + "happened.</p>"
        + "<p><b>The charts.</b> Alignment toward each power; the hedging index (1 = equidistant) and "
        + "the lean between the two main powers; the dependence on each power; each power's courtship "
        + "(US$ bn a year) and coercion (the share of trade and aid it cuts), every month.</p>"
        + "<p><b>The Model tab.</b> The scenario's key values: nationalism, neutrality, strategy, risk "
        + "aversion and commitment cost of each small state; the doctrine, budget and largest coercion "
        + "of each power and the rivalry between each two; the model's parameters; and each event. "
        + "Change them, press Stop and Play: the new run starts from the start date with the same "
        + "seed, so the difference is the change alone. The same seed gives the same numbers as "
        + "<tt>hedgesim run --seed</tt>.</p></body></html>";
  }

  /** The world this GUI runs. */
  public HedgeWorld world() {
    return (HedgeWorld) state;
  }

  /** What the current run has recorded: every series at every step, and the events. */
  public Recorder recorder() {
    return recorder;
  }

  Knobs knobs() {
    return knobs;
  }

  WorldMap map() {
    return map;
  }

  Overlay overlay() {
    return overlay;
  }

  Charts charts() {
    return charts;
  }

  /** The Console's seed: the master seed, as {@code hedgesim run --seed} takes it. */
  public long masterSeed() {
    return state.seed();
  }

  @Override
  public Object getSimulationInspectedObject() {
    return state;
  }

  /**
   * The Model tab: the knobs by group (each a slider, menu or check box), the readings of the
   * current step and the log of events. Volatile: updated every step.
   */
  @Override
  public Inspector getInspector() {
    TabbedInspector tabs = new TabbedInspector();
    for (String group : List.of(Knobs.STATES, Knobs.POWERS, Knobs.MODEL, Knobs.EVENTS)) {
      List<Knob> list = knobs.group(group);
      if (!list.isEmpty()) tabs.addInspector(new NotedInspector(Knobs.NOTE, inspector(new KnobProperties(list))), group);
    }
    tabs.addInspector(inspector(new Readings(knobs.base(), recorder)), "Now");
    tabs.addInspector(new EventLog(recorder), "Log");
    tabs.setVolatile(true);
    return tabs;
  }

  private SimpleInspector inspector(sim.util.Properties p) {
    return new SimpleInspector(p, this, null, Math.max(25, p.numProperties()));
  }

  /**
   * Makes the map and the charts, once. They get no windows of their own: the {@link Classroom}
   * lays them out in the Console's window.
   */
  @Override
  public void init(Controller c) {
    super.init(c);
    display = new Display2D(DISPLAY_WIDTH, DISPLAY_HEIGHT, this);
    display.setBackdrop(Palette.BACKGROUND);
    display.setName("map");
    // back to front: axis and trails, ties, states, then captions and legend
    display.attach(backdrop, "Axis and trails");
    display.attach(tiePortrayal, "Ties");
    display.attach(statePortrayal, "States");
    display.attach(overlay, "Date, captions, legend");
    String[] main = WorldMap.mainPoles(knobs.base());
    charts = new Charts(knobs.base(), main[0], main[1]);
    preview();
  }

  /** Shows where the states stand at the start date before the first Play. */
  private void preview() {
    HedgeWorld w = new HedgeWorld(Seeds.derive(masterSeed(), 0, 0), knobs.apply());
    w.start();
    setupPortrayals(w);
  }

  /**
   * Starts a run: the scenario with the Model tab's changes, the seed derived from the Console's
   * as {@code hedgesim run} derives it, and this GUI's recorder as the world's observer.
   */
  @Override
  public void start() {
    HedgeWorld w = world();
    w.setScenario(knobs.apply());
    w.setRunSeed(Seeds.derive(masterSeed(), 0, 0));
    w.setObserver(recorder);
    super.start();
    setupPortrayals(w);
    if (charts != null) charts.schedule(this, recorder);
    mapUpdater = scheduleRepeatingImmediatelyAfter(s -> {
      map.update(knobs.tieChannel());
      map.recordTrails();
    });
  }

  /** MASON's checkpoint loading (the Classroom greys it out: worlds are not written to checkpoints). */
  @Override
  public void load(SimState state) {
    super.load(state);
    setupPortrayals(world());
  }

  @Override
  public void finish() {
    super.finish();
    if (mapUpdater != null) mapUpdater.stop();
    mapUpdater = null;
  }

  private void setupPortrayals(HedgeWorld w) {
    map.build(w, knobs.tieChannel());
    tiePortrayal.setField(new SpatialNetwork2D(map.field, map.network));
    tiePortrayal.setPortrayalForAll(new TiePortrayal(map));
    statePortrayal.setField(map.field);
    statePortrayal.setPortrayalForAll(new StatePortrayal(map));
    if (display != null) {
      display.reset();
      display.setBackdrop(Color.WHITE);
      display.repaint();
    }
  }

  @Override
  public void quit() {
    super.quit();
    if (display != null) display.quit();
    if (charts != null) charts.quit();
    display = null;
    charts = null;
  }
}

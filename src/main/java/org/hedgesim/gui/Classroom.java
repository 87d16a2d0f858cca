package org.hedgesim.gui;

import java.awt.AWTException;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.GridLayout;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComboBox;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.scenario.Scenario;
import org.jfree.chart.ChartPanel;
import sim.display.Console;

/**
 * Opens MASON's Console on a scenario, as one window laid out for a projector, and drives it:
 * run a number of steps, save a picture of the window, close. Everything that touches Swing runs
 * on Swing's event thread.
 */
public final class Classroom {
  private final HedgeWorldWithUI gui;
  private final Console console;

  private Classroom(HedgeWorldWithUI gui, Console console) {
    this.gui = gui;
    this.console = console;
  }

  /**
   * Opens the Console, the map and the charts for a scenario.
   *
   * @param masterSeed the seed shown in the Console (the master seed of {@code hedgesim run --seed});
   *     MASON's Console keeps 32 bits, so it must fit in an int
   * @param delayMillis pause between two steps while playing, so that a class can follow
   * @throws java.awt.HeadlessException where there is no display
   */
  public static Classroom open(Scenario scenario, int masterSeed, long delayMillis)
      throws InterruptedException {
    if (GraphicsEnvironment.isHeadless()) throw new java.awt.HeadlessException();
    AtomicReference<Classroom> out = new AtomicReference<>();
    onSwing(() -> {
      HedgeWorldWithUI gui = new HedgeWorldWithUI(new HedgeWorld(masterSeed, scenario));
      Console[] made = new Console[1];
      QuietStart.run(() -> made[0] = new Console(gui));
      Console console = made[0];
      console.setIncrementSeedOnStop(false); // a re-run keeps the seed: only the edits change
      console.setNewMenuAllowed(false);
      disableCheckpoints(console);
      console.setWhenShouldEnd(scenario.steps());
      console.setPlaySleep(delayMillis);
      Classroom c = new Classroom(gui, console);
      c.layOut();
      console.setVisible(true);
      c.arrange();
      out.set(c);
    });
    return out.get();
  }

  /**
   * Makes the Console's window the one classroom window, as large as the screen: on the left the
   * map with the hedging chart under it (what a class watches while the run plays), on the right
   * the Console's tabs with a tab per kind of chart in front (alignment, dependence, courtship and
   * coercion, one chart per small state stacked in the tab), and at the bottom the Console's Play,
   * Pause and Stop with the step counter. Every size follows from the window's, so the same layout
   * serves a 1024x768 projector and a 1920x1080 screen; the dividers can be dragged.
   */
  private void layOut() {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    Charts charts = gui.charts();
    JTabbedPane tabs = console.getTabPane();
    Container content = console.getContentPane();
    content.remove(tabs);
    int at = 0;
    tabs.insertTab("Alignment", null, column(charts.of(Charts.Kind.ALIGNMENT)),
        "Each small state's alignment toward each power", at++);
    tabs.insertTab("Dependence", null, column(charts.of(Charts.Kind.DEPENDENCE)),
        "Each small state's dependence on each power", at++);
    tabs.insertTab("Courtship, coercion", null, column(charts.of(Charts.Kind.POWERS)),
        "Each power's courtship and coercion of each small state", at++);
    tabs.setSelectedIndex(0);
    // the map is scaled to fit (fitMap), so it needs no scroll bars, which would take room from it
    gui.display.display.setVerticalScrollBarPolicy(JScrollPane.VERTICAL_SCROLLBAR_NEVER);
    gui.display.display.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
    JPanel map = new JPanel(new BorderLayout());
    map.setName("map panel");
    map.add(gui.display, BorderLayout.CENTER);
    ChartPanel hedging = charts.of(Charts.Kind.HEDGING).get(0).panel();
    JSplitPane left = new JSplitPane(JSplitPane.VERTICAL_SPLIT, true, map, hedging);
    left.setResizeWeight(0.6);
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, true, left, tabs);
    split.setResizeWeight(0.5);
    content.add(split, BorderLayout.CENTER);
    countSteps();
    console.setBounds(screen);
    this.split = split;
    this.left = left;
    console.addComponentListener(new java.awt.event.ComponentAdapter() {
      @Override
      public void componentResized(java.awt.event.ComponentEvent e) {
        arrange();
      }
    });
    gui.display.display.addComponentListener(new java.awt.event.ComponentAdapter() {
      @Override
      public void componentResized(java.awt.event.ComponentEvent e) {
        fitMap();
      }
    });
  }

  private JSplitPane split;
  private JSplitPane left;

  /**
   * Sets the dividers from the window's size (once it is on the screen, when the sizes are real):
   * the map is 4:3 and gets up to 55% of the width, less if the hedging chart under it would be
   * lower than {@link #MIN_CHART_HEIGHT} or the charts beside it narrower than {@link #MIN_CHART_WIDTH}.
   */
  private void arrange() {
    console.validate();
    int width = split.getWidth();
    int height = left.getHeight();
    int header = gui.display.header == null ? 0 : gui.display.header.getPreferredSize().height;
    int frame = 8;
    int mapWidth = (int) Math.min(width * 0.55, (height - MIN_CHART_HEIGHT - header - frame) * 4.0 / 3);
    mapWidth = Math.max(MIN_CHART_WIDTH, Math.min(mapWidth, width - MIN_CHART_WIDTH - split.getDividerSize()));
    split.setDividerLocation(mapWidth + frame);
    left.setDividerLocation((int) (mapWidth * 3.0 / 4) + header + frame);
    console.validate();
    fitMap();
  }

  /** The narrowest and the lowest a chart gets when the window is laid out. */
  static final int MIN_CHART_WIDTH = 300;
  static final int MIN_CHART_HEIGHT = 260;

  /** The charts of a tab, one under the other. */
  private static JPanel column(List<Charts.Chart> charts) {
    JPanel p = new JPanel(new GridLayout(charts.size(), 1, 0, 4));
    for (Charts.Chart c : charts) p.add(c.panel());
    return p;
  }

  /** Scales the map to the room it has, so that all of it shows. */
  private void fitMap() {
    JScrollPane pane = gui.display.display;
    java.awt.Insets in = pane.getInsets();
    // a pixel to spare: MASON rounds the scaled map up
    Dimension room = new Dimension(pane.getWidth() - in.left - in.right - 1, pane.getHeight() - in.top - in.bottom - 1);
    double scale = Math.min(room.width / (double) HedgeWorldWithUI.DISPLAY_WIDTH,
        room.height / (double) HedgeWorldWithUI.DISPLAY_HEIGHT);
    if (scale > 0) gui.display.setScale(Math.floor(scale * 100) / 100);
  }

  /**
   * Sets the Console's counter to steps taken. It shows the schedule's time by default, which is
   * one behind: the first step runs at time 0, so after 12 months it reads 11 while the map shows
   * the 12th month. The number of steps taken is the right count: after 12 steps the run has
   * simulated 12 months and stands at the 12th (2024-12 for a start in 2024-01).
   */
  private void countSteps() {
    JComboBox<?> counter = find(console.getContentPane(), JComboBox.class);
    if (counter == null) return;
    for (int i = 0; i < counter.getItemCount(); i++) {
      if ("Steps".equals(counter.getItemAt(i))) counter.setSelectedIndex(i);
    }
  }

  private static <T extends Component> T find(Container c, Class<T> type) {
    for (Component child : c.getComponents()) {
      if (type.isInstance(child)) return type.cast(child);
      if (child instanceof Container inner) {
        T found = find(inner, type);
        if (found != null) return found;
      }
    }
    return null;
  }

  /**
   * Greys out the Console's Open, Save and Save As: a run is defined by its scenario file and
   * seed, and the world (which holds the scenario) is not written to MASON checkpoints.
   */
  private static void disableCheckpoints(Console console) {
    JMenuBar bar = console.getJMenuBar();
    if (bar == null) return;
    for (int m = 0; m < bar.getMenuCount(); m++) {
      JMenu menu = bar.getMenu(m);
      if (menu == null) continue;
      for (int i = 0; i < menu.getItemCount(); i++) {
        JMenuItem item = menu.getItem(i);
        if (item != null && (item.getText().startsWith("Open") || item.getText().startsWith("Save"))) {
          item.setEnabled(false);
        }
      }
    }
  }

  /** Brings the Console's Model tab (the knobs) to the front. */
  public void showModelTab() throws InterruptedException {
    onSwing(() -> {
      JTabbedPane tabs = console.getTabPane();
      for (int i = 0; i < tabs.getTabCount(); i++) {
        if ("Model".equals(tabs.getTitleAt(i))) tabs.setSelectedIndex(i);
      }
    });
  }

  public HedgeWorldWithUI gui() {
    return gui;
  }

  public Console console() {
    return console;
  }

  /**
   * Plays at full speed until the schedule has taken {@code steps} steps, then pauses; or to the end date, where
   * the Console stops. From a stopped Console this is Play (a new run); from a paused one, it resumes.
   */
  public void runSteps(long steps, long timeoutMillis) throws InterruptedException {
    onSwing(() -> {
      console.setPlaySleep(0);
      console.setWhenShouldPause(steps);
      if (console.getPlayState() == Console.PS_PAUSED) {
        console.pressPause(); // resumes
      } else if (console.getPlayState() == Console.PS_STOPPED) {
        console.pressPlay();
      }
    });
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      if (console.getPlayState() != Console.PS_PLAYING && gui.recorder().steps() > 0) break;
      Thread.sleep(50);
    }
    if (console.getPlayState() == Console.PS_PLAYING) {
      throw new IllegalStateException("the run did not reach step " + steps + " in " + timeoutMillis + " ms");
    }
  }

  /** Lets the charts and the map catch up with the model (their updates queue on Swing's thread). */
  private void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      onSwing(() -> {
        console.repaint();
      });
      Thread.sleep(300);
    }
    onSwing(() -> { });
  }

  /** Saves a PNG of the part of the screen the window covers; returns its size. */
  public Rectangle snapshot(Path file) throws InterruptedException, IOException {
    AtomicReference<Rectangle> area = new AtomicReference<>();
    onSwing(() -> {
      console.toFront();
      Rectangle r = console.isShowing() ? console.getBounds() : null;
      Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
      area.set(r == null ? screen : r.intersection(screen));
    });
    settle();
    BufferedImage image;
    try {
      image = new Robot().createScreenCapture(area.get());
    } catch (AWTException e) {
      throw new IOException("cannot read the screen: " + e.getMessage(), e);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    ImageIO.write(image, "png", file.toFile());
    return area.get();
  }

  /** Ends the run and closes the windows, without ending the program (unlike the Console's Quit). */
  public void close() throws InterruptedException {
    onSwing(() -> {
      console.pressStop();
      gui.quit();
      console.dispose();
    });
  }

  /** Waits until the Console's window is closed (the Console's Quit then ends the program). */
  public void awaitClosed() throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    onSwing(() -> console.addWindowListener(new java.awt.event.WindowAdapter() {
      @Override
      public void windowClosed(java.awt.event.WindowEvent e) {
        closed.countDown();
      }
    }));
    closed.await();
  }

  /** Runs on Swing's event thread and waits; an error there is thrown here, unwrapped. */
  static void onSwing(Runnable r) throws InterruptedException {
    if (SwingUtilities.isEventDispatchThread()) {
      r.run();
      return;
    }
    try {
      SwingUtilities.invokeAndWait(r);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException(cause);
    }
  }
}

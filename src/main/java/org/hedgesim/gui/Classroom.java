package org.hedgesim.gui;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.scenario.Scenario;
import sim.display.Console;
import sim.util.media.chart.TimeSeriesChartGenerator;

/**
 * Opens MASON's Console on a scenario, with the windows laid out for a projector, and drives it:
 * run a number of steps, save a picture of the windows, close. Everything that touches Swing runs
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
      out.set(c);
    });
    return out.get();
  }

  /**
   * Lays the windows out on the screen: the map top left, the Console beside it, the charts of
   * alignment and dependence in a column on the right and the hedging index under the map (on a
   * narrow screen, all three under the map).
   */
  private void layOut() {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    int mapW = (int) (screen.width * 0.46);
    int mapH = (int) (screen.height * 0.66);
    int consoleW = Math.max(380, (int) (screen.width * 0.22));
    JFrame map = gui.displayFrame;
    map.setBounds(screen.x, screen.y, mapW, mapH);
    map.validate();
    Dimension room = gui.display.display.getViewport().getExtentSize();
    double scale = Math.min(room.width / (double) HedgeWorldWithUI.DISPLAY_WIDTH,
        room.height / (double) HedgeWorldWithUI.DISPLAY_HEIGHT);
    if (scale > 0) gui.display.setScale(Math.floor(scale * 100) / 100);
    console.setBounds(screen.x + mapW, screen.y, consoleW, screen.height);
    List<JFrame> charts = new ArrayList<>(gui.frames().subList(1, gui.frames().size()));
    int chartsX = screen.x + mapW + consoleW;
    int chartsW = screen.x + screen.width - chartsX;
    int belowH = screen.y + screen.height - (screen.y + mapH);
    if (charts.size() == 4 && chartsW >= 300) {
      // alignment and dependence to the right of the Console; hedging and the powers below the map
      charts.get(0).setBounds(chartsX, screen.y, chartsW, screen.height / 2);
      charts.get(2).setBounds(chartsX, screen.y + screen.height / 2, chartsW, screen.height - screen.height / 2);
      charts.get(1).setBounds(screen.x, screen.y + mapH, mapW / 2, Math.max(200, belowH));
      charts.get(3).setBounds(screen.x + mapW / 2, screen.y + mapH, mapW - mapW / 2, Math.max(200, belowH));
    } else {
      int w = (mapW + consoleW) / Math.max(1, charts.size());
      for (int i = 0; i < charts.size(); i++) {
        charts.get(i).setBounds(screen.x + i * w, screen.y + mapH, w, Math.max(250, belowH));
      }
    }
    for (JFrame f : charts) {
      f.validate();
      collapseSideBar(f);
      f.validate();
    }
    for (TimeSeriesChartGenerator chart : gui.charts().all()) fitChart(chart);
  }

  /** Shapes a chart to its window (MASON draws it at a fixed width-to-height proportion). */
  private static void fitChart(TimeSeriesChartGenerator chart) {
    JViewport view = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, chart.getChartPanel());
    if (view == null) return;
    Dimension d = view.getExtentSize();
    if (d.width > 0 && d.height > 8) chart.setProportion(Math.floor(100.0 * d.width / (d.height - 6)) / 100);
  }

  /** Gives the chart the whole window: MASON's series options slide out from the left edge. */
  private static void collapseSideBar(Container c) {
    for (Component child : c.getComponents()) {
      if (child instanceof JSplitPane split) {
        split.setOneTouchExpandable(true);
        split.setDividerLocation(0);
      } else if (child instanceof Container inner) {
        collapseSideBar(inner);
      }
    }
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
        for (JFrame f : gui.frames()) f.repaint();
        console.repaint();
      });
      Thread.sleep(300);
    }
    onSwing(() -> { });
  }

  /** Saves a PNG of the part of the screen the windows cover; returns its size. */
  public Rectangle snapshot(Path file) throws InterruptedException, IOException {
    AtomicReference<Rectangle> area = new AtomicReference<>();
    onSwing(() -> {
      Rectangle r = null;
      List<Window> windows = new ArrayList<>(gui.frames());
      windows.add(console);
      for (Window w : windows) {
        if (!w.isShowing()) continue;
        w.toFront();
        r = r == null ? w.getBounds() : r.union(w.getBounds());
      }
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

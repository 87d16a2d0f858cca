package org.hedgesim.gui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioLoader;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.ui.RectangleEdge;

/**
 * The program {@link WindowLayoutTest} runs in a JVM of its own on a virtual screen of one size:
 * opens the classroom window on a scenario, plays a few steps, then walks the window's components
 * tab by tab and checks that everything a class must see is inside the window and not cut off by
 * its parent, big enough to read, not on top of another chart; that the charts keep their fonts,
 * date axes and colours; that the Console's counter and the map name the same month; and that the
 * map's captions, legend and date stay inside the map and apart. Saves a screenshot of each tab.
 * Prints "LAYOUT OK" when all is well, else each failure and exits with 1.
 */
public final class WindowLayoutDriver {
  static final int STEPS = 6;
  private final List<String> failures = new ArrayList<>();

  private WindowLayoutDriver() {}

  public static void main(String[] args) throws Exception {
    int code;
    try {
      WindowLayoutDriver d = new WindowLayoutDriver();
      d.run(Path.of(args[0]), Path.of(args[1]));
      d.failures.forEach(f -> System.out.println("FAIL " + f));
      code = d.failures.isEmpty() ? 0 : 1;
      if (code == 0) System.out.println("LAYOUT OK");
    } catch (Throwable t) {
      t.printStackTrace(System.out);
      code = 1;
    }
    System.out.flush();
    System.exit(code);
  }

  private void run(Path scenarioFile, Path out) throws Exception {
    Files.createDirectories(out);
    Scenario s = ScenarioLoader.load(scenarioFile);
    Classroom room = Classroom.open(s, (int) s.seed(), 0);
    try {
      room.runSteps(STEPS, 60_000);
      room.snapshot(out.resolve("map.png")); // also lets the charts and the map catch up
      JTabbedPane tabs = room.console().getTabPane();
      for (String tab : List.of("Alignment", "Dependence", "Courtship, coercion", "Model")) {
        Classroom.onSwing(() -> tabs.setSelectedIndex(tabs.indexOfTab(tab)));
        room.snapshot(out.resolve(tab.replaceAll("\\W+", "-").toLowerCase() + ".png"));
        Classroom.onSwing(() -> check(room, tab));
      }
    } finally {
      room.close();
    }
  }

  /** Everything that shows with tab {@code tab} in front. */
  private void check(Classroom room, String tab) {
    Container content = room.console().getContentPane();
    Rectangle window = new Rectangle(0, 0, content.getWidth(), content.getHeight());
    Rectangle screen = room.console().getGraphicsConfiguration().getBounds();
    expect(screen.contains(room.console().getBounds()), tab + ": window " + room.console().getBounds()
        + " inside the screen " + screen);

    List<ChartPanel> charts = new ArrayList<>();
    List<Component> matter = new ArrayList<>();
    walk(content, c -> {
      if (!c.isShowing()) return;
      if (c instanceof ChartPanel p) charts.add(p);
      if (c instanceof ChartPanel || c == room.gui().display || c instanceof AbstractButton
          || c instanceof JLabel || c instanceof JComboBox || c instanceof JTabbedPane
          || c instanceof javax.swing.JTextArea) {
        matter.add(c);
      }
    });
    int expected = 1 + (tab.equals("Model") ? 0 : smallStates(room));
    expect(charts.size() == expected, tab + ": " + charts.size() + " charts show, expected " + expected);
    for (Component c : matter) inside(c, content, window, tab);
    for (int i = 0; i < charts.size(); i++) {
      ChartPanel p = charts.get(i);
      expect(p.getWidth() >= 250 && p.getHeight() >= 200, tab + ": chart " + p.getName() + " is "
          + p.getWidth() + "x" + p.getHeight() + ", under 250x200");
      for (int j = i + 1; j < charts.size(); j++) {
        Rectangle a = onScreen(p);
        Rectangle b = onScreen(charts.get(j));
        expect(!a.intersects(b), tab + ": charts " + p.getName() + " and " + charts.get(j).getName() + " overlap");
      }
      chart(p, tab);
    }
    if (!tab.equals("Model")) return;

    // the Console's counter and the map's month
    int steps = room.gui().recorder().steps();
    String status = Overlay.status(room.gui().world(), steps);
    String counter = counter(content);
    expect(status.equals("month " + counter + " of " + room.gui().world().steps()),
        "the Console's counter says " + counter + ", the map says " + status);
    expect(steps == STEPS && room.gui().world().date().equals(room.gui().world().scenario().dateOf(STEPS - 1).toString()),
        "after " + STEPS + " steps the map's date is the " + STEPS + "th month: " + room.gui().world().date());

    // the map shows whole, and its captions, date and legend lie inside it and apart
    var view = room.gui().display.display.getViewport();
    expect(view.getViewSize().width <= view.getExtentSize().width && view.getViewSize().height <= view.getExtentSize().height,
        "the whole map shows: " + view.getViewSize() + " in " + view.getExtentSize());
    Rectangle shown = new Rectangle(view.getViewPosition(), view.getExtentSize());
    Overlay.Boxes boxes = room.gui().overlay().drawn();
    for (Rectangle2D r : List.of(boxes.date(), boxes.legend(), boxes.captions())) {
      expect(r.isEmpty() || shown.contains(r), "map overlay " + r + " inside the map " + shown);
    }
    expect(!boxes.legend().isEmpty(), "the map's legend is drawn");
    expect(!boxes.captions().intersects(boxes.legend()), "captions " + boxes.captions() + " run into the legend " + boxes.legend());
    expect(!boxes.date().intersects(boxes.legend()), "the date runs into the legend");

    // the note above the knobs wraps
    walk(content, c -> {
      if (c instanceof javax.swing.JTextArea t && t.isShowing() && "note".equals(t.getName())) {
        expect(t.getLineWrap() && t.getWidth() <= t.getParent().getWidth(), "the Model tab's note wraps in its tab");
      }
    });
  }

  private static int smallStates(Classroom room) {
    return (int) room.gui().world().scenario().actors().stream().filter(a -> a.isSmall()).count();
  }

  /** The component lies inside the window's content and inside every parent's bounds. */
  private void inside(Component c, Container content, Rectangle window, String tab) {
    if (c.getWidth() == 0 || c.getHeight() == 0) return; // MASON's empty spacer labels
    // what lies in a scroll pane shows its part and scrolls to the rest: the scroll pane itself is checked
    if (SwingUtilities.getAncestorOfClass(javax.swing.JViewport.class, c) != null) return;
    Rectangle r = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), content);
    expect(window.contains(r), tab + ": " + describe(c) + " at " + r + " lies outside the window " + window);
    for (Container p = c.getParent(); p != null && p != content; p = p.getParent()) {
      Rectangle inParent = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), p);
      expect(new Rectangle(0, 0, p.getWidth(), p.getHeight()).contains(inParent),
          tab + ": " + describe(c) + " is cut off by " + p.getClass().getName() + " " + p.getSize());
    }
  }

  private static String describe(Component c) {
    String text = c instanceof JLabel l ? " '" + l.getText() + "'" : c instanceof AbstractButton b ? " '" + b.getText() + "'" : "";
    return c.getClass().getSimpleName() + (c.getName() == null ? "" : " " + c.getName()) + text;
  }

  private static Rectangle onScreen(Component c) {
    return new Rectangle(c.getLocationOnScreen(), c.getSize());
  }

  /** Fonts, scale, legend, date ticks and colours of a chart as it was last drawn. */
  private void chart(ChartPanel p, String tab) {
    String name = tab + ": chart " + p.getName();
    JFreeChart chart = p.getChart();
    XYPlot plot = chart.getXYPlot();
    float min = ChartLook.SMALLEST_POINTS;
    List<Font> fonts = new ArrayList<>(List.of(chart.getTitle().getFont(), plot.getDomainAxis().getLabelFont(),
        plot.getDomainAxis().getTickLabelFont()));
    for (int a = 0; a < plot.getRangeAxisCount(); a++) {
      if (plot.getRangeAxis(a) == null) continue;
      fonts.add(plot.getRangeAxis(a).getLabelFont());
      fonts.add(plot.getRangeAxis(a).getTickLabelFont());
    }
    LegendTitle legend = chart.getLegend();
    expect(legend != null, name + " has a legend");
    if (legend != null) fonts.add(legend.getItemFont());
    for (Font f : fonts) expect(f.getSize2D() >= min, name + ": font " + f.getSize2D() + " pt, under " + min);

    var info = p.getChartRenderingInfo();
    Rectangle2D area = info.getChartArea();
    java.awt.Insets in = p.getInsets();
    expect(Math.abs(area.getWidth() - (p.getWidth() - in.left - in.right)) < 1.5
        && Math.abs(area.getHeight() - (p.getHeight() - in.top - in.bottom)) < 1.5,
        name + " drawn at " + area + " in a panel of " + p.getSize() + ": scaled, so its fonts are not their size");
    Rectangle2D data = info.getPlotInfo().getDataArea();
    expect(data.getWidth() >= 150 && data.getHeight() >= 60, name + ": plot area " + data + " too small to read");
    if (legend != null) {
      // the legend as JFreeChart lays it out in the chart's width: it must fit under the plot
      Graphics2D lg = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
      org.jfree.ui.Size2D l = legend.arrange(lg, new org.jfree.chart.block.RectangleConstraint(area.getWidth(), new org.jfree.data.Range(0, area.getHeight()), org.jfree.chart.block.LengthConstraintType.FIXED, 0, new org.jfree.data.Range(0, area.getHeight()), org.jfree.chart.block.LengthConstraintType.RANGE));
      lg.dispose();
      expect(l.getWidth() <= area.getWidth() && data.getMaxY() + l.getHeight() <= area.getMaxY(),
          name + ": legend " + l + " does not fit under the plot " + data + " in " + area);
    }

    // the time axis' tick labels are dates
    ValueAxis axis = plot.getDomainAxis();
    expect(axis instanceof DateAxis, name + ": the time axis is a date axis");
    Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
    List<?> ticks = axis.refreshTicks(g, new AxisState(), data, RectangleEdge.BOTTOM);
    g.dispose();
    expect(ticks.size() >= 2, name + ": " + ticks.size() + " date ticks");
    for (Object t : ticks) {
      String text = ((ValueTick) t).getText();
      expect(text.matches("\\d{4}(-\\d{2})?"), name + ": tick label '" + text + "' is not a date");
    }

    // a colour of its own for every line of the alignment and dependence charts; a style of its own everywhere
    int n = 0;
    Set<Paint> colours = new HashSet<>();
    Set<List<Object>> looks = new HashSet<>();
    for (int d = 0; d < plot.getDatasetCount(); d++) {
      if (plot.getDataset(d) == null) continue;
      var r = plot.getRenderer(d);
      for (int i = 0; i < plot.getDataset(d).getSeriesCount(); i++, n++) {
        colours.add(r.getSeriesPaint(i));
        looks.add(List.of(r.getSeriesPaint(i), r.getSeriesStroke(i)));
        expect(r.getSeriesPaint(i) instanceof Color, name + ": series " + i + " of dataset " + d + " has a colour");
      }
    }
    if (p.getName().startsWith("hedging")) {
      // the index (near 1) is not flattened against 0: its axis starts well above 0
      expect(plot.getRangeAxis(0).getLowerBound() > 0.3, name + ": the hedging index's axis starts at "
          + plot.getRangeAxis(0).getLowerBound() + ", which flattens its lines");
    }
    boolean own = p.getName().startsWith("alignment") || p.getName().startsWith("dependence") || p.getName().startsWith("hedging");
    if (own) expect(colours.size() == n, name + ": " + n + " lines in " + colours.size() + " colours");
    expect(looks.size() == n, name + ": " + n + " lines in " + looks.size() + " styles");
  }

  private static String counter(Container content) {
    AtomicReference<String> out = new AtomicReference<>("");
    walk(content, c -> {
      if (c instanceof JLabel l && l.isShowing() && l.getText() != null && l.getText().strip().matches("\\d+")
          && out.get().isEmpty()) {
        out.set(l.getText().strip());
      }
    });
    return out.get();
  }

  private static void walk(Component c, java.util.function.Consumer<Component> visit) {
    visit.accept(c);
    if (c instanceof Container k) for (Component child : k.getComponents()) walk(child, visit);
  }

  private void expect(boolean ok, String what) {
    if (!ok) failures.add(what);
  }
}

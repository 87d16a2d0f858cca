package org.hedgesim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.Framework;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.scenario.ChannelSpec;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;

/**
 * What lies over the map: the current date and step, captions of the events as they happen
 * (scripted, random and the model's own decisions; the ones that change memberships or sanctions
 * stay longer and in bold), and the legend.
 */
final class Overlay extends FieldPortrayal2D {
  /** Steps a caption stays on the map: major events, and the others. */
  static final int MAJOR_STEPS = 24;
  static final int MINOR_STEPS = 3;
  static final int MAX_CAPTIONS = 6;

  private final transient WorldMap map;
  private final transient Recorder recorder;
  private final transient HedgeWorldWithUI gui;
  /** Where the last drawing put the date block, the captions and the legend (empty: not drawn). */
  private volatile Boxes drawn = new Boxes(new Rectangle2D.Double(), new Rectangle2D.Double(), new Rectangle2D.Double());

  /** The areas the overlay covers, in the map's pixels: for the window test to check they fit. */
  record Boxes(Rectangle2D date, Rectangle2D captions, Rectangle2D legend) {}

  /** The smallest text on the map, in pixels: a small map's text stays readable. */
  static final int MIN_TEXT = 11;

  Overlay(WorldMap map, Recorder recorder, HedgeWorldWithUI gui) {
    this.map = map;
    this.recorder = recorder;
    this.gui = gui;
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    HedgeWorld w = map.world();
    if (w == null) return;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    double u = info.draw.width / WorldMap.WIDTH;
    Rectangle2D date = drawDate(g, info, w, u);
    Rectangle2D legend = drawLegend(g, info, w, u);
    Rectangle2D captions = drawCaptions(g, info, u, legend.getX() - 1.0 * u);
    drawn = new Boxes(date, captions, legend);
  }

  Boxes drawn() {
    return drawn;
  }

  /** A font {@code units} map units high, but never under {@code min} pixels. */
  private static Font font(int style, double units, double u, int min) {
    return new Font(Font.SANS_SERIF, style, (int) Math.max(min, Math.round(units * u)));
  }

  private Rectangle2D drawDate(Graphics2D g, DrawInfo2D info, HedgeWorld w, double u) {
    int recorded = recorder.steps();
    String date = recorded == 0 ? w.scenario().start().toString() : w.date();
    double x = Backdrop.px(info, 1.5);
    double y = Backdrop.py(info, 1.0);
    g.setFont(font(Font.BOLD, 4.2, u, 2 * MIN_TEXT));
    FontMetrics big = g.getFontMetrics();
    g.setColor(Palette.INK);
    g.drawString(date, (float) x, (float) (y + big.getAscent()));
    g.setFont(font(Font.PLAIN, 1.45, u, MIN_TEXT));
    FontMetrics small = g.getFontMetrics();
    g.setColor(Palette.FAINT);
    String status = status(w, recorded);
    float line = (float) (y + big.getAscent() + big.getDescent());
    String name = w.scenario().name() + "   seed " + gui.masterSeed();
    g.drawString(name, (float) x, line + small.getAscent());
    g.drawString(status, (float) x, line + small.getAscent() + small.getHeight());
    double width = Math.max(big.stringWidth(date), Math.max(small.stringWidth(name), small.stringWidth(status)));
    return new Rectangle2D.Double(x, y, width, line - y + small.getAscent() + small.getHeight() + small.getDescent());
  }

  /** The status line under the date: "month 12 of 132", or "ready: press Play" before the first step. */
  static String status(HedgeWorld w, int recorded) {
    String unit = w.scenario().step().name().toLowerCase(Locale.ROOT);
    return recorded == 0 ? "ready: press Play" : unit + " " + recorded + " of " + w.steps();
  }

  /** The captions on the map now, newest first. */
  List<EventRecord> captions() {
    int now = recorder.steps() - 1;
    List<EventRecord> events = recorder.events();
    List<EventRecord> out = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0 && out.size() < MAX_CAPTIONS; i--) {
      EventRecord e = events.get(i);
      if (!Captions.isShown(e)) continue;
      int age = now - e.step();
      if (age < (Captions.isMajor(e) ? MAJOR_STEPS : MINOR_STEPS)) out.add(e);
      if (age >= MAJOR_STEPS) break;
    }
    return out;
  }

  /**
   * The captions, bottom left, each cut short (with "...") where it would run into the legend, whose
   * left edge is {@code right}.
   */
  private Rectangle2D drawCaptions(Graphics2D g, DrawInfo2D info, double u, double right) {
    List<EventRecord> shown = captions();
    if (shown.isEmpty()) return new Rectangle2D.Double();
    Font bold = font(Font.BOLD, 1.6, u, MIN_TEXT);
    Font plain = font(Font.PLAIN, 1.45, u, MIN_TEXT);
    double x = Backdrop.px(info, 1.5);
    double bottom = Backdrop.py(info, WorldMap.HEIGHT - 1.0);
    g.setFont(bold);
    double lineHeight = Math.max(2.1 * u, g.getFontMetrics().getHeight());
    double top = bottom - lineHeight * shown.size() - 0.6 * u;
    double room = right - x - 1.2 * u;
    List<String> texts = new ArrayList<>();
    double width = 0;
    for (EventRecord e : shown) {
      g.setFont(Captions.isMajor(e) ? bold : plain);
      String text = fit(Captions.caption(e), g.getFontMetrics(), room);
      texts.add(text);
      width = Math.max(width, g.getFontMetrics().stringWidth(text));
    }
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(new RoundRectangle2D.Double(x - 0.6 * u, top, width + 1.2 * u, bottom - top + 0.4 * u, u, u));
    double y = top + lineHeight;
    for (int i = 0; i < shown.size(); i++) {
      boolean major = Captions.isMajor(shown.get(i));
      g.setFont(major ? bold : plain);
      g.setColor(major ? Palette.INK : Palette.FAINT);
      g.drawString(texts.get(i), (float) x, (float) (y - 0.5 * u));
      y += lineHeight;
    }
    return new Rectangle2D.Double(x - 0.6 * u, top, width + 1.2 * u, bottom - top + 0.4 * u);
  }

  /** The text, or as much of it as fits in {@code room} pixels followed by "...". */
  static String fit(String text, FontMetrics fm, double room) {
    if (fm.stringWidth(text) <= room) return text;
    String cut = text;
    while (cut.length() > 1 && fm.stringWidth(cut + "...") > room) cut = cut.substring(0, cut.length() - 1);
    return cut.strip() + "...";
  }

  /**
   * The legend, bottom right, as wide and as high as its text needs (a box of fixed map units
   * clipped its text where the map is drawn small and the text keeps {@link #MIN_TEXT}).
   */
  private Rectangle2D drawLegend(Graphics2D g, DrawInfo2D info, HedgeWorld w, double u) {
    g.setFont(font(Font.PLAIN, 1.35, u, MIN_TEXT));
    FontMetrics fm = g.getFontMetrics();
    double line = Math.max(1.95 * u, fm.getHeight() + 1);
    String a = map.poleA() == null ? "" : map.poleA().getId();
    String b = map.poleB() == null ? "" : map.poleB().getId();
    String lean = b.isEmpty() ? "colour, place: alignment to " + a : "colour, place: leans to " + b + " ... " + a;
    String leanRule = b.isEmpty() ? "" : "lean = (alignment to " + a + " - to " + b + ") / 2";
    String size = "size: capability (share of world power)";
    String ties = tieLegend(w) + "; - - sanction";
    String rings = "rings: member of (dashed: has left)";
    List<Framework> frameworks = map.frameworks();
    double icon = Math.max(5.2 * u, 4.5 * u + fm.charWidth('m'));
    double textWidth = 0;
    for (String t : List.of(lean, leanRule, size, ties)) textWidth = Math.max(textWidth, fm.stringWidth(t));
    double idWidth = 0;
    for (Framework f : frameworks) idWidth = Math.max(idWidth, fm.stringWidth(f.getId()));
    double column = 2.6 * u + idWidth + fm.charWidth('m');
    if (!frameworks.isEmpty()) textWidth = Math.max(textWidth, Math.max(fm.stringWidth(rings), 2 * column - icon));
    int lines = 4 + (frameworks.isEmpty() ? 0 : 1 + (frameworks.size() + 1) / 2);
    double width = icon + textWidth + 1.6 * u;
    double right = Backdrop.px(info, WorldMap.WIDTH - 1.5);
    double left = right - width;
    double bottom = Backdrop.py(info, WorldMap.HEIGHT - 1.0);
    double top = bottom - lines * line - 0.8 * u;
    g.setColor(new Color(255, 255, 255, 225));
    g.fill(new RoundRectangle2D.Double(left, top, width, bottom - top, u, u));
    g.setColor(new Color(200, 200, 200));
    g.setStroke(new BasicStroke(1f));
    g.draw(new RoundRectangle2D.Double(left, top, width, bottom - top, u, u));
    double x = left + 0.8 * u;
    double y = top + line;
    float text = (float) (x + icon);

    // colour: the lean
    float gx0 = (float) x;
    float gx1 = (float) (x + 4.5 * u);
    g.setPaint(new GradientPaint(gx0, 0f, map.poleB() == null ? Palette.MIDDLE : Palette.POLE_B,
        (gx0 + gx1) / 2, 0f, Palette.MIDDLE, true));
    g.fill(new Rectangle2D.Double(gx0, y - 1.1 * u, (gx1 - gx0) / 2, 1.1 * u));
    g.setPaint(new GradientPaint((gx0 + gx1) / 2, 0f, Palette.MIDDLE, gx1, 0f, Palette.POLE_A));
    g.fill(new Rectangle2D.Double((gx0 + gx1) / 2, y - 1.1 * u, (gx1 - gx0) / 2, 1.1 * u));
    g.setColor(Palette.INK);
    g.drawString(lean, text, (float) (y - 0.1 * u));
    y += line;
    g.setColor(Palette.FAINT);
    g.drawString(leanRule, text, (float) (y - 0.1 * u));
    y += line;

    // size
    g.setColor(Palette.OTHER);
    g.fill(new Ellipse2D.Double(x + 0.4 * u, y - 1.2 * u, 1.2 * u, 1.2 * u));
    g.fill(new Ellipse2D.Double(x + 2.0 * u, y - 1.7 * u, 2.0 * u, 2.0 * u));
    g.setColor(Palette.INK);
    g.drawString(size, text, (float) (y - 0.1 * u));
    y += line;

    // ties
    g.setColor(Palette.TIE);
    g.setStroke(new BasicStroke((float) Math.max(1, 0.5 * u)));
    g.draw(new Line2D.Double(x, y - 0.55 * u, x + 2 * u, y - 0.55 * u));
    g.setColor(Palette.SANCTION);
    g.setStroke(new BasicStroke((float) Math.max(2, 0.3 * u), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
        10f, new float[] {(float) (0.6 * u), (float) (0.4 * u)}, 0f));
    g.draw(new Line2D.Double(x + 2.5 * u, y - 0.55 * u, x + 4.5 * u, y - 0.55 * u));
    g.setColor(Palette.INK);
    g.drawString(ties, text, (float) (y - 0.1 * u));
    y += line;

    // frameworks, two to a line
    if (!frameworks.isEmpty()) {
      g.drawString(rings, text, (float) (y - 0.1 * u));
      y += line;
      g.setStroke(new BasicStroke((float) Math.max(1.5, 0.3 * u)));
      for (int f = 0; f < frameworks.size(); f++) {
        double cx = x + (f % 2) * column;
        double cy = y + (f / 2) * line;
        g.setColor(Palette.framework(f));
        g.draw(new Ellipse2D.Double(cx + 0.5 * u, cy - 1.4 * u, 1.4 * u, 1.4 * u));
        g.setColor(Palette.INK);
        g.drawString(frameworks.get(f).getId(), (float) (cx + 2.6 * u), (float) (cy - 0.1 * u));
      }
    }
    return new Rectangle2D.Double(left, top, width, bottom - top);
  }

  private String tieLegend(HedgeWorld w) {
    int c = gui.knobs().tieChannel();
    if (c < 0) return "ties";
    ChannelSpec ch = w.scenario().channels().get(c);
    return String.format(Locale.ROOT, "width: %s%s (max %.1f bn)", ch.kind(), ch.stock() ? " stock" : " a year",
        map.tieScale());
  }
}

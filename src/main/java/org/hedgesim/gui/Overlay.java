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
    drawDate(g, info, w, u);
    drawCaptions(g, info, u);
    drawLegend(g, info, w, u);
  }

  private void drawDate(Graphics2D g, DrawInfo2D info, HedgeWorld w, double u) {
    int recorded = recorder.steps();
    String date = recorded == 0 ? w.scenario().start().toString() : w.date();
    double x = Backdrop.px(info, 1.5);
    double y = Backdrop.py(info, 1.0);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(4.2 * u)));
    FontMetrics big = g.getFontMetrics();
    g.setColor(Palette.INK);
    g.drawString(date, (float) x, (float) (y + big.getAscent()));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(9, Math.round(1.45 * u))));
    FontMetrics small = g.getFontMetrics();
    g.setColor(Palette.FAINT);
    String unit = w.scenario().step().name().toLowerCase(Locale.ROOT);
    String status = recorded == 0 ? "ready: press Play" : unit + " " + recorded + " of " + w.steps();
    float line = (float) (y + big.getAscent() + big.getDescent());
    g.drawString(w.scenario().name() + "   seed " + gui.masterSeed(), (float) x, line + small.getAscent());
    g.drawString(status, (float) x, line + small.getAscent() + small.getHeight());
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

  private void drawCaptions(Graphics2D g, DrawInfo2D info, double u) {
    List<EventRecord> shown = captions();
    if (shown.isEmpty()) return;
    Font bold = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(10, Math.round(1.6 * u)));
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(9, Math.round(1.45 * u)));
    double x = Backdrop.px(info, 1.5);
    double bottom = Backdrop.py(info, WorldMap.HEIGHT - 1.0);
    double lineHeight = 2.1 * u;
    double top = bottom - lineHeight * shown.size() - 0.6 * u;
    double width = 0;
    for (EventRecord e : shown) {
      g.setFont(Captions.isMajor(e) ? bold : plain);
      width = Math.max(width, g.getFontMetrics().stringWidth(Captions.caption(e)));
    }
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(new RoundRectangle2D.Double(x - 0.6 * u, top, width + 1.2 * u, bottom - top + 0.4 * u, u, u));
    double y = top + lineHeight;
    for (EventRecord e : shown) {
      boolean major = Captions.isMajor(e);
      g.setFont(major ? bold : plain);
      g.setColor(major ? Palette.INK : Palette.FAINT);
      g.drawString(Captions.caption(e), (float) x, (float) (y - 0.5 * u));
      y += lineHeight;
    }
  }

  private void drawLegend(Graphics2D g, DrawInfo2D info, HedgeWorld w, double u) {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(9, Math.round(1.35 * u)));
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    double line = 1.95 * u;
    List<Framework> frameworks = map.frameworks();
    int lines = 4 + (frameworks.isEmpty() ? 0 : 1 + (frameworks.size() + 1) / 2);
    double width = 36 * u;
    double left = Backdrop.px(info, WorldMap.WIDTH - 37.5);
    double bottom = Backdrop.py(info, WorldMap.HEIGHT - 1.0);
    double top = bottom - lines * line - 0.8 * u;
    g.setColor(new Color(255, 255, 255, 225));
    g.fill(new RoundRectangle2D.Double(left, top, width, bottom - top, u, u));
    g.setColor(new Color(200, 200, 200));
    g.setStroke(new BasicStroke(1f));
    g.draw(new RoundRectangle2D.Double(left, top, width, bottom - top, u, u));
    double x = left + 0.8 * u;
    double y = top + line;
    float text = (float) (x + 5.2 * u);

    // colour: the lean
    String a = map.poleA() == null ? "" : map.poleA().getId();
    String b = map.poleB() == null ? "" : map.poleB().getId();
    float gx0 = (float) x;
    float gx1 = (float) (x + 4.5 * u);
    g.setPaint(new GradientPaint(gx0, 0f, map.poleB() == null ? Palette.MIDDLE : Palette.POLE_B,
        (gx0 + gx1) / 2, 0f, Palette.MIDDLE, true));
    g.fill(new Rectangle2D.Double(gx0, y - 1.1 * u, (gx1 - gx0) / 2, 1.1 * u));
    g.setPaint(new GradientPaint((gx0 + gx1) / 2, 0f, Palette.MIDDLE, gx1, 0f, Palette.POLE_A));
    g.fill(new Rectangle2D.Double((gx0 + gx1) / 2, y - 1.1 * u, (gx1 - gx0) / 2, 1.1 * u));
    g.setColor(Palette.INK);
    g.drawString(b.isEmpty() ? "colour, place: alignment to " + a
        : "colour, place: leans to " + b + " ... " + a, text, (float) (y - 0.1 * u));
    y += line;
    g.setColor(Palette.FAINT);
    g.drawString(b.isEmpty() ? "" : "lean = (alignment to " + a + " - to " + b + ") / 2", text, (float) (y - 0.1 * u));
    y += line;

    // size
    g.setColor(Palette.OTHER);
    g.fill(new Ellipse2D.Double(x + 0.4 * u, y - 1.2 * u, 1.2 * u, 1.2 * u));
    g.fill(new Ellipse2D.Double(x + 2.0 * u, y - 1.7 * u, 2.0 * u, 2.0 * u));
    g.setColor(Palette.INK);
    g.drawString("size: capability (share of world power)", text, (float) (y - 0.1 * u));
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
    g.drawString(tieLegend(w) + "; - - sanction", text, (float) (y - 0.1 * u));
    y += line;

    // frameworks
    if (!frameworks.isEmpty()) {
      g.drawString("rings: member of (dashed: has left)", text, (float) (y - 0.1 * u));
      y += line;
      g.setStroke(new BasicStroke((float) Math.max(1.5, 0.3 * u)));
      for (int f = 0; f < frameworks.size(); f++) {
        double cx = x + (f % 2) * 17.5 * u;
        double cy = y + (f / 2) * line;
        g.setColor(Palette.framework(f));
        g.draw(new Ellipse2D.Double(cx + 0.5 * u, cy - 1.4 * u, 1.4 * u, 1.4 * u));
        g.setColor(Palette.INK);
        String id = frameworks.get(f).getId();
        while (id.length() > 3 && fm.stringWidth(id) > 15 * u) id = id.substring(0, id.length() - 1);
        g.drawString(id, (float) (cx + 2.6 * u), (float) (cy - 0.1 * u));
      }
    }
  }

  private String tieLegend(HedgeWorld w) {
    int c = gui.knobs().tieChannel();
    if (c < 0) return "ties";
    ChannelSpec ch = w.scenario().channels().get(c);
    return String.format(Locale.ROOT, "width: %s%s (max %.1f bn)", ch.kind(), ch.stock() ? " stock" : " a year",
        map.tieScale());
  }
}

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
import java.util.Map;
import org.hedgesim.model.Actor;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;

/**
 * What lies under the ties and the states: the main axis, shaded from pole B's colour to pole A's,
 * with ticks at leans of -0.5, 0 and +0.5, and each small state's trail (the stretch of the axis it
 * has covered this run, with a ring where it started).
 */
final class Backdrop extends FieldPortrayal2D {
  private final transient WorldMap map;

  Backdrop(WorldMap map) {
    this.map = map;
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    if (map.world() == null) return;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    double u = info.draw.width / WorldMap.WIDTH;
    double y = py(info, WorldMap.AXIS_Y);
    double x0 = px(info, WorldMap.AXIS_LEFT);
    double x1 = px(info, WorldMap.AXIS_RIGHT);
    if (map.poleA() != null) {
      Color left = map.poleB() == null ? Palette.MIDDLE : fade(Palette.POLE_B, 110);
      g.setPaint(new GradientPaint((float) x0, 0f, left, (float) ((x0 + x1) / 2), 0f, fade(Palette.MIDDLE, 110)));
      g.fill(new Rectangle2D.Double(x0, y - 0.35 * u, (x1 - x0) / 2, 0.7 * u));
      g.setPaint(new GradientPaint((float) ((x0 + x1) / 2), 0f, fade(Palette.MIDDLE, 110), (float) x1, 0f,
          fade(Palette.POLE_A, 110)));
      g.fill(new Rectangle2D.Double((x0 + x1) / 2, y - 0.35 * u, (x1 - x0) / 2, 0.7 * u));
      g.setColor(Palette.FAINT);
      g.setStroke(new BasicStroke((float) Math.max(1, 0.12 * u)));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(9, Math.round(1.3 * u))));
      FontMetrics fm = g.getFontMetrics();
      for (double lean : new double[] {-0.5, 0, 0.5}) {
        double x = px(info, WorldMap.MID + WorldMap.HALF_SPAN * lean);
        g.draw(new Line2D.Double(x, y - 0.9 * u, x, y + 0.9 * u));
        String label = lean == 0 ? "0" : String.format(java.util.Locale.ROOT, "%+.1f", lean);
        g.drawString(label, (float) (x + 0.4 * u), (float) (y + 0.9 * u + fm.getAscent()));
      }
    }
    for (Map.Entry<Actor, double[]> e : map.trails().entrySet()) {
      double[] xs = e.getValue();
      if (xs.length == 0) continue;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double x : xs) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      double ty = py(info, map.rowOf(e.getKey()));
      Color c = map.colour(e.getKey());
      g.setColor(fade(c.darker(), 150));
      g.fill(new Rectangle2D.Double(px(info, min), ty - 0.45 * u, Math.max(1, (max - min) * u), 0.9 * u));
      double sx = px(info, xs[0]);
      g.setStroke(new BasicStroke((float) Math.max(1, 0.15 * u)));
      g.setColor(Palette.FAINT);
      double r = 0.8 * u;
      g.draw(new Ellipse2D.Double(sx - r, ty - r, 2 * r, 2 * r));
    }
  }

  static double px(DrawInfo2D info, double x) {
    return info.draw.x + x * info.draw.width / WorldMap.WIDTH;
  }

  static double py(DrawInfo2D info, double y) {
    return info.draw.y + y * info.draw.height / WorldMap.HEIGHT;
  }

  static Color fade(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}

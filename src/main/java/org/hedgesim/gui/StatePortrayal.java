package org.hedgesim.gui;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.hedgesim.model.Actor;
import org.hedgesim.model.Framework;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.simple.OvalPortrayal2D;

/**
 * An actor on the map: a disc sized by capability and coloured by its lean on the main axis (the
 * two main poles in their own colours), one ring per framework it belongs to (each framework at
 * its own distance; a framework it has left this run leaves a thin dashed ring), and its id
 * underneath.
 */
final class StatePortrayal extends OvalPortrayal2D {
  private static final long serialVersionUID = 1L;
  /** Distance between framework rings, and their width, in field units. */
  static final double RING_GAP = 0.55;
  private static final double RING_WIDTH = 0.3;

  private final transient WorldMap map;

  StatePortrayal(WorldMap map) {
    super(Palette.OTHER, 1.0, true);
    this.map = map;
  }

  private void prepare(Actor a) {
    paint = map.colour(a);
    scale = map.diameter(a);
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    Actor a = (Actor) object;
    prepare(a);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    double unit = info.draw.width;
    double cx = info.draw.x;
    double cy = info.draw.y;
    double r = scale * unit / 2;
    List<Framework> frameworks = map.frameworks();
    float w = (float) Math.max(1.2, RING_WIDTH * unit);
    BasicStroke ring = new BasicStroke(w);
    float dash = (float) Math.max(2, 0.45 * unit);
    BasicStroke left = new BasicStroke(Math.max(1f, w * 0.6f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
        10f, new float[] {dash, dash}, 0f);
    double outer = r;
    for (int f = 0; f < frameworks.size(); f++) {
      double rr = r + RING_GAP * unit * (f + 1);
      if (frameworks.get(f).isMember(a.index())) {
        g.setColor(Palette.framework(f));
        g.setStroke(ring);
        g.draw(new Ellipse2D.Double(cx - rr, cy - rr, 2 * rr, 2 * rr));
        outer = rr;
      } else if (map.hasLeft(f, a)) {
        g.setColor(Palette.framework(f));
        g.setStroke(left);
        g.draw(new Ellipse2D.Double(cx - rr, cy - rr, 2 * rr, 2 * rr));
        outer = rr;
      }
    }
    super.draw(object, g, info);
    g.setColor(Palette.OUTLINE);
    g.setStroke(new BasicStroke((float) Math.max(1.0, 0.12 * unit)));
    g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));

    Font font = new Font(Font.SANS_SERIF, a.isSmall() ? Font.BOLD : Font.PLAIN,
        (int) Math.max(10, Math.round(1.7 * unit)));
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    String label = a.getId();
    g.setColor(Palette.INK);
    g.drawString(label, (float) (cx - fm.stringWidth(label) / 2.0), (float) (cy + outer + fm.getAscent() + 1));
  }

  @Override
  public boolean hitObject(Object object, DrawInfo2D range) {
    prepare((Actor) object);
    return super.hitObject(object, range);
  }
}

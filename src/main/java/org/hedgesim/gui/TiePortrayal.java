package org.hedgesim.gui;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import sim.field.network.Edge;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.network.EdgeDrawInfo2D;
import sim.portrayal.network.SimpleEdgePortrayal2D;

/**
 * A tie on the map: a line whose width grows with the flows between the two (the channel chosen in
 * the Map tab), dashed and dark red while the partner sanctions the state.
 */
final class TiePortrayal extends SimpleEdgePortrayal2D {
  private static final long serialVersionUID = 1L;
  private final transient WorldMap map;

  TiePortrayal(WorldMap map) {
    // no label paint: otherwise MASON writes each edge's info on the map
    super(Palette.TIE, Palette.TIE, null);
    this.map = map;
  }

  @Override
  public void draw(Object object, Graphics2D g, DrawInfo2D info) {
    Edge edge = (Edge) object;
    Tie tie = WorldMap.tieOf(edge);
    EdgeDrawInfo2D e = (EdgeDrawInfo2D) info;
    double unit = info.draw.width;
    float width = (float) Math.max(1.0, map.tieWidth(tie) * unit);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    if (tie.isSanctioned()) {
      float dash = (float) Math.max(4, 1.2 * unit);
      g.setStroke(new BasicStroke(Math.max(2f, width), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
          10f, new float[] {dash, dash * 0.7f}, 0f));
      g.setPaint(Palette.SANCTION);
    } else {
      g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setPaint(Palette.TIE);
    }
    g.draw(new Line2D.Double(info.draw.x, info.draw.y, e.secondPoint.x, e.secondPoint.y));
  }
}

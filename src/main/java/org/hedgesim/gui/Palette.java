package org.hedgesim.gui;

import java.awt.Color;

/**
 * The colours of the map: the two main poles at the ends of a diverging scale (red and blue, after
 * ColorBrewer's RdBu), small states between them by their lean, other actors in greys, and one
 * colour per framework for the rings of its members.
 */
final class Palette {
  static final Color POLE_A = new Color(178, 24, 43);
  static final Color POLE_B = new Color(33, 102, 172);
  static final Color MIDDLE = new Color(240, 240, 240);
  static final Color OTHER_POLE = new Color(105, 105, 115);
  static final Color OTHER = new Color(190, 190, 190);
  static final Color OUTLINE = new Color(40, 40, 40);
  static final Color TIE = new Color(60, 60, 60, 120);
  static final Color SANCTION = new Color(150, 0, 0, 220);
  static final Color INK = new Color(25, 25, 25);
  static final Color FAINT = new Color(110, 110, 110);
  static final Color BACKGROUND = Color.WHITE;

  private static final Color[] FRAMEWORKS = {
      new Color(0, 150, 136), new Color(230, 126, 34), new Color(142, 68, 173),
      new Color(127, 140, 20), new Color(160, 82, 45), new Color(211, 84, 160),
      new Color(0, 188, 212), new Color(90, 90, 90)};

  /** The lean at which a small state takes the full colour of the pole it leans to. */
  static final double FULL_LEAN = 0.5;

  private Palette() {}

  /** The colour of a lean in [-1, 1]: toward pole B (negative) or pole A (positive). */
  static Color lean(double lean) {
    if (Double.isNaN(lean)) return MIDDLE;
    double t = Math.max(-1, Math.min(1, lean / FULL_LEAN));
    return t >= 0 ? mix(MIDDLE, POLE_A, t) : mix(MIDDLE, POLE_B, -t);
  }

  static Color framework(int index) {
    return FRAMEWORKS[index % FRAMEWORKS.length];
  }

  static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }
}

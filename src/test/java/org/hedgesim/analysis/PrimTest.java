package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.LatinHypercube;
import org.junit.jupiter.api.Test;

/**
 * PRIM on cases whose answer is known: a box planted in a Latin hypercube with label noise is found
 * again within a stated tolerance, a categorical box as a set of levels, and the trajectory, pasting
 * and quasi-p-values of a case small enough to count by hand.
 */
class PrimTest {

  /** Tolerance on a recovered limit, in units of the dimension's range (the unit interval here). */
  static final double TOLERANCE = 0.05;

  /** 2,000 points of a 4-dimensional Latin hypercube; of interest inside x1 >= 0.6, x2 <= 0.3; 10% of labels flipped. */
  static Cases plantedBox(int points, long seed) {
    MersenneTwister rng = new MersenneTwister(seed);
    double[][] u = new LatinHypercube(points).generate(new int[4], rng).units();
    double[][] x = new double[4][points];
    boolean[] y = new boolean[points];
    for (int i = 0; i < points; i++) {
      for (int d = 0; d < 4; d++) x[d][i] = u[i][d];
      boolean inside = x[0][i] >= 0.6 && x[1][i] <= 0.3;
      y[i] = rng.nextDouble() < 0.1 ? !inside : inside;
    }
    List<Dimension> dims = new ArrayList<>();
    for (int d = 1; d <= 4; d++) dims.add(new Dimension.Ordered("x" + d, false));
    return new Cases(dims, x, y, "runs");
  }

  @Test
  void plantedBox_isRecoveredWithinTolerance_andTheOtherDimensionsAreLeftAlone() {
    for (long seed : new long[] {1, 2, 3}) {
      Cases c = plantedBox(2000, seed);
      Prim prim = new Prim(c, new Prim.Settings(0.05, 0.05));
      List<PrimBox> t = prim.peel();
      PrimBox box = prim.paste(t.get(Prim.choose(t)));
      PrimBox.Range x1 = (PrimBox.Range) box.limits().get(0);
      PrimBox.Range x2 = (PrimBox.Range) box.limits().get(1);
      String where = "seed " + seed + ": " + box;
      assertEquals(0.6, x1.lower(), TOLERANCE, where);
      assertEquals(1.0, x1.upper(), TOLERANCE, where);
      assertEquals(0.0, x2.lower(), TOLERANCE, where);
      assertEquals(0.3, x2.upper(), TOLERANCE, where);
      assertEquals(List.of(0, 1), box.restricted(), where);
      // 90% of the box's cases keep their label
      assertEquals(0.9, box.density(), 0.05, where);
      double[] qp = prim.quasiP(box);
      assertTrue(qp[0] < 1e-6 && qp[1] < 1e-6, where);
    }
  }

  /**
   * With many cases the densest box's small upward bias (the best of many slices) is significant, so
   * a rule that tests slices against it would peel into the box; the default choice must stop at
   * its edge on 100,000 cases too, and restrict nothing else.
   */
  @Test
  void plantedBox_manyCases_isNotPeeledPastItsEdge() {
    Cases c = plantedBox(100_000, 4);
    Prim prim = new Prim(c, new Prim.Settings(0.05, 0.05));
    List<PrimBox> t = prim.peel();
    PrimBox box = prim.paste(t.get(Prim.choose(t)));
    assertEquals(List.of(0, 1), box.restricted(), box.toString());
    assertEquals(0.6, ((PrimBox.Range) box.limits().get(0)).lower(), 0.02, box.toString());
    assertEquals(0.3, ((PrimBox.Range) box.limits().get(1)).upper(), 0.02, box.toString());
  }

  /** Of interest where approach is positive and x >= 0.5; 5% of labels flipped. */
  @Test
  void categoricalBox_isASetOfLevels() {
    int n = 1500;
    MersenneTwister rng = new MersenneTwister(11);
    double[][] x = new double[2][n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[0][i] = i % 3;
      x[1][i] = rng.nextDouble();
      boolean inside = x[0][i] == 2 && x[1][i] >= 0.5;
      y[i] = rng.nextDouble() < 0.05 ? !inside : inside;
    }
    Cases c = new Cases(List.of(new Dimension.Categorical("approach", List.of("negative", "mixed", "positive")),
        new Dimension.Ordered("x", false)), x, y, "runs");
    Prim prim = new Prim(c, new Prim.Settings(0.05, 0.05));
    List<PrimBox> t = prim.peel();
    PrimBox box = prim.paste(t.get(Prim.choose(t)));
    assertEquals(List.of(2), ((PrimBox.Levels) box.limits().get(0)).kept(), box.toString());
    assertEquals(0.5, ((PrimBox.Range) box.limits().get(1)).lower(), TOLERANCE, box.toString());
    assertFalse(((PrimBox.Range) box.limits().get(1)).upperRestricted(), box.toString());
    assertTrue(Discovery.restrictions(c.dimensions(), box).startsWith("approach is positive and x >= 0."),
        Discovery.restrictions(c.dimensions(), box));
  }

  /**
   * Ten cases x = 0..9, of interest from 6 up, and a constant second dimension: with alpha 0.1 each
   * step peels the lowest case, so the densities are 4/10, 4/9, ..., 4/4; the constant dimension is
   * never restricted. The chosen box [6, 9] would, without its restriction, be all ten cases (density
   * 0.4): its quasi-p-value is P(X >= 4), X ~ Binomial(4, 0.4) = 0.4^4.
   */
  @Test
  void tinyCase_trajectoryAndQuasiP_asCountedByHand() {
    double[][] x = new double[2][10];
    boolean[] y = new boolean[10];
    for (int i = 0; i < 10; i++) {
      x[0][i] = i;
      x[1][i] = 1;
      y[i] = i >= 6;
    }
    Cases c = new Cases(List.of(new Dimension.Ordered("x", false), new Dimension.Ordered("z", false)), x, y, "runs");
    Prim prim = new Prim(c, new Prim.Settings(0.1, 0.2));
    List<PrimBox> t = prim.peel();
    assertEquals(7, t.size());
    for (int s = 0; s < t.size(); s++) {
      assertEquals(4.0 / (10 - s), t.get(s).density(), 1e-12, "step " + s);
      assertEquals(1.0, t.get(s).coverage(), 1e-12);
      assertEquals((10 - s) / 10.0, t.get(s).mass(), 1e-12);
      assertEquals(s == 0 ? 0 : 1, t.get(s).restricted().size());
    }
    assertEquals(6, Prim.choose(t));
    PrimBox box = prim.paste(t.get(6));
    assertEquals(new PrimBox.Range(6, 9, true, false), box.limits().get(0));
    assertFalse(box.limits().get(1).restricted());
    double[] qp = prim.quasiP(box);
    assertEquals(Math.pow(0.4, 4), qp[0], 1e-12);
    assertTrue(Double.isNaN(qp[1]));
    // a larger min mass stops the peeling earlier: at least 5 of the 10 cases stay
    assertEquals(6, new Prim(c, new Prim.Settings(0.1, 0.5)).peel().size());
  }

  /** Pasting gives back what peeling took too much of: a box cut short inside the interesting region widens again. */
  @Test
  void pasting_widensABoxThatWasPeeledTooFar() {
    double[][] x = new double[1][10];
    boolean[] y = new boolean[10];
    for (int i = 0; i < 10; i++) {
      x[0][i] = i;
      y[i] = i >= 4 && i != 9;
    }
    Cases c = new Cases(List.of(new Dimension.Ordered("x", false)), x, y, "runs");
    Prim prim = new Prim(c, new Prim.Settings(0.1, 0.1));
    // [6, 9] holds 3 of 4 of interest; adding 5 and then 4 raises the density to 5/6
    PrimBox pasted = prim.paste(new PrimBox(List.of(new PrimBox.Range(6, 9, true, false)), 4, 3, 10, 5));
    assertEquals(new PrimBox.Range(4, 9, true, false), pasted.limits().get(0));
    assertEquals(5.0 / 6, pasted.density(), 1e-12);
  }

  /** Covering: the second box is searched among the cases outside the first. */
  @Test
  void covering_findsASecondBoxOutsideTheFirst() throws Exception {
    int n = 2000;
    MersenneTwister rng = new MersenneTwister(5);
    double[][] u = new LatinHypercube(n).generate(new int[2], rng).units();
    double[][] x = new double[2][n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[0][i] = u[i][0];
      x[1][i] = u[i][1];
      y[i] = x[0][i] >= 0.6 && x[1][i] >= 0.4 || x[0][i] <= 0.3 && x[1][i] <= 0.3;
    }
    Cases c = new Cases(List.of(new Dimension.Ordered("a", false), new Dimension.Ordered("b", false)), x, y, "runs");
    Discovery.Result r = Discovery.run(c, WhereExpression.above("y", 0.5), "y", "runs", new Prim.Settings(0.05, 0.05), -1, 2);
    assertEquals(2, r.boxes().size(), Discovery.sentences(r).toString());
    PrimBox first = r.boxes().get(0).box();
    PrimBox second = r.boxes().get(1).box();
    assertEquals(n, first.totalCases());
    assertEquals(n - first.cases(), second.totalCases());
    // the larger corner first, then the smaller one among the cases left; both pure
    PrimBox.Range a1 = (PrimBox.Range) first.limits().get(0);
    PrimBox.Range a2 = (PrimBox.Range) second.limits().get(0);
    assertEquals(0.6, a1.lower(), TOLERANCE, first.toString());
    assertEquals(0.4, ((PrimBox.Range) first.limits().get(1)).lower(), TOLERANCE, first.toString());
    assertEquals(0.3, a2.upper(), TOLERANCE, second.toString());
    assertEquals(0.3, ((PrimBox.Range) second.limits().get(1)).upper(), TOLERANCE, second.toString());
    assertEquals(1.0, first.density(), 1e-12);
    assertEquals(1.0, second.density(), 1e-12);
  }
}

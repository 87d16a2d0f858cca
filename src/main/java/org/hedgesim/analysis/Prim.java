package org.hedgesim.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The Patient Rule Induction Method (Friedman and Fisher 1999) as scenario discovery uses it
 * (Bryant and Lempert 2010; Kwakkel and Jaxa-Rozen 2016): starting from the box that holds every
 * case, peel off a thin slice (a share {@code alpha} of the box's cases) from one side of one
 * dimension at a time, each step taking the slice whose removal raises the box's density most per
 * case removed (for slices of equal size: the one that leaves the densest box; a level of a
 * categorical dimension or a group of tied values may be thicker, and must earn its size), until the
 * box would hold less than {@code minMass} of the cases or holds only cases of interest. A step may
 * lower the density (when every slice holds more than the box's share of interest, as at the start
 * when the cases of interest lie in two corners); peeling goes on, as in Friedman and Fisher, and the
 * choice from the trajectory ({@link #choose}) passes over such boxes. The boxes
 * met on the way form the peeling trajectory, from high coverage and low density to the reverse; one
 * is chosen from it, then pasted: widened again, a slice at a time, while that raises its density.
 *
 * <p>A slice of an ordered dimension holds its {@code ceil(alpha n)} lowest (or highest) values in
 * the box, and every case tied with the last of them, so a grid's value is never split; a slice of a
 * categorical dimension is one level. Each dimension is sorted once; a peel walks the sorted order
 * from a pointer that only moves inward, so a whole trajectory costs a few passes over the data per
 * step, never a new sort or a filtered copy.
 */
public final class Prim {

  /**
   * @param alpha the share of the box's cases peeled (or pasted) per step, in (0, 0.5)
   * @param minMass the smallest box, as a share of all cases, in (0, 1)
   */
  public record Settings(double alpha, double minMass) {
    public Settings {
      if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException("alpha must be in (0, 0.5)");
      if (!(minMass > 0 && minMass < 1)) throw new IllegalArgumentException("min mass must be in (0, 1)");
    }
  }

  private final Cases data;
  private final Settings settings;
  private final int n;
  private final int dims;
  private final boolean[] categorical;
  private final int[] levelCount;
  /** order[d]: case indices sorted by their value of d (ordered dimensions only). */
  private final int[][] order;
  private final double[] min;
  private final double[] max;
  /** present[d][l]: whether level l occurs in the data. */
  private final boolean[][] present;
  private final int totalInterest;

  public Prim(Cases data, Settings settings) {
    this.data = data;
    this.settings = settings;
    this.n = data.size();
    this.dims = data.dimensions().size();
    this.categorical = new boolean[dims];
    this.levelCount = new int[dims];
    this.order = new int[dims][];
    this.min = new double[dims];
    this.max = new double[dims];
    this.present = new boolean[dims][];
    this.totalInterest = data.ofInterest();
    for (int d = 0; d < dims; d++) {
      double[] v = data.values()[d];
      if (data.dimensions().get(d) instanceof Dimension.Categorical c) {
        categorical[d] = true;
        levelCount[d] = c.levels().size();
        present[d] = new boolean[levelCount[d]];
        for (double x : v) present[d][(int) x] = true;
      } else {
        order[d] = sortedIndices(v);
        min[d] = n == 0 ? Double.NaN : v[order[d][0]];
        max[d] = n == 0 ? Double.NaN : v[order[d][n - 1]];
      }
    }
  }

  /** Case indices by ascending value, ties by index: a sort of (value, index) pairs packed in longs. */
  private static int[] sortedIndices(double[] v) {
    int n = v.length;
    double[] sortedValues = v.clone();
    Arrays.sort(sortedValues);
    // rank each value among the distinct values, then sort (rank, index) packed into one long
    double[] distinct = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || Double.compare(sortedValues[i], distinct[m - 1]) != 0) distinct[m++] = sortedValues[i];
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long rank = Arrays.binarySearch(distinct, 0, m, v[i]);
      keys[i] = (rank << 32) | i;
    }
    Arrays.sort(keys);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = (int) keys[i];
    return out;
  }

  // ------------------------------------------------------------------ the box being worked on

  /** A box while it is peeled or pasted: its limits, which cases it holds, and pointers into the orders. */
  private final class Work {
    final double[] lower = min.clone();
    final double[] upper = max.clone();
    final boolean[][] kept = new boolean[dims][];
    final boolean[] in = new boolean[n];
    /** lo[d], hi[d]: every case of the box lies at positions lo..hi of order[d]. */
    final int[] lo = new int[dims];
    final int[] hi = new int[dims];
    int cases;
    int interest;

    Work() {
      Arrays.fill(in, true);
      cases = n;
      interest = totalInterest;
      for (int d = 0; d < dims; d++) {
        if (categorical[d]) kept[d] = present[d].clone();
        hi[d] = n - 1;
      }
    }

    /** The box with these limits, its cases counted afresh. */
    Work(PrimBox b) {
      this();
      for (int d = 0; d < dims; d++) {
        PrimBox.Limit l = b.limits().get(d);
        if (l instanceof PrimBox.Range r) {
          lower[d] = r.lower();
          upper[d] = r.upper();
        } else {
          Arrays.fill(kept[d], false);
          for (int level : ((PrimBox.Levels) l).kept()) kept[d][level] = true;
        }
      }
      recount();
    }

    boolean inside(int i, int except) {
      for (int d = 0; d < dims; d++) {
        if (d == except) continue;
        double v = data.values()[d][i];
        if (categorical[d] ? !kept[d][(int) v] : v < lower[d] || v > upper[d]) return false;
      }
      return true;
    }

    void recount() {
      cases = 0;
      interest = 0;
      for (int i = 0; i < n; i++) {
        in[i] = inside(i, -1);
        if (in[i]) {
          cases++;
          if (data.interest()[i]) interest++;
        }
      }
      for (int d = 0; d < dims; d++) {
        if (categorical[d]) continue;
        int a = 0;
        while (a < n && data.values()[d][order[d][a]] < lower[d]) a++;
        int z = n - 1;
        while (z >= 0 && data.values()[d][order[d][z]] > upper[d]) z--;
        lo[d] = a;
        hi[d] = z;
      }
    }

    PrimBox snapshot() {
      List<PrimBox.Limit> limits = new ArrayList<>(dims);
      for (int d = 0; d < dims; d++) {
        if (categorical[d]) {
          List<Integer> k = new ArrayList<>();
          boolean restricted = false;
          for (int l = 0; l < levelCount[d]; l++) {
            if (kept[d][l] && present[d][l]) k.add(l);
            if (present[d][l] && !kept[d][l]) restricted = true;
          }
          limits.add(new PrimBox.Levels(k, restricted));
        } else {
          limits.add(new PrimBox.Range(lower[d], upper[d], lower[d] > min[d], upper[d] < max[d]));
        }
      }
      return new PrimBox(limits, cases, interest, n, totalInterest);
    }
  }

  /** A candidate peel: which dimension, which side (or level), and what it removes. */
  private record Move(int dim, int side, int level, int stop, double limit, int cases, int interest) {}

  private static final int LOWER = 0;
  private static final int UPPER = 1;
  private static final int LEVEL = 2;

  // ------------------------------------------------------------------ peeling

  /** The peeling trajectory: the whole box first, then the box after each peel. */
  public List<PrimBox> peel() {
    List<PrimBox> trajectory = new ArrayList<>();
    Work w = new Work();
    trajectory.add(w.snapshot());
    double smallest = settings.minMass() * n;
    while (w.cases > 0 && w.interest < w.cases) {
      Move best = null;
      double current = (double) w.interest / w.cases;
      double bestGain = Double.NEGATIVE_INFINITY;
      for (int d = 0; d < dims; d++) {
        for (Move m : categorical[d] ? levelPeels(w, d) : Arrays.asList(lowerPeel(w, d), upperPeel(w, d))) {
          if (m == null) continue;
          int left = w.cases - m.cases();
          if (left < smallest || left == 0) continue;
          // the rise in density per case peeled off, so that a thick slice (a level, a tie group)
          // must earn its size against a thin one; for slices of one size, simply the densest box
          double gain = ((double) (w.interest - m.interest()) / left - current) / m.cases();
          if (gain > bestGain) {
            best = m;
            bestGain = gain;
          }
        }
      }
      if (best == null) break;
      apply(w, best);
      trajectory.add(w.snapshot());
    }
    return trajectory;
  }

  private Move lowerPeel(Work w, int d) {
    int target = Math.max(1, (int) Math.ceil(settings.alpha() * w.cases));
    double[] v = data.values()[d];
    int[] o = order[d];
    int removed = 0;
    int interest = 0;
    int j = w.lo[d];
    double last = Double.NaN;
    for (; j <= w.hi[d]; j++) {
      int i = o[j];
      if (!w.in[i]) continue;
      if (removed >= target && v[i] != last) break;
      removed++;
      if (data.interest()[i]) interest++;
      last = v[i];
    }
    if (j > w.hi[d]) return null; // the slice would take the whole box
    return new Move(d, LOWER, -1, j, v[o[j]], removed, interest);
  }

  private Move upperPeel(Work w, int d) {
    int target = Math.max(1, (int) Math.ceil(settings.alpha() * w.cases));
    double[] v = data.values()[d];
    int[] o = order[d];
    int removed = 0;
    int interest = 0;
    int j = w.hi[d];
    double last = Double.NaN;
    for (; j >= w.lo[d]; j--) {
      int i = o[j];
      if (!w.in[i]) continue;
      if (removed >= target && v[i] != last) break;
      removed++;
      if (data.interest()[i]) interest++;
      last = v[i];
    }
    if (j < w.lo[d]) return null;
    return new Move(d, UPPER, -1, j, v[o[j]], removed, interest);
  }

  private List<Move> levelPeels(Work w, int d) {
    int[] cases = new int[levelCount[d]];
    int[] interest = new int[levelCount[d]];
    double[] v = data.values()[d];
    for (int i = 0; i < n; i++) {
      if (!w.in[i]) continue;
      int l = (int) v[i];
      cases[l]++;
      if (data.interest()[i]) interest[l]++;
    }
    List<Move> out = new ArrayList<>();
    for (int l = 0; l < levelCount[d]; l++) {
      if (cases[l] > 0 && cases[l] < w.cases) out.add(new Move(d, LEVEL, l, -1, Double.NaN, cases[l], interest[l]));
    }
    return out;
  }

  private void apply(Work w, Move m) {
    int d = m.dim();
    double[] v = data.values()[d];
    if (m.side() == LEVEL) {
      w.kept[d][m.level()] = false;
      for (int i = 0; i < n; i++) {
        if (w.in[i] && (int) v[i] == m.level()) w.in[i] = false;
      }
    } else if (m.side() == LOWER) {
      for (int j = w.lo[d]; j < m.stop(); j++) w.in[order[d][j]] = false;
      w.lo[d] = m.stop();
      w.lower[d] = m.limit();
    } else {
      for (int j = w.hi[d]; j > m.stop(); j--) w.in[order[d][j]] = false;
      w.hi[d] = m.stop();
      w.upper[d] = m.limit();
    }
    w.cases -= m.cases();
    w.interest -= m.interest();
  }

  // ------------------------------------------------------------------ pasting

  /**
   * The box widened again: each step adds the slice (the {@code ceil(alpha n)} nearest cases just
   * outside one side of one dimension that meet every other limit, with their ties, or one level
   * left out) that raises the density most, while one does.
   */
  public PrimBox paste(PrimBox box) {
    Work w = new Work(box);
    while (w.cases > 0) {
      int target = Math.max(1, (int) Math.ceil(settings.alpha() * w.cases));
      double current = (double) w.interest / w.cases;
      double best = current;
      int bestDim = -1;
      int bestSide = -1;
      double bestLimit = Double.NaN;
      for (int d = 0; d < dims; d++) {
        if (categorical[d]) {
          for (int l = 0; l < levelCount[d]; l++) {
            if (w.kept[d][l] || !present[d][l]) continue;
            int[] added = addedByLevel(w, d, l);
            if (added[0] == 0) continue;
            double density = (double) (w.interest + added[1]) / (w.cases + added[0]);
            if (density > best) {
              best = density;
              bestDim = d;
              bestSide = LEVEL;
              bestLimit = l;
            }
          }
          continue;
        }
        for (int side : new int[] {LOWER, UPPER}) {
          double[] added = addedBySlice(w, d, side, target);
          if (added[0] == 0) continue;
          double density = (w.interest + added[1]) / (w.cases + added[0]);
          if (density > best) {
            best = density;
            bestDim = d;
            bestSide = side;
            bestLimit = added[2];
          }
        }
      }
      if (bestDim < 0) break;
      if (bestSide == LEVEL) {
        w.kept[bestDim][(int) bestLimit] = true;
      } else if (bestSide == LOWER) {
        w.lower[bestDim] = bestLimit;
      } else {
        w.upper[bestDim] = bestLimit;
      }
      w.recount();
    }
    return w.snapshot();
  }

  private int[] addedByLevel(Work w, int d, int level) {
    int cases = 0;
    int interest = 0;
    double[] v = data.values()[d];
    for (int i = 0; i < n; i++) {
      if ((int) v[i] == level && w.inside(i, d)) {
        cases++;
        if (data.interest()[i]) interest++;
      }
    }
    return new int[] {cases, interest};
  }

  /** {cases added, of interest, new limit} of widening one side of d by a slice. */
  private double[] addedBySlice(Work w, int d, int side, int target) {
    double[] v = data.values()[d];
    int[] o = order[d];
    int step = side == LOWER ? -1 : 1;
    int cases = 0;
    int interest = 0;
    double last = Double.NaN;
    for (int j = side == LOWER ? w.lo[d] - 1 : w.hi[d] + 1; j >= 0 && j < n; j += step) {
      int i = o[j];
      if (!w.inside(i, d)) continue;
      if (cases >= target && v[i] != last) break;
      cases++;
      if (data.interest()[i]) interest++;
      last = v[i];
    }
    return new double[] {cases, interest, last};
  }

  // ------------------------------------------------------------------ statistics

  /**
   * The quasi-p-value of each restricted dimension of the box (NaN for the others): the chance of
   * at least the box's cases of interest among its cases if the cases were drawn at the density of
   * the box without that one restriction, a one-sided binomial test (Bryant and Lempert 2010). A
   * large value says the restriction adds little: the box would be about as dense without it.
   */
  public double[] quasiP(PrimBox box) {
    Work w = new Work(box);
    double[] out = new double[dims];
    Arrays.fill(out, Double.NaN);
    for (int d : box.restricted()) {
      int cases = 0;
      int interest = 0;
      for (int i = 0; i < n; i++) {
        if (w.inside(i, d)) {
          cases++;
          if (data.interest()[i]) interest++;
        }
      }
      double p0 = (double) interest / cases;
      if (box.interest() == 0) {
        out[d] = 1;
        continue;
      }
      BinomialDistribution b = new BinomialDistribution(null, box.cases(), p0);
      out[d] = Math.max(0, 1 - b.cumulativeProbability(box.interest() - 1));
    }
    return out;
  }

  /**
   * The default choice from a trajectory: among the boxes that cover at least half of the cases of
   * interest, the densest; then back up the trajectory, slice by slice, as long as the slice a step
   * peeled off is more like the densest box's cases than like the cases outside it: its share of
   * interest nearer the box's density than the density outside. Peeling inside a region of even
   * density raises the density only by chance, and picking the best of many slices makes chance
   * look like a gain, so "the densest" alone drifts deep into the region, the more so the more cases
   * there are; a slice from inside the region looks like the box and is taken back, one from outside
   * looks like the rest and stops the walk.
   *
   * @return the step of the chosen box
   */
  public static int choose(List<PrimBox> trajectory) {
    int densest = 0;
    for (int s = 0; s < trajectory.size(); s++) {
      PrimBox b = trajectory.get(s);
      if (b.coverage() >= 0.5 && b.density() > trajectory.get(densest).density()) densest = s;
    }
    PrimBox top = trajectory.get(densest);
    int outside = top.totalCases() - top.cases();
    if (outside == 0) return densest;
    double inDensity = top.density();
    double outDensity = (double) (top.totalInterest() - top.interest()) / outside;
    double midpoint = (inDensity + outDensity) / 2;
    int chosen = densest;
    while (chosen > 0) {
      PrimBox larger = trajectory.get(chosen - 1);
      PrimBox smaller = trajectory.get(chosen);
      int slice = larger.cases() - smaller.cases();
      double density = slice == 0 ? inDensity : (double) (larger.interest() - smaller.interest()) / slice;
      if (larger.coverage() < 0.5 || density < midpoint) break;
      chosen--;
    }
    return chosen;
  }
}

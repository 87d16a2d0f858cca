package org.hedgesim.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Feature scoring, the second view of scenario discovery: how well one parameter alone separates the
 * cases of interest from the others. For each parameter, the best single split of a classification
 * tree (CART, Breiman et al. 1984): a threshold on an ordered parameter, or a set of levels of a
 * categorical one, chosen to reduce the Gini impurity most; the score is that reduction as a share
 * of the impurity of all cases, from 0 (the parameter tells nothing) to 1 (the split separates the
 * cases perfectly). For a yes/no outcome the best set of levels is found among the levels ordered by
 * their share of interest (Breiman et al. 1984, section 9.4), so no subset is enumerated.
 *
 * <p>It needs no random draws (unlike a random forest or a permutation importance), so the same
 * folder gives the same scores, and it costs one pass over each sorted parameter. It is a marginal
 * view: a parameter that matters only together with another (an interaction) can score low here
 * while PRIM restricts it; read the two views side by side.
 */
public final class FeatureScores {

  /**
   * One parameter's score.
   *
   * @param split the best split, as text: {@code >= 0.55}, {@code <= 0.3} or {@code in {positive, mixed}},
   *     naming the side with the higher share of interest
   * @param densityInside the share of interest on that side
   * @param densityOutside the share on the other
   */
  public record Score(String parameter, double score, int rank, String split, double densityInside,
      double densityOutside) {}

  private FeatureScores() {}

  /** Scores in rank order (highest first; ties in dimension order). */
  public static List<Score> score(Cases c) {
    int n = c.size();
    int total = c.ofInterest();
    double root = gini(total, n);
    List<Score> raw = new ArrayList<>();
    for (int d = 0; d < c.dimensions().size(); d++) {
      Dimension dim = c.dimensions().get(d);
      Split s = dim instanceof Dimension.Categorical cat ? levels(c, d, cat) : threshold(c, d, (Dimension.Ordered) dim);
      double score = s == null || root == 0 ? 0 : Math.max(0, (root - s.impurity) / root);
      raw.add(new Score(dim.name(), score, 0, s == null ? "" : s.text, s == null ? Double.NaN : s.inside,
          s == null ? Double.NaN : s.outside));
    }
    List<Integer> idx = new ArrayList<>();
    for (int d = 0; d < raw.size(); d++) idx.add(d);
    idx.sort(Comparator.comparingDouble((Integer d) -> -raw.get(d).score()).thenComparing(d -> d));
    List<Score> out = new ArrayList<>();
    for (int r = 0; r < idx.size(); r++) {
      Score s = raw.get(idx.get(r));
      out.add(new Score(s.parameter(), s.score(), r + 1, s.split(), s.densityInside(), s.densityOutside()));
    }
    return out;
  }

  private record Split(double impurity, String text, double inside, double outside) {}

  /** n-weighted Gini impurity of a node with k cases of interest among n. */
  private static double gini(double k, double n) {
    if (n == 0) return 0;
    double p = k / n;
    return 2 * p * (1 - p);
  }

  private static Split threshold(Cases c, int d, Dimension.Ordered dim) {
    int n = c.size();
    double[] v = c.values()[d];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> v[i]).thenComparing(i -> i));
    int total = c.ofInterest();
    int left = 0;
    int leftInterest = 0;
    Split best = null;
    for (int j = 0; j < n - 1; j++) {
      int i = order[j];
      left++;
      if (c.interest()[i]) leftInterest++;
      if (v[order[j + 1]] == v[i]) continue; // split only between distinct values
      int right = n - left;
      int rightInterest = total - leftInterest;
      double impurity = (left * gini(leftInterest, left) + right * gini(rightInterest, right)) / n;
      if (best == null || impurity < best.impurity) {
        double dl = (double) leftInterest / left;
        double dr = (double) rightInterest / right;
        String text = dr >= dl ? ">= " + dim.text(v[order[j + 1]]) : "<= " + dim.text(v[i]);
        best = new Split(impurity, text, Math.max(dl, dr), Math.min(dl, dr));
      }
    }
    return best;
  }

  private static Split levels(Cases c, int d, Dimension.Categorical dim) {
    int levels = dim.levels().size();
    int[] cases = new int[levels];
    int[] interest = new int[levels];
    for (int i = 0; i < c.size(); i++) {
      int l = (int) c.values()[d][i];
      cases[l]++;
      if (c.interest()[i]) interest[l]++;
    }
    List<Integer> present = new ArrayList<>();
    for (int l = 0; l < levels; l++) if (cases[l] > 0) present.add(l);
    // levels by share of interest, highest first (ties in the sweep's order)
    present.sort(Comparator.comparingDouble((Integer l) -> -(double) interest[l] / cases[l]).thenComparing(l -> l));
    int n = c.size();
    int total = c.ofInterest();
    Split best = null;
    int in = 0;
    int inInterest = 0;
    for (int j = 0; j < present.size() - 1; j++) {
      in += cases[present.get(j)];
      inInterest += interest[present.get(j)];
      int out = n - in;
      double impurity = (in * gini(inInterest, in) + out * gini(total - inInterest, out)) / n;
      if (best == null || impurity < best.impurity) {
        List<Integer> kept = new ArrayList<>(present.subList(0, j + 1));
        kept.sort(null);
        List<String> names = new ArrayList<>();
        for (int l : kept) names.add(dim.levels().get(l));
        best = new Split(impurity, "in {" + String.join(", ", names) + "}", (double) inInterest / in,
            (double) (total - inInterest) / out);
      }
    }
    return best;
  }
}

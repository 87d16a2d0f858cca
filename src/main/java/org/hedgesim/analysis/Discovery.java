package org.hedgesim.analysis;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hedgesim.experiment.Version;
import org.hedgesim.output.CsvTable;
import org.hedgesim.output.JsonFile;
import org.hedgesim.output.Numbers;

/**
 * Scenario discovery on a table of cases: PRIM boxes found in turn (covering), each with its peeling
 * trajectory and quasi-p-values, and the feature scores; the files {@code hedgesim discover} writes
 * and the sentence it prints.
 *
 * <p>Covering (Bryant and Lempert 2010; as the EMA Workbench does it): after a box is chosen, every
 * case inside it is set aside and PRIM runs again on the cases left, so box 2 describes where the
 * cases of interest lie that box 1 missed. A box's coverage, density and mass are shares of the
 * cases it was searched among: box 2's coverage is its share of the cases of interest left after
 * box 1.
 */
public final class Discovery {

  /** The files a discovery writes. */
  public static final List<String> FILES = List.of("boxes.csv", "trajectory.csv", "features.csv", "discover.json");

  /**
   * One box found.
   *
   * @param number 1, 2, ...
   * @param trajectory the peeling trajectory it was chosen from (step 0: all the cases searched)
   * @param step the trajectory's step chosen
   * @param box the chosen box after pasting
   * @param quasiP per dimension, NaN where the box does not restrict it
   */
  public record Found(int number, List<PrimBox> trajectory, int step, PrimBox box, double[] quasiP) {}

  /**
   * What was asked and found.
   *
   * @param outcome the outcome named with --outcome, or "" when only --where was given
   * @param chosenStep the step asked for with --box (for box 1), or -1 for the default choice
   */
  public record Result(WhereExpression where, String outcome, String table, String unit, Prim.Settings settings,
      int boxesAsked, int chosenStep, List<Dimension> dimensions, int cases, int ofInterest, List<Found> boxes,
      List<FeatureScores.Score> features) {}

  /** A step asked for with --box that the trajectory does not have. */
  public static final class NoSuchStep extends Exception {
    private static final long serialVersionUID = 1L;

    NoSuchStep(String message) {
      super(message);
    }
  }

  private Discovery() {}

  /**
   * Runs PRIM (and covering) and the feature scores.
   *
   * @param step the trajectory step to take as box 1, or -1 for the default choice ({@link Prim#choose})
   * @param boxes how many boxes to find at most (1 without covering)
   */
  public static Result run(Cases cases, WhereExpression where, String outcome, String table, Prim.Settings settings,
      int step, int boxes) throws NoSuchStep {
    List<Found> found = new ArrayList<>();
    Cases left = cases;
    for (int b = 1; b <= boxes && left.ofInterest() > 0; b++) {
      Prim prim = new Prim(left, settings);
      List<PrimBox> trajectory = prim.peel();
      int chosen;
      if (b == 1 && step >= 0) {
        if (step >= trajectory.size()) {
          throw new NoSuchStep("--box " + step + ": the peeling trajectory has steps 0 to " + (trajectory.size() - 1)
              + " (trajectory.csv of a run without --box lists them)");
        }
        chosen = step;
      } else {
        chosen = Prim.choose(trajectory);
      }
      PrimBox box = prim.paste(trajectory.get(chosen));
      found.add(new Found(b, trajectory, chosen, box, prim.quasiP(box)));
      if (box.restricted().isEmpty()) break; // the whole rest is the box: nothing left to cover
      left = left.without(inside(left, box));
    }
    return new Result(where, outcome, table, cases.unit(), settings, boxes, step, cases.dimensions(), cases.size(),
        cases.ofInterest(), found, FeatureScores.score(cases));
  }

  /** Which cases a box holds. */
  static boolean[] inside(Cases c, PrimBox box) {
    boolean[] out = new boolean[c.size()];
    for (int i = 0; i < out.length; i++) {
      boolean in = true;
      for (int d = 0; d < box.limits().size() && in; d++) {
        double v = c.values()[d][i];
        PrimBox.Limit l = box.limits().get(d);
        in = l instanceof PrimBox.Range r ? v >= r.lower() && v <= r.upper() : ((PrimBox.Levels) l).kept().contains((int) v);
      }
      out[i] = in;
    }
    return out;
  }

  // ------------------------------------------------------------------ sentences

  /** One sentence per box, as the terminal prints them. */
  public static List<String> sentences(Result r) {
    List<String> out = new ArrayList<>();
    for (Found f : r.boxes()) {
      PrimBox b = f.box();
      String unit = r.unit();
      String prefix = f.number() == 1 ? "" : "Box " + f.number() + ", among the " + count(b.totalCases()) + " " + unit
          + " outside the boxes before it: ";
      if (b.restricted().isEmpty()) {
        out.add(prefix + r.where().text() + " holds in " + percent(b.density()) + " of " + (f.number() == 1 ? "all " : "")
            + "the " + count(b.cases()) + " " + unit + " (" + count(b.interest()) + " of interest); "
            + (f.trajectory().size() == 1 ? "no peel makes a denser box at this --alpha and --min-mass"
                : "no box that covers half of them is clearly denser (trajectory.csv lists the "
                    + (f.trajectory().size() - 1) + " boxes peeling found; take one with --box N)"));
        continue;
      }
      out.add(prefix + r.where().text() + " holds in " + percent(b.density()) + " of the " + unit + " where "
          + restrictions(r.dimensions(), b) + " (coverage " + percent(b.coverage()) + ", mass " + percent(b.mass()) + "; "
          + count(b.totalCases()) + " " + unit + ", " + count(b.totalInterest()) + " of interest)");
    }
    return out;
  }

  /** The box's restrictions joined by "and": {@code x >= 0.55 and approach is positive or mixed}. */
  public static String restrictions(List<Dimension> dims, PrimBox b) {
    List<String> parts = new ArrayList<>();
    for (int d : b.restricted()) parts.add(limitText(dims.get(d), b.limits().get(d), true));
    return String.join(" and ", parts);
  }

  /** One dimension's limit in words; {@code short3} rounds numbers to 3 significant digits. */
  static String limitText(Dimension dim, PrimBox.Limit l, boolean short3) {
    if (l instanceof PrimBox.Levels lv) {
      List<String> names = new ArrayList<>();
      for (int k : lv.kept()) names.add(((Dimension.Categorical) dim).levels().get(k));
      return dim.name() + " is " + String.join(" or ", names);
    }
    PrimBox.Range r = (PrimBox.Range) l;
    boolean low = r.lowerRestricted();
    boolean high = r.upperRestricted();
    String lo = value(dim, r.lower(), short3);
    String hi = value(dim, r.upper(), short3);
    if (low && high) return lo + " <= " + dim.name() + " <= " + hi;
    return low ? dim.name() + " >= " + lo : dim.name() + " <= " + hi;
  }

  private static String value(Dimension dim, double v, boolean short3) {
    if (!short3 || dim instanceof Dimension.Ordered o && o.months()) return dim.text(v);
    if (v == 0 || Double.isInfinite(v)) return Numbers.format(v);
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "-" : Math.round(100 * share) + "%";
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  // ------------------------------------------------------------------ files

  /** Writes boxes.csv, trajectory.csv, features.csv and discover.json into {@code dir}. */
  public static void write(Path dir, Result r, Map<String, Object> source) throws IOException {
    try (CsvTable t = CsvTable.create(dir.resolve("boxes.csv"), List.of("box", "dimension", "kind", "lower", "upper",
        "levels", "qp_value", "step", "coverage", "density", "mass", "cases", "of_interest"))) {
      for (Found f : r.boxes()) {
        PrimBox b = f.box();
        if (b.restricted().isEmpty()) {
          t.row(f.number(), "", "", "", "", "", "", f.step(), b.coverage(), b.density(), b.mass(), b.cases(), b.interest());
        }
        for (int d : b.restricted()) {
          Dimension dim = r.dimensions().get(d);
          PrimBox.Limit l = b.limits().get(d);
          String qp = Numbers.probability(f.quasiP()[d]);
          if (l instanceof PrimBox.Range rg) {
            t.row(f.number(), dim.name(), "range", dim.text(rg.lower()), dim.text(rg.upper()), "", qp, f.step(),
                b.coverage(), b.density(), b.mass(), b.cases(), b.interest());
          } else {
            t.row(f.number(), dim.name(), "levels", "", "", levels(dim, (PrimBox.Levels) l), qp, f.step(),
                b.coverage(), b.density(), b.mass(), b.cases(), b.interest());
          }
        }
      }
    }
    try (CsvTable t = CsvTable.create(dir.resolve("trajectory.csv"), List.of("box", "step", "coverage", "density", "mass",
        "cases", "of_interest", "restricted", "dimensions", "chosen"))) {
      for (Found f : r.boxes()) {
        for (int s = 0; s < f.trajectory().size(); s++) {
          PrimBox b = f.trajectory().get(s);
          List<String> names = new ArrayList<>();
          for (int d : b.restricted()) names.add(r.dimensions().get(d).name());
          t.row(f.number(), s, b.coverage(), b.density(), b.mass(), b.cases(), b.interest(), names.size(),
              String.join(";", names), s == f.step() ? "true" : "false");
        }
      }
    }
    try (CsvTable t = CsvTable.create(dir.resolve("features.csv"), List.of("parameter", "score", "rank", "split",
        "density_inside", "density_outside"))) {
      for (FeatureScores.Score s : r.features()) {
        t.row(s.parameter(), s.score(), s.rank(), s.split(), s.densityInside(), s.densityOutside());
      }
    }
    JsonFile.write(dir.resolve("discover.json"), describe(r, source));
  }

  private static String levels(Dimension dim, PrimBox.Levels l) {
    List<String> names = new ArrayList<>();
    for (int k : l.kept()) names.add(((Dimension.Categorical) dim).levels().get(k));
    return String.join(";", names);
  }

  private static Map<String, Object> describe(Result r, Map<String, Object> source) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("version", Version.get());
    tool.put("command", "discover");
    m.put("hedgesim", tool);
    m.put("sweep", source);
    Map<String, Object> asked = new LinkedHashMap<>();
    asked.put("outcome", r.outcome());
    asked.put("where", r.where().text());
    asked.put("table", r.table());
    asked.put("cases", r.unit());
    asked.put("alpha", r.settings().alpha());
    asked.put("min_mass", r.settings().minMass());
    asked.put("boxes", r.boxesAsked());
    asked.put("box", r.chosenStep() < 0 ? "default" : r.chosenStep());
    m.put("asked", asked);
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("prim", "Friedman and Fisher (1999): peel ceil(alpha n) cases (with their ties) or one level per step,"
        + " the peel leaving the densest box, while the box keeps min_mass of the cases and a peel raises its density;"
        + " then paste while that raises the density");
    method.put("box_choice", r.chosenStep() < 0
        ? "among boxes with coverage >= 0.5 the densest; then back up the trajectory while the slice a step peeled"
            + " off has a share of interest nearer the densest box's density than the density outside it"
        : "step " + r.chosenStep() + " of the trajectory, as asked with --box (box 1; later boxes by the default rule)");
    method.put("quasi_p", "one-sided binomial test: P(X >= box's cases of interest), X ~ Binomial(box's cases,"
        + " density of the box without that restriction)");
    method.put("covering", "after each box, its cases are set aside and PRIM runs again on the rest;"
        + " a box's coverage, density and mass are shares of the cases it was searched among");
    method.put("features", "Gini impurity reduction of the best single split on each parameter, as a share of the"
        + " impurity of all cases (CART, Breiman et al. 1984)");
    m.put("method", method);
    m.put("cases", r.cases());
    m.put("of_interest", r.ofInterest());
    List<Object> boxes = new ArrayList<>();
    List<String> sentences = sentences(r);
    for (Found f : r.boxes()) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("box", f.number());
      b.put("step", f.step());
      b.put("coverage", f.box().coverage());
      b.put("density", f.box().density());
      b.put("mass", f.box().mass());
      b.put("cases", f.box().cases());
      b.put("of_interest", f.box().interest());
      b.put("searched_cases", f.box().totalCases());
      b.put("searched_of_interest", f.box().totalInterest());
      List<Object> limits = new ArrayList<>();
      for (int d : f.box().restricted()) {
        Dimension dim = r.dimensions().get(d);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("dimension", dim.name());
        if (f.box().limits().get(d) instanceof PrimBox.Range rg) {
          l.put("lower", dim.text(rg.lower()));
          l.put("upper", dim.text(rg.upper()));
        } else {
          l.put("levels", List.of(levels(dim, (PrimBox.Levels) f.box().limits().get(d)).split(";")));
        }
        l.put("qp_value", Numbers.probability(f.quasiP()[d]));
        limits.add(l);
      }
      b.put("limits", limits);
      b.put("sentence", sentences.get(f.number() - 1));
      boxes.add(b);
    }
    m.put("boxes", boxes);
    m.put("files", FILES.subList(0, 3));
    return m;
  }
}

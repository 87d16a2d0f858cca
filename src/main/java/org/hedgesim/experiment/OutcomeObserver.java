package org.hedgesim.experiment;

import java.util.Arrays;
import java.util.List;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.RunObserver;
import org.hedgesim.model.SeriesKey;

/**
 * Reduces one run to its outcomes as the run goes, keeping a few numbers per outcome and nothing
 * per step, so memory does not grow with the length of a run or the number of runs.
 */
final class OutcomeObserver implements RunObserver {
  private final List<OutcomeSpec> specs;
  private final int[] column;
  private final double[] last;
  private final double[] sum;
  private final double[] min;
  private final double[] max;
  private final double[] first;
  private final double[] count;
  /** steps seen inside each outcome's window */
  private final int[] steps;

  OutcomeObserver(List<OutcomeSpec> specs) {
    this.specs = specs;
    int n = specs.size();
    column = new int[n];
    last = new double[n];
    sum = new double[n];
    min = new double[n];
    max = new double[n];
    first = new double[n];
    count = new double[n];
    steps = new int[n];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    Arrays.fill(first, Double.NaN);
    Arrays.fill(last, Double.NaN);
  }

  @Override
  public void onStart(List<SeriesKey> series) {
    for (int i = 0; i < specs.size(); i++) {
      OutcomeSpec o = specs.get(i);
      column[i] = -1;
      if (o.isEvent()) continue;
      column[i] = series.indexOf(new SeriesKey(o.metric(), o.actor(), o.target()));
      if (column[i] < 0) throw new MissingSeries(o);
    }
  }

  @Override
  public boolean[] needs(List<SeriesKey> series) {
    boolean[] needed = new boolean[series.size()];
    for (int c : column) {
      if (c >= 0) needed[c] = true;
    }
    return needed;
  }

  @Override
  public boolean needsEvents() {
    for (OutcomeSpec o : specs) {
      if (o.isEvent()) return true;
    }
    return false;
  }

  @Override
  public void onStep(int step, double[] values) {
    for (int i = 0; i < column.length; i++) {
      int c = column[i];
      if (c < 0 || !specs.get(i).window().contains(step)) continue;
      steps[i]++;
      double v = values[c];
      last[i] = v;
      sum[i] += v;
      if (v < min[i]) min[i] = v;
      if (v > max[i]) max[i] = v;
    }
  }

  @Override
  public void onEvent(EventRecord e) {
    for (int i = 0; i < column.length; i++) {
      OutcomeSpec o = specs.get(i);
      if (o.isEvent() && o.matches(e.kind(), e.actor(), e.target()) && o.window().contains(e.step())) {
        if (Double.isNaN(first[i])) first[i] = e.step();
        count[i]++;
      }
    }
  }

  /** A design point whose scenario does not record a series an outcome needs. */
  static final class MissingSeries extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingSeries(OutcomeSpec o) {
      super("outcome " + o.name() + " needs the series " + o.metric() + "[" + o.actor()
          + (o.target().isEmpty() ? "" : "," + o.target()) + "], which this scenario does not record");
    }
  }

  /** The outcomes of the run, in the order of the specs; NaN where there is no value. */
  double[] values() {
    double[] out = new double[specs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (specs.get(i).reducer()) {
        case FINAL -> last[i];
        case MEAN -> steps[i] == 0 ? Double.NaN : sum[i] / steps[i];
        case MIN -> steps[i] == 0 ? Double.NaN : min[i];
        case MAX -> steps[i] == 0 ? Double.NaN : max[i];
        case FIRST_STEP -> first[i];
        case OCCURRED -> count[i] > 0 ? 1.0 : 0.0;
        case COUNT -> count[i];
      };
    }
    return out;
  }
}

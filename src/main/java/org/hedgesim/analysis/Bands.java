package org.hedgesim.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The replication mean of a set of time series at every step, with a 95% confidence band for that
 * mean (Student's t with n - 1 degrees of freedom, as {@link Estimate}): what the time-series plots
 * draw. Values are added one replication at a time (Welford's update), so memory is series x steps
 * whatever the number of replications, and the result depends only on the order of addition.
 */
public final class Bands {

  /** One series: its dates and, per step, the number of values, mean, sd and interval. */
  public record Band(SeriesId id, List<String> dates, int[] n, double[] mean, double[] sd,
      double[] low, double[] high) {}

  private final List<String> dates;
  private final boolean growing;
  private final Map<SeriesId, Integer> index = new LinkedHashMap<>();
  private final List<SeriesId> ids = new ArrayList<>();
  private final List<int[]> counts = new ArrayList<>();
  private final List<double[]> means = new ArrayList<>();
  private final List<double[]> squares = new ArrayList<>();

  /** @param dates the date of each step (yyyy-MM), which also fixes the number of steps */
  public Bands(List<String> dates) {
    this.dates = new ArrayList<>(dates);
    this.growing = false;
  }

  /** Bands whose steps are learnt as values arrive, with {@link #add(SeriesId, int, String, double)}. */
  public Bands() {
    this.dates = new ArrayList<>();
    this.growing = true;
  }

  public List<String> dates() {
    return Collections.unmodifiableList(dates);
  }

  public int steps() {
    return dates.size();
  }

  /** The series in the order they were first seen. */
  public List<SeriesId> series() {
    return Collections.unmodifiableList(ids);
  }

  public boolean has(SeriesId id) {
    return index.containsKey(id);
  }

  /** Adds a value of a series at a step with the step's date (for bands made with {@link #Bands()}). */
  public void add(SeriesId id, int step, String date, double value) {
    if (!growing) throw new IllegalStateException("these bands have fixed dates");
    if (step < 0) throw new IllegalArgumentException("negative step " + step);
    while (dates.size() <= step) dates.add(null);
    if (dates.get(step) == null) dates.set(step, date);
    add(id, step, value);
  }

  /** Adds one replication's value of a series at a step; NaN is left out. */
  public void add(SeriesId id, int step, double value) {
    if (step < 0 || step >= dates.size()) {
      throw new IllegalArgumentException("step " + step + " outside 0.." + (dates.size() - 1));
    }
    if (Double.isNaN(value)) return;
    int i = index.computeIfAbsent(id, k -> {
      ids.add(k);
      counts.add(new int[dates.size()]);
      means.add(new double[dates.size()]);
      squares.add(new double[dates.size()]);
      return ids.size() - 1;
    });
    if (counts.get(i).length < dates.size()) {
      int size = Math.max(dates.size(), 2 * counts.get(i).length);
      counts.set(i, java.util.Arrays.copyOf(counts.get(i), size));
      means.set(i, java.util.Arrays.copyOf(means.get(i), size));
      squares.set(i, java.util.Arrays.copyOf(squares.get(i), size));
    }
    int[] n = counts.get(i);
    double[] m = means.get(i);
    double[] s = squares.get(i);
    n[step]++;
    double delta = value - m[step];
    m[step] += delta / n[step];
    s[step] += delta * (value - m[step]);
  }

  /** The band of a series; null when the series was never added. */
  public Band band(SeriesId id) {
    Integer i = index.get(id);
    if (i == null) return null;
    int steps = dates.size();
    int[] n = java.util.Arrays.copyOf(counts.get(i), steps);
    double[] mean = new double[steps];
    double[] sd = new double[steps];
    double[] low = new double[steps];
    double[] high = new double[steps];
    Map<Integer, Double> tCache = new LinkedHashMap<>();
    for (int t = 0; t < steps; t++) {
      int k = n[t];
      mean[t] = k == 0 ? Double.NaN : means.get(i)[t];
      if (k < 2) {
        sd[t] = low[t] = high[t] = Double.NaN;
        continue;
      }
      sd[t] = Math.sqrt(squares.get(i)[t] / (k - 1));
      double q = tCache.computeIfAbsent(k,
          df -> new TDistribution(null, df - 1).inverseCumulativeProbability(1 - (1 - Estimate.LEVEL) / 2));
      double half = q * sd[t] / Math.sqrt(k);
      low[t] = mean[t] - half;
      high[t] = mean[t] + half;
    }
    List<String> d = new ArrayList<>();
    for (String x : dates) d.add(x == null ? "" : x);
    return new Band(id, List.copyOf(d), n, mean, sd, low, high);
  }
}

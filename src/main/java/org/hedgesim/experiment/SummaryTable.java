package org.hedgesim.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.analysis.Estimate;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.output.CsvTable;

/**
 * Per series: the final value, the mean over the run, the minimum and the maximum of each
 * replication; across replications, the mean of final and of run-mean values with their standard
 * deviation and 95% confidence interval, and the extreme minimum and maximum. Run outcomes
 * (exits, counts) get their final value only. Memory grows with replications x series, not steps.
 */
public final class SummaryTable {

  /** The columns of summary.csv. */
  public static final List<String> HEADER = List.of("metric", "actor", "target", "kind", "final",
      "final_sd", "final_ci_low", "final_ci_high", "mean", "mean_sd", "mean_ci_low",
      "mean_ci_high", "min", "max", "n", "replications");

  /** One row of the summary. */
  public record Row(String metric, String actor, String target, String kind, Estimate last,
      Estimate mean, double min, double max) {}

  private final List<SeriesKey> series;
  private final Outcomes outcomes;
  private final List<double[]> finals = new ArrayList<>();
  private final List<double[]> means = new ArrayList<>();
  private final List<double[]> mins = new ArrayList<>();
  private final List<double[]> maxs = new ArrayList<>();
  private final List<double[]> outcomeValues = new ArrayList<>();

  public SummaryTable(List<SeriesKey> series, Outcomes outcomes) {
    this.series = series;
    this.outcomes = outcomes;
  }

  public void add(Replication r) {
    int n = series.size();
    double[] fin = new double[n];
    double[] mean = new double[n];
    double[] min = new double[n];
    double[] max = new double[n];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (double[] step : r.values()) {
      for (int i = 0; i < n; i++) {
        double v = step[i];
        mean[i] += v;
        if (v < min[i]) min[i] = v;
        if (v > max[i]) max[i] = v;
      }
    }
    double[] last = r.values()[r.steps() - 1];
    for (int i = 0; i < n; i++) {
      fin[i] = last[i];
      mean[i] /= r.steps();
    }
    finals.add(fin);
    means.add(mean);
    mins.add(min);
    maxs.add(max);
    outcomeValues.add(outcomes.of(r.events()));
  }

  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    int reps = finals.size();
    for (int i = 0; i < series.size(); i++) {
      double[] f = new double[reps];
      double[] m = new double[reps];
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < reps; r++) {
        f[r] = finals.get(r)[i];
        m[r] = means.get(r)[i];
        lo = Math.min(lo, mins.get(r)[i]);
        hi = Math.max(hi, maxs.get(r)[i]);
      }
      SeriesKey k = series.get(i);
      rows.add(new Row(k.metric(), k.actor(), k.target(), "series", Estimate.of(f), Estimate.of(m), lo, hi));
    }
    List<Outcomes.Key> keys = outcomes.keys();
    for (int i = 0; i < keys.size(); i++) {
      double[] f = new double[reps];
      double lo = Double.NaN;
      double hi = Double.NaN;
      for (int r = 0; r < reps; r++) {
        f[r] = outcomeValues.get(r)[i];
        if (!Double.isNaN(f[r])) {
          lo = Double.isNaN(lo) ? f[r] : Math.min(lo, f[r]);
          hi = Double.isNaN(hi) ? f[r] : Math.max(hi, f[r]);
        }
      }
      Outcomes.Key k = keys.get(i);
      Estimate none = new Estimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      rows.add(new Row(k.metric(), k.actor(), k.target(), "outcome", Estimate.of(f), none, lo, hi));
    }
    return rows;
  }

  public void write(Path file) throws IOException {
    try (CsvTable t = CsvTable.create(file, HEADER)) {
      for (Row r : rows()) {
        t.row(r.metric(), r.actor(), r.target(), r.kind(), r.last().mean(), r.last().sd(),
            r.last().ciLow(), r.last().ciHigh(), r.mean().mean(), r.mean().sd(), r.mean().ciLow(),
            r.mean().ciHigh(), r.min(), r.max(), (double) r.last().n(), (double) finals.size());
      }
    }
  }
}

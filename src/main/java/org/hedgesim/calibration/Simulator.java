package org.hedgesim.calibration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.experiment.Seeds;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.model.RunObserver;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.Scenario;

/**
 * Runs the model at a parameter vector and returns what it says of each observation: for each
 * replication, the mean of the observed series over the observation's months. Only the observed
 * series are computed ({@link RunObserver#needs}). A run's seed is
 * {@code Seeds.derive(seed, stream, replication)}, where the caller's stream numbers the parameter
 * vector (a generation and a proposal), so a result depends on nothing but its counters.
 */
public final class Simulator {

  /** Computes the model's values of the observations for one scenario and seed; replaceable in tests. */
  @FunctionalInterface
  public interface Model {
    double[] observe(Scenario scenario, double[] theta, long seed, List<Observation> observations);
  }

  /** The hedging model itself. */
  public static final Model HEDGING = (scenario, theta, seed, observations) -> runOnce(scenario, seed, observations);

  private final Calibration calibration;
  private final Model model;

  public Simulator(Calibration calibration, Model model) {
    this.calibration = calibration;
    this.model = model;
  }

  public Model model() {
    return model;
  }

  /** The seed of replication {@code r} of the parameter vector numbered {@code stream}. */
  public long seed(long stream, int r) {
    return Seeds.derive(calibration.seed(), stream, r);
  }

  /** The model's value of each observation ([replication][observation]) at {@code scenario}. */
  public double[][] simulate(Scenario scenario, double[] theta, long stream) {
    int reps = calibration.replications();
    double[][] out = new double[reps][];
    for (int r = 0; r < reps; r++) out[r] = model.observe(scenario, theta, seed(stream, r), calibration.observations());
    return out;
  }

  /** One run of the hedging model, reduced to the observations. */
  static double[] runOnce(Scenario scenario, long seed, List<Observation> observations) {
    HedgeWorld world = new HedgeWorld(seed, scenario);
    Observer o = new Observer(observations);
    world.setObserver(o);
    world.runToEnd();
    return o.means();
  }

  /** The mean over replications of each observation's value. */
  public static double[] mean(double[][] byReplication) {
    int k = byReplication[0].length;
    double[] m = new double[k];
    for (double[] rep : byReplication) {
      for (int j = 0; j < k; j++) m[j] += rep[j];
    }
    for (int j = 0; j < k; j++) m[j] /= byReplication.length;
    return m;
  }

  /** Sums each observed series over its observation's steps. */
  private static final class Observer implements RunObserver {
    private final List<Observation> observations;
    private final int[] column;
    private final double[] sums;

    Observer(List<Observation> observations) {
      this.observations = observations;
      this.column = new int[observations.size()];
      this.sums = new double[observations.size()];
    }

    @Override
    public void onStart(List<SeriesKey> series) {
      Map<SeriesKey, Integer> index = new HashMap<>();
      for (int i = 0; i < series.size(); i++) index.put(series.get(i), i);
      for (int k = 0; k < column.length; k++) {
        Integer c = index.get(observations.get(k).series());
        if (c == null) throw new IllegalStateException("the run writes no series " + observations.get(k).series());
        column[k] = c;
      }
    }

    @Override
    public boolean[] needs(List<SeriesKey> series) {
      boolean[] need = new boolean[series.size()];
      for (Observation o : observations) {
        int i = series.indexOf(o.series());
        if (i >= 0) need[i] = true;
      }
      return need;
    }

    @Override
    public boolean needsEvents() {
      return false;
    }

    @Override
    public void onStep(int step, double[] values) {
      for (int k = 0; k < column.length; k++) {
        Observation o = observations.get(k);
        if (step >= o.firstStep() && step <= o.lastStep()) sums[k] += values[column[k]];
      }
    }

    @Override
    public void onEvent(EventRecord event) {}

    double[] means() {
      double[] m = new double[sums.length];
      for (int k = 0; k < m.length; k++) {
        Observation o = observations.get(k);
        m[k] = sums[k] / (o.lastStep() - o.firstStep() + 1);
      }
      return m;
    }
  }
}

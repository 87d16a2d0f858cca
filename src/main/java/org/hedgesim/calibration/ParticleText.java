package org.hedgesim.calibration;

/**
 * A particle as one line of a journal, its numbers in Java's hexadecimal notation so that they
 * read back as the very bits written: {@code weight distance d theta... reps k predictions...},
 * after whatever the journal puts first.
 */
final class ParticleText {

  private ParticleText() {}

  /** Appends the particle's numbers (weight, distance, values, runs) to {@code b}. */
  static StringBuilder append(StringBuilder b, Particle p) {
    b.append(Double.toHexString(p.weight())).append(' ').append(Double.toHexString(p.distance())).append(' ')
        .append(p.theta().length);
    for (double v : p.theta()) b.append(' ').append(Double.toHexString(v));
    b.append(' ').append(p.predictions().length).append(' ').append(p.predictions()[0].length);
    for (double[] rep : p.predictions()) {
      for (double v : rep) b.append(' ').append(Double.toHexString(v));
    }
    return b;
  }

  /** Reads a particle written by {@link #append} from {@code t[at...]}; {@code end[0]} gets the next index. */
  static Particle read(String[] t, int at, int proposal, int[] end) {
    double weight = Double.parseDouble(t[at++]);
    double distance = Double.parseDouble(t[at++]);
    int d = Integer.parseInt(t[at++]);
    double[] theta = new double[d];
    for (int j = 0; j < d; j++) theta[j] = Double.parseDouble(t[at++]);
    int reps = Integer.parseInt(t[at++]);
    int k = Integer.parseInt(t[at++]);
    double[][] pred = new double[reps][k];
    for (int r = 0; r < reps; r++) {
      for (int j = 0; j < k; j++) pred[r][j] = Double.parseDouble(t[at++]);
    }
    end[0] = at;
    return new Particle(proposal, theta, distance, weight, pred);
  }
}

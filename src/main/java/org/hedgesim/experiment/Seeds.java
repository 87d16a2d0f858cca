package org.hedgesim.experiment;

/**
 * Seeds of runs, derived from the master seed by a counter-based function, so that a run's seed
 * depends only on (master seed, design point, replication), never on threads or order.
 *
 * <p>{@code seed(m, p, r) = mix(mix(mix(m) ^ (p * 0x9E3779B97F4A7C15)) ^ (r * 0xC2B2AE3D27D4EB4F))}
 * where {@code mix} is the SplitMix64 finalizer (Steele, Lea and Flood 2014). A single scenario run
 * is design point 0.
 */
public final class Seeds {

  private Seeds() {}

  public static long derive(long master, long point, long replication) {
    long h = mix(master);
    h = mix(h ^ (point * 0x9E3779B97F4A7C15L));
    return mix(h ^ (replication * 0xC2B2AE3D27D4EB4FL));
  }

  /** The SplitMix64 finalizer: a bijection on 64-bit values with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

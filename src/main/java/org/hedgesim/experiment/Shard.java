package org.hedgesim.experiment;

/**
 * One of {@code count} equal parts of a sweep's runs, numbered from 1: shard k runs the runs from
 * floor((k-1) T / N) to floor(k T / N) - 1 of the T runs, a contiguous block, so shards differ in
 * size by at most one run and their results, joined in shard order, are the whole sweep's.
 */
public record Shard(int index, int count) {

  /** The whole sweep, in one process. */
  public static final Shard WHOLE = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + "/" + count + ": expected K/N with 1 <= K <= N");
    }
  }

  /** Parses {@code K/N}. */
  public static Shard parse(String text) {
    if (!text.matches("\\d{1,6}/\\d{1,6}")) {
      throw new IllegalArgumentException("expected K/N, two whole numbers and a slash without spaces (shard K of N,"
          + " e.g. 2/8), found '" + text + "'");
    }
    String[] parts = text.split("/");
    int k = Integer.parseInt(parts[0]);
    int n = Integer.parseInt(parts[1]);
    if (n < 1 || k < 1 || k > n) {
      throw new IllegalArgumentException("expected K/N with 1 <= K <= N, found '" + text + "'");
    }
    return new Shard(k, n);
  }

  public boolean whole() {
    return count == 1;
  }

  /** The first run of the shard. */
  public long from(long runs) {
    return floorShare(index - 1, runs);
  }

  /** One past the last run of the shard. */
  public long to(long runs) {
    return floorShare(index, runs);
  }

  private long floorShare(int k, long runs) {
    return java.math.BigInteger.valueOf(runs).multiply(java.math.BigInteger.valueOf(k))
        .divide(java.math.BigInteger.valueOf(count)).longValueExact();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}

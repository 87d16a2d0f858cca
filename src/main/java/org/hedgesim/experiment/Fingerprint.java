package org.hedgesim.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.output.Hashes;

/**
 * What makes two processes parts of one sweep: the same hedgesim version, the same sweep file, the
 * same scenario files (byte for byte, SHA-256), the same built-in defaults, and the same choice of
 * time series. A resumed sweep and the shards of a merge must agree on all of it.
 */
public record Fingerprint(String version, String sweep, List<String> scenarios, String defaults,
    boolean timeseries, String posterior) {

  public Fingerprint {
    scenarios = List.copyOf(scenarios);
  }

  /** A fingerprint of a sweep whose replications run the scenario's own parameters. */
  public Fingerprint(String version, String sweep, List<String> scenarios, String defaults, boolean timeseries) {
    this(version, sweep, scenarios, defaults, timeseries, "");
  }

  public static Fingerprint of(Sweep s, boolean timeseries) throws IOException {
    return of(s, timeseries, null);
  }

  /**
   * The fingerprint of a sweep; with {@code draws} (parameters drawn from a posterior, or null) it
   * also holds their {@link ParameterDraws#identity()}, so that a sweep is resumed and merged only
   * with the same posterior.
   */
  public static Fingerprint of(Sweep s, boolean timeseries, ParameterDraws draws) throws IOException {
    List<String> scenarios = new ArrayList<>();
    for (Path p : s.base().paths()) scenarios.add(Hashes.sha256(p));
    return new Fingerprint(Version.get(), Hashes.sha256(s.path()), scenarios, defaultsHash(), timeseries,
        draws == null ? "" : draws.identity());
  }

  private static String defaultsHash() throws IOException {
    try (InputStream in = Fingerprint.class.getResourceAsStream("/org/hedgesim/scenario/defaults.yaml")) {
      if (in == null) return "";
      return sha256(in.readAllBytes());
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The fingerprint as one line of {@code key=value} words; {@code posterior=} comes last and only
   * when there is one, so that the fingerprints of sweeps without it are what they always were.
   */
  public String tokens() {
    return "version=" + version + " sweep=" + sweep + " scenarios=" + String.join(",", scenarios)
        + " defaults=" + defaults + " timeseries=" + timeseries + (posterior.isEmpty() ? "" : " posterior=" + posterior);
  }

  /** Reads {@link #tokens()} back; null when the text is not a fingerprint. */
  public static Fingerprint parse(String tokens) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String word : tokens.strip().split(" ")) {
      int eq = word.indexOf('=');
      if (eq <= 0) return null;
      m.put(word.substring(0, eq), word.substring(eq + 1));
    }
    java.util.Set<String> keys = new java.util.HashSet<>(m.keySet());
    keys.remove("posterior");
    if (!keys.equals(java.util.Set.of("version", "sweep", "scenarios", "defaults", "timeseries"))) return null;
    return new Fingerprint(m.get("version"), m.get("sweep"),
        m.get("scenarios").isEmpty() ? List.of() : List.of(m.get("scenarios").split(",")),
        m.get("defaults"), Boolean.parseBoolean(m.get("timeseries")), m.getOrDefault("posterior", ""));
  }

  /** One SHA-256 of the whole fingerprint. */
  public String sha256() {
    return sha256(tokens().getBytes(StandardCharsets.UTF_8));
  }

  /** What differs from another fingerprint, in words (empty when nothing does). */
  public String differences(Fingerprint other) {
    List<String> out = new ArrayList<>();
    if (!version.equals(other.version)) {
      out.add("hedgesim version " + version + " vs " + other.version);
    }
    if (!sweep.equals(other.sweep)) out.add("the sweep file differs (SHA-256 " + shortHash(sweep) + " vs " + shortHash(other.sweep) + ")");
    if (!scenarios.equals(other.scenarios)) out.add("the scenario files differ");
    if (!defaults.equals(other.defaults)) out.add("the built-in defaults differ");
    if (timeseries != other.timeseries) {
      out.add("one was run with --timeseries and the other without");
    }
    if (!posterior.equals(other.posterior)) {
      out.add(posterior.isEmpty() || other.posterior.isEmpty() ? "one was run with --posterior and the other without"
          : "they drew their parameters from different posteriors");
    }
    return String.join("; ", out);
  }

  private static String shortHash(String h) {
    return h.length() > 12 ? h.substring(0, 12) : h;
  }

  /** For the manifest. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sha256", sha256());
    m.put("tokens", tokens());
    return m;
  }
}

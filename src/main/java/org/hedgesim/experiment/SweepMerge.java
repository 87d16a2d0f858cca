package org.hedgesim.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hedgesim.output.FolderCheck;
import org.hedgesim.output.Hashes;
import org.hedgesim.output.JsonFile;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.output.WriteFailure;

/**
 * Joins the shards of a sweep into the results one process would have written, byte for byte:
 * runs.csv and timeseries.csv.gz are the shards' files joined in shard order (each without its
 * header), design.csv is the shards' (all equal), and the summary and the manifest are made the
 * way a whole sweep makes them. Refuses shards of different sweeps (their fingerprints differ),
 * shards of different splits, a shard given twice, a missing shard, an unfinished shard, and a
 * shard whose files do not match its manifest.
 */
public final class SweepMerge {

  /**
   * What was merged.
   *
   * @param notices what was done besides (stale staging folders removed), for the user
   */
  public record Result(Path folder, int shards, long runs, List<String> notices) {}

  private SweepMerge() {}

  public static Result merge(List<Path> shardDirs, Path target) throws IOException, SweepException {
    return merge(shardDirs, target, List.of());
  }

  /**
   * Merges as {@link #merge(List, Path)} does, writing {@code commandLine} (the arguments as typed
   * after {@code hedgesim}) into timing.json, which the RO-Crate reads it from.
   */
  public static Result merge(List<Path> shardDirs, Path target, List<String> commandLine)
      throws IOException, SweepException {
    Instant started = Instant.now();
    if (shardDirs.isEmpty()) throw new SweepException("no shard folders given");
    TreeMap<Integer, Path> byIndex = new TreeMap<>();
    TreeMap<Integer, Map<String, Object>> manifests = new TreeMap<>();
    Fingerprint fingerprint = null;
    Path fingerprintFrom = null;
    int count = -1;
    long runs = -1;
    for (Path dir : shardDirs) {
      Path manifestFile = dir.resolve(SweepRun.MANIFEST);
      Path staging = ResultFolder.stagingOf(dir);
      String unfinished = Files.isDirectory(staging) ? "; its unfinished work is in " + staging
          + ": finish it with the same 'hedgesim sweep ... --shard K/N --out " + dir + " --resume'" : "";
      if (!Files.isDirectory(dir)) {
        if (!unfinished.isEmpty()) throw new SweepException(dir + " is not a finished shard" + unfinished);
        throw new SweepException(dir + ": no such folder");
      }
      if (!Files.isRegularFile(manifestFile)) {
        throw new SweepException(dir + " is not a finished shard (it has no manifest.json)" + unfinished);
      }
      FolderCheck.Verdict verdict = FolderCheck.check(dir);
      if (!verdict.complete()) throw new SweepException(verdict.problems().get(0));
      Map<String, Object> m = SweepManifest.read(manifestFile);
      Fingerprint fp = SweepManifest.fingerprintOf(m);
      if (fp == null) throw new SweepException(dir + " does not hold a sweep's results (its manifest names no sweep)");
      String altered = SweepManifest.disagreement(m);
      if (altered != null) {
        throw new SweepException(manifestFile + ": sweep.fingerprint does not agree with " + altered
            + " in the same file; the manifest was changed after it was written");
      }
      if (!(m.get("shard") instanceof Map<?, ?> shard)) {
        throw new SweepException(dir + " holds a whole sweep, not a shard: there is nothing to merge");
      }
      int index = (int) SweepManifest.whole(m, manifestFile, "shard", "index");
      int n = (int) SweepManifest.whole(m, manifestFile, "shard", "count");
      SweepManifest.whole(m, manifestFile, "shard", "runs_from");
      SweepManifest.whole(m, manifestFile, "shard", "runs_to");
      if (!(((Map<?, ?>) m.get("sweep")).get("parameters") instanceof List<?>)) {
        throw new SweepException(manifestFile + ": key sweep.parameters is missing or not a list");
      }
      if (fingerprint == null) {
        fingerprint = fp;
        fingerprintFrom = dir;
        count = n;
        runs = SweepManifest.whole(m, manifestFile, "sweep", "runs");
      } else {
        String d = fingerprint.differences(fp);
        if (!d.isEmpty()) {
          throw new SweepException(dir + " is a shard of another sweep than " + fingerprintFrom + ": " + d);
        }
        if (n != count) {
          throw new SweepException(dir + " is shard " + index + "/" + n + ", but " + fingerprintFrom
              + " is a shard of " + count + ": the shards come from different splits");
        }
      }
      if (byIndex.containsKey(index)) {
        throw new SweepException("shard " + index + "/" + n + " is given twice: " + byIndex.get(index) + " and " + dir);
      }
      byIndex.put(index, dir);
      manifests.put(index, m);
    }
    List<Integer> missing = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      if (!byIndex.containsKey(k)) missing.add(k);
    }
    if (!missing.isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (int k : missing) b.append(b.length() == 0 ? "" : ", ").append(k).append('/').append(count);
      throw new SweepException("missing shard" + (missing.size() == 1 ? " " : "s ") + b
          + ": merge needs the folders of all " + count + " shards");
    }
    Map<String, Object> first = manifests.firstEntry().getValue();
    int parameters = ((List<?>) ((Map<?, ?>) first.get("sweep")).get("parameters")).size();
    boolean series = fingerprint.timeseries();
    String design = Hashes.sha256(byIndex.firstEntry().getValue().resolve(SweepRun.DESIGN));
    for (Path dir : byIndex.values()) {
      if (!Hashes.sha256(dir.resolve(SweepRun.DESIGN)).equals(design)) {
        throw new SweepException(dir + ": its design.csv differs from the other shards'");
      }
    }

    Path abs = target.toAbsolutePath().normalize();
    if (byIndex.values().stream().anyMatch(d -> d.toAbsolutePath().normalize().equals(abs))) {
      throw new SweepException("--out " + target + " is one of the shards; merge into a new folder");
    }
    try (ResultFolder folder = ResultFolder.prepare(target)) {
      Path dir = folder.file("");
      byte[] runsHeader = firstLine(byIndex.firstEntry().getValue().resolve(SweepRun.RUNS));
      byte[] seriesHeader = SweepRun.gzipHeader();
      try (OutputStream runsOut = WriteFailure.naming(SweepRun.RUNS, Files.newOutputStream(dir.resolve(SweepRun.RUNS)));
          OutputStream seriesOut = series
              ? WriteFailure.naming(SweepRun.SERIES, Files.newOutputStream(dir.resolve(SweepRun.SERIES)))
              : OutputStream.nullOutputStream()) {
        runsOut.write(runsHeader);
        seriesOut.write(series ? seriesHeader : new byte[0]);
        long expectedFrom = 0;
        for (Map.Entry<Integer, Path> e : byIndex.entrySet()) {
          Map<?, ?> shard = (Map<?, ?>) manifests.get(e.getKey()).get("shard");
          if (((Number) shard.get("runs_from")).longValue() != expectedFrom) {
            throw new SweepException(e.getValue() + ": its runs do not follow the previous shard's");
          }
          expectedFrom = ((Number) shard.get("runs_to")).longValue();
          copyAfter(e.getValue().resolve(SweepRun.RUNS), runsHeader, runsOut);
          if (series) copyAfter(e.getValue().resolve(SweepRun.SERIES), seriesHeader, seriesOut);
        }
        if (expectedFrom != runs) throw new SweepException("the shards hold " + expectedFrom + " of the " + runs + " runs");
      }
      Files.copy(byIndex.firstEntry().getValue().resolve(SweepRun.DESIGN), dir.resolve(SweepRun.DESIGN));
      SweepSummary.write(dir.resolve(SweepRun.RUNS), dir.resolve(SweepRun.SUMMARY), parameters);
      List<String> outputs = new ArrayList<>(List.of(SweepRun.RUNS, SweepRun.DESIGN, SweepRun.SUMMARY));
      if (series) outputs.add(SweepRun.SERIES);
      Map<String, Object> timing = new LinkedHashMap<>();
      Instant finished = Instant.now();
      timing.putAll(Manifest.timingFile(started, finished, 1, commandLine));
      timing.put("merged", finished.toString());
      List<Object> shards = new ArrayList<>();
      for (Path d : byIndex.values()) {
        Path t = d.resolve(SweepRun.TIMING);
        shards.add(Files.isRegularFile(t) ? SweepManifest.read(t) : Map.of());
      }
      timing.put("shards", shards);
      JsonFile.write(dir.resolve(SweepRun.TIMING), timing);
      copyInputs(byIndex.firstEntry().getValue(), dir, first);
      SweepManifest.write(dir, first, null, outputs);
      for (String f : List.of(SweepRun.RUNS, SweepRun.SERIES, SweepRun.DESIGN, SweepRun.SUMMARY,
          SweepRun.TIMING, SweepRun.MANIFEST)) {
        SweepRun.sync(dir.resolve(f));
      }
      folder.commit();
      return new Result(folder.target(), count, runs, folder.notices());
    }
  }

  /**
   * Copies the input files the shards kept (all shards read the same files: their fingerprints
   * agree) from the first shard into the merged folder, as its manifest lists them.
   */
  private static void copyInputs(Path shard, Path dir, Map<String, Object> manifest) throws IOException {
    if (!(manifest.get("inputs") instanceof List<?> inputs)) return;
    for (Object o : inputs) {
      if (o instanceof Map<?, ?> m && m.get("copy") instanceof String copy) {
        Path from = shard.resolve(copy);
        if (!Files.isRegularFile(from)) continue;
        Files.createDirectories(dir.resolve(copy).getParent());
        Files.copy(from, dir.resolve(copy));
      }
    }
  }

  private static byte[] firstLine(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = in.readNBytes(1 << 20);
      for (int i = 0; i < buf.length; i++) {
        if (buf[i] == '\n') return Arrays.copyOf(buf, i + 1);
      }
    }
    throw new IOException(file + ": no header line");
  }

  /** Appends a file to {@code out} without its first {@code header.length} bytes, which must be {@code header}. */
  private static void copyAfter(Path file, byte[] header, OutputStream out) throws IOException, SweepException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(header.length);
      if (!Arrays.equals(head, header)) {
        throw new SweepException(file + ": its header differs from the first shard's");
      }
      in.transferTo(out);
    }
  }
}

package org.hedgesim.calibration;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.output.WriteFailure;

/**
 * The finished generations of a calibration, kept in its staging folder so that a calibration
 * killed at any moment (kill -9 included) takes up at the last generation (or, for rejection, the
 * last chunk) it finished. Each generation is one file, {@code journal/generation-NN.txt}, written
 * whole to a temporary name, synced, then renamed, so that a file present is a file complete. The
 * numbers are written in Java's hexadecimal notation: a resumed calibration reads back the very
 * bits it wrote, and its results are byte-identical to an uninterrupted one's. For rejection, the
 * one file is replaced after each chunk.
 */
public final class CalibrationJournal implements AbcSmc.Journal {
  static final String FOLDER = "journal";
  private static final String MAGIC = "hedgesim-calibration-journal 1";

  private final Path folder;
  private final String fingerprint;
  private final boolean replace;

  /**
   * @param fingerprint what the journal belongs to (the calibration file's hash and the method): a
   *     journal of another calibration is refused, not mixed in
   * @param replace whether each save replaces the last (rejection) or adds a generation (abc-smc)
   */
  public CalibrationJournal(Path staging, String fingerprint, boolean replace) {
    this.folder = staging.resolve(FOLDER);
    this.fingerprint = fingerprint;
    this.replace = replace;
  }

  /** What a journal belongs to: the version, the inputs' hashes and the method. */
  public static String fingerprint(Calibration c) throws IOException {
    StringBuilder b = new StringBuilder(org.hedgesim.experiment.Version.get()).append(' ')
        .append(org.hedgesim.output.Hashes.sha256(c.path()));
    for (Path p : c.base().paths()) if (Files.isRegularFile(p)) b.append(' ').append(org.hedgesim.output.Hashes.sha256(p));
    for (Path p : c.observationPaths()) b.append(' ').append(org.hedgesim.output.Hashes.sha256(p));
    return b.append(' ').append(c.method().word).toString();
  }

  /** A journal that belongs to another calibration than the one resumed. */
  public static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message);
    }
  }

  @Override
  public List<Population> finished() {
    List<Population> out = new ArrayList<>();
    for (int g = 0; ; g++) {
      Path f = folder.resolve(name(replace ? 0 : g));
      if (!Files.isRegularFile(f)) break;
      try {
        out.add(read(Files.readAllLines(f, StandardCharsets.UTF_8), f));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (replace) break;
    }
    return out;
  }

  @Override
  public void save(Population p) {
    String name = name(replace ? 0 : p.generation());
    try {
      Files.createDirectories(folder);
      Path tmp = folder.resolve(name + ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(MAGIC + "\n" + fingerprint + "\n");
        w.write(p.generation() + " " + Double.toHexString(p.tolerance()) + " " + p.proposals() + " "
            + p.particles().size() + "\n");
        for (Particle q : p.particles()) {
          StringBuilder b = ParticleText.append(new StringBuilder().append(q.proposal()).append(' '), q);
          w.write(b.append('\n').toString());
        }
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      ResultFolder.syncDirectory(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(new WriteFailure(FOLDER + "/" + name, e));
    }
  }

  private static String name(int g) {
    return String.format(java.util.Locale.ROOT, "generation-%02d.txt", g);
  }

  private Population read(List<String> lines, Path f) {
    if (lines.size() < 3 || !lines.get(0).equals(MAGIC)) {
      throw new Mismatch(f + " is not a calibration journal; delete the unfinished folder to start again");
    }
    if (!lines.get(1).equals(fingerprint)) {
      throw new Mismatch(f + " belongs to another calibration (the calibration file, its method or its inputs"
          + " changed); delete the unfinished folder to start again");
    }
    String[] h = lines.get(2).split(" ");
    int g = Integer.parseInt(h[0]);
    double tolerance = Double.parseDouble(h[1]);
    long proposals = Long.parseLong(h[2]);
    int n = Integer.parseInt(h[3]);
    List<Particle> particles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String[] t = lines.get(3 + i).split(" ");
      particles.add(ParticleText.read(t, 1, Integer.parseInt(t[0]), new int[1]));
    }
    return new Population(g, tolerance, proposals, particles);
  }
}

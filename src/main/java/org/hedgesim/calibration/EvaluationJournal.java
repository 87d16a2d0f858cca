package org.hedgesim.calibration;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.output.WriteFailure;

/**
 * The evaluations of a cmaes calibration, one line each in {@code journal/evaluations.txt},
 * appended and flushed as they are made, with numbers in Java's hexadecimal notation (exact). A
 * line cut short by a kill is ignored on resume, and that evaluation is made again. The first line
 * names what the journal belongs to, as {@link CalibrationJournal} does.
 */
public final class EvaluationJournal implements Cmaes.Memory, AutoCloseable {
  private static final String MAGIC = "hedgesim-cmaes-journal 1";
  private final Map<Long, Particle> known = new HashMap<>();
  private final BufferedWriter out;

  public EvaluationJournal(Path staging, String fingerprint) {
    Path file = staging.resolve(CalibrationJournal.FOLDER).resolve("evaluations.txt");
    try {
      Files.createDirectories(file.getParent());
      boolean fresh = !Files.isRegularFile(file);
      if (!fresh) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !lines.get(0).equals(MAGIC) || !lines.get(1).equals(fingerprint)) {
          throw new CalibrationJournal.Mismatch(file + " belongs to another calibration (the calibration file, its"
              + " method or its inputs changed); delete the unfinished folder to start again");
        }
        List<String> complete = new ArrayList<>(lines.subList(0, 2));
        for (String line : lines.subList(2, lines.size())) {
          Particle p = parse(line);
          if (p == null) break;
          known.put((long) p.proposal(), p);
          complete.add(line);
        }
        Files.write(file, complete, StandardCharsets.UTF_8); // drop a torn last line
      }
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      if (fresh) {
        out.write(MAGIC + "\n" + fingerprint + "\n");
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(new WriteFailure(CalibrationJournal.FOLDER + "/evaluations.txt", e));
    }
  }

  @Override
  public Particle recall(long n) {
    return known.get(n);
  }

  @Override
  public void remember(long n, Particle p) {
    if (known.containsKey(n)) return;
    known.put(n, p);
    StringBuilder b = new StringBuilder().append(n).append(' ').append(Double.toHexString(p.distance())).append(' ')
        .append(p.theta().length);
    for (double v : p.theta()) b.append(' ').append(Double.toHexString(v));
    b.append(' ').append(p.predictions().length).append(' ').append(p.predictions()[0].length);
    for (double[] rep : p.predictions()) {
      for (double v : rep) b.append(' ').append(Double.toHexString(v));
    }
    try {
      out.write(b.append(" end\n").toString());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(new WriteFailure(CalibrationJournal.FOLDER + "/evaluations.txt", e));
    }
  }

  private static Particle parse(String line) {
    String[] t = line.split(" ");
    try {
      int at = 0;
      long n = Long.parseLong(t[at++]);
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
      if (!t[at].equals("end") || at != t.length - 1) return null;
      return new Particle((int) n, theta, distance, 1, pred);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

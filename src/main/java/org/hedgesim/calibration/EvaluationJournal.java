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
    StringBuilder b = ParticleText.append(new StringBuilder().append(n).append(' '), p.withWeight(1));
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
      long n = Long.parseLong(t[0]);
      int[] end = new int[1];
      Particle p = ParticleText.read(t, 1, (int) n, end);
      if (end[0] != t.length - 1 || !t[end[0]].equals("end")) return null;
      return p;
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

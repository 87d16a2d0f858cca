package org.hedgesim.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Files for calibration tests, written into a temporary folder: a small world (the shipped
 * two-powers scenario cut to three years of quarterly steps), an observation file and a
 * calibration file over three of its values.
 */
final class Fixture {
  static final Path TWO_POWERS = Path.of("scenarios/two-powers.yaml").toAbsolutePath();
  /** The three free parameters the fixture's calibration files estimate, with their priors. */
  static final List<String> PARAMETERS = List.of(
      "  - path: actors[S].nationalism\n    prior: {uniform: [0.0, 1.0]}\n",
      "  - path: relations[S,P].trust\n    prior: {beta: [2, 2]}\n",
      "  - path: actors[S].neutrality\n    prior: {uniform: [0.2, 0.9]}\n");

  private Fixture() {}

  /** The small world: two-powers from 2025-01 to 2027-12 by quarter. */
  static Path world(Path dir) throws IOException {
    Path f = dir.resolve("small.yaml");
    Files.writeString(f, "scenario: small\nextends: " + TWO_POWERS + "\nstart: 2025-01\nend: 2027-12\nstep: quarter\n"
        + "source: \"assumption: a small test world\"\n");
    return f;
  }

  /** An observation file of yearly values; {@code values[i]} goes with {@code rows[i]} ("date,metric,actor,target"). */
  static Path observations(Path dir, String name, List<String> rows, double[] values, double sd) throws IOException {
    StringBuilder b = new StringBuilder("date,metric,actor,target,value,sd,source\n");
    for (int i = 0; i < rows.size(); i++) {
      b.append(rows.get(i)).append(',').append(String.format(Locale.ROOT, "%.6f", values[i])).append(',')
          .append(sd > 0 ? String.format(Locale.ROOT, "%.6f", sd) : "").append(",synthetic for a test\n");
    }
    Path f = dir.resolve(name);
    Files.writeString(f, b.toString());
    return f;
  }

  /** A calibration file over the first {@code k} fixture parameters. */
  static Path calibration(Path dir, String observations, int k, String method, String extra) throws IOException {
    StringBuilder b = new StringBuilder("calibration: test\nscenario: small.yaml\nobservations: [" + observations + "]\n"
        + "parameters:\n");
    for (int i = 0; i < k; i++) b.append(PARAMETERS.get(i));
    b.append("method: ").append(method).append('\n').append(extra);
    Path f = dir.resolve("calibration.yaml");
    Files.writeString(f, b.toString());
    return f;
  }
}

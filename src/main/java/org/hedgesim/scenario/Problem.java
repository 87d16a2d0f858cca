package org.hedgesim.scenario;

/**
 * One thing wrong with a scenario file: where, which key (as a path such as
 * {@code actors[A].nationalism}), and what was expected. Its printed form escapes every control
 * and formatting character ({@link TerminalText}), since ids, keys and values quoted in a message
 * come from the file.
 */
public record Problem(Origin origin, String path, String message) implements Comparable<Problem> {

  @Override
  public String toString() {
    return TerminalText.escape(
        origin + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message);
  }

  @Override
  public int compareTo(Problem o) {
    int c = origin.file().compareTo(o.origin.file());
    if (c != 0) return c;
    c = Integer.compare(origin.line(), o.origin.line());
    if (c != 0) return c;
    return Integer.compare(origin.column(), o.origin.column());
  }
}

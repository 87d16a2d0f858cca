package org.hedgesim.scenario;

/**
 * Where a value was written: the file as the user named it, and a 1-based line and column.
 * A value that came through {@code extends} keeps the origin of the file that wrote it.
 */
public record Origin(String file, int line, int column) {

  /** An origin for problems that concern a whole file rather than a place in it. */
  public static Origin of(String file) {
    return new Origin(file, 0, 0);
  }

  @Override
  public String toString() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}

package org.hedgesim.experiment;

/**
 * A sweep or a merge cannot go on because of its input: a design point that is not a valid
 * scenario, an interrupted sweep started from other files, shards that do not belong together.
 * The message says what is wrong and what to do; the command line exits with code 2.
 */
public final class SweepException extends Exception {
  private static final long serialVersionUID = 1L;

  public SweepException(String message) {
    super(message);
  }
}

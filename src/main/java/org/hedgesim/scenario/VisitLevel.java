package org.hedgesim.scenario;

/** The rank of a visitor; higher ranks move trust more. */
public enum VisitLevel {
  HEAD_OF_STATE, HEAD_OF_GOVERNMENT, MINISTER;

  private final String key = name().toLowerCase(java.util.Locale.ROOT);

  /** The word used in files: head_of_state, head_of_government, minister. */
  public String key() {
    return key;
  }
}

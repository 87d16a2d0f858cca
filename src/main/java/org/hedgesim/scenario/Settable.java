package org.hedgesim.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * The values a {@code set} event may change while a run is going, by section and key. Parameters
 * ({@code parameters.<key>}) are all settable and are not listed here.
 */
public enum Settable {
  ACTOR_NATIONALISM("actors", "nationalism", Kind.SHARE),
  ACTOR_LEGITIMACY("actors", "legitimacy", Kind.SHARE),
  ACTOR_GROWTH("actors", "growth", Kind.NUMBER),
  ACTOR_GROWTH_TARGET("actors", "growth_target", Kind.NUMBER),
  ACTOR_NEUTRALITY("actors", "neutrality", Kind.OPEN_SHARE),
  ACTOR_INERTIA("actors", "inertia", Kind.OPEN_SHARE),
  ACTOR_TOLERANCE("actors", "tolerance", Kind.SHARE),
  ACTOR_COMMITMENT_COST("actors", "commitment_cost", Kind.POSITIVE),
  ACTOR_RISK_AVERSION("actors", "risk_aversion", Kind.NON_NEGATIVE),
  ACTOR_STRATEGY("actors", "strategy", Kind.STRATEGY),
  ACTOR_APPROACH("actors", "approach", Kind.APPROACH),
  RELATION_TRUST("relations", "trust", Kind.SHARE),
  RELATION_GRIEVANCE("relations", "grievance", Kind.SHARE),
  RELATION_PROXIMITY("relations", "proximity", Kind.SHARE),
  RELATION_SECURITY("relations", "security", Kind.SHARE),
  RELATION_CREDIBILITY("relations", "credibility", Kind.SHARE),
  RELATION_RIVALRY("relations", "rivalry", Kind.SHARE),
  FRAMEWORK_BENEFIT("frameworks", "benefit", Kind.NON_NEGATIVE),
  FRAMEWORK_SOVEREIGNTY_COST("frameworks", "sovereignty_cost", Kind.NON_NEGATIVE),
  FRAMEWORK_EXIT_COST("frameworks", "exit_cost", Kind.NON_NEGATIVE),
  FRAMEWORK_OPEN("frameworks", "open", Kind.BOOLEAN);

  /** What kind of value the field takes. */
  public enum Kind { NUMBER, NON_NEGATIVE, POSITIVE, SHARE, OPEN_SHARE, STRATEGY, APPROACH, BOOLEAN }

  private final String section;
  private final String field;
  private final Kind kind;

  Settable(String section, String field, Kind kind) {
    this.section = section;
    this.field = field;
    this.kind = kind;
  }

  public String section() {
    return section;
  }

  public String field() {
    return field;
  }

  public Kind kind() {
    return kind;
  }

  /** The settable field of a section with this key, or null. */
  public static Settable find(String section, String field) {
    for (Settable s : values()) {
      if (s.section.equals(section) && s.field.equals(field)) return s;
    }
    return null;
  }

  /** The keys settable in a section. */
  public static List<String> fields(String section) {
    return Arrays.stream(values()).filter(s -> s.section.equals(section)).map(Settable::field).toList();
  }
}

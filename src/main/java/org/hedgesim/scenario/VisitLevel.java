package org.hedgesim.scenario;

/** The rank of a visitor; higher ranks move trust more. */
public enum VisitLevel {
  HEAD_OF_STATE, HEAD_OF_GOVERNMENT, MINISTER
}

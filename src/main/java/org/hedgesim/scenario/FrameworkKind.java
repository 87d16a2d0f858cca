package org.hedgesim.scenario;

/** What a framework is for. */
public enum FrameworkKind {
  /** trade and investment: its benefit multiplies flows among members and counts in returns */
  ECONOMIC,
  /** an alliance, access or basing rights: its benefit adds to the security tie with its lead */
  SECURITY
}

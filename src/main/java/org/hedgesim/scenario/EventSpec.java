package org.hedgesim.scenario;

import java.time.YearMonth;

/**
 * An entry of the scenario's {@code events:} list: either scheduled at a month ({@code at}) or
 * random with a yearly {@code rate} between {@code from} and {@code until}.
 *
 * @param index position in the resolved events list (file order)
 * @param at the month of a scheduled event; null for a random one
 * @param rate expected occurrences per year of a random event; 0 for a scheduled one
 */
public record EventSpec(int index, String id, YearMonth at, double rate, YearMonth from,
    YearMonth until, Action action, String source, Origin origin) {

  public boolean isRandom() {
    return at == null;
  }
}

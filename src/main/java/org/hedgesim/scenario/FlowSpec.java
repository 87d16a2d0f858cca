package org.hedgesim.scenario;

/**
 * A flow of one kind from one actor to another.
 *
 * @param amount yearly amount, US$ bn
 * @param stock accumulated stock (US$ bn) for stock channels; NaN when not given (then the steady
 *     state amount / depreciation is used)
 * @param growth yearly growth of the amount; NaN to follow the channel's {@code grows_with}
 * @param count an informative count (e.g. number of projects); NaN when not given
 */
public record FlowSpec(String kind, String from, String to, double amount, double stock,
    double growth, double count, Origin origin) {}

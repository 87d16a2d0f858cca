package org.hedgesim.model;

/** One recorded time series: a metric of an actor, toward a target (a pole, channel, ...) or none. */
public record SeriesKey(String metric, String actor, String target) {}

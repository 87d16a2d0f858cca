package org.hedgesim.model;

/**
 * Something that happened in a run, for the events file.
 *
 * @param origin scripted (from the scenario's events), random (a rate event), endogenous (a
 *     decision of the model: exits, joins, offers, sanctions), or project (a project's effect)
 * @param value the size of the event where it has one (severity, amount, trust change), else NaN
 */
public record EventRecord(int step, String date, String kind, String actor, String target,
    double value, String origin, String detail) {}

package org.hedgesim.scenario;

/**
 * The tie between two actors (unordered). Trust (the small state's perceived benignity of the
 * other), grievance, proximity, security and credibility are read from a small state's side;
 * rivalry is read between two poles. All are in [0,1].
 *
 * @param credibility the share of the other's promises the small state expects to be kept
 * @param rivalry how far the two (poles) are rivals
 */
public record RelationSpec(String a, String b, double trust, double grievance, double proximity,
    double security, double credibility, double rivalry, Origin origin) {}

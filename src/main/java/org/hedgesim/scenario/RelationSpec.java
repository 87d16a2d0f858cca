package org.hedgesim.scenario;

/** The tie between two actors (unordered). All four values are in [0,1]. */
public record RelationSpec(String a, String b, double trust, double grievance, double proximity,
    double security, Origin origin) {}

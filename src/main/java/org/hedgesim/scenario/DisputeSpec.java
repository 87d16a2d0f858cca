package org.hedgesim.scenario;

/**
 * A territorial or maritime dispute between a small state and a pole.
 *
 * @param salience varsigma in [0,1], how much the dispute weighs; it multiplies threat by (1 + salience)
 * @param rate incidents a year at full salience with a power of no assertiveness; the yearly rate
 *     of random incidents is rate x salience x (1 + the power's assertiveness); 0 for scripted only
 * @param severity severity of a random incident, in (0,1]
 */
public record DisputeSpec(String id, String state, String power, double salience, double rate,
    double severity, Origin origin) {}

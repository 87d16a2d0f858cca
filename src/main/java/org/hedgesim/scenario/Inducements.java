package org.hedgesim.scenario;

/**
 * How a pole with an approach reacts to a small state's relative alignment (its alignment to the
 * pole minus its highest alignment to any other pole).
 *
 * @param goal relative alignment below which a positive or mixed pole courts
 * @param floor relative alignment below which a negative or mixed pole sanctions
 * @param offerSize fraction by which an offer raises the pole's aid and investment to the state
 * @param sanctionSeverity fraction of sanctionable flows a sanction cuts
 * @param reviewMonths months between two reviews of the pole's policy
 * @param liftMargin how far above the floor the state must come back before a sanction is lifted
 */
public record Inducements(double goal, double floor, double offerSize, double sanctionSeverity,
    double reviewMonths, double liftMargin) {}

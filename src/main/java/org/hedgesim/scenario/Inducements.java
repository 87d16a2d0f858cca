package org.hedgesim.scenario;

/**
 * How a pole courts and coerces small states (docs/MODEL.md, "Powers"). Read at each review, every
 * {@code reviewMonths}.
 *
 * @param budget B_k, US$ bn a year the pole may offer to all small states together
 * @param responsiveness r_k in (0,1], the share of its desired change the pole makes at a review
 * @param rivalryResponse chi_k, how much the pole's courtship answers its rivals' courtship
 * @param tolerance phi_k, the gap (lean toward its rivals) the pole tolerates before coercing
 * @param hysteresis how far below the tolerance the gap must fall before coercion is lifted
 * @param maxCoercion the largest share of sanctionable flows the pole's coercion cuts
 * @param delivery probability that a review's courtship is delivered
 * @param reviewMonths months between two reviews
 */
public record Inducements(double budget, double responsiveness, double rivalryResponse,
    double tolerance, double hysteresis, double maxCoercion, double delivery, double reviewMonths) {}

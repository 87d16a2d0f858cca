package org.hedgesim.scenario;

/**
 * A channel of dependence (fdi, exports, aid, transit or any kind a scenario declares).
 *
 * @param weight omega_m in the dependence index
 * @param dependentIsRecipient true when the recipient ({@code to}) depends on the sender
 *     (investment, aid); false when the sender depends on the recipient (exports, transit)
 * @param stock shares come from an accumulated, depreciating stock rather than the yearly amount
 * @param depreciation yearly depreciation of the stock
 * @param alignmentElasticity psi: the amount is scaled by (1 + psi x alignment of the dependent to
 *     the partner)
 * @param growsWith whose growth the amount follows: "from", "to" or "none"
 */
public record ChannelSpec(String kind, double weight, boolean dependentIsRecipient, boolean stock,
    double depreciation, double alignmentElasticity, String growsWith, boolean sanctionable,
    boolean frameworkBenefit, boolean tradeAgreement) {}

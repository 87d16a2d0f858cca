package org.hedgesim.model;

/**
 * A flow of one channel between two actors during a run. Its yearly level is base x (1 + psi x
 * alignment) x framework factor x (1 - sanction) x agreement boost, plus the partner's delivered
 * courtship and one-off extras; stock channels accumulate the level into a depreciating stock.
 */
public final class Flow {
  final int channel;
  final int from;
  final int to;
  /** the dependent end and the partner (from/to depending on the channel) */
  final int dependent;
  final int partner;
  /** the yearly amount the scenario declares at the start (the spin-up holds the flow there) */
  final double declared;
  /** the level before political multipliers, US$ bn a year */
  double base;
  double level;
  double stock;
  /** the part of the level that is the partner's delivered courtship, US$ bn a year */
  double courtship;
  /** yearly growth of the base; NaN to follow the channel's grows_with */
  final double growth;
  /** (1 + growth)^(1/steps per year) when the flow has its own growth */
  double ownGrowthFactor;
  /**
   * product of (1 + benefit) of the economic frameworks both ends belong to, as of the benefits'
   * version and the two ends' membership versions
   */
  double frameworkFactor = 1.0;
  int frameworkVersion = -1;
  int fromVersion = -1;
  int toVersion = -1;
  /** product of trade agreement boosts */
  double boost = 1.0;
  /** one-off extra yearly levels (aid gifts), each with its remaining steps */
  Temporary extras;
  /** project inflow this step, US$ bn */
  double projectInflow;

  Flow(int channel, int from, int to, boolean dependentIsRecipient, double declared, double growth) {
    this.channel = channel;
    this.from = from;
    this.to = to;
    this.dependent = dependentIsRecipient ? to : from;
    this.partner = dependentIsRecipient ? from : to;
    this.declared = declared;
    this.base = declared;
    this.level = declared;
    this.growth = growth;
  }

  /** The channel's number in the scenario's channel list. */
  public int channel() {
    return channel;
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }

  public double level() {
    return level;
  }

  public double stock() {
    return stock;
  }

  /** The level without the partner's courtship: what the tie yields on its own. */
  double ownLevel() {
    return Math.max(0.0, level - courtship);
  }
}

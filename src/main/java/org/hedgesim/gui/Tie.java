package org.hedgesim.gui;

import java.util.List;
import org.hedgesim.model.Actor;
import org.hedgesim.model.Flow;

/**
 * A tie on the map between a small state and a partner: the flows between them, by channel, and
 * whether the partner sanctions the state. The information of an edge of the map's network; its
 * getters are what MASON's inspector shows when the tie is clicked.
 */
public final class Tie {
  private final Actor state;
  private final Actor partner;
  private final List<Flow> flows;
  private final List<String> channels;
  private final boolean[] stockChannel;
  private int shown;
  private double amount;
  private double severity;

  Tie(Actor state, Actor partner, List<Flow> flows, List<String> channels, boolean[] stockChannel) {
    this.state = state;
    this.partner = partner;
    this.flows = List.copyOf(flows);
    this.channels = channels;
    this.stockChannel = stockChannel;
  }

  /** Reads the tie from the world as it is now; {@code channel} is the one that sets the width. */
  void update(int channel) {
    shown = channel;
    amount = amountIn(channel);
    severity = partner.isPole() ? partner.sanctionOn(state.index()) : 0.0;
  }

  /** US$ bn in a channel between the two: the stock for stock channels, else the yearly amount. */
  double amountIn(int channel) {
    double sum = 0;
    for (Flow f : flows) {
      if (f.channel() == channel) sum += stockChannel[channel] ? f.stock() : f.level();
    }
    return sum;
  }

  Actor state() {
    return state;
  }

  Actor partner() {
    return partner;
  }

  double amount() {
    return amount;
  }

  public String getBetween() {
    return state.getId() + " - " + partner.getId();
  }

  public String getChannel() {
    return shown < 0 ? "" : channels.get(shown) + (stockChannel[shown] ? " stock" : " a year");
  }

  /** US$ bn of the channel shown. */
  public double getAmount() {
    return amount;
  }

  public boolean isSanctioned() {
    return severity > 0;
  }

  public double getSanctionSeverity() {
    return severity;
  }

  @Override
  public String toString() {
    return getBetween();
  }
}

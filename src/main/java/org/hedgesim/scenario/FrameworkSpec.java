package org.hedgesim.scenario;

import java.util.List;

/**
 * A multilateral arrangement.
 *
 * @param kind economic (benefit on flows and returns) or security (benefit on the tie with the lead)
 * @param lead the dominant member, or null for none
 * @param benefit for an economic framework, a multiplier (1 + benefit) on flows among members;
 *     for a security framework, the security tie it adds with the lead
 * @param sovereigntyCost how much membership reads as subordination to the lead
 * @param exitCost what leaving costs, in units of exit pressure
 * @param open whether non-members may join (former members may always rejoin)
 */
public record FrameworkSpec(String id, String name, FrameworkKind kind, List<String> members,
    String lead, double benefit, double sovereigntyCost, double exitCost, boolean open, Origin origin) {

  public FrameworkSpec {
    members = List.copyOf(members);
  }
}

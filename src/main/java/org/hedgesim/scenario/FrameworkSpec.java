package org.hedgesim.scenario;

import java.util.List;

/**
 * A multilateral arrangement.
 *
 * @param lead the dominant member, or null for none
 * @param benefit economic value of membership, a multiplier (1 + benefit) on flows among members
 * @param sovereigntyCost how much membership reads as subordination to the lead
 * @param exitCost what leaving costs, in units of exit pressure
 * @param open whether non-members may join (former members may always rejoin)
 */
public record FrameworkSpec(String id, String name, List<String> members, String lead,
    double benefit, double sovereigntyCost, double exitCost, boolean open, Origin origin) {

  public FrameworkSpec {
    members = List.copyOf(members);
  }
}

package dev.migrate.deps;

import java.util.List;
import java.util.Objects;

/**
 * How flows are attributed and grouped.
 *
 * @param groupMinShare     a link between two items joins them into one group when its bytes (both ways, all
 *                          ports) are at least this share of the busier item's traffic with other items (0..1;
 *                          default 0.01: a monitoring agent or a backup job that touches every host with a
 *                          sliver of their traffic does not glue all applications into one)
 * @param groupMinBytes     ... and at least this many bytes over the window (default 0: the share decides)
 * @param onPremisesCidrs   IPv4 CIDR blocks reached over VPN or Direct Connect; addresses there read
 *                          "on-premises" (other private addresses outside the VPCs read "private network
 *                          outside the VPCs")
 * @param appTagKey         tag that names the application (key compared ignoring case)
 */
public record DependencyOptions(double groupMinShare, long groupMinBytes, List<String> onPremisesCidrs,
    String appTagKey) {

  /** Share 1%, no byte floor, no on-premises ranges, tag {@code app}. */
  public static final DependencyOptions DEFAULTS = new DependencyOptions(0.01, 0, List.of(), "app");

  /**
   * @throws IllegalArgumentException with a one-line message naming the option when a value is out of range
   */
  public DependencyOptions {
    Objects.requireNonNull(appTagKey, "appTagKey");
    onPremisesCidrs = List.copyOf(onPremisesCidrs);
    if (!(groupMinShare >= 0 && groupMinShare <= 1)) {
      throw new IllegalArgumentException("group minimum share " + groupMinShare + " is outside 0..1");
    }
    if (groupMinBytes < 0) {
      throw new IllegalArgumentException("group minimum bytes " + groupMinBytes + " is negative");
    }
    for (String c : onPremisesCidrs) {
      try {
        Ipv4.block(c);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("on-premises range " + e.getMessage());
      }
    }
  }

  public DependencyOptions withOnPremises(List<String> cidrs) {
    return new DependencyOptions(groupMinShare, groupMinBytes, cidrs, appTagKey);
  }

  public DependencyOptions withGroupThreshold(double minShare, long minBytes) {
    return new DependencyOptions(minShare, minBytes, onPremisesCidrs, appTagKey);
  }

  public DependencyOptions withAppTagKey(String key) {
    return new DependencyOptions(groupMinShare, groupMinBytes, onPremisesCidrs, key);
  }
}

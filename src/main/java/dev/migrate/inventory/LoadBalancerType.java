package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonValue;

/** The three load balancer kinds that ELB offers (gateway load balancers are not inventoried). */
public enum LoadBalancerType {
  CLASSIC("classic"),
  APPLICATION("application"),
  NETWORK("network");

  private final String wire;

  LoadBalancerType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }
}

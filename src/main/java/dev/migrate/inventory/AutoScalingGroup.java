package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An EC2 auto scaling group.
 *
 * @param name                group name
 * @param region              AWS region
 * @param minSize             minimum capacity
 * @param maxSize             maximum capacity
 * @param desiredCapacity     desired capacity at collection time
 * @param instanceIds         member instances, sorted
 * @param targetGroupArns     ELBv2 target groups it registers into, sorted
 * @param loadBalancerNames   classic load balancers it registers into, sorted
 * @param tags                tags, sorted by key
 */
public record AutoScalingGroup(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String region,
    int minSize,
    int maxSize,
    int desiredCapacity,
    List<String> instanceIds,
    List<String> targetGroupArns,
    List<String> loadBalancerNames,
    Map<String, String> tags) {

  public AutoScalingGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    instanceIds = Lists.copy(instanceIds);
    targetGroupArns = Lists.copy(targetGroupArns);
    loadBalancerNames = Lists.copy(loadBalancerNames);
    tags = Lists.sorted(tags);
  }

  public boolean behindLoadBalancer() {
    return !targetGroupArns.isEmpty() || !loadBalancerNames.isEmpty();
  }
}

package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * An elastic network interface (ENI): the addresses that VPC Flow Logs record, and what they belong to.
 *
 * @param id                  ENI id, e.g. {@code eni-0a1b2c3d}
 * @param region              AWS region
 * @param vpcId               VPC id, or null
 * @param subnetId            subnet id, or null
 * @param interfaceType       AWS InterfaceType: {@code interface}, {@code nat_gateway}, {@code network_load_balancer},
 *                            {@code vpc_endpoint}, {@code lambda}, ...
 * @param privateIps          private IPv4 addresses, sorted
 * @param publicIps           public IPv4 addresses (Elastic IPs and auto-assigned), sorted
 * @param attachedKind        what it belongs to: {@code ec2}, {@code elb}, {@code rds}, {@code elasticache},
 *                            {@code nat-gateway}, {@code vpc-endpoint}, {@code lambda}, or {@code other}
 * @param attachedResourceId  id of that resource as the snapshot names it (instance id, load balancer id,
 *                            DB instance id, cache id, NAT gateway id), or null when it cannot be told
 * @param description         the ENI's description as AWS wrote it (used to tell its owner), or null
 */
public record NetworkInterface(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String region,
    String vpcId,
    String subnetId,
    String interfaceType,
    List<String> privateIps,
    List<String> publicIps,
    @JsonProperty(required = true) String attachedKind,
    String attachedResourceId,
    String description) {

  public NetworkInterface {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(attachedKind, "attachedKind");
    privateIps = Lists.copy(privateIps);
    publicIps = Lists.copy(publicIps);
  }
}

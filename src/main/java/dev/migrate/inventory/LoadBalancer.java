package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A classic, application or network load balancer.
 *
 * @param id                   ARN for ALB/NLB, name for classic ELB (their only identifier)
 * @param name                 load balancer name
 * @param region               AWS region
 * @param type                 classic, application or network
 * @param scheme               {@code internet-facing} or {@code internal}
 * @param dnsName              DNS name AWS gave it
 * @param vpcId                VPC, or null
 * @param availabilityZones    zones it spans, sorted
 * @param createdAt            creation time, or null
 * @param listeners            listeners, sorted by port
 * @param targetGroups         ALB/NLB target groups with their targets (empty for classic)
 * @param registeredInstances  instances registered with a classic ELB (empty for ALB/NLB)
 * @param accessLogs           access-log configuration
 * @param tags                 tags, sorted by key
 */
public record LoadBalancer(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String region,
    @JsonProperty(required = true) LoadBalancerType type,
    @JsonProperty(required = true) String scheme,
    String dnsName,
    String vpcId,
    List<String> availabilityZones,
    Instant createdAt,
    List<Listener> listeners,
    List<TargetGroup> targetGroups,
    List<String> registeredInstances,
    AccessLogs accessLogs,
    Map<String, String> tags) {

  public LoadBalancer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(scheme, "scheme");
    availabilityZones = Lists.copy(availabilityZones);
    listeners = Lists.copy(listeners);
    targetGroups = Lists.copy(targetGroups);
    registeredInstances = Lists.copy(registeredInstances);
    accessLogs = accessLogs == null ? AccessLogs.OFF : accessLogs;
    tags = Lists.sorted(tags);
  }

  public boolean internetFacing() {
    return "internet-facing".equals(scheme);
  }

  /** Every instance id behind this load balancer, through target groups or registration. */
  public List<String> backendInstanceIds() {
    var ids = new java.util.TreeSet<String>(registeredInstances);
    for (TargetGroup tg : targetGroups) {
      if ("instance".equals(tg.targetType())) {
        tg.targets().forEach(t -> ids.add(t.id()));
      }
    }
    return List.copyOf(ids);
  }

  /**
   * A listener.
   *
   * @param protocol         HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, SSL
   * @param port             front-end port
   * @param instancePort     back-end port (classic ELB), or null
   * @param targetGroupArns  default-action target groups (ALB/NLB), sorted
   * @param certificateIds   TLS certificate ARNs, sorted
   */
  public record Listener(
      @JsonProperty(required = true) String protocol,
      @JsonProperty(required = true) int port,
      Integer instancePort,
      List<String> targetGroupArns,
      List<String> certificateIds) {
    public Listener {
      Objects.requireNonNull(protocol, "protocol");
      targetGroupArns = Lists.copy(targetGroupArns);
      certificateIds = Lists.copy(certificateIds);
    }
  }

  /**
   * An ALB/NLB target group.
   *
   * @param arn         target group ARN
   * @param name        target group name
   * @param protocol    HTTP, HTTPS, TCP, ...
   * @param port        default target port
   * @param targetType  instance, ip, lambda or alb
   * @param targets     registered targets with their health, sorted by id
   */
  public record TargetGroup(
      @JsonProperty(required = true) String arn,
      @JsonProperty(required = true) String name,
      String protocol,
      Integer port,
      @JsonProperty(required = true) String targetType,
      List<Target> targets) {
    public TargetGroup {
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(targetType, "targetType");
      targets = Lists.copy(targets);
    }
  }

  /**
   * @param id      instance id, IP address, Lambda ARN or ALB ARN
   * @param port    port, or null
   * @param health  healthy, unhealthy, unused, draining, initial, unavailable
   */
  public record Target(@JsonProperty(required = true) String id, Integer port, String health) {
    public Target {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * @param enabled  whether access logs are written
   * @param bucket   destination S3 bucket, or null
   * @param prefix   key prefix, or null
   */
  public record AccessLogs(boolean enabled, String bucket, String prefix) {
    public static final AccessLogs OFF = new AccessLogs(false, null, null);
  }
}

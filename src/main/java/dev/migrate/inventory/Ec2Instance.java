package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An EC2 instance. Never holds user data or anything secret.
 *
 * @param id                  instance id, e.g. {@code i-0abc...}
 * @param region              AWS region
 * @param availabilityZone    e.g. {@code ap-northeast-1a}
 * @param instanceType        e.g. {@code m5.large}
 * @param state               pending, running, stopping, stopped, shutting-down or terminated
 * @param platform            {@code linux} or {@code windows}
 * @param architecture        {@code x86_64} or {@code arm64}
 * @param launchTime          last launch time
 * @param lifecycle           {@code on-demand}, {@code spot} or {@code scheduled}
 * @param tenancy             {@code default}, {@code dedicated} or {@code host}
 * @param vpcId               VPC, or null for EC2-Classic
 * @param autoScalingGroup    name of the auto scaling group, or null
 * @param volumeIds           attached EBS volumes, sorted
 * @param detailedMonitoring  whether CloudWatch detailed (1-minute) monitoring is on
 * @param tags                tags, sorted by key (values may be redacted)
 * @param publicIp            the public IPv4 address (DescribeInstances {@code PublicIpAddress}), or null when the
 *                            instance has none or the snapshot is older than this field: an instance with one can
 *                            send to the internet directly, so its NetworkOut may be internet egress
 */
public record Ec2Instance(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String region,
    String availabilityZone,
    @JsonProperty(required = true) String instanceType,
    @JsonProperty(required = true) String state,
    @JsonProperty(required = true) String platform,
    @JsonProperty(required = true) String architecture,
    Instant launchTime,
    String lifecycle,
    String tenancy,
    String vpcId,
    String autoScalingGroup,
    List<String> volumeIds,
    boolean detailedMonitoring,
    Map<String, String> tags,
    String publicIp) {

  public Ec2Instance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(instanceType, "instanceType");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(architecture, "architecture");
    lifecycle = lifecycle == null ? "on-demand" : lifecycle;
    tenancy = tenancy == null ? "default" : tenancy;
    volumeIds = Lists.copy(volumeIds);
    tags = Lists.sorted(tags);
  }

  /** An instance without a public IPv4 address (or whose address is not known). */
  public Ec2Instance(String id, String region, String availabilityZone, String instanceType, String state,
      String platform, String architecture, Instant launchTime, String lifecycle, String tenancy, String vpcId,
      String autoScalingGroup, List<String> volumeIds, boolean detailedMonitoring, Map<String, String> tags) {
    this(id, region, availabilityZone, instanceType, state, platform, architecture, launchTime, lifecycle, tenancy,
        vpcId, autoScalingGroup, volumeIds, detailedMonitoring, tags, null);
  }

  /** The {@code Name} tag, or the id when there is none. */
  @JsonIgnore
  public String name() {
    return tags.getOrDefault("Name", id);
  }

  @JsonIgnore
  public boolean running() {
    return "running".equals(state);
  }

  /** Instance family, e.g. {@code m5} for {@code m5.large}. */
  @JsonIgnore
  public String family() {
    int dot = instanceType.indexOf('.');
    return dot < 0 ? instanceType : instanceType.substring(0, dot);
  }
}

package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * @param id          VPC id
 * @param region      AWS region
 * @param cidrBlocks  IPv4 CIDR blocks, sorted
 * @param isDefault   whether it is the region's default VPC
 * @param flowLogs    the VPC Flow Logs that cover it (on the VPC, or on one of its subnets or interfaces), sorted
 *                    by id; empty when it has none; null when not collected (older snapshots, or not readable)
 * @param ownerId     the account that owns the VPC (DescribeVpcs OwnerId): another account's id when the VPC is
 *                    shared with this one (AWS VPC sharing); null when not recorded (older snapshots)
 */
public record Vpc(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String region,
    List<String> cidrBlocks,
    boolean isDefault,
    List<FlowLog> flowLogs,
    String ownerId) {
  public Vpc {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    cidrBlocks = Lists.copy(cidrBlocks);
    flowLogs = flowLogs == null ? null : List.copyOf(flowLogs);
  }

  /** A VPC whose flow logs and owner were not collected. */
  public Vpc(String id, String region, List<String> cidrBlocks, boolean isDefault) {
    this(id, region, cidrBlocks, isDefault, null, null);
  }

  /** A VPC whose owner was not recorded. */
  public Vpc(String id, String region, List<String> cidrBlocks, boolean isDefault, List<FlowLog> flowLogs) {
    this(id, region, cidrBlocks, isDefault, flowLogs, null);
  }

  /**
   * One flow log (ec2:DescribeFlowLogs).
   *
   * @param id               flow log id, {@code fl-...}
   * @param resourceId       what it is set on: the VPC, a subnet or a network interface
   * @param destinationType  {@code s3}, {@code cloud-watch-logs} or {@code kinesis-data-firehose}
   * @param destination      the bucket ARN and prefix, the log group name, or the stream ARN
   * @param trafficType      {@code ACCEPT}, {@code REJECT} or {@code ALL}
   * @param logFormat        its record format ({@code ${version} ${account-id} ...})
   */
  public record FlowLog(@JsonProperty(required = true) String id, String resourceId, String destinationType,
      String destination, String trafficType, String logFormat) {
    public FlowLog {
      Objects.requireNonNull(id, "id");
    }
  }
}

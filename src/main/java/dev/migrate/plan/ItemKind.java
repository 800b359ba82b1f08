package dev.migrate.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of inventory item that the rules map; the {@code kind} of a rule's match. */
public enum ItemKind {
  EC2_INSTANCE("ec2-instance"),
  EBS_VOLUME("ebs-volume"),
  AUTO_SCALING_GROUP("auto-scaling-group"),
  LOAD_BALANCER("load-balancer"),
  CLOUDFRONT_DISTRIBUTION("cloudfront-distribution"),
  S3_BUCKET("s3-bucket"),
  RDS_INSTANCE("rds-instance"),
  AURORA_CLUSTER("aurora-cluster"),
  ELASTICACHE_CLUSTER("elasticache-cluster");

  private final String wire;

  ItemKind(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static ItemKind fromWire(String wire) {
    for (ItemKind k : values()) {
      if (k.wire.equals(wire)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown item kind '" + wire + "'");
  }
}

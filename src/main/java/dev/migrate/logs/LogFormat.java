package dev.migrate.logs;

import com.fasterxml.jackson.annotation.JsonValue;

/** The access-log formats the parser reads, as AWS documents them. */
public enum LogFormat {
  /** Application Load Balancer access log entry (space separated, starts with the request type). */
  ALB("alb", "elb"),
  /** Classic Load Balancer access log entry (space separated, starts with the timestamp). */
  CLB("clb", "elb"),
  /** CloudFront standard log, legacy W3C format (tab separated, {@code #Fields} header). */
  CLOUDFRONT("cloudfront", "cloudfront");

  private final String wire;
  private final String usageKind;

  LogFormat(String wire, String usageKind) {
    this.wire = wire;
    this.usageKind = usageKind;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** The {@link dev.migrate.inventory.Usage#kind()} of the resource such logs describe. */
  public String usageKind() {
    return usageKind;
  }
}

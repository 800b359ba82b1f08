package dev.migrate.collect;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The IAM actions each collector may call, in one place, and the mapping from an SDK
 * operation to its IAM action. The shipped policy must list exactly {@link #declared()}.
 */
public final class IamActions {
  private IamActions() {}

  /** Collector name to the IAM actions it calls. */
  private static final Map<String, List<String>> BY_COLLECTOR = byCollector();

  private static Map<String, List<String>> byCollector() {
    Map<String, List<String>> m = new TreeMap<>();
    m.put("account", AccountCollector.ACTIONS);
    m.put("ec2", Ec2Collector.ACTIONS);
    m.put("autoscaling", AutoScalingCollector.ACTIONS);
    m.put("elb", ClassicElbCollector.ACTIONS);
    m.put("elbv2", ElbV2Collector.ACTIONS);
    m.put("cloudfront", CloudFrontCollector.ACTIONS);
    m.put("wafv2", WafCollector.ACTIONS);
    m.put("s3", S3Collector.ACTIONS);
    m.put("cloudwatch", MetricsCollector.ACTIONS);
    m.put("ce", CostCollector.ACTIONS);
    m.put("commitments", CommitmentsCollector.ACTIONS);
    m.put("coverage", CoverageCollector.ACTIONS);
    m.put("rds", RdsCollector.ACTIONS);
    m.put("elasticache", ElastiCacheCollector.ACTIONS);
    // logs analyze --log-format vpc-flow --log-group reads flow logs from CloudWatch Logs with the same credentials
    // (dev.migrate.logs.CloudWatchFlowLogs.ACTION; collect may not import logs)
    m.put("flow-logs", List.of("logs:FilterLogEvents"));
    m.put("organization", OrganizationCollector.ACTIONS);
    return Collections.unmodifiableMap(m);
  }

  /** Every action any collector declares, sorted. */
  public static SortedSet<String> declared() {
    SortedSet<String> all = new TreeSet<>();
    BY_COLLECTOR.values().forEach(all::addAll);
    return Collections.unmodifiableSortedSet(all);
  }

  /**
   * The IAM action for an SDK call, e.g. ("EC2", "DescribeInstances") to
   * {@code ec2:DescribeInstances}. The service names are the SDK's service ids.
   */
  public static String of(String sdkService, String operation) {
    String prefix = switch (sdkService) {
      case "EC2" -> "ec2";
      case "AutoScaling", "Auto Scaling" -> "autoscaling";
      // Classic and v2 load balancers share one IAM namespace.
      case "ElasticLoadBalancing", "Elastic Load Balancing", "ElasticLoadBalancingV2",
          "Elastic Load Balancing v2" -> "elasticloadbalancing";
      case "CloudFront" -> "cloudfront";
      case "S3" -> "s3";
      case "CloudWatch" -> "cloudwatch";
      case "CostExplorer", "Cost Explorer" -> "ce";
      case "Savingsplans", "savingsplans" -> "savingsplans";
      case "Sts", "STS" -> "sts";
      default -> sdkService.toLowerCase(java.util.Locale.ROOT);
    };
    // S3's ListBuckets is authorised by s3:ListAllMyBuckets.
    if (prefix.equals("s3") && operation.equals("ListBuckets")) {
      return "s3:ListAllMyBuckets";
    }
    // CloudFront 2020-05-31 API versions its operation names (e.g. ListDistributions2020_05_31).
    String op = operation.replaceAll("\\d{4}_\\d{2}_\\d{2}$", "");
    return prefix + ":" + op;
  }

  /**
   * True for actions that only read: Describe*, List*, Get*, and sts:AssumeRole, which changes nothing
   * in any account: it hands out temporary credentials of a role in a member account of the organization,
   * and everything done with them is checked against this list again.
   */
  public static boolean isReadOnly(String action) {
    // FilterLogEvents searches CloudWatch Logs (VPC Flow Logs read by logs analyze --log-group): it only reads.
    if (action.equals(OrganizationCollector.ASSUME_ROLE) || action.equals("logs:FilterLogEvents")) {
      return true;
    }
    String op = action.substring(action.indexOf(':') + 1);
    return op.startsWith("Describe") || op.startsWith("List") || op.startsWith("Get");
  }
}

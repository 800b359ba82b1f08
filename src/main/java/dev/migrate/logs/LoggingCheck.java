package dev.migrate.logs;

import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists what a migration assessment needs turned on and is off: load balancer and distribution
 * access logs, EC2 detailed monitoring, and the CloudWatch agent (memory metrics), each with the
 * exact AWS CLI commands that would turn it on. It only reads a snapshot and changes nothing.
 */
public final class LoggingCheck {
  /** The format the printed create-flow-logs command asks for: the default fields plus the packet addresses. */
  static final String FLOW_LOG_FORMAT = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport}"
      + " ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${vpc-id}"
      + " ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${traffic-path}";

  private LoggingCheck() {}

  /**
   * One thing that is off.
   *
   * @param kind        alb, nlb, clb, cloudfront, vpc-flow-logs, ec2-monitoring or ec2-agent
   * @param resources   the resources concerned (one, or the instances of one region)
   * @param region      AWS region ({@code global} for CloudFront)
   * @param problem     what is off, for a person
   * @param commands    AWS CLI commands that turn it on, in order
   */
  public record Finding(String kind, List<String> resources, String region, String problem, List<String> commands) {
    public Finding {
      resources = List.copyOf(resources);
      commands = List.copyOf(commands);
    }
  }

  /**
   * @param bucket  S3 bucket the commands write logs to (it needs the log-delivery bucket policy)
   * @param prefix  key prefix for the logs, e.g. {@code access-logs}
   */
  public static List<Finding> check(Snapshot snap, String bucket, String prefix) {
    List<Finding> out = new ArrayList<>();
    for (LoadBalancer lb : snap.loadBalancers()) {
      if (lb.accessLogs().enabled()) {
        continue;
      }
      String p = prefix + "/" + lb.name();
      if (lb.type() == LoadBalancerType.CLASSIC) {
        out.add(new Finding("clb", List.of(lb.id()), lb.region(), "access logs are off",
            List.of("aws elb modify-load-balancer-attributes --load-balancer-name " + lb.name()
                + " --load-balancer-attributes '{\"AccessLog\":{\"Enabled\":true,\"S3BucketName\":\"" + bucket
                + "\",\"EmitInterval\":5,\"S3BucketPrefix\":\"" + p + "\"}}' --region " + lb.region())));
      } else {
        // NLB access logs cover TLS listeners only; the attribute names are the same.
        out.add(new Finding(lb.type() == LoadBalancerType.APPLICATION ? "alb" : "nlb", List.of(lb.id()),
            lb.region(), "access logs are off",
            List.of("aws elbv2 modify-load-balancer-attributes --load-balancer-arn " + lb.id()
                + " --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=" + bucket
                + " Key=access_logs.s3.prefix,Value=" + p + " --region " + lb.region())));
      }
    }
    for (Distribution d : snap.distributions()) {
      if (d.logging().enabled()) {
        continue;
      }
      String f = "cf-" + d.id();
      out.add(new Finding("cloudfront", List.of(d.id()), "global", "standard logs are off",
          List.of("aws cloudfront get-distribution-config --id " + d.id() + " > " + f + ".json",
              "jq '.DistributionConfig.Logging = {\"Enabled\":true,\"IncludeCookies\":false,\"Bucket\":\""
                  + bucket + ".s3.amazonaws.com\",\"Prefix\":\"" + prefix + "/cloudfront/" + d.id()
                  + "/\"} | .DistributionConfig' " + f + ".json > " + f + "-logging.json",
              "aws cloudfront update-distribution --id " + d.id() + " --if-match \"$(jq -r .ETag " + f
                  + ".json)\" --distribution-config file://" + f + "-logging.json")));
    }
    // VPCs whose flow logs were read and found missing; a VPC none of the snapshot's interfaces is in carries no
    // traffic worth logging (a default VPC left alone), unless no interfaces were collected at all.
    java.util.Set<String> vpcsInUse = new java.util.HashSet<>();
    snap.networkInterfaces().forEach(n -> vpcsInUse.add(n.vpcId()));
    for (Vpc v : snap.vpcs()) {
      if (v.flowLogs() == null || !v.flowLogs().isEmpty()
          || (!snap.networkInterfaces().isEmpty() && !vpcsInUse.contains(v.id()))) {
        continue;
      }
      // A custom format with the packet addresses, so traffic through NAT gateways and load balancers is
      // attributed to its real ends (the reader takes the field order from the header line AWS writes).
      out.add(new Finding("vpc-flow-logs", List.of(v.id()), v.region(), "VPC Flow Logs are off",
          List.of("aws ec2 create-flow-logs --resource-type VPC --resource-ids " + v.id() + " --traffic-type ALL"
              + " --log-destination-type s3 --log-destination arn:aws:s3:::" + bucket + "/" + prefix + "/vpc-flow-logs/"
              + " --log-format '" + FLOW_LOG_FORMAT + "' --region " + v.region())));
    }
    Map<String, List<String>> noDetailed = new TreeMap<>();
    Map<String, List<String>> noAgent = new TreeMap<>();
    // Instances whose CloudWatch agent publishes memory, looked up once rather than per instance.
    java.util.Set<String> withMemory = new java.util.HashSet<>();
    snap.usage().stream().filter(u -> u.memAvgPct() != null).forEach(u -> withMemory.add(u.resourceId()));
    for (Ec2Instance i : snap.instances()) {
      if (!i.running()) {
        continue;
      }
      if (!i.detailedMonitoring()) {
        noDetailed.computeIfAbsent(i.region(), r -> new ArrayList<>()).add(i.id());
      }
      if (!withMemory.contains(i.id())) {
        noAgent.computeIfAbsent(i.region(), r -> new ArrayList<>()).add(i.id());
      }
    }
    noDetailed.forEach((region, ids) -> out.add(new Finding("ec2-monitoring", ids, region,
        String.format(Locale.ROOT, "%d running instance(s) without detailed (1-minute) monitoring", ids.size()),
        List.of("aws ec2 monitor-instances --instance-ids " + String.join(" ", ids) + " --region " + region))));
    noAgent.forEach((region, ids) -> {
      String targets = "--targets Key=InstanceIds,Values=" + String.join(",", ids) + " --region " + region;
      out.add(new Finding("ec2-agent", ids, region,
          String.format(Locale.ROOT, "%d running instance(s) report no memory metrics (no CloudWatch agent)", ids.size()),
          List.of("aws ssm send-command --document-name AWS-ConfigureAWSPackage"
                  + " --parameters '{\"action\":[\"Install\"],\"name\":[\"AmazonCloudWatchAgent\"]}' " + targets,
              "aws ssm send-command --document-name AmazonCloudWatch-ManageAgent"
                  + " --parameters '{\"action\":[\"configure\"],\"mode\":[\"ec2\"],\"optionalConfigurationSource\":[\"default\"],\"optionalRestart\":[\"yes\"]}' "
                  + targets)));
    });
    return out;
  }

  /** Terminal text: one block per finding, commands indented so they can be copied. */
  public static String render(List<Finding> findings, String bucket) {
    StringBuilder sb = new StringBuilder();
    if (findings.isEmpty()) {
      return "Logging check: access logs, VPC Flow Logs, detailed monitoring and the CloudWatch agent are on everywhere.\n";
    }
    sb.append(String.format(Locale.ROOT,
        "Logging check: %d thing(s) to turn on. migrate changed nothing; run these commands yourself.%n", findings.size()));
    sb.append("Log bucket used below: ").append(bucket)
        .append(" (it needs the bucket policy that lets ELB, CloudFront and VPC Flow Logs deliver logs; see docs/logs.md).\n");
    for (Finding f : findings) {
      sb.append('\n').append(f.kind()).append(' ').append(f.region()).append(' ')
          .append(f.resources().size() == 1 ? f.resources().get(0) : f.resources().size() + " instances")
          .append(": ").append(f.problem()).append('\n');
      for (String c : f.commands()) {
        sb.append("  ").append(c).append('\n');
      }
    }
    if (findings.stream().anyMatch(f -> f.kind().equals("ec2-agent"))) {
      sb.append("\nThe SSM commands need the SSM agent on the instances and an instance profile with the"
          + " AmazonSSMManagedInstanceCore and CloudWatchAgentServerPolicy managed policies; the agent's"
          + " default configuration reports mem_used_percent and disk_used_percent.\n");
    }
    return sb.toString();
  }
}

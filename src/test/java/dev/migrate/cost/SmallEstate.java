package dev.migrate.cost;

import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import dev.migrate.plan.Effort;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A small estate in us-east-1 with one item of each kind, built by hand, and its plan to
 * us-east4. The window is exactly 730 hours, so window totals are monthly figures as they stand.
 */
final class SmallEstate {
  private SmallEstate() {}

  static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web-alb/1";
  static final String NLB = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/api-nlb/2";
  static final String CLB = "old-elb";

  static Snapshot snapshot() {
    return snapshot(new Window(END.minus(Duration.ofHours(730)), END, 30));
  }

  static Snapshot snapshot(Window window) {
    var web = Map.of("app", "web");
    List<Ec2Instance> instances = List.of(
        new Ec2Instance("i-001", "us-east-1", "us-east-1a", "m5.large", "running", "linux", "x86_64", null, null, null,
            "vpc-1", "web-asg", List.of("vol-001"), false, Map.of("app", "web", "Name", "web-1")),
        new Ec2Instance("i-002", "us-east-1", "us-east-1b", "m5.large", "running", "linux", "x86_64", null, null, null,
            "vpc-1", "web-asg", List.of(), false, Map.of("app", "web", "Name", "web-2")),
        new Ec2Instance("i-003", "us-east-1", "us-east-1a", "c5.xlarge", "stopped", "linux", "x86_64", null, null, null,
            "vpc-1", null, List.of("vol-003"), false, Map.of("app", "batch")),
        new Ec2Instance("i-004", "us-east-1", "us-east-1a", "t3.micro", "running", "windows", "x86_64", null, null, null,
            "vpc-1", null, List.of(), false, Map.of("app", "legacy")));
    List<EbsVolume> volumes = List.of(
        new EbsVolume("vol-001", "us-east-1", "us-east-1a", "gp3", 100, 4000, 250, "in-use", "i-001", Map.of()),
        new EbsVolume("vol-003", "us-east-1", "us-east-1a", "io1", 50, 1000, null, "in-use", "i-003", Map.of()));
    List<AutoScalingGroup> groups = List.of(new AutoScalingGroup("web-asg", "us-east-1", 2, 4, 2,
        List.of("i-001", "i-002"), List.of("arn:tg/web"), List.of(), web));
    List<LoadBalancer> lbs = List.of(
        new LoadBalancer(ALB, "web-alb", "us-east-1", LoadBalancerType.APPLICATION, "internet-facing",
            "web-alb-1.us-east-1.elb.amazonaws.com", "vpc-1", List.of(), null, List.of(), List.of(), List.of(), null, web),
        new LoadBalancer(NLB, "api-nlb", "us-east-1", LoadBalancerType.NETWORK, "internet-facing",
            "api-nlb-2.elb.us-east-1.amazonaws.com", "vpc-1", List.of(), null, List.of(), List.of(), List.of(), null,
            Map.of("app", "api")),
        new LoadBalancer(CLB, "old-elb", "us-east-1", LoadBalancerType.CLASSIC, "internet-facing",
            "old-elb-3.us-east-1.elb.amazonaws.com", null, List.of(), null, List.of(), List.of(), List.of(), null,
            Map.of("app", "legacy")));
    var behavior = new Distribution.CacheBehavior("*", "alb", "redirect-to-https", null, false, List.of());
    List<Distribution> distributions = List.of(new Distribution("E1", "d111.cloudfront.net", List.of("www.example.com"),
        true, "PriceClass_All", "http2", List.of(new Distribution.Origin("alb", "web-alb-1.us-east-1.elb.amazonaws.com", "elb", null)),
        behavior, List.of(), null, null, null, List.of(), false, web));
    List<S3Bucket> buckets = List.of(new S3Bucket("assets", "us-east-1", null,
        List.of(new S3Bucket.StorageClassUsage("STANDARD", 100L << 30, 1000L)), 1000L, web));
    List<Commitment> commitments = List.of(new Commitment("reserved-instance", "ri-1", "us-east-1", "m5.large",
        "Linux/UNIX", 1, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
        new BigDecimal("262.80"), new BigDecimal("0.03"), "Standard", "active"));
    List<Usage> usage = List.of(
        usage(ALB, "elb", null, 500.0, 1_000_000L, 100.0, null, null, null),
        usage(NLB, "elb", null, 200.0, null, 50.0, null, null, null),
        usage(CLB, "elb", null, 50.0, 200_000L, null, null, null, null),
        usage("E1", "cloudfront", null, 2048.0, 20_000_000L, null, 0.9,
            Map.of("north-america", 15_000_000L, "europe", 5_000_000L), Map.of("north-america", 1536.0, "europe", 512.0)),
        usage("assets", "s3", null, null, 1_000_000L, null, null, null, null),
        usage("i-001", "ec2", 900.0, null, null, null, null, null, null));
    Billing billing = new Billing("USD", List.of(
        new Billing.Month(YearMonth.of(2026, 10), false, List.of(
            new Billing.ServiceCost("AWS Data Transfer", new BigDecimal("10")),
            new Billing.ServiceCost("Amazon CloudFront", new BigDecimal("100")),
            new Billing.ServiceCost("Amazon Elastic Compute Cloud - Compute", new BigDecimal("200")),
            new Billing.ServiceCost("Amazon Elastic Load Balancing", new BigDecimal("60")),
            new Billing.ServiceCost("Amazon Simple Storage Service", new BigDecimal("3")),
            new Billing.ServiceCost("EC2 - Other", new BigDecimal("30")),
            new Billing.ServiceCost("Tax", new BigDecimal("5")))),
        new Billing.Month(YearMonth.of(2026, 11), true, List.of(
            new Billing.ServiceCost("Amazon Elastic Compute Cloud - Compute", new BigDecimal("1"))))));
    return SnapshotBuilder.snapshot(new Account("111122223333", null), END, window).regions(List.of("us-east-1"))
        .instances(instances).volumes(volumes).autoScalingGroups(groups).loadBalancers(lbs)
        .distributions(distributions).buckets(buckets).commitments(commitments).usage(usage).billing(billing)
        .build();
  }

  static Usage usage(String id, String kind, Double networkOutGib, Double bytesOutGib, Long requests, Double lcuHours,
      Double cacheHitRatio, Map<String, Long> requestsByGeo, Map<String, Double> bytesByGeo) {
    return new Usage(id, kind, "cloudwatch", null, null, null, null, null, null, networkOutGib, requests, bytesOutGib,
        lcuHours, null, cacheHitRatio, requestsByGeo, bytesByGeo, List.of());
  }

  static MigrationPlan plan() {
    return plan(new Target.GkeWorkload("Deployment", "web", "main", "web-pool", "n2-standard-2", 2, 4, 0.5, 2, false,
        "us-east4", null));
  }

  static MigrationPlan plan(Target.GkeWorkload web) {
    List<Mapping> m = List.of(
        map("web-asg", ItemKind.AUTO_SCALING_GROUP, "web-asg", "us-east-1", web),
        map("i-001", ItemKind.EC2_INSTANCE, "web-1", "us-east-1", new Target.Retire("web-asg", "us-east4")),
        map("i-002", ItemKind.EC2_INSTANCE, "web-2", "us-east-1", new Target.Retire("web-asg", "us-east4")),
        map("i-003", ItemKind.EC2_INSTANCE, "i-003", "us-east-1",
            new Target.ComputeEngineVm("e2-standard-4", "x86_64", "linux", false, "us-east4")),
        map("i-004", ItemKind.EC2_INSTANCE, "i-004", "us-east-1",
            new Target.ComputeEngineVm("e2-standard-2", "x86_64", "windows", true, "us-east4")),
        map("vol-001", ItemKind.EBS_VOLUME, "vol-001", "us-east-1", new Target.Retire("web-asg", "us-east4")),
        map("vol-003", ItemKind.EBS_VOLUME, "vol-003", "us-east-1",
            new Target.PersistentDisk("pd-balanced", 50, null, null, "us-east4")),
        map(ALB, ItemKind.LOAD_BALANCER, "web-alb", "us-east-1",
            new Target.CloudLoadBalancer("global-external-application", 1, true, "global")),
        map(NLB, ItemKind.LOAD_BALANCER, "api-nlb", "us-east-1",
            new Target.CloudLoadBalancer("external-passthrough-network", 2, false, "us-east4")),
        map(CLB, ItemKind.LOAD_BALANCER, "old-elb", "us-east-1",
            new Target.CloudLoadBalancer("regional-external-application", 1, false, "us-east4")),
        map("E1", ItemKind.CLOUDFRONT_DISTRIBUTION, "www.example.com", "global",
            new Target.CloudCdn("web-backend", "CACHE_ALL_STATIC", false, "global")),
        map("assets", ItemKind.S3_BUCKET, "assets", "us-east-1", new Target.CloudStorage("us-east4",
            List.of(new Target.ClassMapping("STANDARD", "STANDARD", 100)), "us-east4")));
    return new MigrationPlan(m, List.of(), Map.of("us-east-1", "us-east4"), "test");
  }

  static Mapping map(String id, ItemKind kind, String name, String region, Target target) {
    return new Mapping(id, kind, name, region, target, "test-rule", "hand-built", Effort.REPLATFORM, List.of(), List.of(), Map.of());
  }
}

package dev.migrate.inventory;

import dev.migrate.testing.SnapshotBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** A small snapshot with one item of every kind, for tests. */
public final class Snapshots {
  private Snapshots() {}

  public static Snapshot small() {
    String region = "ap-northeast-1";
    var web = new Ec2Instance("i-0a1b2c3d4e5f60001", region, "ap-northeast-1a", "m5.large", "running",
        "linux", "x86_64", Instant.parse("2026-03-01T02:00:00Z"), null, null, "vpc-1", "web-asg",
        List.of("vol-0001"), true, Map.of("Name", "web-1", "app", "tableapp", "role", "web"));
    var vol = new EbsVolume("vol-0001", region, "ap-northeast-1a", "gp3", 50, 3000, 125, "in-use",
        "i-0a1b2c3d4e5f60001", Map.of());
    var asg = new AutoScalingGroup("web-asg", region, 1, 4, 1, List.of("i-0a1b2c3d4e5f60001"),
        List.of("arn:aws:elasticloadbalancing:ap-northeast-1:481516234200:targetgroup/web/0123456789abcdef"),
        List.of(), Map.of("app", "tableapp"));
    var alb = new LoadBalancer(
        "arn:aws:elasticloadbalancing:ap-northeast-1:481516234200:loadbalancer/app/web/50dc6c495c0c9188",
        "web", region, LoadBalancerType.APPLICATION, "internet-facing",
        "web-1234.ap-northeast-1.elb.amazonaws.com", "vpc-1", List.of("ap-northeast-1a", "ap-northeast-1c"),
        Instant.parse("2024-01-01T00:00:00Z"),
        List.of(new LoadBalancer.Listener("HTTPS", 443, null,
            List.of("arn:aws:elasticloadbalancing:ap-northeast-1:481516234200:targetgroup/web/0123456789abcdef"),
            List.of("arn:aws:acm:ap-northeast-1:481516234200:certificate/abc"))),
        List.of(new LoadBalancer.TargetGroup(
            "arn:aws:elasticloadbalancing:ap-northeast-1:481516234200:targetgroup/web/0123456789abcdef",
            "web", "HTTP", 80, "instance", List.of(new LoadBalancer.Target("i-0a1b2c3d4e5f60001", 80, "healthy")))),
        List.of(), new LoadBalancer.AccessLogs(true, "logs", "alb/web"), Map.of("app", "tableapp"));
    var dist = new Distribution("E2QWRUHEXAMPLE", "d111111abcdef8.cloudfront.net", List.of("www.example.jp"),
        true, "PriceClass_All", "http2",
        List.of(new Distribution.Origin("alb", "web-1234.ap-northeast-1.elb.amazonaws.com", "elb", null)),
        new Distribution.CacheBehavior("*", "alb", "redirect-to-https", "658327ea-f89d-4fab-a63d-7e88639e58f6",
            false, List.of(new Distribution.EdgeFunction("cloudfront-function", "viewer-request",
                "arn:aws:cloudfront::481516234200:function/redirects"))),
        List.of(), new Distribution.Logging(true, "logs.s3.amazonaws.com", "cf/"), null, "none", List.of(),
        false, Map.of("app", "tableapp"));
    var bucket = new S3Bucket("tableapp-assets", region, Instant.parse("2023-05-01T00:00:00Z"),
        List.of(new S3Bucket.StorageClassUsage("STANDARD", 322_122_547_200L, null),
            new S3Bucket.StorageClassUsage("STANDARD_IA", 107_374_182_400L, null)),
        1_250_000L, Map.of("app", "tableapp"));
    var usage = new Usage("i-0a1b2c3d4e5f60001", "ec2", "cloudwatch", 21.5, 48.0, 77.3, null, null,
        12.5, 140.25, null, null, null, null, null, null, null,
        List.of(new Usage.Daily(LocalDate.parse("2026-11-24"), null, null, 22.0, 70.1, null)));
    var billing = new Billing("USD", List.of(new Billing.Month(YearMonth.parse("2026-10"), false,
        List.of(new Billing.ServiceCost("Amazon Elastic Compute Cloud - Compute", new BigDecimal("70.08")),
            new Billing.ServiceCost("Amazon CloudFront", new BigDecimal("12.40"))))));
    return SnapshotBuilder.snapshot(new Account("481516234200", "tableapp-prod"), Instant.parse("2026-11-25T00:10:00Z"),
            Window.ofDays(Instant.parse("2026-11-25T00:00:00Z"), 30))
        .regions(List.of(region)).instances(List.of(web)).volumes(List.of(vol))
        .autoScalingGroups(List.of(asg)).loadBalancers(List.of(alb)).distributions(List.of(dist))
        .buckets(List.of(bucket)).vpcs(List.of(new Vpc("vpc-1", region, List.of("10.0.0.0/16"), false)))
        .commitments(List.of(new Commitment("reserved-instance", "ri-1", region, "m5.large", "Linux/UNIX", 1,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), BigDecimal.ZERO,
            new BigDecimal("0.076"), "Standard", "active")))
        .usage(List.of(usage)).billing(billing)
        .gaps(List.of(new Gap("ce", "global", "AccessDenied", "billing history", "ce:GetCostAndUsage was denied")))
        .build();
  }
}

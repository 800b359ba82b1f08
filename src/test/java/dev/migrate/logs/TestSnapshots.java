package dev.migrate.logs;

import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A small snapshot holding the resources of the AWS documentation examples. */
final class TestSnapshots {
  static final String ALB_ARN =
      "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/my-loadbalancer/50dc6c495c0c9188";

  private TestSnapshots() {}

  static Snapshot docExamples() {
    Instant end = Instant.parse("2019-12-31T00:00:00Z");
    LoadBalancer alb = new LoadBalancer(ALB_ARN, "my-loadbalancer", "us-east-2", LoadBalancerType.APPLICATION,
        "internet-facing", null, null, null, null, null, null, null, null, null);
    LoadBalancer clb = new LoadBalancer("my-loadbalancer", "my-loadbalancer", "us-west-2", LoadBalancerType.CLASSIC,
        "internet-facing", null, null, null, null, null, null, null,
        new LoadBalancer.AccessLogs(true, "logs", "clb"), null);
    Distribution cf = new Distribution("EMLARXS9EXAMPLE", "d111111abcdef8.cloudfront.net", List.of("www.example.com"),
        true, "PriceClass_All", "http2", null, new Distribution.CacheBehavior("*", "origin", "redirect-to-https",
            null, false, null), null, null, null, null, null, false, null);
    Ec2Instance monitored = new Ec2Instance("i-0aaa", "us-east-2", null, "m5.large", "running", "linux", "x86_64",
        null, null, null, null, null, null, true, null);
    Ec2Instance plain = new Ec2Instance("i-0bbb", "us-east-2", null, "m5.large", "running", "linux", "x86_64",
        null, null, null, null, null, null, false, null);
    Usage cfUsage = new Usage("EMLARXS9EXAMPLE", "cloudfront", "cloudwatch", null, null, null, null, null, null, null,
        3_000_000L, 120.0, null, 40.0, null, null, null,
        List.of(new Usage.Daily(LocalDate.parse("2019-12-04"), 100_000L, 4.0, null, null, 2.0)));
    Usage monitoredUsage = new Usage("i-0aaa", "ec2", "cloudwatch", 20.0, 30.0, 50.0, 40.0, 45.0, 1.0, 2.0,
        null, null, null, null, null, null, null, null);
    return SnapshotBuilder.snapshot(new Account("123456789012", null), end, Window.ofDays(end, 30))
        .regions(List.of("us-east-2", "us-west-2")).instances(List.of(monitored, plain))
        .loadBalancers(List.of(alb, clb)).distributions(List.of(cf)).usage(List.of(cfUsage, monitoredUsage))
        .build();
  }

  static Map<String, Usage> usageById(Snapshot s) {
    return s.usage().stream().collect(java.util.stream.Collectors.toMap(Usage::resourceId, u -> u));
  }
}

package dev.migrate.testing;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.Window;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An estate of three accounts in ap-northeast-1, built to show what merging accounts must get right:
 * <ul>
 *   <li>111111111111 "shared-services" owns VPC {@code vpc-0shared} (shared with 222222222222), an auto scaling
 *       group "web" behind a classic load balancer "web", an RDS database "orders";</li>
 *   <li>222222222222 "prod" has an instance in the shared VPC (and lists the VPC too, as a participant does), its own
 *       group "web", classic load balancer "web" and database "orders" (the same names as in 111111111111), a
 *       CloudFront distribution whose origin is the application load balancer of 333333333333, and an Aurora
 *       cluster "main" with member "main-1";</li>
 *   <li>333333333333 "data" has that application load balancer in front of one instance, and an Aurora cluster
 *       "main" with member "main-1" too.</li>
 * </ul>
 * Each bill has September and October 2026 (EC2, RDS, CloudFront), with usage lines.
 */
public final class ThreeAccountEstate {
  public static final String A = "111111111111";
  public static final String B = "222222222222";
  public static final String C = "333333333333";
  public static final String REGION = "ap-northeast-1";
  public static final String SHARED_VPC = "vpc-0shared0000000001";
  public static final String ALB_ARN =
      "arn:aws:elasticloadbalancing:ap-northeast-1:333333333333:loadbalancer/app/api/0123456789abcdef";
  public static final String ALB_DNS = "api-333.ap-northeast-1.elb.amazonaws.com";
  public static final String DIST = "E2BBBBBBBBBBBB";
  public static final Instant COLLECTED = Instant.parse("2026-11-25T08:00:00Z");
  public static final Window WINDOW = Window.ofDays(Instant.parse("2026-11-25T00:00:00Z"), 30);

  private ThreeAccountEstate() {}

  public static String iid(String account, int n) {
    return "i-0" + account.substring(0, 3) + String.format("%013d", n);
  }

  /** The three snapshots, in account order. */
  public static List<Snapshot> snapshots() {
    return List.of(a(), b(), c());
  }

  /** Writes the three snapshots as {@code <account>.json} into {@code dir} and returns the files. */
  public static List<Path> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (Snapshot s : snapshots()) {
      Path f = dir.resolve(s.account().id() + ".json");
      SnapshotJson.write(s, f);
      files.add(f);
    }
    return files;
  }

  static Snapshot a() {
    String i1 = iid(A, 1);
    String i2 = iid(A, 2);
    var instances = List.of(instance(i1, "m5.large", SHARED_VPC, "web", Map.of("Name", "web-a1", "app", "web")),
        instance(i2, "m5.large", SHARED_VPC, "web", Map.of("Name", "web-a2", "app", "web")));
    var volumes = List.of(new EbsVolume("vol-0aaa000000000001", REGION, REGION + "a", "gp3", 50, 3000, 125, "in-use",
        i1, Map.of()));
    var asg = new AutoScalingGroup("web", REGION, 2, 4, 2, List.of(i1, i2), List.of(), List.of("web"),
        Map.of("app", "web"));
    var elb = classic("web", "web-111.ap-northeast-1.elb.amazonaws.com", List.of(i1, i2));
    var db = rds("orders", A);
    var usage = List.of(cpu(i1, 35.0), cpu(i2, 30.0), lbUsage("web", 2_000_000L),
        Usage.of("orders", "rds", "cloudwatch"));
    return SnapshotBuilder.snapshot(new Account(A, "acme-shared"), COLLECTED, WINDOW).regions(List.of(REGION))
        .instances(instances).volumes(volumes).autoScalingGroups(List.of(asg)).loadBalancers(List.of(elb))
        .vpcs(List.of(new Vpc(SHARED_VPC, REGION, List.of("10.0.0.0/16"), false))).dbInstances(List.of(db))
        .usage(usage).billing(bill(new String[][] {
            {"Amazon Elastic Compute Cloud - Compute", "140.16", "APN1-BoxUsage:m5.large"},
            {"Amazon Relational Database Service", "180.00", "APN1-InstanceUsage:db.r6g.large"}}))
        .build();
  }

  static Snapshot b() {
    String i1 = iid(B, 1);
    var instances = List.of(instance(i1, "m5.large", SHARED_VPC, "web", Map.of("Name", "web-b1", "app", "web")));
    var asg = new AutoScalingGroup("web", REGION, 1, 2, 1, List.of(i1), List.of(), List.of("web"),
        Map.of("app", "web"));
    var elb = classic("web", "web-222.ap-northeast-1.elb.amazonaws.com", List.of(i1));
    var behavior = new Distribution.CacheBehavior("*", "api", "redirect-to-https", null, false, List.of());
    var dist = new Distribution(DIST, "d222222abcdef8.cloudfront.net", List.of("api.acme.example"), true,
        "PriceClass_200", "http2", List.of(new Distribution.Origin("api", ALB_DNS, "elb", null)), behavior,
        List.of(), null, null, "none", List.of(), false, Map.of("app", "api"));
    var cluster = aurora("main", B);
    var member = auroraMember("main-1", "main", B);
    var db = rds("orders", B);
    var cf = new Usage(DIST, "cloudfront", "cloudwatch", null, null, null, null, null, null, null, 30_000_000L,
        600.0, null, 120.0, 0.85, Map.of("japan", 30_000_000L), Map.of("japan", 600.0), null);
    var usage = List.of(cpu(i1, 40.0), lbUsage("web", 1_000_000L), cf, Usage.of("orders", "rds", "cloudwatch"),
        Usage.of("main", "aurora", "cloudwatch"));
    return SnapshotBuilder.snapshot(new Account(B, "acme-prod"), COLLECTED.plusSeconds(600),
            Window.ofDays(WINDOW.end().plusSeconds(600), 30)).regions(List.of(REGION))
        .instances(instances).autoScalingGroups(List.of(asg)).loadBalancers(List.of(elb))
        .distributions(List.of(dist)).vpcs(List.of(new Vpc(SHARED_VPC, REGION, List.of("10.0.0.0/16"), false)))
        .dbInstances(List.of(db, member)).dbClusters(List.of(cluster)).usage(usage)
        .gaps(List.of(new Gap("elasticache", REGION, "AccessDenied", "ElastiCache caches",
            "not authorised to call elasticache:DescribeReplicationGroups")))
        .billing(bill(new String[][] {
            {"Amazon Elastic Compute Cloud - Compute", "70.08", "APN1-BoxUsage:m5.large"},
            {"Amazon CloudFront", "310.50", "JP-DataTransfer-Out-Bytes"},
            {"Amazon Relational Database Service", "520.00", "APN1-InstanceUsage:db.r6g.large"}}))
        .build();
  }

  static Snapshot c() {
    String i1 = iid(C, 1);
    var instances = List.of(instance(i1, "m5.xlarge", "vpc-0data000000000001", null, Map.of("Name", "api-c1",
        "app", "api")));
    var tg = new LoadBalancer.TargetGroup(
        "arn:aws:elasticloadbalancing:ap-northeast-1:333333333333:targetgroup/api/0123456789abcdef", "api", "HTTP",
        8080, "instance", List.of(new LoadBalancer.Target(i1, 8080, "healthy")));
    var alb = new LoadBalancer(ALB_ARN, "api", REGION, LoadBalancerType.APPLICATION, "internet-facing", ALB_DNS,
        "vpc-0data000000000001", List.of(REGION + "a", REGION + "c"), null,
        List.of(new LoadBalancer.Listener("HTTPS", 443, null, List.of(tg.arn()), List.of())), List.of(tg), List.of(),
        null, Map.of("app", "api"));
    var cluster = aurora("main", C);
    var member = auroraMember("main-1", "main", C);
    var usage = List.of(cpu(i1, 25.0), lbUsage(ALB_ARN, 30_000_000L), Usage.of("main", "aurora", "cloudwatch"));
    return SnapshotBuilder.snapshot(new Account(C, null), COLLECTED, WINDOW).regions(List.of(REGION))
        .instances(instances).loadBalancers(List.of(alb))
        .vpcs(List.of(new Vpc("vpc-0data000000000001", REGION, List.of("10.1.0.0/16"), false)))
        .dbInstances(List.of(member)).dbClusters(List.of(cluster)).usage(usage)
        .billing(bill(new String[][] {
            {"Amazon Elastic Compute Cloud - Compute", "140.16", "APN1-BoxUsage:m5.xlarge"},
            {"Amazon Elastic Load Balancing", "22.50", "APN1-LoadBalancerUsage"},
            {"Amazon Relational Database Service", "410.00", "APN1-InstanceUsage:db.r6g.large"}}))
        .build();
  }

  private static Ec2Instance instance(String id, String type, String vpc, String asg, Map<String, String> tags) {
    return new Ec2Instance(id, REGION, REGION + "a", type, "running", "linux", "x86_64",
        Instant.parse("2026-01-10T00:00:00Z"), null, null, vpc, asg, List.of(), false, tags);
  }

  private static LoadBalancer classic(String name, String dns, List<String> instances) {
    return new LoadBalancer(name, name, REGION, LoadBalancerType.CLASSIC, "internet-facing", dns, SHARED_VPC,
        List.of(REGION + "a"), null, List.of(new LoadBalancer.Listener("HTTP", 80, 8080, List.of(), List.of())),
        List.of(), instances, null, Map.of("app", "web"));
  }

  private static DbInstance rds(String id, String account) {
    return new DbInstance(id, "arn:aws:rds:ap-northeast-1:" + account + ":db:" + id, REGION, REGION + "a", "mysql",
        "8.0.39", "db.r6g.large", "gp3", 100, null, false, null, null, 7, true, null, "available",
        "general-public-license", Map.of("app", "orders"));
  }

  private static DbCluster aurora(String id, String account) {
    return new DbCluster(id, "arn:aws:rds:ap-northeast-1:" + account + ":cluster:" + id, REGION, "aurora-postgresql",
        "15.4", "provisioned", List.of(id + "-1"), id + "-1", null, null, "aurora", false, null, 0, 7, true, null,
        "available", Map.of("app", "main"));
  }

  private static DbInstance auroraMember(String id, String cluster, String account) {
    return new DbInstance(id, "arn:aws:rds:ap-northeast-1:" + account + ":db:" + id, REGION, REGION + "a",
        "aurora-postgresql", "15.4", "db.r6g.large", "aurora", 0, null, false, cluster, null, 7, true, null,
        "available", null, Map.of("app", "main"));
  }

  private static Usage cpu(String id, double p95) {
    return new Usage(id, "ec2", "cloudwatch", p95 / 2, p95, p95 + 20, null, null, 10.0, 20.0, null, null, null,
        null, null, null, null, null);
  }

  private static Usage lbUsage(String id, long requests) {
    return new Usage(id, "elb", "cloudwatch", null, null, null, null, null, null, null, requests, 50.0, 100.0, 20.0,
        null, null, null, null);
  }

  /** September and October 2026 with these services (name, amount, usage type), one usage line each. */
  private static Billing bill(String[][] services) {
    var months = new ArrayList<Billing.Month>();
    for (YearMonth m : List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10))) {
      var sc = new ArrayList<Billing.ServiceCost>();
      var lines = new ArrayList<Billing.UsageLine>();
      for (String[] s : services) {
        BigDecimal amount = new BigDecimal(s[1]);
        sc.add(new Billing.ServiceCost(s[0], amount));
        boolean global = s[2].startsWith("JP-");
        lines.add(new Billing.UsageLine(s[0], s[2], global ? null : REGION, amount, BigDecimal.TEN, global ? "GB" : "Hrs"));
      }
      sc.sort(java.util.Comparator.comparing(Billing.ServiceCost::service));
      lines.sort(java.util.Comparator.comparing(Billing.UsageLine::service));
      months.add(new Billing.Month(m, false, sc, lines));
    }
    return new Billing("USD", months, Billing.SOURCE_COST_EXPLORER);
  }
}

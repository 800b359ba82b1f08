package dev.migrate.deps;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.FlowLogs;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.NetworkInterface;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.Window;
import dev.migrate.testing.SnapshotBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hand-made estate with flow logs whose graph is known (figures in MiB so sums are read off by eye).
 *
 * <p>VPC vpc-shop 10.0.0.0/16; on-premises 192.168.0.0/16 when declared.
 * <ul>
 *   <li>shop (app=shop): web-asg (i-web1 10.0.1.10, i-web2 10.0.1.11), shop-alb (10.0.0.5), shop-redis (node
 *       shop-redis-001, 10.0.2.20), Aurora cluster shop-db (member shop-db-1, 10.0.3.30);</li>
 *   <li>i-batch (untagged, 10.0.4.40) writes to shop-db: joins shop by traffic;</li>
 *   <li>reports (app=reports): i-rep (10.0.5.50) and reports-db (RDS, untagged, 10.0.5.60);</li>
 *   <li>i-mon (untagged, 10.0.6.60) polls web, db and i-rep with 1 MiB each: below 1% of their traffic, so it
 *       stays a group of its own;</li>
 *   <li>i-lonely (untagged, 10.0.6.61) talks only to the internet;</li>
 *   <li>places: internet 203.0.113.7 (clients), 198.51.100.1 (an API batch calls through NAT nat-1 10.0.8.80 /
 *       52.0.0.1), VPC endpoint 10.0.7.70, an unknown address 10.0.9.99, on-premises 192.168.10.5, a private
 *       address outside the VPC 172.31.9.9.</li>
 * </ul>
 */
final class FlowEstate {
  static final String R = "ap-northeast-1";
  static final long MIB = 1L << 20;
  static final Instant START = Instant.parse("2026-11-24T00:00:00Z");
  static final Instant END = Instant.parse("2026-11-25T00:00:00Z");

  private FlowEstate() {}

  static Snapshot snapshot() {
    return base().flowLogs(flowLogs(pairs())).build();
  }

  static Snapshot withPairs(List<FlowLogs.Pair> pairs) {
    return base().flowLogs(flowLogs(pairs)).build();
  }

  static Snapshot withoutFlowLogs() {
    return base().build();
  }

  static FlowLogs flowLogs(List<FlowLogs.Pair> pairs) {
    long records = pairs.stream().mapToLong(FlowLogs.Pair::flows).sum();
    return new FlowLogs("files", START, END, new FlowLogs.Counts(records + 7, records, 3, 2, 0, 1, 1, 0), pairs);
  }

  static SnapshotBuilder base() {
    var web1 = instance("i-web1", "web-asg", Map.of("app", "shop"));
    var web2 = instance("i-web2", "web-asg", Map.of("app", "shop"));
    var batch = instance("i-batch", null, Map.of("Name", "nightly-batch"));
    var rep = instance("i-rep", null, Map.of("app", "reports", "Name", "reporting"));
    var mon = instance("i-mon", null, Map.of("Name", "monitor"));
    var lonely = instance("i-lonely", null, Map.of());
    var asg = new AutoScalingGroup("web-asg", R, 2, 4, 2, List.of("i-web1", "i-web2"), List.of(), List.of(),
        Map.of("app", "shop", "Name", "web"));
    var alb = new LoadBalancer("arn:aws:elasticloadbalancing:" + R + ":111122223333:loadbalancer/app/shop-alb/1",
        "shop-alb", R, LoadBalancerType.APPLICATION, "internet-facing", "shop-alb-1.elb.amazonaws.com", "vpc-shop",
        List.of(R + "a"), null, List.of(), List.of(), List.of(), null, Map.of("app", "shop"));
    var shopDb1 = new DbInstance("shop-db-1", null, R, R + "a", "aurora-postgresql", "15.4", "db.r6g.large", "aurora",
        0, null, false, "shop-db", null, 7, true, null, "available", null, Map.of());
    var shopDb = new DbCluster("shop-db", null, R, "aurora-postgresql", "15.4", "provisioned", List.of("shop-db-1"),
        "shop-db-1", null, null, "aurora", false, null, 0, 7, true, null, "available", Map.of("app", "shop"));
    var reportsDb = new DbInstance("reports-db", null, R, R + "a", "postgres", "15.4", "db.t4g.medium", "gp3", 100,
        null, false, null, null, 7, true, null, "available", null, Map.of());
    var redis = new CacheCluster("shop-redis", null, R, "redis", "7.1", "cache.r6g.large", 1, 0, false, false, false,
        null, List.of("shop-redis-001"), List.of(R + "a"), 1, true, true, null, "available", null,
        Map.of("app", "shop"));
    var enis = List.of(
        eni("eni-01", "10.0.1.10", null, "ec2", "i-web1"),
        eni("eni-02", "10.0.1.11", null, "ec2", "i-web2"),
        eni("eni-03", "10.0.0.5", null, "elb", "shop-alb"),
        eni("eni-04", "10.0.2.20", null, "elasticache", "shop-redis-001"),
        eni("eni-05", "10.0.3.30", null, "rds", "shop-db-1"),
        eni("eni-06", "10.0.4.40", null, "ec2", "i-batch"),
        eni("eni-07", "10.0.5.50", null, "ec2", "i-rep"),
        eni("eni-08", "10.0.5.60", null, "rds", "reports-db"),
        eni("eni-09", "10.0.6.60", null, "ec2", "i-mon"),
        eni("eni-10", "10.0.6.61", "54.0.0.61", "ec2", "i-lonely"),
        eni("eni-11", "10.0.7.70", null, "vpc-endpoint", "vpce-1"),
        eni("eni-12", "10.0.8.80", "52.0.0.1", "nat-gateway", "nat-1"));
    return SnapshotBuilder.snapshot(new Account("111122223333", "test"), Instant.parse("2026-11-25T00:10:00Z"),
            Window.ofDays(END, 1))
        .regions(List.of(R))
        .instances(List.of(batch, lonely, mon, rep, web1, web2))
        .autoScalingGroups(List.of(asg))
        .loadBalancers(List.of(alb))
        .dbInstances(List.of(reportsDb, shopDb1))
        .dbClusters(List.of(shopDb))
        .cacheClusters(List.of(redis))
        .vpcs(List.of(new Vpc("vpc-shop", R, List.of("10.0.0.0/16"), false)))
        .networkInterfaces(enis);
  }

  /** The flows: each pair's bytes in MiB, busiest hour a tenth, one flow record per 10 MiB (at least one). */
  static List<FlowLogs.Pair> pairs() {
    List<FlowLogs.Pair> p = new ArrayList<>();
    // clients -> ALB -> web
    p.add(pair("203.0.113.7", "10.0.0.5", 443, 100));
    p.add(pair("10.0.0.5", "203.0.113.7", 443, 1000));
    p.add(pair("10.0.0.5", "10.0.1.10", 8080, 50));
    p.add(pair("10.0.1.10", "10.0.0.5", 8080, 500));
    p.add(pair("10.0.0.5", "10.0.1.11", 8080, 50));
    p.add(pair("10.0.1.11", "10.0.0.5", 8080, 500));
    // web -> cache, web -> db
    p.add(pair("10.0.1.10", "10.0.2.20", 6379, 100));
    p.add(pair("10.0.2.20", "10.0.1.10", 6379, 300));
    p.add(pair("10.0.1.11", "10.0.3.30", 5432, 40));
    p.add(pair("10.0.3.30", "10.0.1.11", 5432, 200));
    // web members gossip (within the group)
    p.add(pair("10.0.1.10", "10.0.1.11", 7946, 5));
    // batch -> db, batch -> API through NAT
    p.add(pair("10.0.4.40", "10.0.3.30", 5432, 300));
    p.add(pair("10.0.3.30", "10.0.4.40", 5432, 20));
    p.add(pair("10.0.4.40", "10.0.8.80", 443, 10));
    p.add(pair("52.0.0.1", "198.51.100.1", 443, 10));
    // reports
    p.add(pair("10.0.5.50", "10.0.5.60", 5432, 10));
    p.add(pair("10.0.5.60", "10.0.5.50", 5432, 90));
    // monitor polls with 1 MiB each way
    p.add(pair("10.0.6.60", "10.0.1.10", 9100, 1));
    p.add(pair("10.0.6.60", "10.0.3.30", 9187, 1));
    p.add(pair("10.0.6.60", "10.0.5.50", 9100, 1));
    // lonely: internet only, to its public address
    p.add(pair("198.51.100.9", "54.0.0.61", 22, 2));
    // web -> S3 over a VPC endpoint; an unknown address in the VPC reads the cache
    p.add(pair("10.0.1.10", "10.0.7.70", 443, 20));
    p.add(pair("10.0.9.99", "10.0.2.20", 6379, 3));
    // an admin on-premises, a peer outside the VPC
    p.add(pair("192.168.10.5", "10.0.1.11", 22, 4));
    p.add(pair("172.31.9.9", "10.0.5.60", 5432, 6));
    return p;
  }

  static FlowLogs.Pair pair(String src, String dst, int port, long mib) {
    long bytes = mib * MIB;
    return new FlowLogs.Pair(src, dst, port, "tcp", bytes, bytes / 1000, Math.max(1, mib / 10), bytes / 10);
  }

  static Ec2Instance instance(String id, String asg, Map<String, String> tags) {
    return new Ec2Instance(id, R, R + "a", "m5.large", "running", "linux", "x86_64",
        Instant.parse("2026-01-01T00:00:00Z"), null, null, "vpc-shop", asg, List.of(), false, tags);
  }

  static NetworkInterface eni(String id, String privateIp, String publicIp, String kind, String resource) {
    return new NetworkInterface(id, R, "vpc-shop", "subnet-1", "interface", List.of(privateIp),
        publicIp == null ? List.of() : List.of(publicIp), kind, resource, null);
  }
}

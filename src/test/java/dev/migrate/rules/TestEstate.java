package dev.migrate.rules;

import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small snapshots for rule tests: one call per item, sensible defaults. */
final class TestEstate {
  static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  final List<Ec2Instance> instances = new ArrayList<>();
  final List<EbsVolume> volumes = new ArrayList<>();
  final List<AutoScalingGroup> groups = new ArrayList<>();
  final List<LoadBalancer> lbs = new ArrayList<>();
  final List<Distribution> distributions = new ArrayList<>();
  final List<S3Bucket> buckets = new ArrayList<>();
  final List<Usage> usage = new ArrayList<>();
  final List<DbInstance> dbs = new ArrayList<>();
  final List<DbCluster> clusters = new ArrayList<>();
  final List<CacheCluster> caches = new ArrayList<>();
  static final String REGION = "ap-northeast-1";

  /** An RDS DB instance in ap-northeast-1 (see {@link #dbIn} for another region). */
  TestEstate db(String id, String engine, String version, String cls, long storageGib, boolean multiAz, String replicaOf,
      String license) {
    return dbIn(REGION, id, engine, version, cls, storageGib, multiAz, replicaOf, license);
  }

  TestEstate dbIn(String region, String id, String engine, String version, String cls, long storageGib, boolean multiAz,
      String replicaOf, String license) {
    dbs.add(new DbInstance(id, "arn:aws:rds:" + region + ":123456789012:db:" + id, region, region + "a", engine, version,
        cls, "gp3", storageGib, null, multiAz, null, replicaOf, 7, true, id + ".rds.amazonaws.com", "available", license,
        Map.of("Name", id)));
    return this;
  }

  /** An Aurora member instance. */
  TestEstate member(String id, String cluster, String engine, String cls) {
    dbs.add(new DbInstance(id, null, REGION, REGION + "a", engine, null, cls, "aurora", 0, null, false, cluster, null, 7,
        true, null, "available", null, Map.of()));
    return this;
  }

  TestEstate cluster(String id, String engine, String version, List<String> members, Double minAcu, Double maxAcu,
      String global, double backtrackHours, Map<String, String> tags) {
    clusters.add(new DbCluster(id, null, REGION, engine, version, "provisioned", members, members.get(0), minAcu, maxAcu,
        "aurora", members.size() > 1, global, backtrackHours, 7, true, id + ".cluster.rds.amazonaws.com", "available", tags));
    return this;
  }

  TestEstate cache(String id, String engine, String version, String nodeType, int shards, int replicas, boolean clusterMode,
      boolean serverless, Double maxDataGib) {
    caches.add(new CacheCluster(id, null, REGION, engine, version, nodeType, shards, replicas, clusterMode, replicas > 0,
        serverless, maxDataGib, List.of(), List.of(REGION + "a"), 1, true, true, id + ".cache.amazonaws.com", "available",
        null, Map.of()));
    return this;
  }

  /** CloudWatch figures of a DB instance, cluster or cache (kind rds, aurora or elasticache). */
  TestEstate dbUsage(String id, String kind, Double cpuP95, Double freeMinGib, Double memUsedPct, Double storageUsedGib,
      Double acuMax) {
    usage.add(new Usage(id, kind, "cloudwatch", cpuP95 == null ? null : cpuP95 / 2, cpuP95,
        cpuP95 == null ? null : Math.min(100, cpuP95 * 1.5), null, null, 1.0, 2.0, null, null, null, null, null, null, null,
        null, new DatastoreMetrics(freeMinGib, memUsedPct, 10.0, 40.0, null, null, null, null, storageUsedGib, 900L, 100L,
            acuMax == null ? null : acuMax / 2, acuMax)));
    return this;
  }

  TestEstate instance(String id, String type, String state, String platform, String arch, String region, String asg,
      Map<String, String> tags, String... volumeIds) {
    instances.add(new Ec2Instance(id, region, region + "a", type, state, platform, arch, END.minusSeconds(86400 * 100),
        null, null, "vpc-1", asg, List.of(volumeIds), false, tags));
    return this;
  }

  TestEstate linux(String id, String type, String asg, Map<String, String> tags, String... volumeIds) {
    return instance(id, type, "running", "linux", "x86_64", "ap-northeast-1", asg, tags, volumeIds);
  }

  TestEstate volume(String id, String type, int sizeGib, Integer iops, String attachedTo) {
    volumes.add(new EbsVolume(id, "ap-northeast-1", "ap-northeast-1a", type, sizeGib, iops, null,
        attachedTo == null ? "available" : "in-use", attachedTo, Map.of()));
    return this;
  }

  TestEstate asg(String name, int desired, List<String> members, List<String> targetGroups, Map<String, String> tags) {
    groups.add(new AutoScalingGroup(name, "ap-northeast-1", 1, desired * 2, desired, members, targetGroups, List.of(), tags));
    return this;
  }

  TestEstate cpu(String id, double p95, Double memP95) {
    usage.add(new Usage(id, "ec2", "cloudwatch", p95 / 2, p95, Math.min(100, p95 * 1.5), memP95 == null ? null : memP95 * 0.8,
        memP95, 10.0, 20.0, null, null, null, null, null, null, null, null));
    return this;
  }

  TestEstate requests(String id, String kind, long requests, double peak) {
    usage.add(new Usage(id, kind, "cloudwatch", null, null, null, null, null, null, null, requests, 100.0, null, peak,
        null, null, null, null));
    return this;
  }

  TestEstate alb(String name, String scheme, String tgArn, int port, List<String> targets) {
    lbs.add(new LoadBalancer("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/" + name + "/1",
        name, "ap-northeast-1", LoadBalancerType.APPLICATION, scheme, name + ".elb.amazonaws.com", "vpc-1", List.of(),
        null, List.of(new LoadBalancer.Listener("HTTP", 80, null, List.of(tgArn), List.of()),
            new LoadBalancer.Listener("HTTPS", 443, null, List.of(tgArn), List.of("arn:cert"))),
        List.of(new LoadBalancer.TargetGroup(tgArn, name + "-tg", "HTTP", port, "instance",
            targets.stream().map(t -> new LoadBalancer.Target(t, port, "healthy")).toList())),
        List.of(), null, Map.of()));
    return this;
  }

  TestEstate nlb(String name, String tgArn, String protocol, int port, List<String> targets) {
    lbs.add(new LoadBalancer("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/" + name + "/1",
        name, "ap-northeast-1", LoadBalancerType.NETWORK, "internet-facing", name + ".elb.amazonaws.com", "vpc-1",
        List.of(), null, List.of(new LoadBalancer.Listener(protocol, port, null, List.of(tgArn), List.of())),
        List.of(new LoadBalancer.TargetGroup(tgArn, name + "-tg", "TCP", port, "instance",
            targets.stream().map(t -> new LoadBalancer.Target(t, port, "healthy")).toList())),
        List.of(), null, Map.of()));
    return this;
  }

  TestEstate classic(String name, List<String> instances) {
    lbs.add(new LoadBalancer(name, name, "ap-northeast-1", LoadBalancerType.CLASSIC, "internet-facing",
        name + ".elb.amazonaws.com", "vpc-1", List.of(), null,
        List.of(new LoadBalancer.Listener("HTTP", 80, 8080, List.of(), List.of())), List.of(), instances, null, Map.of()));
    return this;
  }

  TestEstate distribution(String id, boolean enabled, String originKind, String originDomain, String webAcl,
      String geo, boolean fle, boolean signed, List<Distribution.EdgeFunction> functions, String priceClass) {
    distributions.add(new Distribution(id, id.toLowerCase() + ".cloudfront.net", List.of(), enabled, priceClass, "http2",
        List.of(new Distribution.Origin("o1", originDomain, originKind, null)),
        new Distribution.CacheBehavior("*", "o1", "redirect-to-https", "658327ea", signed, functions), List.of(), null,
        webAcl, geo, geo.equals("none") ? List.of() : List.of("JP"), fle, Map.of()));
    return this;
  }

  TestEstate bucket(String name, Map<String, Long> gibByClass) {
    List<S3Bucket.StorageClassUsage> classes = new ArrayList<>();
    gibByClass.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> classes.add(new S3Bucket.StorageClassUsage(e.getKey(), e.getValue() << 30, null)));
    buckets.add(new S3Bucket(name, "ap-northeast-1", null, classes, 1000L, Map.of()));
    return this;
  }

  Snapshot snapshot() {
    return SnapshotBuilder.snapshot(new Account("123456789012", "test"), END, Window.ofDays(END, 30))
        .regions(List.of("ap-northeast-1")).instances(sorted(instances, Ec2Instance::id))
        .volumes(sorted(volumes, EbsVolume::id)).autoScalingGroups(sorted(groups, AutoScalingGroup::name))
        .loadBalancers(sorted(lbs, LoadBalancer::id)).distributions(sorted(distributions, Distribution::id))
        .buckets(sorted(buckets, S3Bucket::name)).usage(sorted(usage, Usage::resourceId))
        .dbInstances(sorted(dbs, DbInstance::id)).dbClusters(sorted(clusters, DbCluster::id))
        .cacheClusters(sorted(caches, CacheCluster::id)).build();
  }

  private static <T> List<T> sorted(List<T> list, java.util.function.Function<T, String> key) {
    return list.stream().sorted(java.util.Comparator.comparing(key)).toList();
  }

  /** The small estate of the golden test: one item (at least) for every shipped rule. */
  static Snapshot small() {
    TestEstate e = new TestEstate();
    String webTg = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web/1";
    String cacheTg = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/mc/1";
    // web fleet behind an ALB, CPU measured, memory not
    e.linux("i-web1", "m5.large", "web-asg", Map.of("Name", "web-1", "App", "web"), "vol-web1")
        .linux("i-web2", "m5.large", "web-asg", Map.of("Name", "web-2", "App", "web"), "vol-web2")
        .linux("i-web3", "m5.large", "web-asg", Map.of("Name", "web-3", "App", "web"), "vol-web3")
        .volume("vol-web1", "gp3", 30, 3000, "i-web1").volume("vol-web2", "gp3", 30, 3000, "i-web2")
        .volume("vol-web3", "gp3", 30, 3000, "i-web3")
        .cpu("i-web1", 35, null).cpu("i-web2", 30, null).cpu("i-web3", 40, null)
        .asg("web-asg", 3, List.of("i-web1", "i-web2", "i-web3"), List.of(webTg), Map.of("App", "web"))
        .alb("web-alb", "internet-facing", webTg, 80, List.of("i-web1", "i-web2", "i-web3"))
        .requests("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/web-alb/1", "elb",
            2_592_000_00L, 400);
    // redis fleet (tag), root + data volume each, memory measured
    e.linux("i-redis1", "r5.large", "redis-asg", Map.of("Name", "redis-1", "Role", "redis"), "vol-r1root", "vol-r1data")
        .volume("vol-r1root", "gp2", 8, null, "i-redis1").volume("vol-r1data", "gp3", 100, 3000, "i-redis1")
        .cpu("i-redis1", 10, 60.0)
        .asg("redis-asg", 1, List.of("i-redis1"), List.of(), Map.of("Role", "redis"));
    // standalone memcached host found by its port (an NLB sends 11211 to it)
    e.instance("i-mc1", "r6g.large", "running", "linux", "arm64", "ap-northeast-1", null, Map.of("Name", "sessions-1"), "vol-mc1").volume("vol-mc1", "gp3", 20, 3000, "i-mc1")
        .nlb("mc-nlb", cacheTg, "TCP", 11211, List.of("i-mc1"));
    // cron and worker hosts
    e.linux("i-cron1", "t3.medium", null, Map.of("Name", "cron-01"), "vol-cron1").volume("vol-cron1", "gp2", 20, null, "i-cron1")
        .linux("i-work1", "c5.xlarge", null, Map.of("Name", "jobs-1", "Role", "worker"), "vol-work1")
        .volume("vol-work1", "gp3", 50, 3000, "i-work1").cpu("i-work1", 55, null);
    // standalone API behind a classic ELB, measured CPU and memory; three volume types
    e.linux("i-api1", "m5.xlarge", null, Map.of("Name", "api-1"), "vol-api-root", "vol-api-db", "vol-api-fast")
        .volume("vol-api-root", "gp2", 100, null, "i-api1").volume("vol-api-db", "io1", 200, 4000, "i-api1")
        .volume("vol-api-fast", "io2", 50, 16000, "i-api1").cpu("i-api1", 12, 40.0).classic("api-elb", List.of("i-api1"));
    // stopped instance with an HDD volume; terminated instance; Windows; Graviton in two regions
    e.instance("i-old1", "t3.large", "stopped", "linux", "x86_64", "ap-northeast-1", null, Map.of("Name", "old-reports"), "vol-old1")
        .volume("vol-old1", "st1", 500, null, "i-old1")
        .instance("i-gone1", "t3.small", "shutting-down", "linux", "x86_64", "ap-northeast-1", null, Map.of(), "vol-gone1")
        .volume("vol-gone1", "gp2", 8, null, "i-gone1")
        .instance("i-win1", "m5.large", "running", "windows", "x86_64", "ap-northeast-1", null, Map.of("Name", "reporting-win"),
            new String[0]).cpu("i-win1", 20, null)
        .instance("i-arm1", "m6g.large", "running", "linux", "arm64", "ap-northeast-1", null, Map.of("Name", "arm-tokyo"),
            new String[0]).cpu("i-arm1", 25, 50.0)
        .instance("i-arm2", "m6g.large", "running", "linux", "arm64", "ap-northeast-3", null, Map.of("Name", "arm-osaka"),
            new String[0]);
    // a GPU host and a database host (lower-case role tag)
    e.linux("i-gpu1", "g4dn.xlarge", null, Map.of("Name", "recsys-1"), new String[0])
        .linux("i-db1", "r5.xlarge", null, Map.of("Name", "db-primary", "role", "mysql"), new String[0]).cpu("i-db1", 30, 70.0);
    // an unattached volume and a magnetic one
    e.volume("vol-spare", "gp3", 20, 3000, null).volume("vol-mag", "standard", 10, null, null);
    // CloudFront: edge code + WAF + geo; disabled; plain S3 origin with signed URLs
    e.distribution("E1EDGE", true, "elb", "web-alb.elb.amazonaws.com", "arn:aws:wafv2:waf-1", "whitelist", true, false,
            List.of(new Distribution.EdgeFunction("lambda-edge", "viewer-request", "arn:aws:lambda:us-east-1:1:function:auth:3")),
            "PriceClass_All")
        .distribution("E2OFF", false, "s3", "old.s3.amazonaws.com", null, "none", false, false, List.of(), "PriceClass_All")
        .distribution("E3ASSETS", true, "s3", "assets.s3.ap-northeast-1.amazonaws.com", null, "none", false, true, List.of(),
            "PriceClass_200");
    // more fleets: empty, cron (by tag), workers (by name), one of nothing in particular
    e.asg("empty-asg", 0, List.of(), List.of(), Map.of())
        .linux("i-batch1", "c6i.large", "nightly-asg", Map.of("Name", "nightly-1", "Role", "cron"), new String[0])
        .asg("nightly-asg", 1, List.of("i-batch1"), List.of(), Map.of("Role", "cron"))
        .linux("i-q1", "m6i.large", "queue-workers", Map.of("Name", "q-1"), new String[0])
        .linux("i-q2", "m6i.large", "queue-workers", Map.of("Name", "q-2"), new String[0])
        .cpu("i-q1", 70, 55.0).cpu("i-q2", 80, 60.0)
        .asg("queue-workers", 2, List.of("i-q1", "i-q2"), List.of(), Map.of())
        .linux("i-misc1", "t3a.large", "misc-asg", Map.of("Name", "misc-1"), new String[0])
        .asg("misc-asg", 1, List.of("i-misc1"), List.of(), Map.of());
    // internal load balancers in front of the API
    String internalTg = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/internal/1";
    e.alb("internal-alb", "internal", internalTg, 8080, List.of("i-api1"));
    e.lbs.add(new LoadBalancer("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/internal-nlb/1",
        "internal-nlb", "ap-northeast-1", LoadBalancerType.NETWORK, "internal", "internal-nlb.elb.amazonaws.com", "vpc-1",
        List.of(), null, List.of(new LoadBalancer.Listener("TLS", 443, null, List.of(), List.of("arn:cert2"))), List.of(),
        List.of(), null, Map.of()));
    // buckets
    e.bucket("assets", Map.of("STANDARD", 120L, "STANDARD_IA", 40L))
        .bucket("archive", Map.of("GLACIER", 500L, "DEEP_ARCHIVE", 2000L, "GLACIER_IR", 10L))
        .bucket("logs", Map.of("ONEZONE_IA", 30L, "INTELLIGENT_TIERING", 5L));
    return e.snapshot();
  }

  /**
   * The database and cache estate of the database rules golden: one item (at least) for every
   * shipped database and cache rule, and for each warning and blocker those rules can give.
   */
  static Snapshot databases() {
    TestEstate e = new TestEstate();
    // MySQL Multi-AZ primary, a replica in the region and one in Osaka; measured primary
    e.db("orders-mysql", "mysql", "8.0.39", "db.r6g.xlarge", 500, true, null, "general-public-license")
        .dbUsage("orders-mysql", "rds", 35.0, 10.0, null, 180.0, null)
        .db("orders-mysql-replica", "mysql", "8.0.39", "db.r6g.large", 500, false, "orders-mysql", "general-public-license")
        .dbUsage("orders-mysql-replica", "rds", 20.0, 6.0, null, 180.0, null)
        .dbIn("ap-northeast-3", "orders-mysql-dr", "mysql", "8.0.39", "db.r6g.large", 500, false,
            "arn:aws:rds:ap-northeast-1:123456789012:db:orders-mysql", "general-public-license");
    // PostgreSQL, small and lightly used; SQL Server Multi-AZ without measurements; MariaDB
    e.db("reporting-pg", "postgres", "16.3", "db.m6i.large", 200, false, null, "postgresql-license")
        .dbUsage("reporting-pg", "rds", 12.0, 5.0, null, 60.0, null)
        .db("erp-sqlserver", "sqlserver-se", "15.00.4345.5.v1", "db.m5.xlarge", 1000, true, null, "license-included")
        .db("wiki-mariadb", "mariadb", "10.11.6", "db.t4g.medium", 50, false, null, "general-public-license")
        .dbUsage("wiki-mariadb", "rds", 8.0, 1.5, null, 12.0, null);
    // Oracle and Db2: no managed target
    e.db("billing-oracle", "oracle-ee", "19.0.0.0.ru-2024-01.rur-2024-01.r1", "db.r5.2xlarge", 2000, true, null,
            "bring-your-own-license")
        .dbUsage("billing-oracle", "rds", 40.0, 20.0, null, 1200.0, null)
        .db("ledger-db2", "db2-se", "11.5.9.0.sb00000000.r1", "db.m6i.2xlarge", 400, false, null, "bring-your-own-license");
    // a member of a Multi-AZ DB cluster (RDS for PostgreSQL): its own item, with a warning
    e.dbs.add(new DbInstance("metrics-pg-1", null, REGION, REGION + "a", "postgres", "16.3", "db.m6gd.large", "io1", 100,
        3000, false, "metrics-maz", null, 7, true, null, "available", "postgresql-license", Map.of()));
    // an instance class the catalogue does not know
    e.db("lab-mysql", "mysql", "8.0.39", "db.z9.huge", 20, false, null, null);
    // Aurora PostgreSQL 13, writer and two readers, measured: AlloyDB (13 is below AlloyDB's versions)
    e.member("payments-apg-1", "payments-apg", "aurora-postgresql", "db.r6g.2xlarge")
        .member("payments-apg-2", "payments-apg", "aurora-postgresql", "db.r6g.2xlarge")
        .member("payments-apg-3", "payments-apg", "aurora-postgresql", "db.r6g.2xlarge")
        .cluster("payments-apg", "aurora-postgresql", "13.12", List.of("payments-apg-1", "payments-apg-2", "payments-apg-3"),
            null, null, null, 0, Map.of("Name", "payments"))
        .dbUsage("payments-apg-1", "rds", 45.0, 30.0, null, null, null)
        .dbUsage("payments-apg", "aurora", null, null, null, 800.0, null);
    // a small Aurora PostgreSQL cluster: Cloud SQL for PostgreSQL (its rule and AlloyDB's both match)
    e.member("audit-apg-1", "audit-apg", "aurora-postgresql", "db.t4g.medium")
        .cluster("audit-apg", "aurora-postgresql", "15.4", List.of("audit-apg-1"), null, null, null, 0, Map.of())
        .dbUsage("audit-apg-1", "rds", 15.0, 1.0, null, null, null)
        .dbUsage("audit-apg", "aurora", null, null, null, 25.0, null);
    // Aurora MySQL in a Global Database with Backtrack
    e.member("shop-aurora-1", "shop-aurora", "aurora-mysql", "db.r6g.large")
        .member("shop-aurora-2", "shop-aurora", "aurora-mysql", "db.r6g.large")
        .cluster("shop-aurora", "aurora-mysql", "8.0.mysql_aurora.3.05.2", List.of("shop-aurora-1", "shop-aurora-2"),
            null, null, "global-shop", 24, Map.of())
        .dbUsage("shop-aurora-1", "rds", 55.0, 4.0, null, null, null);
    // Aurora Serverless v2, measured capacity
    e.member("events-sls-1", "events-sls", "aurora-postgresql", "db.serverless")
        .cluster("events-sls", "aurora-postgresql", "15.4", List.of("events-sls-1"), 0.5, 16.0, null, 0, Map.of())
        .dbUsage("events-sls", "aurora", null, null, null, 40.0, 6.0);
    // ElastiCache: Redis without cluster mode (2 replicas, 7.1), Redis cluster mode, Valkey 8.1, Memcached,
    // a Redis too large for one Memorystore for Redis instance, a serverless cache
    e.cache("sessions-redis", "redis", "7.1", "cache.r6g.large", 1, 2, false, false, null)
        .dbUsage("sessions-redis", "elasticache", 20.0, null, 40.0, 4.0, null)
        .cache("catalog-redis", "redis", "7.0.7", "cache.r6g.xlarge", 3, 1, true, false, null)
        .dbUsage("catalog-redis", "elasticache", 30.0, null, 70.0, 50.0, null)
        .cache("feed-valkey", "valkey", "8.1", "cache.m7g.large", 2, 1, true, false, null)
        .cache("pages-memcached", "memcached", "1.6.22", "cache.m6g.large", 3, 0, false, false, null)
        .dbUsage("pages-memcached", "elasticache", 25.0, null, null, 9.0, null)
        .cache("big-redis", "redis", "6.2.6", "cache.r6g.16xlarge", 1, 1, false, false, null)
        .cache("tokens-serverless", "redis", "7.1", null, 1, 0, false, true, 10.0)
        .dbUsage("tokens-serverless", "elasticache", null, null, null, 2.5, null);
    return SnapshotBuilder.from(e.snapshot()).regions(List.of("ap-northeast-1", "ap-northeast-3")).build();
  }
}

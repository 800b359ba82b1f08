package dev.migrate.sampledata;

import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.WebAcl;
import dev.migrate.inventory.Window;
import dev.migrate.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Generates {@code sample-data/tableapp/}: the AWS estate of "Tableapp", a restaurant
 * reservation startup serving Japan from ap-northeast-1 (Tokyo) with a little in us-east-1.
 * Deterministic: a fixed seed and fixed dates, so the same code always writes the same files.
 *
 * <p>Run {@link #main} (or {@code mvn -o -q test -Dtest=SampleEstateTest -Dsample.regenerate=true})
 * to rewrite the files; {@code SampleEstateTest} fails when the committed files differ from what
 * this class generates.
 */
public final class TableappEstate {
  public static final String ACCOUNT_ID = "481516234200";
  public static final String ACCOUNT_ALIAS = "tableapp-prod";
  static final String TOKYO = ListPrices.TOKYO;
  static final String VIRGINIA = ListPrices.VIRGINIA;
  public static final Instant WINDOW_START = Instant.parse("2026-10-26T00:00:00Z");
  public static final Instant WINDOW_END = Instant.parse("2026-11-25T00:00:00Z");
  public static final Instant COLLECTED_AT = Instant.parse("2026-11-25T00:10:00Z");
  public static final int DAYS = 30;
  /** The day whose access logs are shipped: the last day of the window. */
  public static final LocalDate LOG_DAY = LocalDate.of(2026, 11, 24);
  /** Complete billing months: 2025-11 .. 2026-10. */
  public static final YearMonth FIRST_BILLING_MONTH = YearMonth.of(2025, 11);
  public static final YearMonth LAST_BILLING_MONTH = YearMonth.of(2026, 10);
  static final long SEED = 20_261_125L;
  private static final double GIB = 1024.0 * 1024 * 1024;

  /** Relative location of the snapshot inside the estate folder. */
  public static final String SNAPSHOT_FILE = "snapshot.json";

  /**
   * Everything generated: the snapshot, the log files (relative path to uncompressed text) and
   * the per-day facts that the snapshot only holds as window totals.
   *
   * @param dailyRequestsByGeography  per distribution id, one map per day of the window
   * @param dailyBytesByGeography     per distribution id, bytes per geography per day
   * @param dailySiteOriginFetches    origin requests of the site distribution per day
   * @param dailyWebAlbFromCloudFront web ALB requests that came from CloudFront per day
   */
  public record Estate(
      Snapshot snapshot,
      SortedMap<String, String> logFiles,
      Map<String, List<Map<String, Long>>> dailyRequestsByGeography,
      Map<String, List<Map<String, Long>>> dailyBytesByGeography,
      List<Long> dailySiteOriginFetches,
      List<Long> dailyWebAlbFromCloudFront,
      Names names,
      SortedMap<String, String> flowLogFiles) {}

  /** Ids of the resources the consistency rules talk about. */
  public record Names(String siteDistributionId, String staticDistributionId, String webAlbArn,
      String apiAlbArn, String legacyElbName, String realtimeNlbArn, String staticBucket,
      String uploadsBucket, String webAlbLoadBalancerId) {}

  private TableappEstate() {}

  /** Rewrites the estate under {@code args[0]} (default {@code sample-data/tableapp}). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "sample-data/tableapp");
    Estate estate = generate();
    write(estate, dir);
    System.err.println("wrote " + dir.toAbsolutePath() + ": " + estate.snapshot().instances().size()
        + " instances, " + estate.logFiles().size() + " log files");
    for (var u : estate.snapshot().usage()) {
      if (u.requests() != null) {
        System.err.printf(java.util.Locale.ROOT, "%-110s %-10s %,14d req %,12.1f GiB peak %s hit %s%n", u.resourceId(),
            u.kind(), u.requests(), u.bytesOutGib(), u.peakRequestsPerSecond(), u.cacheHitRatio());
      }
    }
    for (var m : estate.snapshot().billing().months()) {
      System.err.printf(java.util.Locale.ROOT, "%s %,10.2f  %s%n", m.month(), m.totalUsd(), m.services());
    }
  }

  /** Writes snapshot.json and the gzip log files, removing log files that are no longer generated. */
  public static void write(Estate estate, Path dir) throws IOException {
    Files.createDirectories(dir);
    SnapshotJson.write(estate.snapshot(), dir.resolve(SNAPSHOT_FILE));
    Path logs = dir.resolve("logs");
    if (Files.isDirectory(logs)) {
      try (Stream<Path> old = Files.walk(logs)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Path flowLogs = dir.resolve(FlowTraffic.FOLDER);
    if (Files.isDirectory(flowLogs)) {
      try (Stream<Path> old = Files.walk(flowLogs)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Map<String, String> all = new TreeMap<>(estate.logFiles());
    all.putAll(estate.flowLogFiles());
    for (Map.Entry<String, String> e : all.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      byte[] gz = gzip(e.getValue());
      AtomicFiles.write(file, out -> out.write(gz));
    }
  }

  static byte[] gzip(String text) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
        gz.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ======================================================================== inventory model

  /** An instance being built, with what its usage model needs. */
  private static final class Node {
    String id;
    String name;
    String role;
    String app;
    String env = "prod";
    String type;
    int vcpus;
    String region = TOKYO;
    String az;
    String asg;
    String platform = "linux";
    String arch = "x86_64";
    Instant launch;
    String state = "running";
    boolean detailed;
    boolean agent;
    String privateIp;
    final List<String[]> volumeSpecs = new ArrayList<>(); // type, size, iops, throughput, device
    final List<String> volumeIds = new ArrayList<>();
    final Map<String, String> extraTags = new TreeMap<>();
    // usage model
    double cpuBase; // average CPU % on an average day
    double cpuPeakRatio; // daily max / daily average
    Double memAvg;
    double netOutGibPerDay;
    double netInGibPerDay;
    String loadDriver = "flat"; // web, api, flat, batch
  }

  private final Ids ids = new Ids(SEED);
  private final List<Node> nodes = new ArrayList<>();
  private final List<EbsVolume> volumes = new ArrayList<>();
  private String tokyoVpc;
  private String virginiaVpc;

  private Node node(String name, String role, String app, String type, int vcpus, String az,
      String launch, double cpuBase, double cpuPeakRatio) {
    Node n = new Node();
    n.id = ids.instanceId();
    n.name = name;
    n.role = role;
    n.app = app;
    n.type = type;
    n.vcpus = vcpus;
    n.az = az;
    n.launch = Instant.parse(launch);
    n.cpuBase = cpuBase;
    n.cpuPeakRatio = cpuPeakRatio;
    nodes.add(n);
    return n;
  }

  private static void vol(Node n, String type, int size, Integer iops, Integer throughput, String device) {
    n.volumeSpecs.add(new String[] {type, Integer.toString(size), iops == null ? null : iops.toString(),
        throughput == null ? null : throughput.toString(), device});
  }

  private static final String[] TOKYO_AZ = {"ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"};

  private String ip(String az, int host) {
    if (az.startsWith("us-east-1")) {
      return "10.1." + (az.endsWith("a") ? 1 : 2) + "." + host;
    }
    int subnet = az.endsWith("a") ? 1 : az.endsWith("c") ? 2 : 3;
    return "10.0." + subnet + "." + host;
  }

  private void buildNodes() {
    SplittableRandom r = new SplittableRandom(SEED + 11);
    // Web fleet behind the web ALB (and the site distribution).
    for (int i = 0; i < 6; i++) {
      String az = TOKYO_AZ[i % 3];
      Node n = node("tableapp-web", "web", "tableapp", "c5.2xlarge", 8, az,
          "2026-10-06T02:1" + i + ":0" + i + "Z", 9.5, 3.6);
      n.asg = "tableapp-web-asg";
      n.detailed = true;
      n.agent = true;
      n.memAvg = 41.0;
      n.loadDriver = "web";
      vol(n, "gp3", 30, 3000, 125, "/dev/xvda");
    }
    // API fleet for the mobile app.
    for (int i = 0; i < 8; i++) {
      String az = TOKYO_AZ[i % 3];
      String launch = i == 5 ? "2026-11-20T03:12:44Z" : "2026-10-06T02:3" + i + ":1" + i + "Z";
      Node n = node("tableapp-api", "api", "tableapp", "m5.2xlarge", 8, az, launch, 14.0, 3.4);
      n.asg = "tableapp-api-asg";
      n.detailed = true;
      n.agent = true;
      n.memAvg = 54.0;
      n.loadDriver = "api";
      vol(n, "gp3", 50, 3000, 125, "/dev/xvda");
    }
    // The old mobile API (app versions before 3.0) behind the classic ELB.
    for (int i = 0; i < 2; i++) {
      Node n = node("tableapp-legacy-api-" + (i + 1), "api", "legacy-api", "m4.large", 2, TOKYO_AZ[i],
          "2019-03-12T05:4" + (2 + i) + ":19Z", 6.0, 3.8);
      n.netOutGibPerDay = 0.06;
      n.netInGibPerDay = 0.03;
      n.loadDriver = "legacy";
      vol(n, "gp2", 40, null, null, "/dev/sda1");
    }
    // Realtime (websocket) service behind the NLB.
    for (int i = 0; i < 2; i++) {
      Node n = node("tableapp-realtime", "realtime", "tableapp", "c5.large", 2, TOKYO_AZ[i],
          "2026-09-14T06:0" + (5 + i) + ":51Z", 11.0, 3.5);
      n.asg = "tableapp-realtime-asg";
      n.loadDriver = "realtime";
      vol(n, "gp3", 20, 3000, 125, "/dev/xvda");
    }
    // Redis primary and replica (sessions, rate limits, Celery broker).
    for (int i = 0; i < 2; i++) {
      Node n = node("tableapp-redis-" + (i + 1), "redis", "tableapp", "r5.large", 2, TOKYO_AZ[i],
          "2024-05-20T01:2" + i + ":33Z", i == 0 ? 6.5 : 3.5, 2.4);
      n.extraTags.put("redis-role", i == 0 ? "primary" : "replica");
      n.agent = true;
      n.memAvg = 63.0;
      n.netOutGibPerDay = i == 0 ? 14.0 : 1.2;
      n.netInGibPerDay = i == 0 ? 9.0 : 2.9;
      n.loadDriver = "api";
      vol(n, "gp3", 20, 3000, 125, "/dev/xvda");
      vol(n, "io1", 200, 4000, null, "/dev/sdf");
    }
    // Memcached pair (page and query cache).
    for (int i = 0; i < 2; i++) {
      Node n = node("tableapp-memcached-" + (i + 1), "memcached", "tableapp", "r5.large", 2, TOKYO_AZ[i + 1],
          "2024-05-20T01:3" + i + ":02Z", 3.0, 2.6);
      n.agent = true;
      n.memAvg = 81.0;
      n.netOutGibPerDay = 22.0;
      n.netInGibPerDay = 6.0;
      n.loadDriver = "api";
      vol(n, "gp3", 20, 3000, 125, "/dev/xvda");
    }
    // MySQL on EC2 (from before the team used managed databases): primary, a hot standby
    // replica and a reporting replica that Metabase reads.
    for (int i = 0; i < 3; i++) {
      Node n = node("tableapp-mysql-" + (i + 1), "mysql", "tableapp", "r5.4xlarge", 16, TOKYO_AZ[i],
          i == 2 ? "2025-02-10T08:02:19Z" : "2023-02-08T07:1" + i + ":45Z", i == 0 ? 21.0 : i == 1 ? 7.5 : 9.0,
          i == 2 ? 5.5 : 2.9);
      n.extraTags.put("mysql-role", i == 0 ? "primary" : i == 1 ? "replica" : "reporting-replica");
      n.agent = true;
      n.memAvg = 88.0;
      n.netOutGibPerDay = i == 0 ? 38.0 : 6.0;
      n.netInGibPerDay = i == 0 ? 11.0 : 9.0;
      n.loadDriver = "api";
      vol(n, "gp3", 50, 3000, 125, "/dev/xvda");
      if (i == 2) {
        vol(n, "gp3", 1000, 4000, 125, "/dev/sdf");
      } else {
        vol(n, "io1", 1000, 8000, null, "/dev/sdf");
      }
    }
    // Elasticsearch for restaurant search.
    for (int i = 0; i < 3; i++) {
      Node n = node("tableapp-search-" + (i + 1), "search", "tableapp", "r5.2xlarge", 8, TOKYO_AZ[i],
          "2023-08-21T04:0" + i + ":12Z", 12.0, 3.6);
      n.agent = true;
      n.memAvg = 71.0;
      n.netOutGibPerDay = 3.5;
      n.netInGibPerDay = 2.2;
      n.loadDriver = "api";
      vol(n, "gp3", 30, 3000, 125, "/dev/xvda");
      vol(n, "gp3", 500, 6000, 125, "/dev/sdf");
    }
    // Celery workers (mail, reminders, partner sync), no load balancer.
    for (int i = 0; i < 4; i++) {
      Node n = node("tableapp-worker", "worker", "tableapp", "c5.2xlarge", 8, TOKYO_AZ[i % 3],
          "2026-10-06T02:5" + i + ":27Z", 17.0, 4.6);
      n.asg = "tableapp-worker-asg";
      n.netOutGibPerDay = 1.8;
      n.netInGibPerDay = 2.4;
      n.loadDriver = "batch";
      vol(n, "gp3", 30, 3000, 125, "/dev/xvda");
    }
    Node cron = node("tableapp-cron-1", "cron", "tableapp", "t3.medium", 2, "ap-northeast-1a",
        "2022-06-01T08:44:10Z", 5.0, 18.0);
    cron.netOutGibPerDay = 4.0;
    cron.netInGibPerDay = 6.5;
    cron.loadDriver = "batch";
    vol(cron, "gp2", 50, null, null, "/dev/xvda");
    vol(cron, "st1", 2048, null, null, "/dev/sdf"); // application log archive before S3 upload
    Node bastion = node("tableapp-bastion", "bastion", "platform", "t3.micro", 2, "ap-northeast-1a",
        "2021-04-15T00:58:31Z", 0.6, 6.0);
    bastion.netOutGibPerDay = 0.02;
    bastion.netInGibPerDay = 0.01;
    vol(bastion, "gp3", 8, 3000, 125, "/dev/xvda");
    // Metabase on Graviton; whoever launched it forgot the app tag.
    Node metabase = node("tableapp-metabase", "analytics", null, "m6g.large", 2, "ap-northeast-1c",
        "2025-02-10T09:15:03Z", 7.0, 8.0);
    metabase.arch = "arm64";
    metabase.netOutGibPerDay = 0.4;
    metabase.netInGibPerDay = 1.6;
    vol(metabase, "gp3", 100, 3000, 125, "/dev/xvda");
    // Windows reporting box for the finance team (SQL Server Express, scheduled Excel exports).
    Node reporting = node("tableapp-reporting", "reporting", "backoffice", "m5.xlarge", 4,
        "ap-northeast-1a", "2024-01-09T02:03:48Z", 9.0, 8.5);
    reporting.platform = "windows";
    reporting.netOutGibPerDay = 0.3;
    reporting.netInGibPerDay = 1.1;
    reporting.loadDriver = "batch";
    vol(reporting, "gp3", 100, 3000, 125, "/dev/sda1");
    vol(reporting, "gp2", 500, null, null, "xvdf");
    // Nightly recommendation training on a GPU.
    Node recsys = node("tableapp-recsys-1", "ml", "recommendations", "g4dn.xlarge", 4, "ap-northeast-1c",
        "2025-08-03T11:20:36Z", 6.0, 14.0);
    recsys.netOutGibPerDay = 0.5;
    recsys.netInGibPerDay = 3.0;
    recsys.loadDriver = "batch";
    vol(recsys, "gp3", 200, 3000, 125, "/dev/xvda");
    // Old staging, stopped since spring 2025 but keeping its volumes.
    String[][] staging = {{"tableapp-staging-web", "web", "m5.large"}, {"tableapp-staging-api", "api", "m5.large"},
        {"tableapp-staging-db", "mysql", "t3.medium"}};
    for (int i = 0; i < staging.length; i++) {
      Node n = node(staging[i][0], staging[i][1], "tableapp", staging[i][2], 2, "ap-northeast-1a",
          "2023-11-02T03:1" + i + ":00Z", 0, 1);
      n.env = "staging";
      n.state = "stopped";
      vol(n, "gp2", 30, null, null, "/dev/xvda");
      if (i == 2) {
        vol(n, "gp2", 200, null, null, "/dev/sdf");
      }
    }
    // us-east-1: outbound mail relay and the webhook receiver for US payment/partner services.
    Node relay = node("tableapp-mail-relay", "relay", "notify", "t3.small", 2, "us-east-1a",
        "2022-09-30T14:22:08Z", 2.5, 6.0);
    relay.region = VIRGINIA;
    relay.netOutGibPerDay = 0.9;
    relay.netInGibPerDay = 0.7;
    vol(relay, "gp3", 20, 3000, 125, "/dev/xvda");
    Node hooks = node("tableapp-webhooks", "webhook", "notify", "t3.medium", 2, "us-east-1b",
        "2020-11-17T18:05:55Z", 4.0, 7.5);
    hooks.region = VIRGINIA;
    hooks.netOutGibPerDay = 1.3;
    hooks.netInGibPerDay = 1.9;
    vol(hooks, "gp2", 30, null, null, "/dev/xvda");
    vol(hooks, "standard", 100, null, null, "/dev/sdf"); // magnetic, from 2020

    int host = 10;
    for (Node n : nodes) {
      host += 3 + r.nextInt(40);
      n.privateIp = ip(n.az, host % 250 + 4);
    }
    // Detailed monitoring is on in the web and API launch templates only; the CloudWatch agent
    // (memory) runs where set above.
  }

  private void buildVolumes() {
    for (Node n : nodes) {
      for (String[] s : n.volumeSpecs) {
        String id = ids.volumeId();
        n.volumeIds.add(id);
        volumes.add(new EbsVolume(id, n.region, n.az, s[0], Integer.parseInt(s[1]),
            s[2] == null ? defaultIops(s[0], Integer.parseInt(s[1])) : Integer.valueOf(s[2]),
            s[3] == null ? null : Integer.valueOf(s[3]), "in-use", n.id,
            tags("Name", n.name + ("/dev/xvda".equals(s[4]) || "/dev/sda1".equals(s[4]) ? "-root" : "-data"),
                "app", n.app, "env", n.env)));
      }
    }
    volumes.add(new EbsVolume(ids.volumeId(), TOKYO, "ap-northeast-1a", "sc1", 1024, null, null,
        "available", null, tags("Name", "mysql-dump-2023-archive", "app", "tableapp", "env", "prod")));
    volumes.add(new EbsVolume(ids.volumeId(), TOKYO, "ap-northeast-1c", "gp2", 100, 300, null,
        "available", null, tags("Name", "jenkins-data", "env", "ci")));
    volumes.sort(Comparator.comparing(EbsVolume::id));
  }

  /** gp2 has a baseline of 3 IOPS per GiB (minimum 100), reported by DescribeVolumes. */
  private static Integer defaultIops(String type, int size) {
    return switch (type) {
      case "gp2" -> Math.max(100, Math.min(16_000, 3 * size));
      default -> null;
    };
  }

  static Map<String, String> tags(String... kv) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  private List<Ec2Instance> instances() {
    List<Ec2Instance> out = new ArrayList<>();
    for (Node n : nodes) {
      Map<String, String> t = tags("Name", n.name, "app", n.app, "env", n.env, "role", n.role);
      t.putAll(n.extraTags);
      if (n.asg != null) {
        t.put("aws:autoscaling:groupName", n.asg);
      }
      out.add(new Ec2Instance(n.id, n.region, n.az, n.type, n.state, n.platform, n.arch, n.launch,
          "on-demand", "default", TOKYO.equals(n.region) ? tokyoVpc : virginiaVpc, n.asg,
          n.volumeIds.stream().sorted().toList(), n.detailed, t));
    }
    out.sort(Comparator.comparing(Ec2Instance::id));
    return out;
  }

  private List<String> idsOf(String asg) {
    return nodes.stream().filter(n -> asg.equals(n.asg)).map(n -> n.id).sorted().toList();
  }

  private List<Node> byRole(String role) {
    return nodes.stream().filter(n -> role.equals(n.role) && "running".equals(n.state)).toList();
  }

  // ======================================================================== generation

  /** Builds the whole estate. */
  public static Estate generate() {
    return new TableappEstate().build();
  }

  private Estate build() {
    tokyoVpc = ids.vpcId();
    String tokyoDefaultVpc = ids.vpcId();
    virginiaVpc = ids.vpcId();
    String virginiaDefaultVpc = ids.vpcId();
    buildNodes();
    buildVolumes();

    String arnPrefix = "arn:aws:elasticloadbalancing:" + TOKYO + ":" + ACCOUNT_ID + ":";
    String webLbId = ids.hex(16);
    String webAlbArn = arnPrefix + "loadbalancer/app/tableapp-web/" + webLbId;
    String webTgArn = arnPrefix + "targetgroup/tableapp-web-tg/" + ids.hex(16);
    String webDns = "tableapp-web-" + ids.digits(10) + "." + TOKYO + ".elb.amazonaws.com";
    String apiAlbArn = arnPrefix + "loadbalancer/app/tableapp-api/" + ids.hex(16);
    String apiTgArn = arnPrefix + "targetgroup/tableapp-api-tg/" + ids.hex(16);
    String apiDns = "tableapp-api-" + ids.digits(10) + "." + TOKYO + ".elb.amazonaws.com";
    String nlbArn = arnPrefix + "loadbalancer/net/tableapp-realtime/" + ids.hex(16);
    String nlbTgArn = arnPrefix + "targetgroup/tableapp-realtime-tg/" + ids.hex(16);
    String nlbDns = "tableapp-realtime-" + ids.hex(16) + ".elb." + TOKYO + ".amazonaws.com";
    String legacyDns = "tableapp-legacy-" + ids.digits(10) + "." + TOKYO + ".elb.amazonaws.com";
    String certArn = "arn:aws:acm:" + TOKYO + ":" + ACCOUNT_ID + ":certificate/" + ids.uuid();
    String legacyCert = "arn:aws:iam::" + ACCOUNT_ID + ":server-certificate/tableapp-legacy-2025";
    String staticId = ids.distributionId();
    String staticHost = ids.cloudFrontHost();
    String siteId = ids.distributionId();
    String siteHost = ids.cloudFrontHost();
    String wafArn = "arn:aws:wafv2:us-east-1:" + ACCOUNT_ID + ":global/webacl/tableapp-site/" + ids.uuid();
    String cachePolicyHtml = ids.uuid();
    Names names = new Names(siteId, staticId, webAlbArn, apiAlbArn, "tableapp-legacy", nlbArn,
        "tableapp-static-assets", "tableapp-user-uploads", "app/tableapp-web/" + webLbId);

    List<String> webTargets = byRole("web").stream().filter(n -> "prod".equals(n.env))
        .map(n -> n.privateIp + ":80").toList();
    EdgeTraffic traffic = new EdgeTraffic(ids, siteHost, staticHost, webDns,
        "app/tableapp-web/" + webLbId, webTgArn, certArn, webTargets);

    // ---- simulate the 30 days of edge traffic
    List<EdgeTraffic.DayTraffic> days = new ArrayList<>();
    LocalDate first = LocalDate.ofInstant(WINDOW_START, ZoneOffset.UTC);
    for (int d = 0; d < DAYS; d++) {
      LocalDate date = first.plusDays(d);
      days.add(traffic.simulate(d, date, date.equals(LOG_DAY)));
    }

    SortedMap<String, String> logFiles = new TreeMap<>();
    EdgeTraffic.DayTraffic last = days.get(DAYS - 1);
    SplittableRandom names8 = new SplittableRandom(SEED + 99);
    writeCloudFrontLogs(logFiles, "logs/cloudfront/static/", staticId, last.staticLines(), names8);
    writeCloudFrontLogs(logFiles, "logs/cloudfront/site/", siteId, last.siteLines(), names8);
    writeAlbLogs(logFiles, "logs/alb/web/", "app.tableapp-web." + webLbId, last.albLines(), names8);

    // ---- inventory
    List<Ec2Instance> instances = instances();
    List<AutoScalingGroup> asgs = List.of(
        new AutoScalingGroup("tableapp-api-asg", TOKYO, 6, 16, 8, idsOf("tableapp-api-asg"),
            List.of(apiTgArn), List.of(), tags("app", "tableapp", "env", "prod", "role", "api")),
        new AutoScalingGroup("tableapp-realtime-asg", TOKYO, 2, 4, 2, idsOf("tableapp-realtime-asg"),
            List.of(nlbTgArn), List.of(), tags("app", "tableapp", "env", "prod", "role", "realtime")),
        new AutoScalingGroup("tableapp-web-asg", TOKYO, 4, 12, 6, idsOf("tableapp-web-asg"),
            List.of(webTgArn), List.of(), tags("app", "tableapp", "env", "prod", "role", "web")),
        new AutoScalingGroup("tableapp-worker-asg", TOKYO, 2, 8, 4, idsOf("tableapp-worker-asg"),
            List.of(), List.of(), tags("app", "tableapp", "env", "prod", "role", "worker")));

    List<String> tokyoAzs = List.of(TOKYO_AZ);
    LoadBalancer webAlb = new LoadBalancer(webAlbArn, "tableapp-web", TOKYO, LoadBalancerType.APPLICATION,
        "internet-facing", webDns, tokyoVpc, tokyoAzs, Instant.parse("2021-06-02T04:11:37.420Z"),
        List.of(new LoadBalancer.Listener("HTTP", 80, null, List.of(), List.of()),
            new LoadBalancer.Listener("HTTPS", 443, null, List.of(webTgArn), List.of(certArn))),
        List.of(targetGroup(webTgArn, "tableapp-web-tg", "HTTP", 80, "tableapp-web-asg")),
        List.of(), new LoadBalancer.AccessLogs(true, "tableapp-logs", "alb/web"),
        tags("app", "tableapp", "env", "prod", "role", "web"));
    LoadBalancer apiAlb = new LoadBalancer(apiAlbArn, "tableapp-api", TOKYO, LoadBalancerType.APPLICATION,
        "internet-facing", apiDns, tokyoVpc, tokyoAzs, Instant.parse("2021-06-02T04:19:02.118Z"),
        List.of(new LoadBalancer.Listener("HTTP", 80, null, List.of(), List.of()),
            new LoadBalancer.Listener("HTTPS", 443, null, List.of(apiTgArn), List.of(certArn))),
        List.of(targetGroup(apiTgArn, "tableapp-api-tg", "HTTP", 8000, "tableapp-api-asg")),
        List.of(), LoadBalancer.AccessLogs.OFF, tags("app", "tableapp", "env", "prod", "role", "api"));
    LoadBalancer nlb = new LoadBalancer(nlbArn, "tableapp-realtime", TOKYO, LoadBalancerType.NETWORK,
        "internet-facing", nlbDns, tokyoVpc, List.of("ap-northeast-1a", "ap-northeast-1c"),
        Instant.parse("2024-03-11T07:45:12.905Z"),
        List.of(new LoadBalancer.Listener("TLS", 443, null, List.of(nlbTgArn), List.of(certArn))),
        List.of(targetGroup(nlbTgArn, "tableapp-realtime-tg", "TCP", 8080, "tableapp-realtime-asg")),
        List.of(), LoadBalancer.AccessLogs.OFF, tags("app", "tableapp", "env", "prod", "role", "realtime"));
    List<String> legacyIds = nodes.stream().filter(n -> "legacy-api".equals(n.app)).map(n -> n.id).sorted().toList();
    LoadBalancer legacy = new LoadBalancer("tableapp-legacy", "tableapp-legacy", TOKYO, LoadBalancerType.CLASSIC,
        "internet-facing", legacyDns, tokyoVpc, List.of("ap-northeast-1a", "ap-northeast-1c"),
        Instant.parse("2017-08-19T02:30:55.610Z"),
        List.of(new LoadBalancer.Listener("HTTP", 80, 8080, List.of(), List.of()),
            new LoadBalancer.Listener("HTTPS", 443, 8080, List.of(), List.of(legacyCert))),
        List.of(), legacyIds, LoadBalancer.AccessLogs.OFF,
        tags("app", "legacy-api", "env", "prod", "role", "api"));
    List<LoadBalancer> lbs = new ArrayList<>(List.of(webAlb, apiAlb, nlb, legacy));
    lbs.sort(Comparator.comparing(LoadBalancer::id));

    String s3Origin = "tableapp-static-assets.s3." + TOKYO + ".amazonaws.com";
    Distribution staticDist = new Distribution(staticId, staticHost, List.of("static.tableapp.jp"), true,
        "PriceClass_200", "http2and3",
        List.of(new Distribution.Origin("S3-tableapp-static-assets", s3Origin, "s3", null)),
        new Distribution.CacheBehavior("*", "S3-tableapp-static-assets", "redirect-to-https",
            "658327ea-f89d-4fab-a63d-7e88639e58f6", false, List.of()),
        List.of(), new Distribution.Logging(true, "tableapp-logs", "cf/static/"), null, "none", List.of(),
        false, tags("app", "tableapp", "env", "prod", "role", "static"));
    List<Distribution.EdgeFunction> siteFunctions = List.of(
        new Distribution.EdgeFunction("cloudfront-function", "viewer-request",
            "arn:aws:cloudfront::" + ACCOUNT_ID + ":function/tableapp-redirects"),
        new Distribution.EdgeFunction("lambda-edge", "origin-response",
            "arn:aws:lambda:us-east-1:" + ACCOUNT_ID + ":function:tableapp-security-headers:7"));
    Distribution siteDist = new Distribution(siteId, siteHost, List.of("tableapp.jp", "www.tableapp.jp"), true,
        "PriceClass_All", "http2and3",
        List.of(new Distribution.Origin("ALB-tableapp-web", webDns, "elb", null)),
        new Distribution.CacheBehavior("*", "ALB-tableapp-web", "redirect-to-https", cachePolicyHtml, false,
            siteFunctions),
        List.of(new Distribution.CacheBehavior("/api/*", "ALB-tableapp-web", "https-only",
            "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", false, List.of())),
        new Distribution.Logging(true, "tableapp-logs", "cf/site/"), wafArn, "none", List.of(), false,
        tags("app", "tableapp", "env", "prod", "role", "web"));
    List<Distribution> dists = new ArrayList<>(List.of(staticDist, siteDist));
    dists.sort(Comparator.comparing(Distribution::id));

    List<S3Bucket> buckets = buckets();
    // ---- network interfaces and one day of VPC Flow Logs (drawn from their own random streams, so the
    // rest of the estate is the same with or without them)
    FlowTraffic flows = FlowTraffic.build(tokyoVpc, virginiaVpc, nodes.stream().map(n -> new FlowTraffic.Host(n.id,
            n.name, n.role, n.region, n.az, n.privateIp, "running".equals(n.state))).toList(),
        new FlowTraffic.Resources(webAlbArn, apiAlbArn, nlbArn, "tableapp-legacy", ALB_NODES, PAYMENTS_DB,
            AVAILABILITY_CACHE, availabilityCache().memberClusters()));
    // Both VPCs in use deliver flow logs to the log bucket (Tokyo in the default format, us-east-1 in a custom
    // one); the default VPCs have none.
    List<Vpc> vpcs = new ArrayList<>(List.of(
        new Vpc(tokyoVpc, TOKYO, List.of("10.0.0.0/16"), false, List.of(flows.tokyoFlowLog())),
        new Vpc(tokyoDefaultVpc, TOKYO, List.of("172.31.0.0/16"), true, List.of()),
        new Vpc(virginiaVpc, VIRGINIA, List.of("10.1.0.0/16"), false, List.of(flows.virginiaFlowLog())),
        new Vpc(virginiaDefaultVpc, VIRGINIA, List.of("172.31.0.0/16"), true, List.of())));
    vpcs.sort(Comparator.comparing(Vpc::id));

    List<Commitment> commitments = List.of(
        new Commitment("reserved-instance", ids.uuid(), TOKYO, "m4.large", "Linux/UNIX", 2,
            Instant.parse("2023-06-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z"),
            new BigDecimal("0"), new BigDecimal("0.083"), "Standard", "retired"),
        new Commitment("reserved-instance", ids.uuid(), TOKYO, "r5.large", "Linux/UNIX", 2,
            Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"),
            new BigDecimal("0"), BigDecimal.valueOf(ListPrices.RI_R5_LARGE_TOKYO_HOURLY), "Standard",
            "active"));

    // ---- usage
    UsageModel usage = new UsageModel(days, names);
    List<Usage> usages = new ArrayList<>();
    usages.addAll(usage.instanceUsage(nodes.stream().map(n -> new UsageModel.InstanceSpec(n.id, n.name,
        n.loadDriver, n.launch, n.cpuBase, n.cpuPeakRatio, n.agent, n.memAvg, n.netOutGibPerDay,
        n.netInGibPerDay, n.asg == null ? (int) nodes.stream().filter(o -> "legacy-api".equals(o.app)).count()
            : (int) nodes.stream().filter(o -> n.asg.equals(o.asg)).count(), "running".equals(n.state))).toList()));
    usages.addAll(usage.loadBalancerUsage());
    usages.addAll(usage.distributionUsage());
    usages.addAll(usage.bucketUsage());
    List<DbInstance> dbInstances = List.of(paymentsDatabase());
    List<CacheCluster> caches = List.of(availabilityCache());
    usages.addAll(usage.datastoreUsage(List.of(
        // db.r6g.xlarge (4 vCPU, 32 GiB): busy at dinner time, well inside its size; 213 of 400 GiB used.
        new UsageModel.DatastoreSpec(PAYMENTS_DB, "rds", 16.0, 2.6, 7.5, 2.4,
            new DatastoreMetrics(9.8, null, 118.4, 286.0, 410.5, 1_180.0, 265.2, 690.0, 212.6, null, null,
                null, null)),
        // Two cache.r6g.large (13.07 GiB each): a third of the memory used, 96% of the reads hit.
        new UsageModel.DatastoreSpec(AVAILABILITY_CACHE, "elasticache", 5.5, 2.8, 18.0, 4.5,
            new DatastoreMetrics(null, 34.2, 1_460.0, 3_320.0, null, null, null, null, 3.7, 912_400_000L,
                38_100_000L, null, null)))));
    usages.sort(Comparator.comparing(Usage::resourceId));

    // The site's web ACL as wafv2:GetWebACL reads it: four AWS managed rule groups (none with extra fees)
    // and one rate-based rule, 5 rules billed at 1.00 USD each (the bill's AWS WAF line).
    List<WebAcl> webAcls = List.of(new WebAcl(wafArn, wafArn.substring(wafArn.lastIndexOf('/') + 1), "tableapp-site",
        "CLOUDFRONT", 5, List.of(
            new WebAcl.ManagedRuleGroup("AWS", "AWSManagedRulesAmazonIpReputationList"),
            new WebAcl.ManagedRuleGroup("AWS", "AWSManagedRulesCommonRuleSet"),
            new WebAcl.ManagedRuleGroup("AWS", "AWSManagedRulesKnownBadInputsRuleSet"),
            new WebAcl.ManagedRuleGroup("AWS", "AWSManagedRulesSQLiRuleSet"))));
    Snapshot draft = SnapshotBuilder.snapshot(new Account(ACCOUNT_ID, ACCOUNT_ALIAS), COLLECTED_AT,
            new Window(WINDOW_START, WINDOW_END, DAYS))
        .regions(List.of(TOKYO, VIRGINIA)).instances(instances).volumes(volumes).autoScalingGroups(asgs)
        .loadBalancers(lbs).distributions(dists).buckets(buckets).vpcs(vpcs).commitments(commitments)
        .usage(usages).billing(Billing.EMPTY).webAcls(webAcls).dbInstances(dbInstances).cacheClusters(caches).build();
    Billing billing = BillModel.billing(draft, names, usage.originBytesOfSite());
    Snapshot snapshot = SnapshotBuilder.snapshot(draft.account(), COLLECTED_AT, draft.window()).regions(draft.regions())
        .instances(instances).volumes(volumes).autoScalingGroups(asgs).loadBalancers(lbs).distributions(dists)
        .buckets(buckets).vpcs(vpcs).commitments(commitments).usage(usages).billing(billing)
        .coverage(BillModel.coverage(draft)).webAcls(webAcls).dbInstances(dbInstances).cacheClusters(caches).build();

    Map<String, List<Map<String, Long>>> geoReq = new TreeMap<>();
    Map<String, List<Map<String, Long>>> geoBytes = new TreeMap<>();
    geoReq.put(siteId, days.stream().map(d -> d.site().geoRequestMap()).toList());
    geoReq.put(staticId, days.stream().map(d -> d.stat().geoRequestMap()).toList());
    geoBytes.put(siteId, days.stream().map(d -> d.site().geoBytesMap()).toList());
    geoBytes.put(staticId, days.stream().map(d -> d.stat().geoBytesMap()).toList());
    snapshot = snapshot.withNetworkInterfaces(flows.interfaces).withFlowLogs(flows.expected);
    return new Estate(snapshot, logFiles, geoReq, geoBytes,
        days.stream().map(d -> d.site().originFetches).toList(),
        days.stream().map(d -> d.webAlb().fromCloudFront).toList(), names, flows.files);
  }

  /** The payments database: RDS for MySQL, Multi-AZ. */
  static final String PAYMENTS_DB = "tableapp-payments";
  /** The table-availability cache: an ElastiCache Redis OSS replication group. */
  static final String AVAILABILITY_CACHE = "tableapp-availability";

  /**
   * Payments and loyalty points, built in 2024 as the team's first managed database: RDS for MySQL 8.0
   * on db.r6g.xlarge, Multi-AZ (a standby in ap-northeast-1c), 400 GiB gp3 (its 12,000 IOPS baseline,
   * nothing provisioned above it), 7 days of automated backups, encrypted. The API and web fleets
   * write to it.
   */
  private static DbInstance paymentsDatabase() {
    return new DbInstance(PAYMENTS_DB, "arn:aws:rds:" + TOKYO + ":" + ACCOUNT_ID + ":db:" + PAYMENTS_DB, TOKYO,
        "ap-northeast-1a", "mysql", "8.0.39", "db.r6g.xlarge", "gp3", 400, null, true, null, null, 7, true,
        PAYMENTS_DB + ".c7hq2xk4mw9s." + TOKYO + ".rds.amazonaws.com", "available", "general-public-license",
        tags("Name", PAYMENTS_DB, "app", "tableapp", "env", "prod", "role", "payments-db"));
  }

  /**
   * Table availability per restaurant and time slot, which the realtime service pushes to open screens
   * and the API reads on every search: an ElastiCache Redis OSS 7.1 replication group, cluster mode
   * off, one cache.r6g.large primary and one replica in another zone with automatic failover, one day
   * of snapshots, encrypted at rest and in transit. Added in 2024 with the payments database; the older
   * Redis on EC2 keeps sessions, rate limits and the Celery broker.
   */
  private static CacheCluster availabilityCache() {
    return new CacheCluster(AVAILABILITY_CACHE,
        "arn:aws:elasticache:" + TOKYO + ":" + ACCOUNT_ID + ":replicationgroup:" + AVAILABILITY_CACHE, TOKYO,
        "redis", "7.1", "cache.r6g.large", 1, 1, false, true, false, null,
        List.of(AVAILABILITY_CACHE + "-001", AVAILABILITY_CACHE + "-002"),
        List.of("ap-northeast-1a", "ap-northeast-1c"), 1, true, true,
        "master." + AVAILABILITY_CACHE + ".r4zvqe.apne1.cache.amazonaws.com", "available", null,
        tags("Name", AVAILABILITY_CACHE, "app", "tableapp", "env", "prod", "role", "availability-cache"));
  }

  private LoadBalancer.TargetGroup targetGroup(String arn, String name, String protocol, int port, String asg) {
    List<LoadBalancer.Target> targets = idsOf(asg).stream()
        .map(id -> new LoadBalancer.Target(id, port, "healthy")).toList();
    return new LoadBalancer.TargetGroup(arn, name, protocol, port, "instance", targets);
  }

  private static long gib(double g) {
    return Math.round(g * GIB);
  }

  private List<S3Bucket> buckets() {
    List<S3Bucket> b = new ArrayList<>();
    b.add(new S3Bucket("tableapp-backups", TOKYO, Instant.parse("2021-05-10T03:12:40Z"),
        List.of(new S3Bucket.StorageClassUsage("GLACIER_IR", gib(6_712.4), null),
            new S3Bucket.StorageClassUsage("STANDARD", gib(412.7), null)),
        41_288L, tags("app", "tableapp", "env", "prod", "role", "backup")));
    b.add(new S3Bucket("tableapp-logs", TOKYO, Instant.parse("2021-06-02T04:20:11Z"),
        List.of(new S3Bucket.StorageClassUsage("DEEP_ARCHIVE", gib(9_284.0), null),
            new S3Bucket.StorageClassUsage("GLACIER", gib(3_106.5), null),
            new S3Bucket.StorageClassUsage("STANDARD", gib(1_148.3), null)),
        26_904_117L, tags("app", "platform", "env", "prod", "role", "logs")));
    b.add(new S3Bucket("tableapp-notify-archive", VIRGINIA, Instant.parse("2022-09-30T15:01:27Z"),
        List.of(new S3Bucket.StorageClassUsage("STANDARD", gib(18.6), null)),
        903_412L, tags("app", "notify", "env", "prod")));
    b.add(new S3Bucket("tableapp-static-assets", TOKYO, Instant.parse("2019-02-21T06:40:03Z"),
        List.of(new S3Bucket.StorageClassUsage("STANDARD", gib(318.2), null)),
        1_402_955L, tags("app", "tableapp", "env", "prod", "role", "static")));
    b.add(new S3Bucket("tableapp-terraform-state", TOKYO, Instant.parse("2021-04-15T00:31:09Z"),
        List.of(new S3Bucket.StorageClassUsage("STANDARD", 48_211_093L, null)),
        1_127L, tags("app", "platform")));
    b.add(new S3Bucket("tableapp-user-uploads", TOKYO, Instant.parse("2019-02-21T06:41:30Z"),
        List.of(new S3Bucket.StorageClassUsage("STANDARD", gib(2_214.9), null),
            new S3Bucket.StorageClassUsage("STANDARD_IA", gib(1_633.1), null)),
        18_470_226L, tags("app", "tableapp", "env", "prod", "role", "uploads")));
    return b;
  }

  // ======================================================================== logs

  private static final String CF_HEADER = "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip"
      + " cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie)"
      + " x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken"
      + " x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version"
      + " fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type"
      + " sc-content-type sc-content-len sc-range-start sc-range-end\n";

  /** One file per hour, named {@code <prefix><distribution id>.YYYY-MM-DD-HH.<unique>.gz}. */
  private static void writeCloudFrontLogs(SortedMap<String, String> files, String prefix, String distId,
      List<EdgeTraffic.Line> lines, SplittableRandom r) {
    Map<Integer, StringBuilder> byHour = new TreeMap<>();
    for (EdgeTraffic.Line l : lines) {
      byHour.computeIfAbsent((int) (l.tMs() / 3_600_000), h -> new StringBuilder(CF_HEADER))
          .append(l.text()).append('\n');
    }
    for (Map.Entry<Integer, StringBuilder> e : byHour.entrySet()) {
      String name = prefix + distId + "." + LOG_DAY + "-" + String.format(java.util.Locale.ROOT, "%02d", e.getKey())
          + "." + Ids.hex(r, 8) + ".gz";
      files.put(name, e.getValue().toString());
    }
  }

  /** ALB load balancer node addresses (one per zone), used in log file names. */
  private static final String[] ALB_NODES = {"13.112.45.201", "52.194.66.17", "54.250.201.93"};

  /**
   * One file per hour per load balancer node, laid out as ELB writes them:
   * {@code AWSLogs/<account>/elasticloadbalancing/<region>/yyyy/mm/dd/<account>_elasticloadbalancing_<region>_<lb>_<end>_<node ip>_<random>.log.gz},
   * where end is the end of the interval (so the 23:00-24:00 file is dated the next day).
   */
  private static void writeAlbLogs(SortedMap<String, String> files, String prefix, String lbPart,
      List<EdgeTraffic.Line> lines, SplittableRandom r) {
    Map<String, StringBuilder> byFile = new TreeMap<>();
    for (EdgeTraffic.Line l : lines) {
      int hour = (int) (l.tMs() / 3_600_000);
      Instant end = LOG_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds((hour + 1) * 3600L);
      String key = end + "|" + l.node();
      byFile.computeIfAbsent(key, k -> new StringBuilder()).append(l.text()).append('\n');
    }
    for (Map.Entry<String, StringBuilder> e : byFile.entrySet()) {
      String[] k = e.getKey().split("\\|");
      Instant end = Instant.parse(k[0]);
      LocalDate day = LocalDate.ofInstant(end, ZoneOffset.UTC);
      String stamp = end.toString().replace("-", "").replace(":", "").replace("00Z", "Z");
      String folder = prefix + "AWSLogs/" + ACCOUNT_ID + "/elasticloadbalancing/" + TOKYO + "/"
          + day.toString().replace('-', '/') + "/";
      String name = ACCOUNT_ID + "_elasticloadbalancing_" + TOKYO + "_" + lbPart + "_" + stamp + "_"
          + ALB_NODES[Integer.parseInt(k[1])] + "_" + Ids.hex(r, 8) + ".log.gz";
      files.put(folder + name, e.getValue().toString());
    }
  }

  // Rounding goes through the exact binary value of the double (new BigDecimal(double)) and
  // the random draws through StrictMath, so the output does not depend on the JDK's
  // Double.toString or on CPU intrinsics of Math.pow/log/cos.
  static BigDecimal usd(double v) {
    return new BigDecimal(v).setScale(2, RoundingMode.HALF_UP);
  }

  static double round(double v, int places) {
    return new BigDecimal(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}

package dev.migrate.cli;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.Window;
import dev.migrate.testing.SnapshotBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * End-to-end {@code migrate assess} of a synthetic estate of 100 accounts x 2,000 EC2 instances (200,000
 * instances, 250,000 EBS volumes, 4,000 auto scaling groups, 2,500 load balancers, 1,000 buckets, usage with 30
 * daily points per instance and load balancer, three months of bills with usage lines) read from snapshot files.
 * It runs the CLI entry point in a fresh JVM, as a user's run would be, and prints the wall time, the peak
 * memory (the process's resident set high-water mark and the heap pools' peaks) and the size of every output.
 * Goal on the 2-core build machine: under 30 s and under 2 GiB.
 *
 * <p>Run: {@code mvn -o -Pbench test -Dtest=AssessBenchmark}. The snapshot files are generated once into
 * {@code target/bench/assess-estate} and reused: one snapshot file per account (assessed as a folder, the default) and
 * the same estate merged into one snapshot file ({@code -Dassess.input=merged}). The measured JVM takes the launcher's options
 * ({@code jvm.options}, then {@code MIGRATE_JAVA_OPTS} from the environment). System properties: {@code assess.xmx}
 * (heap bound of the measured JVM instead of the one in {@code jvm.options}), {@code assess.jfr=true} (record a flight recording beside the outputs for profiling),
 * {@code assess.args} (further assess options, space-separated), {@code assess.accounts} (accounts of the estate,
 * default 100, e.g. 10 for a 20,000-instance estate to iterate on). It prints, it does not assert timings.
 */
class AssessBenchmark {
  /** Accounts of the estate: 100 unless {@code -Dassess.accounts=N} asks for a smaller one to iterate on. */
  static final int ACCOUNTS = Integer.getInteger("assess.accounts", 100);
  static final int INSTANCES_PER_ACCOUNT = 2_000;
  /** Changes when the generator changes, so that stale files in target/bench are made again. */
  static final String GENERATOR_VERSION = "1";

  static final Instant END = Instant.parse("2026-11-25T00:00:00Z");
  static final String[] REGIONS = {"us-east-1", "ap-northeast-1", "eu-west-1", "ap-southeast-1"};
  static final String[] TYPES = {"m5.large", "m5.xlarge", "c5.large", "c5.xlarge", "r5.large", "t3.medium",
      "t3.large", "m5.2xlarge"};
  /** Rough Linux on-demand USD per hour of {@link #TYPES} (for plausible bills only). */
  static final double[] HOURLY = {0.096, 0.192, 0.085, 0.17, 0.126, 0.0416, 0.0832, 0.384};

  @Test
  void assessesA200kInstanceEstate() throws Exception {
    // Another size gets its own folder, so that switching sizes does not regenerate the default estate.
    Path root = Path.of("target", "bench", ACCOUNTS == 100 ? "assess-estate" : "assess-estate-" + ACCOUNTS)
        .toAbsolutePath();
    long g0 = System.nanoTime();
    boolean made = ensure(root);
    long genMs = (System.nanoTime() - g0) / 1_000_000;
    Path merged = root.resolve("merged.json");
    Path folder = root.resolve("accounts");
    System.out.printf(Locale.ROOT, "AssessBenchmark: estate of %d accounts x %,d instances %s in %,d ms: %d snapshot "
        + "files in %s (%,d MiB), merged into one snapshot %s (%,d MiB)%n", ACCOUNTS, INSTANCES_PER_ACCOUNT,
        made ? "generated" : "reused", genMs, ACCOUNTS, folder, sizeOf(folder) >> 20, merged.getFileName(),
        Files.size(merged) >> 20);

    Path out = root.resolve("out");
    deleteTree(out);
    // The folder of account snapshots, merged by assess into one estate; -Dassess.input=merged reads the one file instead.
    Path input = System.getProperty("assess.input", "folder").equals("merged") ? merged : folder;
    List<String> args = new ArrayList<>(List.of("assess", "--snapshot", input.toString(), "--out", out.toString()));
    String extra = System.getProperty("assess.args", "").strip();
    if (!extra.isEmpty()) {
      args.addAll(List.of(extra.split("\\s+")));
    }
    // The launcher's JVM options (jvm.options, then MIGRATE_JAVA_OPTS), so that the figures are those of a user's run.
    List<String> jvmOptions = jvmOptions();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvmOptions);
    if (Boolean.getBoolean("assess.jfr")) {
      cmd.add("-XX:StartFlightRecording=filename=" + root.resolve("assess.jfr") + ",settings=profile");
    }
    cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Child.class.getName()));
    cmd.addAll(args);
    Path log = root.resolve("assess.log");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "AssessBenchmark: migrate %s%n", String.join(" ", args).replace(root + "/", ""));
    System.out.printf(Locale.ROOT, "AssessBenchmark: JVM options %s%n", String.join(" ", jvmOptions));
    System.out.printf(Locale.ROOT, "AssessBenchmark: exit %d, wall %,d ms end to end (JVM start included, "
        + "load average %.1f on %d cores; goal under 30,000 ms)%n", code, wallMs,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    lines.stream().filter(l -> l.startsWith(Child.PREFIX)).forEach(l -> System.out.println("AssessBenchmark: " + l));
    if (code != 0) {
      System.out.println("AssessBenchmark: the run failed; last lines of " + log + ":");
      lines.stream().skip(Math.max(0, lines.size() - 15)).forEach(l -> System.out.println("  " + l));
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> files = Files.list(out)) {
        for (Path f : files.sorted().toList()) {
          System.out.printf(Locale.ROOT, "AssessBenchmark: output %-50s %,15d bytes (%,d MiB)%n", f.getFileName(),
              Files.size(f), Files.size(f) >> 20);
        }
      }
      System.out.printf(Locale.ROOT, "AssessBenchmark: outputs total %,d MiB%n", sizeOf(out) >> 20);
    }
  }

  /**
   * The options the launcher ({@code ./migrate}) gives the JVM: the argument file {@code jvm.options} of the project,
   * then {@code MIGRATE_JAVA_OPTS} split at white space, then {@code -Xmx} of {@code -Dassess.xmx} when given.
   */
  static List<String> jvmOptions() {
    Path file = Path.of("jvm.options").toAbsolutePath();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file + " is missing: run the benchmark from the project folder");
    }
    List<String> options = new ArrayList<>(List.of("@" + file));
    String env = System.getenv("MIGRATE_JAVA_OPTS");
    if (env != null && !env.isBlank()) {
      options.addAll(List.of(env.strip().split("\\s+")));
    }
    String xmx = System.getProperty("assess.xmx");
    if (xmx != null) {
      options.add("-Xmx" + xmx);
    }
    return options;
  }

  /**
   * The measured JVM: runs {@link Main#run} with the arguments, then prints its own figures on lines starting
   * with {@link #PREFIX}.
   */
  public static final class Child {
    static final String PREFIX = "measured: ";

    public static void main(String[] args) throws IOException {
      long t0 = System.nanoTime();
      PrintStream out = System.out;
      int code = Main.run(out, System.err, Clock.systemUTC(), args);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long heapPeak = 0;
      StringBuilder pools = new StringBuilder();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          heapPeak += pool.getPeakUsage().getUsed();
          pools.append(String.format(Locale.ROOT, " %s %,d MiB;", pool.getName(), pool.getPeakUsage().getUsed() >> 20));
        }
      }
      long gcCount = 0;
      long gcMs = 0;
      StringBuilder collectors = new StringBuilder();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        gcCount += Math.max(0, gc.getCollectionCount());
        gcMs += Math.max(0, gc.getCollectionTime());
        collectors.append(String.format(Locale.ROOT, " %s %,d in %,d ms;", gc.getName(), gc.getCollectionCount(),
            gc.getCollectionTime()));
      }
      long metaspacePeak = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getName().equals("Metaspace")).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
      out.printf(Locale.ROOT, "%sexit %d after %,d ms in Main.run; %,d collections, %,d ms in GC:%s%n", PREFIX, code, ms,
          gcCount, gcMs, collectors);
      out.printf(Locale.ROOT, "%speak resident memory of the process (VmHWM) %,d MiB; max heap %,d MiB; metaspace peak "
          + "%,d MiB; heap pool peaks %,d MiB in sum (an upper bound: the pools peak at different moments):%s%n",
          PREFIX, residentPeakKib() >> 10, Runtime.getRuntime().maxMemory() >> 20, metaspacePeak >> 20,
          heapPeak >> 20, pools);
      out.flush();
      System.exit(code);
    }

    private static long residentPeakKib() throws IOException {
      Path status = Path.of("/proc/self/status");
      if (!Files.exists(status)) {
        return -1;
      }
      for (String l : Files.readAllLines(status)) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
      return -1;
    }
  }

  // ---- the synthetic estate ----

  /** Generates the files unless a complete set of this generator version is there; true when generated. */
  static boolean ensure(Path root) throws IOException {
    Path done = root.resolve("done-v" + GENERATOR_VERSION);
    if (Files.exists(done)) {
      return false;
    }
    deleteTree(root);
    Path folder = root.resolve("accounts");
    Files.createDirectories(folder);
    for (int k = 0; k < ACCOUNTS; k++) {
      Snapshot s = account(k);
      SnapshotJson.write(s, folder.resolve(s.account().id() + ".json"));
    }
    writeMerged(root.resolve("merged.json"));
    Files.writeString(done, "");
    return true;
  }

  static String accountId(int k) {
    return String.format(Locale.ROOT, "%012d", 210_000_000_000L + k * 1_013L);
  }

  /** One account: 2,000 instances in two regions, half of them in 40 auto scaling groups behind 20 ALBs. */
  static Snapshot account(int k) {
    String acct = accountId(k);
    String[] regions = {REGIONS[k % REGIONS.length], REGIONS[(k + 1) % REGIONS.length]};
    List<Ec2Instance> instances = new ArrayList<>();
    List<EbsVolume> volumes = new ArrayList<>();
    List<AutoScalingGroup> groups = new ArrayList<>();
    List<LoadBalancer> lbs = new ArrayList<>();
    List<S3Bucket> buckets = new ArrayList<>();
    List<Vpc> vpcs = new ArrayList<>();
    List<Usage> usage = new ArrayList<>();
    for (int r = 0; r < regions.length; r++) {
      vpcs.add(new Vpc(vpcId(k, r), regions[r], List.of(String.format(Locale.ROOT, "10.%d.%d.0/20", k, r * 16)), false));
    }
    Map<Integer, List<String>> groupMembers = new TreeMap<>();
    for (int n = 0; n < INSTANCES_PER_ACCOUNT; n++) {
      int r = n % 2;
      String region = regions[r];
      String id = instanceId(k, n);
      int t = (n * 7 + k) % TYPES.length;
      Integer group = n < INSTANCES_PER_ACCOUNT / 2 ? n / 25 : null;
      String app = "app" + (n % 50);
      List<String> vols = new ArrayList<>(List.of(volumeId(k, n, 0)));
      volumes.add(new EbsVolume(volumeId(k, n, 0), region, region + "a", n % 3 == 0 ? "gp2" : "gp3", 30 + n % 5 * 10,
          3000, n % 3 == 0 ? null : 125, "in-use", id, Map.of("app", app)));
      if (n % 4 == 0) {
        vols.add(volumeId(k, n, 1));
        volumes.add(new EbsVolume(volumeId(k, n, 1), region, region + "a", "gp3", 500, 6000, 250, "in-use", id,
            Map.of("app", app)));
      }
      boolean running = n % 20 != 7;
      String groupName = group == null ? null : groupName(k, group);
      instances.add(new Ec2Instance(id, region, region + "a", TYPES[t], running ? "running" : "stopped", "linux",
          "x86_64", Instant.parse("2025-03-01T00:00:00Z").plusSeconds(n * 3_600L), null, null, vpcId(k, r), groupName,
          vols, false, Map.of("Name", "acct" + k + "-" + app + "-" + n, "app", app, "env", n % 5 == 0 ? "staging" : "prod",
              "role", group != null ? "web" : n % 3 == 0 ? "worker" : "batch")));
      if (group != null) {
        groupMembers.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
      }
      if (running) {
        usage.add(ec2Usage(id, n));
      }
    }
    for (var e : groupMembers.entrySet()) {
      int g = e.getKey();
      String region = regions[g % 2];
      List<String> tgs = g % 2 == 0 ? List.of(targetGroupArn(k, region, g / 2)) : List.of();
      groups.add(new AutoScalingGroup(groupName(k, g), region, 10, 40, e.getValue().size(), e.getValue(), tgs,
          List.of(), Map.of("app", "app" + g)));
    }
    // 20 ALBs, each in front of one group (the even groups), and 5 classic ELBs in front of 10 standalone instances.
    for (int a = 0; a < 20; a++) {
      int g = a * 2;
      String region = regions[g % 2];
      String arn = String.format(Locale.ROOT, "arn:aws:elasticloadbalancing:%s:%s:loadbalancer/app/acct%d-alb-%d/%016x",
          region, acct, k, a, (long) k * 1000 + a);
      String tg = targetGroupArn(k, region, a);
      List<LoadBalancer.Target> targets = groupMembers.get(g).stream().map(i -> new LoadBalancer.Target(i, 8080,
          "healthy")).toList();
      lbs.add(new LoadBalancer(arn, "acct" + k + "-alb-" + a, region, LoadBalancerType.APPLICATION,
          a % 4 == 0 ? "internal" : "internet-facing", "acct" + k + "-alb-" + a + "." + region + ".elb.amazonaws.com",
          vpcId(k, g % 2), List.of(region + "a", region + "c"), Instant.parse("2024-01-01T00:00:00Z"),
          List.of(new LoadBalancer.Listener("HTTPS", 443, null, List.of(tg), List.of())),
          List.of(new LoadBalancer.TargetGroup(tg, "acct" + k + "-tg-" + a, "HTTP", 8080, "instance", targets)),
          List.of(), null, Map.of("app", "app" + g)));
      usage.add(lbUsage(arn, a));
    }
    for (int c = 0; c < 5; c++) {
      String region = regions[0];
      String name = "acct" + k + "-clb-" + c;
      List<String> registered = new ArrayList<>();
      for (int j = 0; j < 10; j++) {
        registered.add(instanceId(k, INSTANCES_PER_ACCOUNT / 2 + c * 20 + j * 2));
      }
      lbs.add(new LoadBalancer(name, name, region, LoadBalancerType.CLASSIC, "internet-facing",
          name + "." + region + ".elb.amazonaws.com", vpcId(k, 0), List.of(region + "a"),
          Instant.parse("2020-01-01T00:00:00Z"), List.of(new LoadBalancer.Listener("HTTP", 80, 8080, List.of(), List.of())),
          List.of(), registered, null, Map.of()));
      usage.add(lbUsage(name, c));
    }
    for (int b = 0; b < 10; b++) {
      buckets.add(new S3Bucket("acct" + k + "-bucket-" + b, regions[b % 2], Instant.parse("2022-01-01T00:00:00Z"),
          List.of(new S3Bucket.StorageClassUsage("STANDARD", (50L + b * 20) << 30, 1_000_000L),
              new S3Bucket.StorageClassUsage("STANDARD_IA", (200L + b) << 30, 50_000L)), 1_050_000L, Map.of()));
    }
    lbs.sort(Comparator.comparing(LoadBalancer::id));
    usage.sort(Comparator.comparing(Usage::resourceId));
    return SnapshotBuilder.snapshot(new Account(acct, "acct" + k), END, Window.ofDays(END, 30))
        .regions(List.of(regions).stream().sorted().toList()).instances(instances).volumes(volumes)
        .autoScalingGroups(groups).loadBalancers(lbs).buckets(buckets).vpcs(vpcs).usage(usage)
        .billing(bill(k, instances, regions)).build();
  }

  private static Usage ec2Usage(String id, int n) {
    double cpu = 5 + n % 60;
    List<Usage.Daily> daily = new ArrayList<>(30);
    LocalDate first = LocalDate.ofInstant(END, ZoneOffset.UTC).minusDays(30);
    for (int d = 0; d < 30; d++) {
      daily.add(new Usage.Daily(first.plusDays(d), null, round(1.5 + (n + d) % 7 * 0.25), round(cpu + d % 5 - 2),
          round(Math.min(100, cpu * 2 + d % 9)), null));
    }
    return new Usage(id, "ec2", "cloudwatch", cpu, Math.min(100, cpu * 1.6), Math.min(100, cpu * 2.2),
        n % 3 == 0 ? 55.0 + n % 30 : null, n % 3 == 0 ? 65.0 + n % 30 : null, round(20 + n % 40 * 1.5),
        round(45 + n % 40 * 2.25), null, null, null, null, null, null, null, daily);
  }

  private static Usage lbUsage(String id, int a) {
    List<Usage.Daily> daily = new ArrayList<>(30);
    LocalDate first = LocalDate.ofInstant(END, ZoneOffset.UTC).minusDays(30);
    long perDay = 1_000_000L + a * 50_000L;
    for (int d = 0; d < 30; d++) {
      daily.add(new Usage.Daily(first.plusDays(d), perDay + d * 1_000L, round(perDay / 250_000.0), null, null,
          round(perDay / 86_400.0 * 3)));
    }
    return new Usage(id, "elb", "cloudwatch", null, null, null, null, null, null, null, perDay * 30,
        round(perDay * 30 / 250_000.0), round(720 * 1.5), round(perDay / 86_400.0 * 3), null, null, null, daily);
  }

  /** Three closed months, by service and usage type, from the instances' list prices (plausible, not exact). */
  private static Billing bill(int k, List<Ec2Instance> instances, String[] regions) {
    List<Billing.Month> months = new ArrayList<>();
    for (int m = 3; m >= 1; m--) {
      YearMonth month = YearMonth.from(END.atZone(ZoneOffset.UTC)).minusMonths(m);
      Map<String, double[]> byType = new TreeMap<>();
      for (Ec2Instance i : instances) {
        if (i.running()) {
          int t = List.of(TYPES).indexOf(i.instanceType());
          double[] acc = byType.computeIfAbsent(i.region() + "|" + i.instanceType(), x -> new double[2]);
          acc[0] += 730;
          acc[1] += 730 * HOURLY[t];
        }
      }
      List<Billing.UsageLine> lines = new ArrayList<>();
      double compute = 0;
      for (var e : byType.entrySet()) {
        String[] rt = e.getKey().split("\\|");
        compute += e.getValue()[1];
        lines.add(new Billing.UsageLine("Amazon Elastic Compute Cloud - Compute", prefix(rt[0]) + "BoxUsage:" + rt[1],
            rt[0], money(e.getValue()[1]), money(e.getValue()[0]), "Hrs"));
      }
      double ebs = 0;
      for (String region : regions) {
        double gb = INSTANCES_PER_ACCOUNT / 2 * 40 + INSTANCES_PER_ACCOUNT / 8 * 500;
        ebs += gb * 0.08;
        lines.add(new Billing.UsageLine("EC2 - Other", prefix(region) + "EBS:VolumeUsage.gp3", region, money(gb * 0.08),
            money(gb), "GB-Mo"));
      }
      double elb = 25 * 730 * 0.0225 + 20 * 1080 * 0.008;
      double s3 = 10 * 150 * 0.023 + 10 * 205 * 0.0125;
      double transfer = 2_000 * 0.09 + k;
      double cloudwatch = 300 + k;
      lines.add(new Billing.UsageLine("Amazon Elastic Load Balancing", prefix(regions[0]) + "LoadBalancerUsage",
          regions[0], money(elb), money(25 * 730), "Hrs"));
      lines.add(new Billing.UsageLine("Amazon Simple Storage Service", prefix(regions[0]) + "TimedStorage-ByteHrs",
          regions[0], money(s3), money(3_550), "GB-Mo"));
      lines.add(new Billing.UsageLine("AWS Data Transfer", prefix(regions[0]) + "DataTransfer-Out-Bytes", regions[0],
          money(transfer), money(2_000), "GB"));
      lines.add(new Billing.UsageLine("AmazonCloudWatch", prefix(regions[0]) + "CW:Requests", regions[0],
          money(cloudwatch), money(cloudwatch * 100_000), "Requests"));
      lines.sort(Comparator.comparing(Billing.UsageLine::service).thenComparing(Billing.UsageLine::usageType)
          .thenComparing(l -> String.valueOf(l.region())));
      List<Billing.ServiceCost> services = new ArrayList<>(List.of(
          new Billing.ServiceCost("AWS Data Transfer", money(transfer)),
          new Billing.ServiceCost("Amazon Elastic Compute Cloud - Compute", money(compute)),
          new Billing.ServiceCost("Amazon Elastic Load Balancing", money(elb)),
          new Billing.ServiceCost("Amazon Simple Storage Service", money(s3)),
          new Billing.ServiceCost("AmazonCloudWatch", money(cloudwatch)),
          new Billing.ServiceCost("EC2 - Other", money(ebs))));
      months.add(new Billing.Month(month, false, services, lines));
    }
    return new Billing("USD", months, Billing.SOURCE_COST_EXPLORER);
  }

  /** Usage-type region prefix of the regions used here. */
  private static String prefix(String region) {
    return switch (region) {
      case "us-east-1" -> "";
      case "ap-northeast-1" -> "APN1-";
      case "eu-west-1" -> "EU-";
      case "ap-southeast-1" -> "APS1-";
      default -> throw new IllegalArgumentException(region);
    };
  }

  /**
   * The 100 accounts as one snapshot: every list is the accounts' lists one after the other (ids carry the account
   * number, so the lists stay sorted), the bill is the sum of the accounts' bills. Written with a streaming generator,
   * one account in memory at a time, so that the generator itself does not need the estate's memory.
   */
  static void writeMerged(Path file) throws IOException {
    ObjectMapper mapper = SnapshotJson.mapper();
    Snapshot first = account(0);
    List<String> regions = List.of(REGIONS).stream().sorted().toList();
    Billing bill = mergedBill();
    try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
         JsonGenerator g = mapper.getFactory().createGenerator(os).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("schema", Snapshot.SCHEMA_V1);
      g.writeFieldName("account");
      mapper.writeValue(g, new Account(first.account().id(), "estate"));
      g.writeFieldName("collectedAt");
      mapper.writeValue(g, first.collectedAt());
      g.writeFieldName("window");
      mapper.writeValue(g, first.window());
      g.writeFieldName("regions");
      mapper.writeValue(g, regions);
      List<Map.Entry<String, Function<Snapshot, List<?>>>> lists = List.of(
          Map.entry("instances", Snapshot::instances), Map.entry("volumes", Snapshot::volumes),
          Map.entry("autoScalingGroups", Snapshot::autoScalingGroups), Map.entry("loadBalancers", Snapshot::loadBalancers),
          Map.entry("buckets", Snapshot::buckets), Map.entry("vpcs", Snapshot::vpcs), Map.entry("usage", Snapshot::usage));
      for (var list : lists) {
        g.writeArrayFieldStart(list.getKey());
        for (int k = 0; k < ACCOUNTS; k++) {
          for (Object item : list.getValue().apply(account(k))) {
            mapper.writeValue(g, item);
          }
        }
        g.writeEndArray();
      }
      g.writeFieldName("billing");
      mapper.writeValue(g, bill);
      g.writeEndObject();
    }
    Files.write(file, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
  }

  /** The sum of the accounts' bills, per month, service and usage line (the consolidated bill). */
  static Billing mergedBill() {
    List<Billing.Month> months = new ArrayList<>();
    List<TreeMap<String, BigDecimal>> services = new ArrayList<>();
    List<TreeMap<String, Billing.UsageLine>> lines = new ArrayList<>();
    Billing firstBill = null;
    for (int k = 0; k < ACCOUNTS; k++) {
      Billing b = account(k).billing();
      firstBill = firstBill == null ? b : firstBill;
      for (int m = 0; m < b.months().size(); m++) {
        if (services.size() <= m) {
          services.add(new TreeMap<>());
          lines.add(new TreeMap<>());
        }
        for (Billing.ServiceCost s : b.months().get(m).services()) {
          services.get(m).merge(s.service(), s.amountUsd(), BigDecimal::add);
        }
        for (Billing.UsageLine l : b.months().get(m).usageLines()) {
          lines.get(m).merge(l.service() + "|" + l.usageType() + "|" + l.region(), l, (x, y) -> new Billing.UsageLine(
              x.service(), x.usageType(), x.region(), x.amountUsd().add(y.amountUsd()), x.quantity().add(y.quantity()),
              x.unit()));
        }
      }
    }
    for (int m = 0; m < services.size(); m++) {
      months.add(new Billing.Month(firstBill.months().get(m).month(), false, services.get(m).entrySet().stream()
          .map(e -> new Billing.ServiceCost(e.getKey(), e.getValue())).toList(), new ArrayList<>(lines.get(m).values())));
    }
    return new Billing("USD", months, Billing.SOURCE_COST_EXPLORER);
  }

  static String instanceId(int k, int n) {
    return String.format(Locale.ROOT, "i-%06x%011x", k, n);
  }

  static String volumeId(int k, int n, int v) {
    return String.format(Locale.ROOT, "vol-%06x%010x%x", k, n, v);
  }

  static String vpcId(int k, int r) {
    return String.format(Locale.ROOT, "vpc-%06x%011x", k, r);
  }

  static String groupName(int k, int g) {
    return String.format(Locale.ROOT, "acct%03d-asg-%02d", k, g);
  }

  static String targetGroupArn(int k, String region, int a) {
    return String.format(Locale.ROOT, "arn:aws:elasticloadbalancing:%s:%s:targetgroup/acct%d-tg-%d/%016x", region,
        accountId(k), k, a, (long) k * 1000 + a);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }

  private static long sizeOf(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

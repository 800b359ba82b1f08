package dev.migrate.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Coverage;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.FlowLogs;
import dev.migrate.inventory.NetworkInterface;
import dev.migrate.logs.FlowLogAnalyzer;
import dev.migrate.logs.FlowLogReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code sample-data/tableapp/} equal to what {@link TableappEstate} generates and checks
 * that its numbers hang together. Run with {@code -Dsample.regenerate=true} to rewrite the
 * committed files first.
 */
class SampleEstateTest {
  private static final Path COMMITTED = Path.of("sample-data", "tableapp");
  private static final double GIB = 1024.0 * 1024 * 1024;

  private static TableappEstate.Estate estate;
  private static Snapshot snapshot;

  @BeforeAll
  static void generate() throws IOException {
    estate = TableappEstate.generate();
    if (Boolean.getBoolean("sample.regenerate")) {
      TableappEstate.write(estate, COMMITTED);
    }
    snapshot = SnapshotJson.read(COMMITTED.resolve(TableappEstate.SNAPSHOT_FILE));
  }

  // ------------------------------------------------------------------ no drift

  @Test
  void committedFilesAreWhatTheGeneratorWrites(@TempDir Path tmp) throws IOException {
    TableappEstate.write(estate, tmp);
    assertSame("sample-data/tableapp/snapshot.json", Files.readString(tmp.resolve("snapshot.json")),
        Files.readString(COMMITTED.resolve("snapshot.json")));
    SortedMap<String, String> generated = readLogs(tmp);
    SortedMap<String, String> committed = readLogs(COMMITTED);
    assertEquals(generated.keySet(), committed.keySet(), "log file names differ from the generator");
    for (String name : generated.keySet()) {
      assertSame(name, generated.get(name), committed.get(name));
    }
  }

  @Test
  void committedSnapshotReadsBackAsTheGeneratedValue() {
    assertSame("snapshot read back", SnapshotJson.toJson(estate.snapshot()), SnapshotJson.toJson(snapshot));
    assertTrue(estate.snapshot().equals(snapshot), "the snapshot read back equals the generated value");
    assertEquals(Snapshot.SCHEMA_V1, snapshot.schema());
    assertEquals("481516234200", snapshot.account().id());
    assertEquals(30, snapshot.window().days());
    assertEquals(List.of("ap-northeast-1", "us-east-1"), snapshot.regions());
  }

  @Test
  void sampleDataStaysWithinItsSizeBudget() throws IOException {
    long bytes;
    try (Stream<Path> files = Files.walk(Path.of("sample-data"))) {
      bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertTrue(bytes < 15_000_000L, "sample-data is " + bytes + " bytes, budget 15 MB");
  }

  // ------------------------------------------------------------------ inventory

  @Test
  void autoScalingGroupsHoldTheirDesiredCountOfRunningInstances() {
    assertEquals(4, snapshot.autoScalingGroups().size());
    for (AutoScalingGroup g : snapshot.autoScalingGroups()) {
      assertEquals(g.desiredCapacity(), g.instanceIds().size(), g.name());
      for (String id : g.instanceIds()) {
        Ec2Instance i = snapshot.instance(id).orElseThrow(() -> new AssertionError(id));
        assertEquals(g.name(), i.autoScalingGroup());
        assertTrue(i.running(), id);
      }
    }
    long members = snapshot.instances().stream().filter(i -> i.autoScalingGroup() != null).count();
    assertEquals(snapshot.autoScalingGroups().stream().mapToInt(AutoScalingGroup::desiredCapacity).sum(), members);
  }

  @Test
  void volumesAndInstancesPointAtEachOther() {
    for (EbsVolume v : snapshot.volumes()) {
      if (v.attachedTo() == null) {
        assertEquals("available", v.state(), v.id());
        continue;
      }
      Ec2Instance i = snapshot.instance(v.attachedTo()).orElseThrow(() -> new AssertionError(v.id()));
      assertTrue(i.volumeIds().contains(v.id()), v.id() + " missing from " + i.id());
      assertEquals(i.region(), v.region());
      assertEquals(i.availabilityZone(), v.availabilityZone());
    }
    for (Ec2Instance i : snapshot.instances()) {
      assertFalse(i.volumeIds().isEmpty(), i.id() + " has no root volume");
      for (String id : i.volumeIds()) {
        assertEquals(i.id(), snapshot.volume(id).orElseThrow().attachedTo());
      }
    }
    Set<String> types = new HashSet<>();
    snapshot.volumes().forEach(v -> types.add(v.volumeType()));
    assertTrue(types.containsAll(List.of("gp3", "gp2", "io1", "st1", "sc1", "standard")), types.toString());
    assertEquals(2, snapshot.volumes().stream().filter(v -> "available".equals(v.state())).count());
  }

  @Test
  void loadBalancerTargetsAreInstancesOfTheEstate() {
    for (LoadBalancer lb : snapshot.loadBalancers()) {
      assertFalse(lb.backendInstanceIds().isEmpty(), lb.name());
      for (String id : lb.backendInstanceIds()) {
        assertTrue(snapshot.instance(id).isPresent(), lb.name() + " -> " + id);
      }
    }
    var logged = snapshot.loadBalancers().stream().filter(lb -> lb.accessLogs().enabled()).toList();
    assertEquals(List.of("tableapp-web"), logged.stream().map(LoadBalancer::name).toList());
    assertEquals("tableapp-logs", logged.get(0).accessLogs().bucket());
  }

  @Test
  void theEstateHasTheVarietyTheStoryPromises() {
    List<Ec2Instance> all = snapshot.instances();
    assertTrue(all.size() >= 30 && all.size() <= 45, "instances: " + all.size());
    assertTrue(all.stream().anyMatch(i -> "windows".equals(i.platform())));
    assertTrue(all.stream().anyMatch(i -> "arm64".equals(i.architecture())));
    assertTrue(all.stream().filter(i -> "stopped".equals(i.state())).count() >= 2);
    assertTrue(all.stream().anyMatch(i -> "us-east-1".equals(i.region())));
    assertTrue(all.stream().anyMatch(Ec2Instance::detailedMonitoring));
    assertTrue(all.stream().anyMatch(i -> !i.detailedMonitoring()));
    for (Ec2Instance i : all) {
      assertNotNull(i.tags().get("Name"), i.id());
      assertNotNull(i.tags().get("role"), i.id());
      if (i.running()) {
        Usage u = snapshot.usageOf(i.id()).orElseThrow(() -> new AssertionError("no usage for " + i.id()));
        assertTrue(u.cpuAvgPct() <= u.cpuP95Pct() && u.cpuP95Pct() <= u.cpuMaxPct(), i.id());
      } else {
        assertTrue(snapshot.usageOf(i.id()).isEmpty(), "stopped " + i.id() + " reports metrics");
      }
    }
    long withMemory = snapshot.usage().stream().filter(u -> u.memAvgPct() != null).count();
    long ec2 = snapshot.usage().stream().filter(u -> "ec2".equals(u.kind())).count();
    assertTrue(withMemory > 0 && withMemory < ec2, "memory only where the CloudWatch agent runs");
    assertEquals(Set.of("classic", "application", "network"),
        Set.copyOf(snapshot.loadBalancers().stream().map(lb -> lb.type().wire()).toList()));
  }

  @Test
  void theManagedDatabaseAndCacheFitTheApp() {
    assertEquals(1, snapshot.dbInstances().size());
    DbInstance db = snapshot.dbInstances().get(0);
    assertEquals("mysql", db.engine());
    assertTrue(db.multiAz() && !db.auroraMember() && !db.readReplica(), db.toString());
    assertTrue(snapshot.dbClusters().isEmpty());
    assertEquals(1, snapshot.cacheClusters().size());
    CacheCluster cache = snapshot.cacheClusters().get(0);
    assertEquals("redis", cache.engine());
    assertEquals(2, cache.nodeCount());
    assertEquals(cache.nodeCount(), cache.memberClusters().size());
    for (Map<String, String> tags : List.of(db.tags(), cache.tags())) {
      assertEquals("tableapp", tags.get("app"));
      assertEquals("prod", tags.get("env"));
    }
    assertTrue(Set.copyOf(snapshot.regions()).containsAll(List.of(db.region(), cache.region())));
    Usage dbUsage = snapshot.usageOf(db.id()).orElseThrow();
    assertEquals("rds", dbUsage.kind());
    assertTrue(dbUsage.datastore().storageUsedGib() < db.allocatedStorageGib());
    assertTrue(dbUsage.datastore().freeableMemoryMinGib() > 0);
    Usage cacheUsage = snapshot.usageOf(cache.id()).orElseThrow();
    assertEquals("elasticache", cacheUsage.kind());
    assertEquals(cacheUsage.datastore().hitRatio(), cacheUsage.cacheHitRatio(), 1e-4);
    for (Billing.Month m : snapshot.billing().months()) {
      Set<String> services = new HashSet<>();
      m.services().forEach(s -> services.add(s.service()));
      assertTrue(services.containsAll(List.of("Amazon Relational Database Service", "Amazon ElastiCache")),
          m.month().toString());
    }
    Billing.Month october = snapshot.billing().months().get(11);
    assertTrue(october.usageLines().stream().anyMatch(l -> l.usageType().equals("APN1-Multi-AZUsage:db.r6g.xlarge")
        && l.quantity().compareTo(new BigDecimal("744")) == 0));
    assertTrue(october.usageLines().stream().anyMatch(l -> l.usageType().equals("APN1-NodeUsage:cache.r6g.large")
        && l.quantity().compareTo(new BigDecimal("1488")) == 0));
  }

  // ------------------------------------------------------------------ usage

  @Test
  void windowTotalsAreTheSumsOfTheDailyPoints() {
    LocalDate first = LocalDate.of(2026, 10, 26);
    for (Usage u : snapshot.usage()) {
      List<Usage.Daily> daily = u.daily();
      assertFalse(daily.isEmpty(), u.resourceId());
      for (int i = 1; i < daily.size(); i++) {
        assertEquals(daily.get(i - 1).date().plusDays(1), daily.get(i).date(), u.resourceId());
      }
      assertEquals(LocalDate.of(2026, 11, 24), daily.get(daily.size() - 1).date());
      if (!"ec2".equals(u.kind())) {
        assertEquals(first, daily.get(0).date(), u.resourceId());
      }
      if (u.requests() != null) {
        assertEquals(u.requests(), daily.stream().mapToLong(Usage.Daily::requests).sum(), u.resourceId());
      }
      double bytes = daily.stream().mapToDouble(d -> d.bytesOutGib() == null ? 0 : d.bytesOutGib()).sum();
      // Instances, databases and caches: CloudWatch network out; the others: bytes served.
      boolean network = Set.of("ec2", "rds", "elasticache").contains(u.kind());
      double total = network ? u.networkOutGib() : u.bytesOutGib();
      assertEquals(total, bytes, 1e-5, u.resourceId());
      if (u.peakRequestsPerSecond() != null) {
        assertEquals(u.peakRequestsPerSecond(),
            daily.stream().mapToDouble(Usage.Daily::peakRequestsPerSecond).max().orElseThrow(), 1e-9);
      }
      if (network) {
        assertEquals(u.cpuMaxPct(), daily.stream().mapToDouble(Usage.Daily::cpuMaxPct).max().orElseThrow(), 1e-9);
      }
    }
  }

  @Test
  void geographyTotalsAreTheSumsOfTheDays() {
    for (String dist : List.of(estate.names().siteDistributionId(), estate.names().staticDistributionId())) {
      Usage u = snapshot.usageOf(dist).orElseThrow();
      Map<String, Long> sum = new TreeMap<>();
      for (Map<String, Long> day : estate.dailyRequestsByGeography().get(dist)) {
        day.forEach((k, v) -> sum.merge(k, v, Long::sum));
      }
      assertEquals(sum, u.requestsByGeography());
      assertEquals(u.requests(), sum.values().stream().mapToLong(Long::longValue).sum());
      assertTrue(u.requestsByGeography().get("japan") > 0.8 * u.requests(), "mostly Japan");
      double gib = u.bytesByGeographyGib().values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(u.bytesOutGib(), gib, 0.001, dist);
    }
    Usage stat = snapshot.usageOf(estate.names().staticDistributionId()).orElseThrow();
    assertNull(stat.requestsByGeography().get("south_america"), "PriceClass_200 has no South American edges");
    assertNull(stat.requestsByGeography().get("australia"), "PriceClass_200 has no Australian edges");
  }

  @Test
  void theWebAlbServesTheSiteMissesPlusALittleDirectTraffic() {
    Usage site = snapshot.usageOf(estate.names().siteDistributionId()).orElseThrow();
    Usage alb = snapshot.usageOf(estate.names().webAlbArn()).orElseThrow();
    assertEquals(0.35, site.cacheHitRatio(), 0.05);
    for (int d = 0; d < 30; d++) {
      long fromCloudFront = estate.dailyWebAlbFromCloudFront().get(d);
      assertEquals(estate.dailySiteOriginFetches().get(d), fromCloudFront);
      long albDay = alb.daily().get(d).requests();
      assertTrue(albDay > fromCloudFront && albDay < fromCloudFront * 1.12, "day " + d);
    }
    double misses = site.requests() * (1 - site.cacheHitRatio());
    double ratio = alb.requests() / misses;
    assertTrue(ratio > 1.0 && ratio < 1.2, "web ALB / site misses = " + ratio);
  }

  @Test
  void staticMissesAreTheStaticBucketsGets() {
    Usage stat = snapshot.usageOf(estate.names().staticDistributionId()).orElseThrow();
    Usage bucket = snapshot.usageOf(estate.names().staticBucket()).orElseThrow();
    assertEquals(0.93, stat.cacheHitRatio(), 0.02);
    double misses = stat.requests() * (1 - stat.cacheHitRatio());
    double ratio = bucket.requests() / misses;
    assertTrue(ratio > 0.95 && ratio < 1.3, "S3 GETs / static misses = " + ratio);
  }

  @Test
  void bytesPerRequestAreBelievable() {
    Usage stat = snapshot.usageOf(estate.names().staticDistributionId()).orElseThrow();
    double staticKb = stat.bytesOutGib() * GIB / stat.requests() / 1024;
    assertTrue(staticKb > 50 && staticKb < 150, "static KB/request " + staticKb);
    Usage api = snapshot.usageOf(estate.names().apiAlbArn()).orElseThrow();
    double apiKb = api.bytesOutGib() * GIB / api.requests() / 1024;
    assertTrue(apiKb > 2 && apiKb < 8, "API KB/request " + apiKb);
    Usage site = snapshot.usageOf(estate.names().siteDistributionId()).orElseThrow();
    double siteKb = site.bytesOutGib() * GIB / site.requests() / 1024;
    assertTrue(siteKb > 15 && siteKb < 60, "site KB/request " + siteKb);
  }

  // ------------------------------------------------------------------ logs

  @Test
  void cloudFrontLogsAreTheLastDayOfEachDistribution() throws IOException {
    SortedMap<String, String> logs = readLogs(COMMITTED);
    for (String dist : List.of(estate.names().siteDistributionId(), estate.names().staticDistributionId())) {
      String folder = dist.equals(estate.names().siteDistributionId()) ? "logs/cloudfront/site/" : "logs/cloudfront/static/";
      Usage u = snapshot.usageOf(dist).orElseThrow();
      Usage.Daily lastDay = u.daily().get(29);
      long lines = 0;
      long bytes = 0;
      Map<String, Long> geo = new TreeMap<>();
      int[] perSecond = new int[86_400];
      Pattern name = Pattern.compile(Pattern.quote(folder + dist) + "\\.2026-11-24-(\\d\\d)\\.[0-9a-f]{8}\\.gz");
      for (var e : logs.entrySet()) {
        if (!e.getKey().startsWith(folder)) {
          continue;
        }
        Matcher m = name.matcher(e.getKey());
        assertTrue(m.matches(), e.getKey());
        String[] rows = e.getValue().split("\n");
        assertEquals("#Version: 1.0", rows[0]);
        assertTrue(rows[1].startsWith("#Fields: date time x-edge-location sc-bytes c-ip cs-method"), rows[1]);
        assertEquals(33, rows[1].substring("#Fields: ".length()).split(" ").length);
        for (int i = 2; i < rows.length; i++) {
          String[] f = rows[i].split("\t", -1);
          assertEquals(33, f.length, rows[i]);
          assertEquals("2026-11-24", f[0]);
          assertEquals(m.group(1), f[1].substring(0, 2), "line in the wrong hourly file");
          assertFalse(f[10].contains(" "), "user agent must be URL-encoded");
          assertTrue(f[14].matches("[A-Za-z0-9_-]{54}=="), f[14]);
          lines++;
          bytes += Long.parseLong(f[3]);
          geo.merge(EdgeTraffic.geographyOfEdge(f[2]), 1L, Long::sum);
          String[] hms = f[1].split(":");
          perSecond[Integer.parseInt(hms[0]) * 3600 + Integer.parseInt(hms[1]) * 60 + Integer.parseInt(hms[2])]++;
        }
      }
      if (dist.equals(estate.names().siteDistributionId())) {
        assertEquals(45, meanKb(logs, folder, "text/html;%20charset=utf-8"), 15, "HTML KB per response");
        assertEquals(5, meanKb(logs, folder, "application/json"), 3, "JSON KB per response");
      } else {
        assertEquals(100, meanKb(logs, folder, null), 50, "static KB per response");
      }
      assertEquals(lastDay.requests(), lines, dist);
      assertEquals(lastDay.bytesOutGib(), TableappEstate.round(bytes / GIB, 6), 1e-9, dist);
      assertEquals(estate.dailyRequestsByGeography().get(dist).get(29), geo, dist);
      assertEquals(lastDay.peakRequestsPerSecond(), (double) java.util.Arrays.stream(perSecond).max().orElseThrow());
    }
  }

  @Test
  void albLogsAreTheLastDayOfTheWebAlbAndMatchTheSiteOriginRequests() throws IOException {
    SortedMap<String, String> logs = readLogs(COMMITTED);
    Usage alb = snapshot.usageOf(estate.names().webAlbArn()).orElseThrow();
    Usage.Daily lastDay = alb.daily().get(29);
    Pattern token = Pattern.compile("\"([^\"]*)\"|(\\S+)");
    Pattern file = Pattern.compile("logs/alb/web/AWSLogs/481516234200/elasticloadbalancing/ap-northeast-1/"
        + "(2026/11/2[45])/481516234200_elasticloadbalancing_ap-northeast-1_app\\.tableapp-web\\.[0-9a-f]{16}_"
        + "(2026112[45])T(\\d{4})Z_[0-9.]+_[0-9a-f]{8}\\.log\\.gz");
    long lines = 0;
    long sent = 0;
    long viaCloudFront = 0;
    int[] perSecond = new int[86_400];
    for (var e : logs.entrySet()) {
      if (!e.getKey().startsWith("logs/alb/")) {
        continue;
      }
      Matcher m = file.matcher(e.getKey());
      assertTrue(m.matches(), e.getKey());
      assertEquals(m.group(1).replace("/", ""), m.group(2), "folder date is the file's end-time date");
      for (String row : e.getValue().split("\n")) {
        List<String> t = new ArrayList<>();
        Matcher tm = token.matcher(row);
        while (tm.find()) {
          t.add(tm.group(1) != null ? tm.group(1) : tm.group(2));
        }
        assertEquals(33, t.size(), row);
        assertTrue(t.get(1).startsWith("2026-11-24T"), row);
        assertEquals(estate.names().webAlbLoadBalancerId(), t.get(2));
        assertTrue(t.get(29).matches("TID_[0-9a-f]{32}"), row);
        assertTrue(t.get(17).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"), row);
        lines++;
        sent += Long.parseLong(t.get(11));
        if ("Amazon CloudFront".equals(t.get(13))) {
          viaCloudFront++;
        }
        String time = t.get(1);
        int second = Integer.parseInt(time.substring(11, 13)) * 3600 + Integer.parseInt(time.substring(14, 16)) * 60
            + Integer.parseInt(time.substring(17, 19));
        perSecond[second]++;
      }
    }
    assertEquals(lastDay.requests(), lines);
    assertEquals(lastDay.bytesOutGib(), TableappEstate.round(sent / GIB, 6), 1e-9);
    assertEquals(lastDay.peakRequestsPerSecond(), (double) java.util.Arrays.stream(perSecond).max().orElseThrow());
    assertEquals(estate.dailyWebAlbFromCloudFront().get(29), viaCloudFront);

    // Every site request that CloudFront did not answer itself is one ALB request.
    long originBound = 0;
    for (var e : logs.entrySet()) {
      if (e.getKey().startsWith("logs/cloudfront/site/")) {
        for (String row : e.getValue().split("\n")) {
          if (row.startsWith("#")) {
            continue;
          }
          String[] f = row.split("\t", -1);
          String result = f[13];
          if (result.equals("Miss") || result.equals("RefreshHit") || result.equals("Error")) {
            originBound++;
          }
        }
      }
    }
    assertEquals(originBound, viaCloudFront);
  }

  // ------------------------------------------------------------------ billing

  @Test
  void theBillCoversTwelveCompleteMonthsGrowingToAbout15kUsd() {
    List<Billing.Month> months = snapshot.billing().months();
    assertEquals(12, months.size());
    assertEquals(YearMonth.of(2025, 11), months.get(0).month());
    assertEquals(YearMonth.of(2026, 10), months.get(11).month());
    months.forEach(m -> assertFalse(m.estimated(), m.month().toString()));
    double last = months.get(11).totalUsd().doubleValue();
    double firstMonth = months.get(0).totalUsd().doubleValue();
    assertTrue(last > 15_000 && last < 30_000, "October bill " + last);
    assertTrue(firstMonth / last > 0.55 && firstMonth / last < 0.65, "growth from " + firstMonth);
    for (int i = 1; i < 12; i++) {
      double perDayBefore = months.get(i - 1).totalUsd().doubleValue() / months.get(i - 1).month().lengthOfMonth();
      double perDay = months.get(i).totalUsd().doubleValue() / months.get(i).month().lengthOfMonth();
      assertTrue(perDay / perDayBefore > 1.0 && perDay / perDayBefore < 1.1, months.get(i).month().toString());
    }
    Set<String> names = new HashSet<>();
    months.get(11).services().forEach(s -> names.add(s.service()));
    assertTrue(names.containsAll(List.of("Amazon Elastic Compute Cloud - Compute", "EC2 - Other",
        "Amazon Elastic Load Balancing", "Amazon CloudFront", "Amazon Simple Storage Service",
        "AWS Data Transfer", "Amazon Route 53", "AmazonCloudWatch", "AWS Key Management Service")), names.toString());
    List<String> sorted = months.get(11).services().stream().map(Billing.ServiceCost::service).sorted().toList();
    assertEquals(sorted, months.get(11).services().stream().map(Billing.ServiceCost::service).toList());
  }

  @Test
  void everyMonthsUsageTypeLinesAddUpToItsServicesWithTheRegionOfTheirPrefix() {
    assertEquals(Billing.SOURCE_COST_EXPLORER, snapshot.billing().source());
    for (Billing.Month m : snapshot.billing().months()) {
      assertFalse(m.usageLines().isEmpty(), m.month().toString());
      Map<String, BigDecimal> byService = new TreeMap<>();
      for (Billing.UsageLine l : m.usageLines()) {
        byService.merge(l.service(), l.amountUsd(), BigDecimal::add);
        assertEquals(dev.migrate.inventory.UsageTypes.region(l.service(), l.usageType()), l.region(),
            m.month() + " " + l.usageType());
        assertNotNull(l.quantity(), l.usageType());
        assertNotNull(l.unit(), l.usageType());
      }
      for (Billing.ServiceCost c : m.services()) {
        assertEquals(0, c.amountUsd().compareTo(byService.getOrDefault(c.service(), BigDecimal.ZERO)),
            m.month() + " " + c.service() + " lines " + byService.get(c.service()));
      }
      assertEquals(byService.keySet(), new java.util.TreeSet<>(m.services().stream().map(Billing.ServiceCost::service).toList()));
    }
    // October's reserved r5.large hours: zero on BoxUsage, the fee on HeavyUsage (Cost Explorer's unblended cost).
    Billing.Month october = snapshot.billing().months().get(11);
    Billing.UsageLine heavy = october.usageLines().stream()
        .filter(l -> l.usageType().equals("APN1-HeavyUsage:r5.large")).findFirst().orElseThrow();
    assertEquals(0, new BigDecimal("1488").compareTo(heavy.quantity()));
    assertEquals(2 * 744 * ListPrices.RI_R5_LARGE_TOKYO_HOURLY, heavy.amountUsd().doubleValue(), 0.01);
    assertTrue(snapshot.billing().months().get(0).usageLines().stream().noneMatch(l -> l.usageType().contains("HeavyUsage")),
        "no reservation before March 2026");
  }

  @Test
  void coverageAgreesWithTheCommitmentsAndTheBill() {
    Coverage c = snapshot.coverage();
    assertNotNull(c, "the sample shows Cost Explorer coverage");
    assertEquals(YearMonth.of(2026, 10), c.fromMonth());
    assertEquals(YearMonth.of(2026, 10), c.toMonth());
    // Reserved instances: the one active RI (2 x r5.large, Tokyo) covers 2 x 744 h; nothing else is reserved.
    Coverage.ReservedInstances ri = c.reservedInstances();
    long running = snapshot.instances().stream().filter(Ec2Instance::running).count();
    assertEquals(0, BigDecimal.valueOf(running * 744).compareTo(ri.totalRunningHours()));
    assertEquals(0, BigDecimal.valueOf(2 * 744).compareTo(ri.reservedHours()));
    for (Coverage.Group g : ri.groups()) {
      long n = snapshot.instances().stream().filter(i -> i.running() && i.instanceType().equals(g.instanceType())
          && i.region().equals(g.region())).count();
      assertEquals(0, BigDecimal.valueOf(n * 744).compareTo(g.totalRunningHours()), g.toString());
      boolean reservedGroup = g.instanceType().equals("r5.large") && g.region().equals("ap-northeast-1");
      assertEquals(0, BigDecimal.valueOf(reservedGroup ? 1488 : 0).compareTo(g.reservedHours()), g.toString());
    }
    // Uncovered hours at on-demand prices plus the RI's 2 x 744 h x 0.099 are October's EC2 bill.
    double bill = snapshot.billing().months().get(11).services().stream()
        .filter(x -> x.service().equals("Amazon Elastic Compute Cloud - Compute")).findFirst().orElseThrow()
        .amountUsd().doubleValue();
    assertEquals(bill, ri.onDemandCostUsd().doubleValue() + 2 * 744 * ListPrices.RI_R5_LARGE_TOKYO_HOURLY, 0.05);
    // No savings plan: nothing covered, utilisation not reported, all the on-demand spend eligible.
    assertTrue(snapshot.commitments().stream().noneMatch(x -> x.kind().equals("savings-plan")));
    Coverage.SavingsPlans sp = c.savingsPlans();
    assertEquals(0, sp.coveredUsd().signum());
    assertEquals(0, sp.totalCostUsd().compareTo(ri.onDemandCostUsd()));
    assertNull(sp.commitmentUsd());
  }

  @Test
  void octoberIsWhatTheInventoryCostsAtListPrices() {
    Billing.Month october = snapshot.billing().months().get(11);
    Map<String, Double> bill = new TreeMap<>();
    october.services().forEach(s -> bill.put(s.service(), s.amountUsd().doubleValue()));
    // EC2: every running instance for 744 hours, two r5.large at the reserved rate.
    double compute = 0;
    for (Ec2Instance i : snapshot.instances()) {
      if (i.running()) {
        double hourly = ListPrices.EC2_LINUX_HOURLY.get(i.region() + "/" + i.instanceType());
        if ("windows".equals(i.platform())) {
          hourly += ListPrices.VCPUS.get(i.instanceType()) * ListPrices.WINDOWS_LICENCE_PER_VCPU_HOUR;
        }
        compute += hourly * 744;
      }
    }
    compute -= 2 * (0.152 - ListPrices.RI_R5_LARGE_TOKYO_HOURLY) * 744;
    assertEquals(compute, bill.get("Amazon Elastic Compute Cloud - Compute"), 0.01);
    // EBS: GiB-months and provisioned IOPS; the rest of EC2 - Other is NAT and snapshots.
    double ebs = 0;
    for (EbsVolume v : snapshot.volumes()) {
      ebs += v.sizeGib() * ListPrices.ebsGibMonth(v.region(), v.volumeType());
      if ("io1".equals(v.volumeType())) {
        ebs += v.iops() * ListPrices.IO1_IOPS_TOKYO;
      } else if ("gp3".equals(v.volumeType()) && v.iops() > 3000) {
        ebs += (v.iops() - 3000) * ListPrices.GP3_IOPS_TOKYO;
      }
    }
    double other = bill.get("EC2 - Other");
    assertTrue(other > ebs && other < ebs * 1.1, "EC2 - Other " + other + " vs EBS " + ebs);
    // Load balancers: at least their hours, and capacity units on top.
    double hours = 744 * (2 * ListPrices.ALB_HOUR_TOKYO + ListPrices.NLB_HOUR_TOKYO + ListPrices.CLB_HOUR_TOKYO);
    double elb = bill.get("Amazon Elastic Load Balancing");
    assertTrue(elb > hours && elb < hours * 1.6, "ELB " + elb + " vs hours " + hours);
    // CloudFront: the sample's edge traffic (window scaled to October) stays inside the always-free
    // tier of 1,024 GB and 10M requests a month, so the bill is zero, as the cost model says.
    double gb = 0;
    double requests = 0;
    for (var d : snapshot.distributions()) {
      Usage u = snapshot.usageOf(d.id()).orElseThrow();
      gb += u.bytesByGeographyGib().values().stream().mapToDouble(Double::doubleValue).sum();
      requests += u.requestsByGeography().values().stream().mapToDouble(Number::doubleValue).sum();
    }
    assertTrue(gb * BillModel.TRAFFIC_TO_OCTOBER < BillModel.CLOUDFRONT_FREE_GB, "edge GB " + gb);
    assertTrue(requests * BillModel.TRAFFIC_TO_OCTOBER < BillModel.CLOUDFRONT_FREE_REQUESTS, "edge requests " + requests);
    assertEquals(0.0, bill.get("Amazon CloudFront"), 0.005);
    double cf = 0;
    // S3: storage at list price is most of it.
    double storage = 0;
    for (var b : snapshot.buckets()) {
      for (var c : b.storage()) {
        storage += c.gib() * ListPrices.S3_GB_MONTH.get(b.region() + "/" + c.storageClass());
      }
    }
    double s3 = bill.get("Amazon Simple Storage Service");
    assertTrue(s3 > storage * 0.95 && s3 < storage * 1.15, "S3 " + s3 + " vs storage " + storage);
    // RDS: the payments database's Multi-AZ hours and both copies of its storage, plus charged backups.
    double rds = 0;
    for (DbInstance d : snapshot.dbInstances()) {
      rds += 744 * ListPrices.rdsHourly(d) + d.allocatedStorageGib() * ListPrices.RDS_GP3_MULTI_AZ_GB_MONTH_TOKYO;
    }
    assertEquals(744 * 1.02 + 400 * 0.276, rds, 1e-9);
    assertEquals(rds + BillModel.RDS_CHARGED_BACKUP_GB * ListPrices.RDS_BACKUP_GB_MONTH_TOKYO,
        bill.get("Amazon Relational Database Service"), 0.01);
    // ElastiCache: every node of every group for 744 hours.
    double cache = 0;
    for (CacheCluster c : snapshot.cacheClusters()) {
      cache += 744 * c.nodeCount() * ListPrices.elastiCacheHourly(c);
    }
    assertEquals(2 * 744 * 0.247, cache, 1e-9);
    assertEquals(cache, bill.get("Amazon ElastiCache"), 0.01);
    // What the inventory explains is nearly all of the bill.
    double explained = compute + ebs + hours + cf + storage + bill.get("AWS Data Transfer") + rds + cache;
    assertTrue(explained / october.totalUsd().doubleValue() > 0.95, "explained share " + explained);
  }

  // ------------------------------------------------------------------ helpers

  /** Equal texts, or a failure that shows the first line that differs (not 13 MB of text). */
  private static void assertSame(String what, String expected, String actual) {
    if (expected.equals(actual)) {
      return;
    }
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int i = 0;
    while (i < e.length && i < a.length && e[i].equals(a[i])) {
      i++;
    }
    throw new AssertionError(what + " differs from the generator at line " + (i + 1) + ":\n  generated: "
        + (i < e.length ? e[i] : "<end>") + "\n  committed: " + (i < a.length ? a[i] : "<end>")
        + "\nrerun with: mvn -o -q test -Dtest=SampleEstateTest -Dsample.regenerate=true");
  }

  /** Mean sc-bytes in KB of 200 responses of one content type (null: all types). */
  private static double meanKb(SortedMap<String, String> logs, String folder, String contentType) {
    long n = 0;
    long bytes = 0;
    for (var e : logs.entrySet()) {
      if (!e.getKey().startsWith(folder)) {
        continue;
      }
      for (String row : e.getValue().split("\n")) {
        String[] f = row.split("\t", -1);
        if (row.startsWith("#") || !"200".equals(f[8]) || !"GET".equals(f[5])
            || (contentType != null && !contentType.equals(f[29]))) {
          continue;
        }
        n++;
        bytes += Long.parseLong(f[3]);
      }
    }
    assertTrue(n > 100, "too few " + contentType + " responses");
    return bytes / 1024.0 / n;
  }

  private static SortedMap<String, String> readLogs(Path root) throws IOException {
    SortedMap<String, String> out = readLogs(root, "logs");
    out.putAll(readLogs(root, "flow-logs"));
    return out;
  }

  private static SortedMap<String, String> readLogs(Path root, String folder) throws IOException {
    SortedMap<String, String> out = new TreeMap<>();
    Path logs = root.resolve(folder);
    try (Stream<Path> files = Files.walk(logs)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
          out.put(root.relativize(p).toString().replace('\\', '/'),
              new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ network interfaces and flow logs

  @Test
  void theFlowLogFilesReadBackAsTheSnapshotsFlowLogs() throws IOException {
    FlowLogReport r = FlowLogAnalyzer.analyze(
        FlowLogAnalyzer.localSources(List.of(COMMITTED.resolve("flow-logs"))), "files", null, 2, m -> {});
    assertTrue(r.fileProblems().isEmpty(), r.fileProblems().toString());
    assertTrue(r.malformedSamples().isEmpty(), r.malformedSamples().toString());
    assertEquals(25, r.files());
    assertEquals(snapshot.flowLogs(), r.flowLogs());
  }

  @Test
  void theFlowLogsTellTheEstatesStory() {
    FlowLogs f = snapshot.flowLogs();
    FlowLogs.Counts c = f.counts();
    assertTrue(c.accepted() > 0 && c.rejected() == 72 && c.ipv6() == 24 && c.noData() == 7 && c.skipData() == 1,
        c.toString());
    assertEquals(c.records(), c.accepted() + c.rejected() + c.noData() + c.skipData() + c.ipv6());
    Map<String, String> ipOwner = new TreeMap<>();
    for (NetworkInterface n : snapshot.networkInterfaces()) {
      n.privateIps().forEach(ip -> ipOwner.put(ip, n.attachedKind() + ":" + n.attachedResourceId()));
      n.publicIps().forEach(ip -> ipOwner.put(ip, n.attachedKind() + ":" + n.attachedResourceId()));
    }
    // bytes per (owner kind -> owner kind, port), both directions of each conversation
    Map<String, Long> byKindPort = new TreeMap<>();
    for (FlowLogs.Pair p : f.pairs()) {
      String from = kindOf(ipOwner.get(p.srcAddr()));
      String to = kindOf(ipOwner.get(p.dstAddr()));
      byKindPort.merge(from + ">" + to + ":" + p.port(), p.bytes(), Long::sum);
      assertTrue(p.peakHourBytes() <= p.bytes() && p.peakHourBytes() * 24 >= p.bytes(), p.toString());
      assertTrue(p.flows() >= 1 && p.flows() <= 24, p.toString()); // one record per direction per active hour
    }
    // The payments database is reached on 3306 by web and API only; the availability cache on 6379 by the API,
    // realtime and its replica; CloudFront (outside) reaches the web ALB on 443.
    assertEquals(Set.of("ec2>rds:3306", "rds>ec2:3306"), keysWith(byKindPort, "rds"));
    assertEquals(Set.of("ec2>elasticache:6379", "elasticache>ec2:6379", "elasticache>elasticache:6379"),
        keysWith(byKindPort, "elasticache"));
    // Known answer: the generator's daily figures per conversation (MB, 1e6 bytes) summed by hand; each hour
    // varies by up to +-10% around its share of the day, so the day is within a few percent.
    assertNear(8 * 140 + 2 * 90, byKindPort.get("ec2>elasticache:6379")); // API and realtime ask
    assertNear(8 * 2_100 + 2 * 1_400, byKindPort.get("elasticache>ec2:6379")); // the cache answers
    assertNear(10 + 600, byKindPort.get("elasticache>elasticache:6379")); // replication
    assertNear(6 * 14 + 8 * 95, byKindPort.get("ec2>rds:3306"));
    assertNear(6 * 45 + 8 * 310, byKindPort.get("rds>ec2:3306"));
    assertNear(3 * 9 + 6 * 380 + 4 * 120 + 2 * 8, byKindPort.get("internet>elb:443")); // CloudFront and phones
    assertNear(3 * 120 + 6 * 4_100 + 4 * 1_900 + 2 * 55, byKindPort.get("elb>internet:443"));
    // The webhook receiver in us-east-1 calls the API in Tokyo across the internet: each end logs the
    // conversation with its own private address and the other's public one, so it shows as two pairs.
    assertNear(2 * 40, byKindPort.get("ec2>elb:443"));
    assertNear(6 + 14, byKindPort.get("internet>ec2:22") + byKindPort.get("internet>ec2:3389")); // the VPN
  }

  private static void assertNear(long expectedMb, long actualBytes) {
    double mb = actualBytes / 1e6;
    assertTrue(Math.abs(mb - expectedMb) <= expectedMb * 0.05, "expected about " + expectedMb + " MB, got " + mb);
  }

  private static Set<String> keysWith(Map<String, Long> m, String kind) {
    Set<String> out = new java.util.TreeSet<>();
    m.keySet().stream().filter(k -> k.contains(kind)).forEach(out::add);
    return out;
  }

  private static String kindOf(String owner) {
    if (owner == null) {
      return "internet";
    }
    return owner.substring(0, owner.indexOf(':'));
  }

  @Test
  void everyInstanceLoadBalancerDatabaseAndCacheHasItsInterface() {
    Set<String> attached = new HashSet<>();
    snapshot.networkInterfaces().forEach(n -> attached.add(n.attachedResourceId()));
    snapshot.instances().forEach(i -> assertTrue(attached.contains(i.id()), i.id()));
    snapshot.loadBalancers().forEach(lb -> assertTrue(attached.contains(lb.id()), lb.id()));
    snapshot.dbInstances().forEach(d -> assertTrue(attached.contains(d.id()), d.id()));
    snapshot.cacheClusters().forEach(c -> assertTrue(attached.contains(c.id()), c.id()));
    Set<String> vpcs = new HashSet<>();
    snapshot.vpcs().forEach(v -> vpcs.add(v.id()));
    for (NetworkInterface n : snapshot.networkInterfaces()) {
      assertTrue(vpcs.contains(n.vpcId()), n.id());
      assertTrue(snapshot.regions().contains(n.region()), n.id());
    }
  }
}

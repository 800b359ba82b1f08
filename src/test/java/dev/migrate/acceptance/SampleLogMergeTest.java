package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.app.Costing;
import dev.migrate.app.LogAnalysis;
import dev.migrate.app.Planning;
import dev.migrate.app.WhatIf;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.CostOptions;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import dev.migrate.logs.LogAnalyzer;
import dev.migrate.logs.LogReport;
import dev.migrate.logs.LogSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 on the real sample estate: merging its access logs ({@code migrate logs ... --merge-into})
 * changes exactly the CDN and per-request figures the logs measure, in the direction the
 * measurements say, and nothing else.
 *
 * <p>What the logs bring (UsageMerge): the cache hit ratio and the split of requests and bytes
 * over price geographies; window totals stay CloudWatch's where the snapshot has them (the logs
 * cover about a day, CloudWatch the 30-day window), and are scaled from the logs where it has none.
 */
class SampleLogMergeTest {
  /** static.tableapp.jp: S3 origin, mostly cache hits. */
  private static final String STATIC = "E0XHVAV13W0MS1";
  /** tableapp.jp: ALB origin, mostly dynamic pages. */
  private static final String WEB = "EUJ7GNUEBJZ8KC";
  private static final String CDN = "Cloud CDN";
  private static final String CLOUDFRONT = "Amazon CloudFront";
  /** Line quantities carry 6 decimals (Estate.QUANTITY_SCALE); sums of a few lines stay within this. */
  private static final BigDecimal QTY = new BigDecimal("0.00005");

  @TempDir
  static Path dir;
  private static Snapshot before;
  private static Snapshot after;
  private static LogAnalysis.AnalyzeOutcome outcome;

  @BeforeAll
  static void mergeTheSampleLogs() throws Exception {
    Path snap = dir.resolve("snapshot.json");
    Files.copy(SampleEstate.SNAPSHOT, snap);
    Path merged = dir.resolve("merged.json");
    outcome = LogAnalysis.analyze(new LogAnalysis.AnalyzeRequest(List.of(SampleEstate.LOGS.toString()), 2, 10, null,
        snap, merged, null, null), m -> {});
    before = SampleEstate.snapshot();
    after = Planning.readSnapshot(merged);
  }

  @Test
  void theLogsMatchBothDistributionsAndTheWebLoadBalancer() {
    assertEquals(List.of(), outcome.unmatched());
    assertEquals(3, outcome.merged().size(), outcome.merged().toString());
    assertTrue(outcome.merged().stream().anyMatch(l -> l.startsWith(STATIC + " -> " + STATIC)), outcome.merged().toString());
    assertTrue(outcome.merged().stream().anyMatch(l -> l.startsWith(WEB + " -> " + WEB)), outcome.merged().toString());
    assertTrue(outcome.merged().stream().anyMatch(l -> l.startsWith("app/tableapp-web/")), outcome.merged().toString());
  }

  /**
   * The usage facts: hit ratios are the logs' (static up from 0.9267, web down from 0.3711), the
   * geography splits are the logs' shares of CloudWatch's totals, and the totals are unchanged.
   */
  @Test
  void hitRatiosAndSharesComeFromTheLogsTotalsStayCloudWatchs() {
    Usage s0 = usage(before, STATIC);
    Usage s1 = usage(after, STATIC);
    Usage w0 = usage(before, WEB);
    Usage w1 = usage(after, WEB);
    assertTrue(s1.cacheHitRatio() > s0.cacheHitRatio(), s0.cacheHitRatio() + " -> " + s1.cacheHitRatio());
    assertTrue(w1.cacheHitRatio() < w0.cacheHitRatio(), w0.cacheHitRatio() + " -> " + w1.cacheHitRatio());
    for (String id : List.of(STATIC, WEB)) {
      Usage u0 = usage(before, id);
      Usage u1 = usage(after, id);
      assertEquals(u0.requests(), u1.requests(), id + " requests: CloudWatch's window total is kept");
      assertEquals(u0.bytesOutGib(), u1.bytesOutGib(), id + " bytes: CloudWatch's window total is kept");
      assertNotEquals(u0.bytesByGeographyGib(), u1.bytesByGeographyGib(), id + " byte shares are the logs'");
      assertEquals(u1.requests(), u1.requestsByGeography().values().stream().mapToLong(Long::longValue).sum(),
          id + ": the split adds up to the total");
      assertEquals(u1.bytesOutGib(), u1.bytesByGeographyGib().values().stream().mapToDouble(Double::doubleValue).sum(),
          1e-6, id + ": the split adds up to the total");
    }
    // The web load balancer sits behind tableapp.jp: its CloudWatch figures stay as they were.
    String alb = "arn:aws:elasticloadbalancing:ap-northeast-1:481516234200:loadbalancer/app/tableapp-web/8b7836f04fc1af4b";
    assertEquals(usage(before, alb).requests(), usage(after, alb).requests());
    assertEquals(usage(before, alb).lcuHours(), usage(after, alb).lcuHours());
  }

  /**
   * Cloud CDN cache fill = (1 - hit ratio) x bytes served: the static distribution's hit ratio
   * rose, so its fill falls (151.5 GiB x 0.0038 = about 0.59 GiB less); the web distribution's
   * fell, so its fill grows (38.9 GiB x 0.021 = about 0.83 GiB more), and the total fill grows.
   * The cache egress moves between destinations with the byte shares but keeps its total, and
   * cache lookups (requests, kept) do not move.
   */
  @Test
  void cloudCdnLinesFollowTheMeasuredHitRatiosAndShares() {
    Assessment a0 = SampleEstate.assess(before);
    Assessment a1 = SampleEstate.assess(after);
    for (Assessment a : List.of(a0, a1)) {
      Snapshot s = a.snapshot();
      for (String id : List.of(STATIC, WEB)) {
        BigDecimal egress = sum(a.target().lines(), l -> l.itemId().equals(id) && l.component().startsWith("cache egress"));
        BigDecimal fill = sum(a.target().lines(), l -> l.itemId().equals(id) && l.component().startsWith("cache fill"));
        BigDecimal expected = egress.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(usage(s, id).cacheHitRatio())));
        assertTrue(fill.subtract(expected).abs().compareTo(QTY) <= 0, id + " fill " + fill + " = (1 - hit) x " + egress);
      }
    }
    BigDecimal staticFill0 = quantity(a0, STATIC, "cache fill");
    BigDecimal staticFill1 = quantity(a1, STATIC, "cache fill");
    BigDecimal webFill0 = quantity(a0, WEB, "cache fill");
    BigDecimal webFill1 = quantity(a1, WEB, "cache fill");
    assertTrue(staticFill1.compareTo(staticFill0) < 0, "static fill " + staticFill0 + " -> " + staticFill1);
    assertTrue(webFill1.compareTo(webFill0) > 0, "web fill " + webFill0 + " -> " + webFill1);
    assertTrue(usd(a1, CDN, "cache fill").compareTo(usd(a0, CDN, "cache fill")) > 0, "cache fill USD grows");
    for (String id : List.of(STATIC, WEB)) {
      assertTrue(quantity(a1, id, "cache egress").subtract(quantity(a0, id, "cache egress")).abs().compareTo(QTY) <= 0,
          id + " cache egress total is kept");
      assertNotEquals(egressByDestination(a0, id), egressByDestination(a1, id), id + " egress moved between destinations");
      assertEquals(0, quantity(a0, id, "cache lookups").compareTo(quantity(a1, id, "cache lookups")), id + " lookups");
    }
    assertNotEquals(0, a0.target().byService().get(CDN).compareTo(a1.target().byService().get(CDN)), "Cloud CDN total moves");
    // Nothing but Cloud CDN moves on the target side, so the TARGET total moves by exactly its change.
    Map<String, BigDecimal> t0 = new TreeMap<>(a0.target().byService());
    Map<String, BigDecimal> t1 = new TreeMap<>(a1.target().byService());
    BigDecimal cdnDelta = t1.remove(CDN).subtract(t0.remove(CDN));
    assertEquals(t0, t1);
    assertEquals(0, a1.target().monthlyUsd().subtract(a0.target().monthlyUsd()).compareTo(cdnDelta));
  }

  /**
   * CloudFront with the AWS free tier (the default): the sample's two distributions serve about
   * 190 GB and 3.3 M requests a month, within the always-free 1 TB and 10 M requests, so every
   * CloudFront line is USD 0 before and after and CURRENT does not move; only the free quantities
   * move between geographies. Without the free tier the data-transfer lines follow the log byte
   * shares, and the bill falls: the measured shares move traffic from Japan (0.114 USD/GB), India
   * and the Middle East to Europe and North America (0.085 USD/GB).
   */
  @Test
  void cloudFrontLinesFollowTheMeasuredShares() {
    Assessment a0 = SampleEstate.assess(before);
    Assessment a1 = SampleEstate.assess(after);
    assertEquals(0, a0.current().byService().get(CLOUDFRONT).signum(), "within the free tier");
    assertEquals(0, a1.current().byService().get(CLOUDFRONT).signum(), "within the free tier");
    assertEquals(0, a0.current().monthlyUsd().compareTo(a1.current().monthlyUsd()), "CURRENT does not move");
    assertNotEquals(cloudFrontTransferByColumn(a0, STATIC), cloudFrontTransferByColumn(a1, STATIC));

    CostOptions noFreeTier = CostOptions.builder().awsFreeTier(false).build();
    Assessment p0 = assess(before, noFreeTier);
    Assessment p1 = assess(after, noFreeTier);
    BigDecimal cf0 = p0.current().byService().get(CLOUDFRONT);
    BigDecimal cf1 = p1.current().byService().get(CLOUDFRONT);
    assertTrue(cf0.signum() > 0);
    assertTrue(cf1.compareTo(cf0) < 0, "CloudFront " + cf0 + " -> " + cf1);
    for (String id : List.of(STATIC, WEB)) {
      // monthly GB per column = window GiB per geography x 730 h / 720 h
      Map<String, BigDecimal> expected = new TreeMap<>();
      usage(after, id).bytesByGeographyGib().forEach((k, v) -> expected.put(k, BigDecimal.valueOf(v)
          .multiply(BigDecimal.valueOf(730)).divide(BigDecimal.valueOf(720), 6, RoundingMode.HALF_EVEN)));
      Map<String, BigDecimal> lines = cloudFrontTransferByColumn(p1, id);
      // the merged keys are the price book's CloudFront transfer columns already
      assertEquals(expected.keySet(), lines.keySet(), id);
      expected.forEach((k, v) -> assertTrue(v.subtract(lines.get(k)).abs().compareTo(QTY) <= 0,
          id + " " + k + ": " + v + " vs " + lines.get(k)));
    }
  }

  /**
   * Per-request figures: requests per month stay CloudWatch's (169,680,866), so the cost per
   * million moves only with the totals: on Google Cloud with the Cloud CDN change (up), on AWS
   * not at all (CloudFront inside the free tier).
   */
  @Test
  void costPerMillionRequestsMovesWithTheCdnFigures() {
    Assessment a0 = SampleEstate.assess(before);
    Assessment a1 = SampleEstate.assess(after);
    assertEquals(a0.requests().monthlyRequests(), a1.requests().monthlyRequests());
    assertEquals(0, a0.requests().awsPerMillionUsd().compareTo(a1.requests().awsPerMillionUsd()));
    int cdn = a1.target().byService().get(CDN).compareTo(a0.target().byService().get(CDN));
    assertEquals(cdn, a1.requests().gcpPerMillionUsd().compareTo(a0.requests().gcpPerMillionUsd()),
        a0.requests().gcpPerMillionUsd() + " -> " + a1.requests().gcpPerMillionUsd());
  }

  /**
   * The hybrid months: CDN origin fetches cross the link while a distribution and its origin run
   * in different clouds (docs/whatif.md, "Traffic across the clouds": (1 - hit ratio) x bytes
   * served). In gke-replatform-waves the CDN moves in the first wave and the web load balancer,
   * tableapp.jp's origin, two months later; tableapp.jp's measured hit ratio is lower, so more
   * crosses the link in those months, and never less in any month. Month 0 and the months after
   * the move carry no inter-cloud traffic either way.
   */
  @Test
  void hybridInterCloudTrafficFollowsTheMeasuredHitRatio() {
    List<Path> scenario = List.of(SampleEstate.SCENARIOS.resolve("gke-replatform-waves.yaml"));
    Timeline t0 = WhatIf.run(SampleEstate.assess(before), dev.migrate.pricing.PriceBook.bundled(), scenario, List.of()).get(0);
    Timeline t1 = WhatIf.run(SampleEstate.assess(after), dev.migrate.pricing.PriceBook.bundled(), scenario, List.of()).get(0);
    boolean grew = false;
    for (int m = 0; m < t0.months().size(); m++) {
      BigDecimal x0 = t0.months().get(m).interCloudTrafficUsd();
      BigDecimal x1 = t1.months().get(m).interCloudTrafficUsd();
      assertTrue(x1.compareTo(x0) >= 0, "month " + m + ": " + x0 + " -> " + x1);
      grew |= x1.compareTo(x0) > 0;
    }
    assertTrue(grew, "the origin fetches of tableapp.jp cross the link in some month");
    assertEquals(0, t1.months().get(0).interCloudTrafficUsd().signum());
    assertEquals(0, t1.months().get(t1.months().size() - 1).interCloudTrafficUsd().signum());
  }

  /**
   * Where CloudWatch measured nothing at the edge (no usage for the distributions: e.g. the
   * CloudFront metrics in us-east-1 were not collected), the logs are the only measurement: the
   * merge creates the records from the logs (requests scaled from the hours the logs cover to
   * the 720-hour window), CloudFront and Cloud CDN get priced, the edge requests join the
   * requests per month, and the cost per million requests falls on both sides.
   */
  @Test
  void withoutCloudWatchAtTheEdgeTheLogsBringRequestsAndCdnCosts() throws Exception {
    Snapshot bare = before.withUsage(before.usage().stream().filter(u -> !u.kind().equals("cloudfront")).toList());
    Path file = dir.resolve("no-edge-metrics.json");
    SnapshotJson.write(bare, file);
    Path merged = dir.resolve("no-edge-metrics-merged.json");
    LogAnalysis.analyze(new LogAnalysis.AnalyzeRequest(List.of(SampleEstate.LOGS.toString()), 2, 10, null, file, merged,
        null, null), m -> {});
    Snapshot withLogs = Planning.readSnapshot(merged);
    LogReport report = new LogAnalyzer().analyze(LogAnalyzer.localSources(List.of(SampleEstate.LOGS)),
        new LogAnalyzer.Options(2, 10, 1000), m -> {});

    long edgeRequestsInWindow = 0;
    for (String id : List.of(STATIC, WEB)) {
      assertNull(bare.usage().stream().filter(u -> u.resourceId().equals(id)).findFirst().orElse(null));
      Usage u = usage(withLogs, id);
      assertEquals("access-logs", u.source());
      LogSummary s = report.resources().stream()
          .filter(r -> r.resourceKey().equals(id) || id.equals(matchDistribution(r))).findFirst().orElseThrow();
      assertEquals(Math.round(s.requests() * (720.0 / s.coveredHours())), u.requests(), id + " requests scaled to the window");
      assertTrue(u.cacheHitRatio() != null && u.bytesOutGib() > 0, id);
      edgeRequestsInWindow += u.requests();
    }

    Assessment a0 = SampleEstate.assess(bare);
    Assessment a1 = SampleEstate.assess(withLogs);
    assertFalse(a0.target().byService().containsKey(CDN), "no Cloud CDN lines without traffic");
    assertFalse(a0.current().byService().containsKey(CLOUDFRONT), "no CloudFront lines without traffic");
    assertTrue(a0.warnings().stream().anyMatch(w -> w.contains(STATIC) && w.contains("no traffic measured")), a0.warnings().toString());
    assertTrue(a1.target().byService().get(CDN).signum() > 0);
    assertTrue(a1.current().byService().containsKey(CLOUDFRONT));
    assertTrue(a1.warnings().stream().noneMatch(w -> w.contains("no traffic measured")), a1.warnings().toString());
    // requests per month = window requests x 730 / 720; the edge adds its requests to it
    long added = a1.requests().monthlyRequests() - a0.requests().monthlyRequests();
    assertEquals(edgeRequestsInWindow * 730.0 / 720.0, added, 1.0);
    assertTrue(a1.requests().requestsSource().contains("access-logs"), a1.requests().requestsSource());
    assertTrue(a1.requests().awsPerMillionUsd().compareTo(a0.requests().awsPerMillionUsd()) < 0);
    assertTrue(a1.requests().gcpPerMillionUsd().compareTo(a0.requests().gcpPerMillionUsd()) < 0);
  }

  private static String matchDistribution(LogSummary s) {
    return before.distributions().stream()
        .filter(d -> d.id().equals(s.resourceKey()) || s.resourceKey().equalsIgnoreCase(String.valueOf(d.domainName()))
            || (s.domainName() != null && s.domainName().equalsIgnoreCase(String.valueOf(d.domainName())))
            || d.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(s.resourceKey())))
        .map(d -> d.id()).findFirst().orElse(null);
  }

  private static Assessment assess(Snapshot s, CostOptions o) {
    return Costing.assess(s, Planning.plan(s, Planning.PlanRequest.defaults()), Costing.priceBook(null), o,
        SampleEstate.CLOCK);
  }

  private static Usage usage(Snapshot s, String id) {
    return s.usage().stream().filter(u -> u.resourceId().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
  }

  private static BigDecimal sum(List<CostLine> lines, Predicate<CostLine> p) {
    return lines.stream().filter(p).map(CostLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal quantity(Assessment a, String id, String componentPrefix) {
    return sum(a.target().lines(), l -> l.itemId().equals(id) && l.component().startsWith(componentPrefix));
  }

  private static BigDecimal usd(Assessment a, String service, String componentPrefix) {
    return a.target().lines().stream().filter(l -> l.service().equals(service) && l.component().startsWith(componentPrefix))
        .map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Map<String, BigDecimal> egressByDestination(Assessment a, String id) {
    Map<String, BigDecimal> out = new TreeMap<>();
    a.target().lines().stream().filter(l -> l.itemId().equals(id) && l.component().startsWith("cache egress"))
        .forEach(l -> out.merge(l.component(), l.quantity(), BigDecimal::add));
    return out;
  }

  /** CloudFront data-transfer GB per price column (free and paid lines together). */
  private static Map<String, BigDecimal> cloudFrontTransferByColumn(Assessment a, String id) {
    Map<String, BigDecimal> out = new TreeMap<>();
    a.current().lines().stream()
        .filter(l -> l.itemId().equals(id) && l.service().equals(CLOUDFRONT) && l.component().startsWith("data transfer out ("))
        .forEach(l -> out.merge(l.component().substring("data transfer out (".length(), l.component().indexOf(')')),
            l.quantity(), BigDecimal::add));
    return out;
  }
}

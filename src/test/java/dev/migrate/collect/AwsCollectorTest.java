package dev.migrate.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole stub account, collected through the real SDK clients. */
class AwsCollectorTest {
  static Fixtures fx;
  static CollectResult result;
  static Snapshot s;

  @BeforeAll
  static void collect() {
    fx = new Fixtures();
    result = fx.collect();
    s = result.snapshot();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void scansEveryEnabledRegionAndNamesTheAccount() {
    assertEquals("123456789012", s.account().id());
    assertEquals(List.of("eu-west-1", "us-east-1"), s.regions());
    assertEquals(List.of(), s.gaps(), () -> "gaps: " + s.gaps());
    assertEquals(Fixtures.NOW.minusSeconds(12 * 3600 + 14 * 86400), s.window().start());
  }

  @Test
  void followsDescribeInstancesAcrossThreePagesAndTwoRegions() {
    assertEquals(List.of("i-0a1", "i-0a2", "i-0a3", "i-0a4", "i-0b1"),
        s.instances().stream().map(i -> i.id()).toList());
    var web = s.instance("i-0a1").orElseThrow();
    assertEquals("m5.large", web.instanceType());
    assertEquals("web-asg", web.autoScalingGroup());
    assertTrue(web.detailedMonitoring());
    assertEquals(List.of("vol-0a1"), web.volumeIds());
    assertEquals("web-1", web.name());
    assertEquals("54.210.1.10", web.publicIp(), "DescribeInstances ipAddress");
    var worker = s.instance("i-0a3").orElseThrow();
    assertNull(worker.publicIp(), "no ipAddress element: no public IPv4 address");
    assertEquals("arm64", worker.architecture());
    assertEquals("spot", worker.lifecycle());
    assertEquals("windows", s.instance("i-0a4").orElseThrow().platform());
    assertEquals("eu-west-1", s.instance("i-0b1").orElseThrow().region());
    assertEquals(3, result.calls().calls().get("ec2:DescribeInstances") - 1,
        "3 pages in us-east-1 and 1 in eu-west-1");
  }

  @Test
  void readsVolumesVpcsAndAutoScalingGroups() {
    assertEquals(2, s.volumes().size());
    var gp3 = s.volume("vol-0a1").orElseThrow();
    assertEquals(100, gp3.sizeGib());
    assertEquals(125, gp3.throughputMibps());
    assertEquals("i-0a1", gp3.attachedTo());
    assertNull(s.volume("vol-0a2").orElseThrow().attachedTo());
    assertEquals(List.of("10.0.0.0/16", "10.1.0.0/16"), s.vpcs().get(0).cidrBlocks());
    assertEquals("123456789012", s.vpcs().get(0).ownerId(), "the owner tells a shared VPC from the account's own");
    var asg = s.autoScalingGroup("web-asg").orElseThrow();
    assertEquals(List.of("i-0a1"), asg.instanceIds());
    assertTrue(asg.behindLoadBalancer());
  }

  @Test
  void readsClassicAndV2LoadBalancersWithTheirIds() {
    assertEquals(4, s.loadBalancers().size(), "two pages of v2 load balancers in us-east-1");
    LoadBalancer alb = lb("web-alb");
    assertTrue(alb.id().startsWith("arn:aws:elasticloadbalancing:us-east-1:"), "v2 id is the ARN");
    assertEquals(List.of(80, 443), alb.listeners().stream().map(LoadBalancer.Listener::port).toList());
    assertEquals(1, alb.listeners().get(1).certificateIds().size());
    assertEquals(List.of("i-0a1"), alb.backendInstanceIds());
    assertEquals("healthy", alb.targetGroups().get(0).targets().get(0).health());
    assertEquals(new LoadBalancer.AccessLogs(true, "logs-bucket", "alb"), alb.accessLogs());
    assertEquals("prod", alb.tags().get("env"));
    LoadBalancer classic = lb("legacy-elb");
    assertEquals("legacy-elb", classic.id(), "classic id is the name");
    assertEquals(8080, classic.listeners().get(0).instancePort());
    assertEquals(List.of("i-0a2"), classic.registeredInstances());
    assertEquals(new LoadBalancer.AccessLogs(true, "logs-bucket", "elb"), classic.accessLogs());
    LoadBalancer nlb = lb("cache-nlb");
    assertEquals(LoadBalancerType.NETWORK, nlb.type());
    LoadBalancer api = lb("api-alb");
    assertTrue(api.listeners().isEmpty());
    assertTrue(api.targetGroups().isEmpty());
    assertEquals("internal", nlb.scheme());
    assertFalse(nlb.accessLogs().enabled());
  }

  @Test
  void readsCloudFrontAcrossPagesWithBehavioursFunctionsAndLogging() {
    assertEquals(List.of("E1AAAAAAAAAAAA", "E2BBBBBBBBBBBB"), s.distributions().stream().map(Distribution::id).toList());
    Distribution d = s.distributions().get(0);
    assertEquals(List.of("example.com", "www.example.com"), d.aliases());
    assertEquals("PriceClass_100", d.priceClass());
    assertEquals(List.of("alb", "s3-assets"), d.origins().stream().map(Distribution.Origin::id).toList());
    assertEquals("elb", d.origins().get(0).kind());
    assertEquals("s3", d.origins().get(1).kind());
    assertEquals("lambda-edge", d.defaultBehavior().functions().get(0).kind());
    assertEquals("cloudfront-function", d.cacheBehaviors().get(0).functions().get(0).kind());
    assertEquals(new Distribution.Logging(true, "logs-bucket.s3.amazonaws.com", "cf/"), d.logging());
    assertEquals("prod", d.tags().get("env"));
    Distribution e = s.distributions().get(1);
    assertEquals("blacklist", e.geoRestriction());
    assertEquals(List.of("IR", "KP"), e.geoLocations());
    assertFalse(e.logging().enabled());
  }

  @Test
  void readsTheWebAclOfADistributionOnceWithItsRulesAndManagedGroups() {
    String arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/example-site/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
    assertEquals(arn, s.distributions().get(0).webAclId());
    assertNull(s.distributions().get(1).webAclId());
    var acl = s.webAcl(arn).orElseThrow();
    assertEquals(List.of(acl), s.webAcls());
    assertEquals("example-site", acl.name());
    assertEquals("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", acl.id());
    assertEquals("CLOUDFRONT", acl.scope());
    assertEquals(3, acl.ruleCount(), "two managed rule groups and a rate-based rule, each billed as one rule");
    assertEquals(List.of(new dev.migrate.inventory.WebAcl.ManagedRuleGroup("AWS", "AWSManagedRulesBotControlRuleSet"),
        new dev.migrate.inventory.WebAcl.ManagedRuleGroup("AWS", "AWSManagedRulesCommonRuleSet")), acl.managedRuleGroups());
    assertEquals(1, result.calls().calls().get("wafv2:GetWebACL"));
    // AWS JSON 1.1 on the wire, signed for wafv2 in us-east-1, CLOUDFRONT scope.
    var sent = fx.server.getAllServeEvents().stream()
        .filter(e -> "AWSWAF_20190729.GetWebACL".equals(e.getRequest().getHeader("X-Amz-Target"))).toList();
    assertEquals(1, sent.size());
    assertTrue(sent.get(0).getRequest().getBodyAsString().contains("\"Scope\":\"CLOUDFRONT\""));
  }

  @Test
  void aClassicWebAclIdIsAGapWithoutACall() {
    Distribution e = s.distributions().get(1);
    Distribution classic = new Distribution(e.id(), e.domainName(), e.aliases(), e.enabled(), e.priceClass(), e.httpVersion(),
        e.origins(), e.defaultBehavior(), e.cacheBehaviors(), e.logging(), "6b5f3c2a-1d4e-4f00-9a8b-classic00001",
        e.geoRestriction(), e.geoLocations(), e.fieldLevelEncryption(), e.tags());
    Sink sink = new Sink(Progress.NONE);
    // The client is never touched for a classic id: null would fail if it were.
    assertEquals(0, WafCollector.collect(null, List.of(classic), sink));
    var gap = sink.gaps.peek();
    assertEquals("ClassicWebAcl", gap.errorCode());
    assertEquals("rule count of web ACL 6b5f3c2a-1d4e-4f00-9a8b-classic00001", gap.missing());
    assertTrue(gap.message().contains(e.id()), gap.message());
    assertTrue(sink.webAcls.isEmpty());
  }

  @Test
  void sizesBucketsFromCloudWatchWithoutListingObjects() {
    var assets = s.buckets().get(0);
    assertEquals("assets-bucket", assets.name());
    assertEquals("us-east-1", assets.region());
    assertEquals(List.of("STANDARD", "STANDARD_IA"),
        assets.storage().stream().map(c -> c.storageClass()).toList());
    assertEquals(512L << 30, assets.storage().get(0).bytes(), "the last day's value");
    assertEquals(101L << 30, assets.storage().get(1).bytes(), "IA storage plus its size overhead");
    assertEquals(125000L, assets.totalObjects());
    var logs = s.buckets().get(1);
    assertEquals("eu-west-1", logs.region(), "from GetBucketLocation when ListBuckets has no region");
    assertEquals(10000L, logs.totalObjects());
    assertFalse(result.calls().calls().keySet().stream().anyMatch(a -> a.startsWith("s3:ListBucket") && !a.equals("s3:ListAllMyBuckets")));
  }

  @Test
  void reducesMetricsToUsageSummaries() {
    Usage web = s.usageOf("i-0a1").orElseThrow();
    assertEquals(25.0, web.cpuAvgPct());
    assertEquals(80.0, web.cpuMaxPct());
    assertEquals(61.25, web.cpuP95Pct());
    assertEquals(42.5, web.memAvgPct());
    assertEquals(70.0, web.memP95Pct());
    assertEquals(2.0, web.networkInGib());
    assertEquals(6.0, web.networkOutGib());
    assertEquals(2, web.daily().size());
    assertNull(s.usageOf("i-0a3").orElseThrow().memAvgPct(), "no CWAgent metric, no memory figure");
    Usage alb = s.usageOf(lb("web-alb").id()).orElseThrow();
    assertEquals(4_000_000L, alb.requests());
    assertEquals(40.0, alb.bytesOutGib());
    assertEquals(48.0, alb.lcuHours(), "(0.5 + 1.5) LCU x 24 h");
    assertEquals(4000L, s.usageOf("legacy-elb").orElseThrow().requests());
    Usage cf = s.usageOf("E1AAAAAAAAAAAA").orElseThrow();
    assertEquals(10_000_000L, cf.requests());
    assertEquals(250.0, cf.bytesOutGib());
    assertTrue(cf.requestsByGeography().isEmpty());
    Usage cache = s.usageOf("i-0b1").orElseThrow();
    assertEquals(55.0, cache.cpuAvgPct(), "the two days came on two GetMetricData pages");
    assertEquals(2, cache.daily().size());
    assertEquals(3, result.calls().calls().get("cloudwatch:GetMetricData"), "one call in us-east-1, two pages in eu-west-1");
  }

  @Test
  void readsTwelveMonthsOfCostAcrossPagesAndCommitments() {
    var months = s.billing().months();
    assertEquals(13, months.size());
    assertEquals(YearMonth.of(2025, 11), months.get(0).month());
    assertTrue(months.get(12).estimated());
    assertEquals(new BigDecimal("1420.7500000001"), months.get(0).totalUsd());
    // Sorted by kind: the reserved cache node and DB instance (DatastoreCollectTest) come first.
    var ec2 = s.commitments().stream().filter(c -> c.kind().equals("reserved-instance") || c.kind().equals("savings-plan")).toList();
    assertEquals(2, ec2.size());
    var ri = ec2.get(0);
    assertEquals("reserved-instance", ri.kind());
    assertEquals(new BigDecimal("0.062"), ri.hourlyUsd());
    assertEquals(2, ri.count());
    var sp = ec2.get(1);
    assertEquals("savings-plan", sp.kind());
    assertEquals(new BigDecimal("1.5"), sp.hourlyUsd());
  }

  @Test
  void readsTheAccountAlias() {
    assertEquals("example-prod", s.account().alias());
    assertEquals(1, result.calls().calls().get("iam:ListAccountAliases"));
  }

  @Test
  void readsReservedInstanceCoverageAcrossPagesByInstanceTypeAndRegion() {
    var c = s.coverage();
    assertEquals(YearMonth.of(2026, 10), c.fromMonth(), "a 14-day window holds no whole month: the last one");
    assertEquals(YearMonth.of(2026, 10), c.toMonth());
    var ri = c.reservedInstances();
    assertEquals(new BigDecimal("1488"), ri.reservedHours());
    assertEquals(new BigDecimal("1488"), ri.onDemandHours());
    assertEquals(new BigDecimal("2976"), ri.totalRunningHours());
    assertEquals(new BigDecimal("50.0000"), ri.coveragePct());
    assertEquals(new BigDecimal("102.3744"), ri.onDemandCostUsd());
    assertEquals(List.of("m5.large/us-east-1", "t3.medium/eu-west-1"),
        ri.groups().stream().map(g -> g.instanceType() + "/" + g.region()).toList());
    assertEquals(new BigDecimal("66.6667"), ri.groups().get(0).coveragePct());
    assertEquals(new BigDecimal("0.0000"), ri.groups().get(1).coveragePct());
    assertEquals(2, result.calls().calls().get("ce:GetReservationCoverage"), "two pages");
    // The period sent is the whole month, end exclusive; grouped requests carry no granularity.
    var bodies = fx.server.getAllServeEvents().stream()
        .filter(e -> "AWSInsightsIndexService.GetReservationCoverage".equals(e.getRequest().getHeader("X-Amz-Target")))
        .map(e -> e.getRequest().getBodyAsString()).toList();
    assertTrue(bodies.stream().allMatch(b -> b.contains("\"Start\":\"2026-10-01\"") && b.contains("\"End\":\"2026-11-01\"")
        && b.contains("INSTANCE_TYPE") && b.contains("REGION") && b.contains("\"Hour\"") && !b.contains("Granularity")), bodies.toString());
  }

  @Test
  void readsSavingsPlanCoverageAndUtilisation() {
    var sp = s.coverage().savingsPlans();
    assertEquals(new BigDecimal("1334.6"), sp.coveredUsd());
    assertEquals(new BigDecimal("420"), sp.onDemandCostUsd());
    assertEquals(new BigDecimal("1754.6"), sp.totalCostUsd());
    assertEquals(new BigDecimal("76.0629"), sp.coveragePct());
    assertEquals(new BigDecimal("1116"), sp.commitmentUsd());
    assertEquals(new BigDecimal("1004.4"), sp.usedCommitmentUsd());
    assertEquals(new BigDecimal("111.6"), sp.unusedCommitmentUsd());
    assertEquals(new BigDecimal("90.0000"), sp.utilizationPct());
    assertEquals(new BigDecimal("218.6"), sp.netSavingsUsd());
  }

  @Test
  void coverageMonthsFollowTheWindowWithinCostExplorersTwelveMonths() {
    var today = java.time.LocalDate.of(2026, 11, 25);
    var end = java.time.Instant.parse("2026-11-25T00:00:00Z");
    var long90 = CoverageCollector.months(dev.migrate.inventory.Window.ofDays(end, 90), today);
    assertEquals(List.of(YearMonth.of(2026, 8), YearMonth.of(2026, 10)), List.of(long90));
    var max = CoverageCollector.months(dev.migrate.inventory.Window.ofDays(end, 455), today);
    assertEquals(List.of(YearMonth.of(2025, 11), YearMonth.of(2026, 10)), List.of(max));
  }

  @Test
  void snapshotRoundTripsThroughTheStrictReader() {
    String json = SnapshotJson.toJson(s);
    Snapshot back = SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "mem");
    assertEquals(json, SnapshotJson.toJson(back));
  }

  @Test
  void snapshotMatchesThePublishedSchema() throws Exception {
    try (var in = AwsCollectorTest.class.getResourceAsStream("/schema/snapshot-v1.schema.json")) {
      var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
          .getSchema(in);
      var errors = schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(SnapshotJson.toJson(s)));
      assertEquals(java.util.Set.of(), errors);
    }
  }

  @Test
  void callsOnlyDeclaredReadOnlyActions() {
    for (String action : result.calls().calls().keySet()) {
      assertTrue(IamActions.declared().contains(action), action);
      assertTrue(IamActions.isReadOnly(action), action);
    }
  }

  private static LoadBalancer lb(String name) {
    return s.loadBalancers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }
}

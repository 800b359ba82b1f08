package dev.migrate.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.Snapshot;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults never lose the run: each becomes a gap and a warning, and the rest is collected. */
class FaultTest {
  Fixtures fx;
  Fixtures.Recorder progress = new Fixtures.Recorder();

  @BeforeEach
  void start() {
    fx = new Fixtures();
  }

  @AfterEach
  void stop() {
    // Whatever the fault, nothing but declared read-only actions went over the wire.
    IamPolicyTest.assertWireIsReadOnly(Journal.actions(fx.server));
    fx.close();
  }

  private static MappingBuilder query(String scopeService, String region, String action) {
    return post(urlPathEqualTo("/"))
        .withHeader("Authorization", matching(".*/" + region + "/" + scopeService + "/aws4_request.*"))
        .withRequestBody(containing("Action=" + action + "&"))
        .atPriority(1);
  }

  private CollectResult collect(CollectOptions options) {
    return fx.collector(options).collect(progress);
  }

  private static Gap onlyGap(Snapshot s) {
    assertEquals(1, s.gaps().size(), () -> "gaps: " + s.gaps());
    return s.gaps().get(0);
  }

  @Test
  void throttledCallSucceedsOnRetryWithoutAGap() {
    String scenario = "throttle-volumes";
    fx.server.stubFor(query("ec2", "us-east-1", "DescribeVolumes").inScenario(scenario)
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("throttled-once")
        .willReturn(aResponse().withStatus(503).withBodyFile("faults/ec2-request-limit-exceeded.xml")));
    fx.server.stubFor(query("ec2", "us-east-1", "DescribeVolumes").inScenario(scenario)
        .whenScenarioStateIs("throttled-once")
        .willReturn(aResponse().withStatus(200).withBodyFile("ec2/us-east-1/describe-volumes.xml")));
    CollectResult r = collect(fx.options());
    assertEquals(List.of(), r.snapshot().gaps());
    assertEquals(2, r.snapshot().volumes().size());
    // One logical call in us-east-1 and one in eu-west-1, plus the retried attempt.
    assertEquals(2, r.calls().calls().get("ec2:DescribeVolumes"));
    assertEquals(3, r.calls().attempts().get("ec2:DescribeVolumes"));
  }

  @Test
  void throttlingThatOutlastsTheRetriesBecomesAGap() {
    fx.server.stubFor(query("autoscaling", "us-east-1", "DescribeAutoScalingGroups")
        .willReturn(aResponse().withStatus(400).withBodyFile("faults/autoscaling-throttling.xml")));
    CollectResult r = collect(fx.options());
    Gap g = onlyGap(r.snapshot());
    assertEquals(new Gap("autoscaling", "us-east-1", "Throttling", "auto scaling groups", "Rate exceeded"), g);
    assertEquals(3, r.calls().attempts().get("autoscaling:DescribeAutoScalingGroups") - 1,
        "3 attempts in us-east-1, 1 in eu-west-1");
    assertEquals(5, r.snapshot().instances().size(), "the rest is collected");
    assertEquals(List.of(g), progress.gaps, "and the gap was reported as it happened");
  }

  @Test
  void accessDeniedOnOneServiceBecomesAGapAndTheRestIsCollected() {
    fx.server.stubFor(get(urlPathEqualTo("/2020-05-31/distribution")).atPriority(1)
        .willReturn(aResponse().withStatus(403).withBodyFile("faults/cloudfront-access-denied.xml")));
    Snapshot s = collect(fx.options()).snapshot();
    Gap g = onlyGap(s);
    assertEquals("cloudfront", g.service());
    assertEquals("global", g.region());
    assertEquals("AccessDenied", g.errorCode());
    assertEquals("CloudFront distributions", g.missing());
    assertTrue(g.message().contains("cloudfront:ListDistributions"));
    assertTrue(s.distributions().isEmpty());
    assertEquals(4, s.loadBalancers().size());
    assertEquals(13, s.billing().months().size());
  }

  @Test
  void deniedWebAclIsAGapAndTheDistributionsAreStillCollected() {
    fx.server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSWAF_20190729.GetWebACL")).atPriority(1)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBodyFile("faults/wafv2-access-denied.json")));
    CollectResult r = collect(fx.options());
    Gap g = onlyGap(r.snapshot());
    assertEquals("wafv2", g.service());
    assertEquals("global", g.region());
    assertEquals("AccessDeniedException", g.errorCode());
    assertEquals("AWS WAF web ACL rules (the cost model assumes waf-rules-per-acl)", g.missing());
    assertTrue(g.message().contains("wafv2:GetWebACL"), g.message());
    assertEquals(List.of(), r.snapshot().webAcls());
    assertEquals(2, r.snapshot().distributions().size());
    assertTrue(r.snapshot().distributions().get(0).webAclId().startsWith("arn:aws:wafv2:"));
    assertEquals(1, r.calls().attempts().get("wafv2:GetWebACL"), "access denied is not retried");
    assertEquals(4, r.snapshot().loadBalancers().size());
  }

  @Test
  void aWebAclThatNoLongerExistsIsAGapNamingIt() {
    fx.server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSWAF_20190729.GetWebACL")).atPriority(1)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"WAFNonexistentItemException\",\"Message\":\"AWS WAF couldn't perform the operation "
                + "because your resource doesn't exist.\"}")));
    CollectResult r = collect(fx.options());
    Gap g = onlyGap(r.snapshot());
    assertEquals("wafv2", g.service());
    assertEquals("WAFNonexistentItemException", g.errorCode());
    String acl = r.snapshot().distributions().get(0).webAclId();
    assertEquals("rules of web ACL " + acl + " (the cost model assumes waf-rules-per-acl for it)", g.missing());
    assertEquals(List.of(), r.snapshot().webAcls());
  }

  @Test
  void aRequestedRegionThatIsNotEnabledIsAGapAndIsNeverCalled() {
    Snapshot s = collect(fx.options().withRegions(List.of("us-east-1", "ap-east-1"))).snapshot();
    Gap g = onlyGap(s);
    assertEquals(new Gap("ec2", "ap-east-1", "OptInRequired", "every resource in the region",
        "region ap-east-1 is not enabled for the account (opt-in region)"), g);
    assertEquals(List.of("us-east-1"), s.regions());
    assertEquals(4, s.instances().size());
    assertFalse(fx.server.getAllServeEvents().stream().anyMatch(e -> Journal.region(e.getRequest()).equals("ap-east-1")));
  }

  @Test
  void aRegionThatRejectsTheCredentialsIsOneRegionGap() {
    fx.server.stubFor(query("ec2", "eu-west-1", "DescribeInstances")
        .willReturn(aResponse().withStatus(401).withBodyFile("faults/ec2-auth-failure.xml")));
    Snapshot s = collect(fx.options()).snapshot();
    Gap g = onlyGap(s);
    assertEquals("ec2", g.service());
    assertEquals("eu-west-1", g.region());
    assertEquals("AuthFailure", g.errorCode());
    assertTrue(g.missing().startsWith("every resource in the region"));
    assertEquals(4, s.instances().size(), "us-east-1 is complete");
    assertTrue(s.instances().stream().noneMatch(i -> i.region().equals("eu-west-1")));
    assertTrue(s.loadBalancers().stream().noneMatch(l -> l.region().equals("eu-west-1")),
        "the region's other services are not called");
    assertEquals(List.of("ec2:DescribeInstances"), fx.server.getAllServeEvents().stream()
        .filter(e -> Journal.region(e.getRequest()).equals("eu-west-1"))
        .map(e -> Journal.action(e.getRequest())).distinct().toList());
  }

  @Test
  void aDeniedInstanceListStillCollectsTheRegionsOtherResources() {
    fx.server.stubFor(query("ec2", "us-east-1", "DescribeInstances")
        .willReturn(aResponse().withStatus(403).withBody("<Response><Errors><Error><Code>UnauthorizedOperation</Code>"
            + "<Message>You are not authorized to perform this operation.</Message></Error></Errors></Response>")));
    Snapshot s = collect(fx.options()).snapshot();
    Gap g = onlyGap(s);
    assertEquals(new Gap("ec2", "us-east-1", "UnauthorizedOperation", "EC2 instances",
        "You are not authorized to perform this operation."), g);
    assertEquals(List.of("i-0b1"), s.instances().stream().map(i -> i.id()).toList());
    assertEquals(2, s.volumes().size(), "volumes of us-east-1 are still read");
    assertEquals(4, s.loadBalancers().size());
  }

  @Test
  void anUnavailableServiceBecomesAGapAfterItsRetries() {
    fx.server.stubFor(post(urlPathEqualTo("/")).atPriority(1)
        .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage"))
        .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBodyFile("faults/ce-service-unavailable.json")));
    CollectResult r = collect(fx.options());
    Gap g = onlyGap(r.snapshot());
    assertEquals("ce", g.service());
    assertEquals("ServiceUnavailable", g.errorCode());
    assertTrue(r.snapshot().billing().months().isEmpty());
    assertEquals(3, r.calls().attempts().get("ce:GetCostAndUsage"));
  }

  private static MappingBuilder costExplorer(String target) {
    return post(urlPathEqualTo("/")).atPriority(1)
        .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService." + target));
  }

  @Test
  void deniedReservationCoverageIsAGapAndSavingsPlanCoverageIsStillRead() {
    fx.server.stubFor(costExplorer("GetReservationCoverage")
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBodyFile("faults/ce-access-denied.json")));
    CollectResult r = collect(fx.options());
    Gap g = onlyGap(r.snapshot());
    assertEquals("ce", g.service());
    assertEquals("global", g.region());
    assertEquals("AccessDeniedException", g.errorCode());
    assertEquals("reserved instance coverage (Cost Explorer)", g.missing());
    assertTrue(g.message().contains("ce:GetReservationCoverage"), g.message());
    var c = r.snapshot().coverage();
    assertEquals(null, c.reservedInstances());
    assertEquals(new java.math.BigDecimal("1334.6"), c.savingsPlans().coveredUsd());
    assertEquals(1, r.calls().attempts().get("ce:GetReservationCoverage"), "access denied is not retried");
    assertEquals(13, r.snapshot().billing().months().size(), "the bill is still read");
  }

  @Test
  void reservationCoverageFallsBackToInstanceTypeAloneWhenTwoDimensionsAreRefused() {
    // Not documented either way: should Cost Explorer refuse grouping by two dimensions, the
    // coverage is still read per instance type, over every region.
    fx.server.stubFor(costExplorer("GetReservationCoverage").withRequestBody(containing("\"Key\":\"REGION\""))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBodyFile("faults/ce-validation-group-by.json")));
    fx.server.stubFor(costExplorer("GetReservationCoverage").atPriority(2)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBodyFile("ce/get-reservation-coverage-by-instance-type.json")));
    CollectResult r = collect(fx.options());
    assertEquals(List.of(), r.snapshot().gaps());
    var ri = r.snapshot().coverage().reservedInstances();
    assertEquals(List.of("m5.large/*", "t3.medium/*"),
        ri.groups().stream().map(g -> g.instanceType() + "/" + g.region()).toList());
    assertEquals(new java.math.BigDecimal("50.0000"), ri.coveragePct());
    assertEquals(2, r.calls().calls().get("ce:GetReservationCoverage"));
  }

  @Test
  void deniedCoverageEverywhereLeavesNoCoverageAndTwoGaps() {
    for (String target : List.of("GetReservationCoverage", "GetSavingsPlansCoverage")) {
      fx.server.stubFor(costExplorer(target)
          .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
              .withBodyFile("faults/ce-access-denied.json")));
    }
    CollectResult r = collect(fx.options());
    assertEquals(null, r.snapshot().coverage());
    assertEquals(List.of("reserved instance coverage (Cost Explorer)", "savings plan coverage (Cost Explorer)"),
        r.snapshot().gaps().stream().map(Gap::missing).toList());
    assertEquals(null, r.calls().calls().get("ce:GetSavingsPlansUtilization"), "utilisation is not asked without coverage");
  }

  @Test
  void noSavingsPlanUtilisationDataIsNotAGap() {
    fx.server.stubFor(costExplorer("GetSavingsPlansUtilization")
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBodyFile("faults/ce-data-unavailable.json")));
    CollectResult r = collect(fx.options());
    assertEquals(List.of(), r.snapshot().gaps());
    var sp = r.snapshot().coverage().savingsPlans();
    assertEquals(null, sp.utilizationPct());
    assertEquals(null, sp.commitmentUsd());
    assertEquals(new java.math.BigDecimal("76.0629"), sp.coveragePct());
  }

  @Test
  void aDeniedAccountAliasIsAGapAndTheAliasIsNull() {
    // IAM is global: signed for us-east-1 against AWS, for the client's aws-global region against an endpoint override.
    fx.server.stubFor(query("iam", "[a-z0-9-]+", "ListAccountAliases")
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
            .withBodyFile("faults/iam-access-denied.xml")));
    Snapshot s = collect(fx.options()).snapshot();
    Gap g = onlyGap(s);
    assertEquals(new Gap("iam", "global", "AccessDenied", "account alias", g.message()), g);
    assertTrue(g.message().contains("iam:ListAccountAliases"), g.message());
    assertEquals(null, s.account().alias());
    assertEquals("123456789012", s.account().id());
  }

  @Test
  void aMalformedResponseBodyBecomesAGap() {
    fx.server.stubFor(query("elasticloadbalancing", "us-east-1", "DescribeLoadBalancers")
        .withRequestBody(containing("Version=2015-12-01"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBodyFile("faults/elbv2-truncated.xml")));
    CollectResult r = collect(fx.options());
    Snapshot s = r.snapshot();
    Gap g = onlyGap(s);
    assertEquals(java.util.Map.of("malformed", 2L), r.calls().retries(), "a truncated 200 is retried like a 5xx");
    assertEquals("elbv2", g.service());
    assertEquals("us-east-1", g.region());
    assertEquals("MalformedResponse", g.errorCode());
    assertEquals(2, s.loadBalancers().size(), "classic ELB and the eu-west-1 NLB are still there");
  }

  @Test
  void aMetricQueryThatAlwaysFailsIsSplitOutAndOnlyItsSeriesIsAGap() {
    // An emulator that cannot compute percentiles: every GetMetricData batch with a p95 query fails.
    fx.server.stubFor(query("monitoring", "us-east-1", "GetMetricData").withRequestBody(containing("Stat=p95"))
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml")
            .withBody("<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>cannot compute"
                + " p95</Message></Error><RequestId>x</RequestId></ErrorResponse>")));
    CollectResult r = collect(fx.options());
    Snapshot s = r.snapshot();
    List<String> missing = s.gaps().stream().map(Gap::missing).sorted().toList();
    assertFalse(missing.isEmpty());
    // The region's RDS and ElastiCache p95 queries share the instances' batches and are split out the same way.
    assertTrue(missing.stream().allMatch(m -> m.matches("usage metric (cpup95|memp95) of i-[0-9a-z]+ \\(\\S+ \\S+ p95\\)")
        || m.matches("usage metric (cpup95|riopsp95|wiopsp95) of (rds|elasticache) [a-z0-9-]+( node [a-z0-9-]+)? \\(\\S+ \\S+ p95\\)")),
        missing::toString);
    assertTrue(missing.contains("usage metric cpup95 of elasticache sessions node sessions-0002-002 (AWS/ElastiCache"
        + " EngineCPUUtilization p95)"), missing::toString);
    assertTrue(missing.contains("usage metric cpup95 of elasticache pages-memcached (AWS/ElastiCache CPUUtilization p95)"),
        missing::toString);
    assertTrue(s.gaps().stream().allMatch(g -> g.region().equals("us-east-1") && g.errorCode().equals("InternalFailure")));
    var web = s.usageOf("i-0a1").orElseThrow();
    assertEquals(null, web.cpuP95Pct(), "the failing series is a gap");
    assertTrue(web.cpuAvgPct() != null && web.cpuMaxPct() != null, "the rest of the instance's metrics are read");
    assertEquals(4_000_000L, s.usageOf(s.loadBalancers().stream().filter(l -> l.name().equals("web-alb")).findFirst()
        .orElseThrow().id()).orElseThrow().requests(), "other resources of the region keep their metrics");
    assertEquals(missing.size(), s.collection().gapsAfterRetries());
    assertTrue(s.collection().inventoryComplete(), "metrics are not inventory");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stub(
      com.github.tomakehurst.wiremock.http.Response r) {
    var b = aResponse().withStatus(r.getStatus()).withBody(r.getBodyAsString());
    r.getHeaders().all().forEach(h -> b.withHeader(h.key(), h.firstValue()));
    return b;
  }

  /**
   * The first request that {@code m} matches is throttled, the second gets a 503, the third is
   * throttled with {@code Retry-After: 0}; the fourth falls through to the account's answer.
   */
  private void scripted(String name, String service, java.util.function.Supplier<MappingBuilder> m) {
    var steps = List.of(FaultInjector.throttle(service, false), FaultInjector.serverError(service, 503),
        FaultInjector.throttle(service, true));
    String state = Scenario.STARTED;
    for (int i = 0; i < steps.size(); i++) {
      String next = name + "-" + (i + 1);
      fx.server.stubFor(m.get().inScenario(name).whenScenarioStateIs(state).willSetStateTo(next).willReturn(stub(steps.get(i))));
      state = next;
    }
  }

  @Test
  void scriptedThrottlingAndUnavailableSequencesOnEveryProtocolLoseNothing() {
    CollectResult clean = collect(fx.options());
    fx.server.resetScenarios();
    scripted("ec2", "ec2", () -> query("ec2", "us-east-1", "DescribeInstances"));
    scripted("elb", "elasticloadbalancing", () -> query("elasticloadbalancing", "eu-west-1", "DescribeLoadBalancers")
        .withRequestBody(containing("Version=2012-06-01")));
    scripted("cloudfront", "cloudfront", () -> get(urlPathEqualTo("/2020-05-31/distribution")).atPriority(1));
    scripted("cloudwatch", "monitoring", () -> query("monitoring", "us-east-1", "GetMetricData"));
    scripted("ce", "ce", () -> costExplorer("GetCostAndUsage"));
    CollectResult r = collect(fx.options().withRetries(4, 4, java.time.Duration.ofMillis(1)));
    assertEquals(List.of(), r.snapshot().gaps());
    assertEquals(dev.migrate.inventory.SnapshotJson.toJson(clean.snapshot().withCollection(null)),
        dev.migrate.inventory.SnapshotJson.toJson(r.snapshot().withCollection(null)));
    assertEquals(java.util.Map.of("throttling", 10L, "server", 5L), r.calls().retries());
    assertEquals(5, r.calls().totalRetried());
    assertEquals(clean.calls().totalAttempts() + 15, r.calls().totalAttempts());
    for (String action : List.of("ec2:DescribeInstances", "elasticloadbalancing:DescribeLoadBalancers",
        "cloudfront:ListDistributions", "cloudwatch:GetMetricData", "ce:GetCostAndUsage")) {
      assertEquals(clean.calls().attempts().get(action) + 3, r.calls().attempts().get(action), action);
      assertEquals(clean.calls().calls().get(action), r.calls().calls().get(action), action);
    }
  }

  @Test
  void redactedTagsKeepTheirKeysOnly() {
    Snapshot s = collect(fx.options().withRedactTags(true)).snapshot();
    var web = s.instance("i-0a1").orElseThrow();
    assertEquals(java.util.Set.of("Name", "aws:autoscaling:groupName", "team"), web.tags().keySet());
    assertTrue(web.tags().values().stream().allMatch(CollectOptions.REDACTED::equals));
    assertEquals("web-asg", web.autoScalingGroup(), "membership is a fact, not a tag value");
    assertTrue(s.distributions().get(0).tags().values().stream().allMatch(CollectOptions.REDACTED::equals));
    String json = dev.migrate.inventory.SnapshotJson.toJson(s);
    assertFalse(json.contains("\"web-1\""));
  }

  @Test
  void theRateCapSpacesRequests() {
    long start = System.nanoTime();
    CollectResult r = collect(fx.options().withMaxRps(200));
    double seconds = (System.nanoTime() - start) / 1e9;
    long attempts = r.calls().totalAttempts();
    // n requests at 200/s need at least (n - 1) / 200 seconds.
    assertTrue(seconds >= (attempts - 1) / 200.0, attempts + " requests in " + seconds + " s");
  }
}

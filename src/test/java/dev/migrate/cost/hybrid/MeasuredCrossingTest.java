package dev.migrate.cost.hybrid;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.Assumption;
import dev.migrate.cost.Timeline;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Crossing traffic from measured flows: where flows cover both ends of a pair the timeline prices
 * the measured bytes per direction at each side's egress rate, the link check uses the pairs'
 * busiest hours, and each month and wave says whether its crossing bytes were measured or assumed.
 */
class MeasuredCrossingTest {
  private static final long GIB = 1L << 30;
  /** One week of flow logs: window bytes x 730 / 168 are bytes per month. */
  private static final double WEEK = 168;

  private static final String WEB_FIRST = """
      name: web-first
      timeline: {start: 2027-01, months: 2}
      migration: {startMonth: 1, lengthMonths: 1, doubleRunWeeks: 2}
      waves:
        - name: web
          month: 0
          select: {tiers: [web]}
      link: {type: ha-vpn, tunnels: 2, tunnelGbps: 0.1, ipsecEfficiency: 0.5}
      """;

  private static Timeline project(Assessment a, MeasuredTraffic measured, String yaml) throws ScenarioException {
    Scenario s = ScenarioReader.parse(yaml, "test.yaml", List.of());
    return TimelineEngine.project(HybridModel.of(a, HybridPrices.bundled(), measured), s);
  }

  private static String assumption(Timeline t, String prefix) {
    return t.assumptions().stream().filter(a -> a.name().startsWith(prefix)).map(a -> a.value() + " | " + a.source())
        .findFirst().orElseThrow(() -> new AssertionError("no assumption " + prefix + " in " + t.assumptions()));
  }

  /**
   * The web instance moves, the load balancer stays. Flows over one week: web -> LB 840 GiB (busiest hour
   * 50 GiB), LB -> web 84 GiB (busiest hour 10 GiB). Per month: 840 x 730/168 = 3,650 GiB from Google Cloud
   * to AWS at Premium egress 0.085 = 310.25 USD; 84 x 730/168 = 365 GiB from AWS to Google Cloud at AWS data
   * transfer out of ap-northeast-1 0.114 = 41.61 USD; 351.86 USD in all. The assumption (the LB's 720 GiB a
   * window, sent by the web tier: 730 GiB x 0.085 = 62.05 USD) gives way.
   */
  @Test
  void measuredBytesReplaceTheAssumptionPerDirectionAtEachSidesRate() throws Exception {
    Assessment a = Estates.webAndLb(List.of(), 720);
    var measured = new MeasuredTraffic("VPC Flow Logs, one week", WEEK, List.of(
        new MeasuredTraffic.ItemFlow("i-web", "lb-1", 840 * GIB, 50 * GIB),
        new MeasuredTraffic.ItemFlow("lb-1", "i-web", 84 * GIB, 10 * GIB),
        new MeasuredTraffic.ItemFlow("i-web", "i-web", 5 * GIB, GIB),          // inside one unit: never crosses
        new MeasuredTraffic.ItemFlow("i-web", "not-in-estate", 7 * GIB, GIB)), // an end outside the units
        Map.of());

    Timeline assumed = project(a, null, WEB_FIRST);
    Timeline m = project(a, measured, WEB_FIRST);

    assertUsd("62.05", assumed.months().get(1).interCloudTrafficUsd(), "assumed: 730 GiB x 0.085");
    assertEquals("assumed", assumed.months().get(1).crossingBasis());
    assertEquals("none", assumed.months().get(0).crossingBasis(), "month 0: nothing has moved");

    Timeline.Month m1 = m.months().get(1);
    assertUsd("351.86", m1.interCloudTrafficUsd(), "3,650 GiB x 0.085 + 365 GiB x 0.114");
    assertEquals(0, new BigDecimal("4015").compareTo(m1.crossingGib().setScale(6, java.math.RoundingMode.HALF_EVEN)),
        m1.crossingGib()::toPlainString);
    assertEquals(0, m1.crossingGib().compareTo(m1.measuredCrossingGib()));
    assertEquals("measured", m1.crossingBasis());
    // Only the traffic line moves: everything else in the month is as assumed.
    assertUsd(assumed.months().get(1).totalUsd().subtract(new BigDecimal("62.05")).add(new BigDecimal("351.86"))
        .setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString(), m1.totalUsd(), "month 1 total");

    // The wave exchanges 4,015 GiB a month with the rest, all measured.
    assertEquals(1, m.waves().size());
    Timeline.WaveTraffic w = m.waves().get(0);
    assertEquals("web", w.wave());
    assertEquals("measured", w.basis());
    assertEquals(0, w.assumedGib().signum());
    assertTrue(assumption(m, "wave web: traffic with the rest").startsWith("4015.0 (measured) | measured: VPC Flow Logs"),
        () -> assumption(m, "wave web"));

    // Link: the pairs' busiest hours, 50 + 10 GiB in an hour = 60 x 2^30 x 8 / 3600 / 1e9 = 0.143 Gbps, above the
    // 2 x 0.1 x 0.5 = 0.1 Gbps of this VPN; the assumption (4,015 GiB a month on average x 3) would be 0.039 Gbps.
    assertTrue(assumption(m, "traffic across the link at peak, Gbps").startsWith("0.14 | measured: the pairs' busiest"
        + " hours summed, 0.14 Gbps (an upper bound"), () -> assumption(m, "traffic across the link at peak"));
    assertTrue(m.warnings().stream().anyMatch(x -> x.startsWith("link too small: about 0.14 Gbps")), m.warnings()::toString);
    assertFalse(assumed.warnings().stream().anyMatch(x -> x.startsWith("link too small")), assumed.warnings()::toString);
  }

  /**
   * In the tableapp estate flows cover only the web group and its load balancer: that pair is measured, the
   * caches' client traffic, the cron host and the CDN's origin fetches stay assumed, and the month says both.
   */
  @Test
  void assumptionsRemainWhereFlowsAreMissing() throws Exception {
    Assessment a = Estates.tableapp();
    String yaml = """
        name: web-first
        timeline: {start: 2027-01, months: 3}
        migration: {startMonth: 1, lengthMonths: 1, doubleRunWeeks: 0}
        waves:
          - name: web
            month: 0
            select: {tiers: [web]}
        """;
    var measured = new MeasuredTraffic("VPC Flow Logs, one week", WEEK, List.of(
        new MeasuredTraffic.ItemFlow("i-web1", "arn:alb/web", 168 * GIB, 2 * GIB)), Map.of());
    Timeline assumed = project(a, null, yaml);
    Timeline m = project(a, measured, yaml);
    Timeline.Month am = assumed.months().get(1);
    Timeline.Month mm = m.months().get(1);
    // 168 GiB a week = 730 GiB a month, measured; the ALB's 4,000 GiB a window (4,055.56 a month) assumption is gone.
    assertEquals(0, new BigDecimal("730").compareTo(mm.measuredCrossingGib().setScale(6, java.math.RoundingMode.HALF_EVEN)));
    BigDecimal albAssumed = new BigDecimal("4000").multiply(new BigDecimal("730")).divide(new BigDecimal("720"),
        java.math.MathContext.DECIMAL128);
    BigDecimal restAssumed = am.crossingGib().subtract(albAssumed);
    BigDecimal mmAssumed = mm.crossingGib().subtract(mm.measuredCrossingGib());
    assertEquals(restAssumed.setScale(9, java.math.RoundingMode.HALF_EVEN), mmAssumed.setScale(9, java.math.RoundingMode.HALF_EVEN));
    assertTrue(restAssumed.signum() > 0, "caches and cron stay assumed");
    assertEquals("measured and assumed", mm.crossingBasis());
    assertEquals("measured and assumed", m.waves().get(0).basis());
  }

  /**
   * The on-premises site ({@code --on-premises}) is reached through AWS while AWS runs: the load balancer stays, so
   * once the web instance runs on Google Cloud its traffic with the site crosses the link. Over one week: web -> site
   * 168 GiB (busiest hour 2 GiB), site -> web 16.8 GiB. Per month: 730 GiB from Google Cloud at Premium egress 0.085
   * = 62.05 USD, and 73 GiB leaving AWS (ap-northeast-1, where the web instance ran) toward Google Cloud at 0.114 =
   * 8.322 USD: 70.372 USD and 803 GiB more in month 1, measured; month 0 (nothing moved) is unchanged. A scenario
   * with {@code network.onPremises: []} has no site.
   */
  @Test
  void trafficWithTheOnPremisesSiteCrossesWhileTheSiteIsReachedThroughAws() throws Exception {
    Assessment base = Estates.webAndLb(List.of(), 720);
    Assessment a = new Assessment(base.snapshot(), base.plan(), base.current(), base.target(), base.missingPrices(),
        base.reconciliation(), base.requests(), base.timelines(), base.assumptions(), base.priceBookDate(),
        base.generatedAt(), base.warnings(), base.commitmentCoverage(), base.trafficCurve(),
        base.options().toBuilder().onPremisesCidrs(List.of("192.168.10.0/24")).build(), base.billCoverage());
    List<MeasuredTraffic.ItemFlow> between = List.of(new MeasuredTraffic.ItemFlow("i-web", "lb-1", 840 * GIB, 50 * GIB));
    var withSite = new MeasuredTraffic("VPC Flow Logs, one week", WEEK, between, Map.of(), List.of(
        new MeasuredTraffic.ItemFlow("i-web", MeasuredTraffic.ON_PREMISES, 168 * GIB, 2 * GIB),
        new MeasuredTraffic.ItemFlow(MeasuredTraffic.ON_PREMISES, "i-web", 168 * GIB / 10, GIB / 10)));
    var without = new MeasuredTraffic("VPC Flow Logs, one week", WEEK, between, Map.of());

    Timeline site = project(a, withSite, WEB_FIRST);
    Timeline none = project(a, without, WEB_FIRST);
    Timeline.Month s1 = site.months().get(1);
    Timeline.Month n1 = none.months().get(1);
    assertUsd("70.372", s1.interCloudTrafficUsd().subtract(n1.interCloudTrafficUsd()), "730 x 0.085 + 73 x 0.114");
    assertEquals(0, new BigDecimal("803").compareTo(s1.crossingGib().subtract(n1.crossingGib())
        .setScale(6, java.math.RoundingMode.HALF_EVEN)), s1.crossingGib()::toPlainString);
    assertEquals(0, s1.crossingGib().compareTo(s1.measuredCrossingGib()), "all measured");
    assertEquals(0, site.months().get(0).totalUsd().compareTo(none.months().get(0).totalUsd()));
    assertTrue(assumption(site, "on-premises site 192.168.10.0/24: traffic with the estate").startsWith(
        "803.0 (measured: 730.0 to the site, 73.0 from it)"), () -> assumption(site, "on-premises site"));
    // The wave's traffic with the rest of the estate does not count the site.
    assertEquals(0, site.waves().get(0).measuredGib().compareTo(none.waves().get(0).measuredGib()));

    Timeline noSite = project(a, withSite, WEB_FIRST + "network: {onPremises: []}\n");
    assertEquals(0, noSite.months().get(1).interCloudTrafficUsd().compareTo(n1.interCloudTrafficUsd()));
  }

  @Test
  void assumptionLinesSayWhereTheirFiguresCameFrom() throws Exception {
    Timeline t = project(Estates.webAndLb(List.of(), 720), null, WEB_FIRST);
    Assumption busiest = t.assumptions().stream().filter(x -> x.name().startsWith("traffic across the link in its busiest"))
        .findFirst().orElseThrow();
    assertEquals("730.0 (assumed)", busiest.value());
    assertEquals("assumed: flows model, docs/whatif.md", busiest.source());
  }
}

package dev.migrate.acceptance;

import static dev.migrate.testing.Money.assertUsd;
import static dev.migrate.testing.Money.cents;
import dev.migrate.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.app.WhatIf;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.RequestCosts;
import dev.migrate.cost.Timeline;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 on the real sample estate: the three shipped scenarios side by side (golden), and
 * "the timeline figures agree with the cost model's steady-state CURRENT and TARGET totals at
 * its two ends".
 */
class SampleWhatIfTest {
  private static Assessment base;

  @BeforeAll
  static void assess() {
    base = SampleEstate.assess(SampleEstate.snapshot());
  }

  private static List<Path> shipped() {
    return WhatIf.SAMPLE_SCENARIOS.stream().map(n -> SampleEstate.SCENARIOS.resolve(n + ".yaml")).toList();
  }

  @Test
  void shippedScenariosSideBySideAreAsRecorded() throws Exception {
    List<Timeline> timelines = WhatIf.run(base, dev.migrate.pricing.PriceBook.bundled(), shipped(), List.of());
    assertEquals(WhatIf.SAMPLE_SCENARIOS, timelines.stream().map(Timeline::scenario).toList());
    Golden.check("whatif/comparison-sample.txt", WhatIf.compare(timelines));
  }

  /**
   * Month 0 "is today's bill" (sample-data/scenarios/README.md): nothing has moved, so month 0 is
   * the CURRENT total in every shipped scenario whose traffic in month 0 is today's. The doubled
   * scenario doubles traffic from month 0 on purpose; with its multiplier set back to 1 its month 0
   * is CURRENT too.
   */
  @Test
  void everyShippedTimelineStartsAtTheCurrentTotal() {
    List<Timeline> asShipped = WhatIf.run(base, dev.migrate.pricing.PriceBook.bundled(), shipped(), List.of());
    List<Timeline> todaysTraffic = WhatIf.run(base, dev.migrate.pricing.PriceBook.bundled(), shipped(), List.of("traffic.multiplier=1"));
    for (int i = 0; i < asShipped.size(); i++) {
      Timeline t = todaysTraffic.get(i);
      Timeline.Month first = t.months().get(0);
      assertUsd(cents(base.current().monthlyUsd()), first.totalUsd(), t.scenario() + " month 0 total");
      assertUsd(cents(base.current().monthlyUsd()), first.awsUsd(), t.scenario() + " month 0 AWS");
      assertEquals(0, first.gcpUsd().signum(), t.scenario() + ": nothing runs on Google Cloud in month 0");
      assertEquals(base.requests().monthlyRequests(), first.requests(), t.scenario() + " month 0 requests");
      Timeline shipped = asShipped.get(i);
      if (!shipped.scenario().equals("replatform-3y-doubled")) {
        assertUsd(cents(base.current().monthlyUsd()), shipped.months().get(0).totalUsd(), shipped.scenario() + " as shipped");
      }
    }
  }

  /**
   * The doubled scenario's month 0 is today's estate at twice today's traffic: the same figure as
   * the cost model's re-pricing of every quantity at 2x (RequestCosts growth point 2), to the
   * cent. Straight-line scaling alone would miss by USD 11.40 on the sample: the 100 GB AWS
   * internet free allowance x 0.114 USD/GB, which does not double with the traffic.
   */
  @Test
  void theDoubledScenarioStartsAtTheCostModelsTwiceTodaysTraffic() {
    Timeline doubled = WhatIf.run(base, dev.migrate.pricing.PriceBook.bundled(), List.of(SampleEstate.SCENARIOS.resolve("replatform-3y-doubled.yaml")),
        List.of()).get(0);
    Timeline.Month first = doubled.months().get(0);
    RequestCosts.GrowthPoint atTwice = twice();
    assertEquals(2 * base.requests().monthlyRequests(), first.requests());
    assertUsd(cents(atTwice.awsMonthlyUsd()), first.totalUsd(), "month 0 at 2x traffic");
    assertUsd(cents(first.totalUsd()), first.stayOnAwsUsd(), "month 0 = staying on AWS");
  }

  private static RequestCosts.GrowthPoint twice() {
    return base.requests().growth().stream()
        .filter(g -> g.trafficMultiple().compareTo(BigDecimal.valueOf(2)) == 0).findFirst().orElseThrow();
  }

  /**
   * None of the shipped scenarios leaves the TARGET total alone at its end: lift-and-shift adds
   * 30% compute headroom, gke-replatform-waves grows traffic 2% a month, replatform-3y-doubled
   * doubles traffic and commits for 3 years. So this scenario moves the whole sample estate in
   * waves with no growth, commitment, Spot, region or sizing change: once the last wave's double
   * running is over and the link is gone, a month must cost exactly the TARGET total.
   */
  @Test
  void aScenarioWithoutChangesEndsAtTheTargetTotal(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("steady-state-waves.yaml");
    Files.writeString(file, """
        name: steady-state-waves
        description: the sample's waves with nothing changed but the place where things run
        timeline:
          start: 2027-01
          months: 12
        migration:
          startMonth: 1
          lengthMonths: 4
          doubleRunWeeks: 4
        waves:
          - name: storage-and-cdn
            month: 0
            select: {tiers: [storage, edge]}
          - name: web
            month: 1
            select: {tiers: [web, lb]}
          - name: rest
            month: 3
            select: {rest: true}
        traffic:
          growthPerMonthPct: 0
        pricing:
          commitment: none
          spotSharePct: 0
        rightsizing:
          strategy: as-planned
        oneOff:
          dataTransfer: true
          engineering: {personDays: 20, dayRateUsd: 600}
        link:
          type: ha-vpn
          tunnels: 2
        network:
          subnetCidr: 10.128.0.0/20
          gkePodCidr: 10.4.0.0/14
          gkeServiceCidr: 10.8.0.0/20
        """);
    assertEndsAt(WhatIf.run(base, dev.migrate.pricing.PriceBook.bundled(), List.of(file), List.of()).get(0), base.current().monthlyUsd(),
        base.target().monthlyUsd());
    // At twice today's traffic both ends are the cost model's re-pricing at 2x, allowances and tiers included.
    RequestCosts.GrowthPoint atTwice = twice();
    assertEndsAt(WhatIf.run(base, dev.migrate.pricing.PriceBook.bundled(), List.of(file), List.of("traffic.multiplier=2")).get(0), atTwice.awsMonthlyUsd(),
        atTwice.gcpMonthlyUsd());
  }

  private static void assertEndsAt(Timeline t, BigDecimal current, BigDecimal target) {
    assertEquals(12, t.months().size());
    Timeline.Month first = t.months().get(0);
    Timeline.Month last = t.months().get(t.months().size() - 1);
    assertUsd(cents(current), first.totalUsd(), "month 0 = CURRENT");
    assertUsd(cents(target), last.totalUsd(), "last month = TARGET");
    assertUsd(cents(target), last.gcpUsd(), "last month: all of it on Google Cloud");
    assertEquals(0, last.awsUsd().signum(), "last month: nothing left on AWS");
    assertEquals(0, last.linkUsd().signum(), "last month: no link");
    assertEquals(0, last.interCloudTrafficUsd().signum(), "last month: no inter-cloud traffic");
    assertEquals(0, last.oneOffUsd().signum(), "last month: no one-off cost");
    assertUsd(cents(current), last.stayOnAwsUsd(), "staying on AWS costs CURRENT every month");
    // The hybrid months cost more than either cloud alone (the result such moves report).
    BigDecimal peak = t.months().stream().map(Timeline.Month::totalUsd).max(BigDecimal::compareTo).orElseThrow();
    assertTrue(peak.compareTo(current) > 0, "peak " + peak + " above CURRENT");
  }

}

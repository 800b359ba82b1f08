package dev.migrate.cost.hybrid;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine.Driver;
import dev.migrate.cost.Phase;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Vpc;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Target;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineEngineTest {

  private static Timeline project(Assessment a, String yaml, String... sets) throws ScenarioException {
    Scenario s = ScenarioReader.parse(yaml, "test.yaml", List.of(sets));
    return TimelineEngine.project(HybridModel.of(a), s);
  }


  @Test
  void handWorkedTwoMonthTimelineWithOneWave() throws Exception {
    // Month 0: everything on AWS. Month 1: the web tier moves with 2 weeks of double running;
    // the load balancer stays on AWS, so the web tier's responses cross the link.
    Timeline t = project(Estates.webAndLb(List.of(), 720), """
        name: web-first
        timeline: {start: 2027-01, months: 2}
        migration: {startMonth: 1, lengthMonths: 1, doubleRunWeeks: 2}
        waves:
          - name: web
            month: 0
            select: {tiers: [web]}
        oneOff:
          engineering: {personDays: 2, dayRateUsd: 500}
        link: {type: ha-vpn, tunnels: 4}
        """);
    assertEquals(2, t.months().size());
    Timeline.Month m0 = t.months().get(0);
    // CURRENT: 730 h x 0.10 (web) + 730 h x 0.0225 (LB) + 1000 LCU-h x 0.01 = 73 + 16.425 + 10
    assertUsd("99.425", m0.awsUsd(), "month 0 AWS");
    assertUsd("0", m0.gcpUsd(), "month 0 Google Cloud");
    assertUsd("0", m0.linkUsd(), "month 0 link (nothing runs on Google Cloud yet)");
    assertUsd("99.425", m0.totalUsd(), "month 0 total");
    assertEquals(YearMonth.of(2027, 1), m0.month());

    Timeline.Month m1 = t.months().get(1);
    // AWS: web runs 2 weeks = 336 of 730 h: 73 x 336/730 = 33.6; LB stays: 16.425 + 10.
    assertUsd("60.025", m1.awsUsd(), "month 1 AWS");
    // Google Cloud: the web VM, 730 h x 0.05.
    assertUsd("36.5", m1.gcpUsd(), "month 1 Google Cloud");
    // HA VPN in asia-northeast1: 4 tunnels x 0.075 + 2 AWS VPN connections x 0.05 = 0.40 USD/h x 730 h.
    assertUsd("292", m1.linkUsd(), "month 1 link");
    // LB processed 720 GiB in 720 h = 730 GiB/month, sent by the web tier now on Google Cloud to the
    // LB on AWS: Premium egress from asia-northeast1, 0.085 USD/GiB.
    assertUsd("62.05", m1.interCloudTrafficUsd(), "month 1 inter-cloud traffic");
    // Engineering: 2 person-days x 500 USD, all in the one migration month.
    assertUsd("1000", m1.oneOffUsd(), "month 1 one-off");
    assertUsd("1450.575", m1.totalUsd(), "month 1 total = 60.025 + 36.5 + 292 + 62.05 + 1000");
    assertUsd("99.425", m1.stayOnAwsUsd(), "staying on AWS");
    assertUsd("1550.000", m1.cumulativeUsd(), "cumulative");
    assertUsd("198.85", m1.cumulativeStayUsd(), "cumulative staying on AWS");
    assertEquals(1_000_000, m1.requests());
    assertUsd("1450.575", m1.perMillionUsd(), "per million requests (1 million requests)");
    assertEquals(YearMonth.of(2027, 2), t.peakMonth());
    assertNull(t.paybackMonth());
  }

  @Test
  void endsAgreeWithTheSteadyStateCurrentAndTargetTotals() throws Exception {
    Assessment a = Estates.tableapp();
    Timeline t = project(a, """
        timeline: {start: 2027-01, months: 8}
        migration: {startMonth: 1, lengthMonths: 3, doubleRunWeeks: 3}
        waves:
          - {name: static, month: 0, select: {tiers: [storage, edge]}}
          - {name: web, month: 1, select: {tiers: [lb, web]}, doubleRunWeeks: 6}
          - {name: rest, month: 2, select: {rest: true}}
        """);
    assertEquals(0, a.current().monthlyUsd().compareTo(t.months().get(0).totalUsd()), "month 0 = CURRENT total");
    assertEquals(0, a.current().monthlyUsd().compareTo(t.months().get(0).awsUsd()));
    // Last wave in month 3 (3 weeks of double running), the web wave's 6 weeks end in month 4: from month 5 on,
    // only Google Cloud runs.
    for (int m = 5; m < 8; m++) {
      Timeline.Month row = t.months().get(m);
      assertEquals(0, a.target().monthlyUsd().compareTo(row.totalUsd()),
          "month " + m + " = TARGET total " + a.target().monthlyUsd() + " but was " + row.totalUsd());
      assertEquals(0, row.awsUsd().signum());
      assertEquals(0, row.linkUsd().signum());
    }
    // In between, both clouds and the link run.
    assertTrue(t.months().get(2).awsUsd().signum() > 0 && t.months().get(2).gcpUsd().signum() > 0);
    assertTrue(t.months().get(2).linkUsd().signum() > 0);
  }

  @Test
  void sharesAlsoEndOnTheTargetTotal() throws Exception {
    Assessment a = Estates.tableapp();
    Timeline t = project(a, """
        timeline: {start: 2027-01, months: 6}
        migration: {startMonth: 1, lengthMonths: 3, doubleRunWeeks: 0}
        shares: [0.25, 0.5, 1.0]
        """);
    assertEquals(0, a.current().monthlyUsd().compareTo(t.months().get(0).totalUsd()));
    assertEquals(0, a.target().monthlyUsd().compareTo(t.months().get(4).totalUsd()));
    assertEquals(0, a.target().monthlyUsd().compareTo(t.months().get(5).totalUsd()));
  }

  @Test
  void paybackIsTheFirstMonthFromWhichCumulativeSpendStaysBelowStayingOnAws() throws Exception {
    // CURRENT 1000/month, TARGET 200/month. Month 1: AWS runs 4 weeks = 672 of 730 h
    // (1000 x 672/730 = 920.547945...), Google Cloud 200, link 292, engineering 3000: cumulative
    // 1000 + 4412.547945 = 5412.547945 against 2000. Each later month saves 800:
    // month 5: 6212.55 vs 6000 (not yet), month 6: 6412.55 vs 7000 (paid back).
    var web = Estates.instance("i-big", null, java.util.Map.of("role", "web"));
    var s = Estates.snapshot(List.of(web), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    Assessment a = Estates.assessment(s, List.of(Estates.mapping("i-big", ItemKind.EC2_INSTANCE,
            new Target.ComputeEngineVm("e2-standard-8", "x86_64", "linux", true, Estates.GCP))),
        List.of(Estates.line(Phase.CURRENT, "i-big", "x", "Amazon EC2", "instance (flat monthly)", "1", "month", "aws/ec2/x/r",
                "1000", Driver.FIXED),
            Estates.machine(Phase.TARGET, "i-big", "x", "Compute Engine", "VM hours (1 x e2-standard-8)", "1000", "hour",
                "gcp/compute/e2-standard-8:ondemand/" + Estates.GCP, "0.2", Driver.COMPUTE_ON_DEMAND, "e2-standard-8")), 0);
    Timeline t = project(a, """
        timeline: {start: 2027-01, months: 10}
        migration: {startMonth: 1, doubleRunWeeks: 4}
        waves: [{name: all, month: 0, select: {rest: true}}]
        oneOff: {engineering: {personDays: 6, dayRateUsd: 500}}
        """);
    assertUsd("920.54794520547945205", t.months().get(1).awsUsd(), "month 1 AWS ");
    assertEquals("5412.55", t.months().get(1).cumulativeUsd().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
    assertEquals(YearMonth.of(2027, 7), t.paybackMonth(), "month 6 = 2027-07");
    assertEquals(YearMonth.of(2027, 2), t.peakMonth());
    assertNull(t.months().get(1).perMillionUsd(), "no requests measured: no per-million figure");
  }

  @Test
  void aLinkTooSmallBecomesAWarningWithTheTunnelsNeeded() throws Exception {
    // 2,000,000 GiB/month from the web tier on Google Cloud to the LB on AWS:
    // 2e6 x 2^30 x 8 bit / (730 x 3600 s) = 6.54 Gbps average, x 3 peak-to-average = 19.61 Gbps.
    // 4 tunnels x 1.25 Gbps x 0.5 = 2.5 Gbps; 19.61 / 0.625 = 31.4 -> 32 tunnels (pairs).
    double windowGib = 2_000_000 * 720 / 730.0;
    Timeline t = project(Estates.webAndLb(List.of(), windowGib), """
        timeline: {start: 2027-01, months: 3}
        waves: [{name: web, month: 0, select: {roles: [web]}}]
        """);
    String warning = t.warnings().stream().filter(w -> w.startsWith("link too small")).findFirst().orElseThrow(
        () -> new AssertionError("no link warning in " + t.warnings()));
    assertTrue(warning.contains("about 19.61 Gbps"), warning);
    assertTrue(warning.contains("4 HA VPN tunnels carry about 2.50 Gbps"), warning);
    assertTrue(warning.contains("use 32 tunnels (16 AWS VPN connections"), warning);
    assertTrue(warning.contains("Partner Interconnect 20 Gbps or Dedicated Interconnect 2 x 10 Gbps"), warning);
    // With enough tunnels the warning goes away.
    Timeline ok = project(Estates.webAndLb(List.of(), windowGib), """
        timeline: {start: 2027-01, months: 3}
        waves: [{name: web, month: 0, select: {roles: [web]}}]
        """, "link.tunnels=32");
    assertTrue(ok.warnings().stream().noneMatch(w -> w.startsWith("link too small")), ok.warnings().toString());
  }

  @Test
  void overlappingAddressRangesAreBlockers() throws Exception {
    Timeline t = project(Estates.webAndLb(List.of(new Vpc("vpc-1", Estates.REGION, List.of("10.0.0.0/12"), false)), 720),
        """
        timeline: {months: 3}
        waves: [{name: all, month: 0, select: {rest: true}}]
        network: {gkePodCidr: 10.4.0.0/14, gkeServiceCidr: 172.16.0.0/20, subnetCidr: 192.168.0.0/24}
        """);
    List<String> blockers = t.warnings().stream().filter(w -> w.startsWith("BLOCKER:")).toList();
    assertEquals(1, blockers.size(), t.warnings().toString());
    assertTrue(blockers.get(0).contains("GKE Pod range 10.4.0.0/14 overlaps AWS VPC vpc-1"), blockers.get(0));
    assertEquals(YearMonth.of(2026, 12), t.months().get(0).month(), "default start: the month after collection");
  }

  @Test
  void trafficGrowthScalesTrafficLinesOnly() throws Exception {
    Timeline t = project(Estates.webAndLb(List.of(), 720), """
        timeline: {start: 2027-01, months: 3}
        migration: {startMonth: 2}
        waves: [{name: all, month: 0, select: {rest: true}}]
        traffic: {growthPerMonthPct: 10}
        """);
    // Month 1, still all on AWS: fixed 73 + 16.425, LCU 10 x 1.1.
    assertUsd("100.425", t.months().get(1).awsUsd(), "month 1 with 10% growth");
    assertEquals(1_100_000, t.months().get(1).requests());
  }

  @Test
  void threeYearCommitmentLowersTargetComputeFromTheMonthAfterTheLastWave() throws Exception {
    Assessment a = Estates.webAndLb(List.of(), 720);
    Timeline t = project(a, """
        timeline: {start: 2027-01, months: 4}
        migration: {doubleRunWeeks: 0}
        waves: [{name: all, month: 0, select: {rest: true}}]
        pricing: {commitment: 3y}
        """);
    // Month 1: on-demand target 60.59; from month 2: the VM at the e2 3-year factor 0.45: 36.5 x 0.45 = 16.425.
    assertUsd("60.59", t.months().get(1).gcpUsd(), "month 1 on demand");
    assertUsd("40.515", t.months().get(2).gcpUsd(), "month 2 = 16.425 + 18.25 + 5.84");
  }

  @Test
  void aWaveThatSelectsNothingIsAnError() {
    var e = assertThrows(ScenarioException.class, () -> project(Estates.webAndLb(List.of(), 720), """
        waves:
          - name: cache
            month: 0
            select: {tiers: [cache]}
        """));
    assertEquals(1, e.errors().size());
    assertEquals("test.yaml:2:5", e.errors().get(0).at().toString());
    assertTrue(e.errors().get(0).message().contains("selects nothing in this estate; this estate has tiers [lb, web]"),
        e.errors().get(0).message());
  }

  @Test
  void anInstanceSelectedByIdMovesWithItsAutoScalingGroup() throws Exception {
    Assessment a = Estates.tableapp();
    HybridModel model = HybridModel.of(a);
    assertEquals("web-asg", model.unitOf("i-web2"));
    assertEquals("web", model.tierOf("web-asg"));
    assertEquals("cache", model.tierOf("i-redis"));
    assertEquals("batch", model.tierOf("i-cron"));
    assertEquals("edge", model.tierOf("E1TABLEAPP"));
    Timeline t = project(a, """
        timeline: {start: 2027-01, months: 4}
        migration: {doubleRunWeeks: 0}
        waves:
          - {name: one-host, month: 0, select: {items: [i-web2]}}
          - {name: rest, month: 1, select: {rest: true}}
        """);
    // Month 1: only the web group moved: its 3 x 730 h x 0.248 on AWS stop, its GKE nodes start.
    BigDecimal webAws = new BigDecimal("543.12");
    assertUsd(a.current().monthlyUsd().subtract(webAws).toPlainString(), t.months().get(1).awsUsd(), "AWS without web");
    var e = assertThrows(ScenarioException.class, () -> project(a, """
        waves: [{name: ghost, month: 0, select: {items: [i-nope]}}]
        """));
    assertTrue(e.errors().get(0).message().contains("selects item 'i-nope', which is not in the snapshot or the plan"));
  }
}

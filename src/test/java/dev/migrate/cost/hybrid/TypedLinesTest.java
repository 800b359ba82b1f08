package dev.migrate.cost.hybrid;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine.Driver;
import dev.migrate.cost.Phase;
import dev.migrate.cost.Timeline;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The what-if splits cost lines by the driver their pricer gave them, and counts months in the
 * assessment's hours per month: a line's label, unit or price key may change without moving a figure.
 */
class TypedLinesTest {
  private static final String STAY_ON_AWS = """
      timeline: {start: 2027-01, months: 2}
      migration: {startMonth: 1, lengthMonths: 1, doubleRunWeeks: 0}
      traffic: {multiplier: 2}
      """;

  private static Timeline project(Assessment a, String yaml) throws ScenarioException {
    return TimelineEngine.project(HybridModel.of(a), ScenarioReader.parse(yaml, "test.yaml", List.of()));
  }

  @Test
  void aLineScalesWithTrafficByItsDriverNotByItsLabelOrUnit() throws Exception {
    var host = Estates.instance("i-1", null, Map.of("app", "shop"));
    var s = Estates.snapshot(List.of(host), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    Assessment a = Estates.assessment(s, List.of(Estates.mapping("i-1", ItemKind.EC2_INSTANCE,
            new Target.ComputeEngineVm("e2-standard-2", "x86_64", "linux", true, Estates.GCP))),
        List.of(
            // Traffic-driven, though neither its label nor its unit says so (a renamed LCU line).
            Estates.line(Phase.CURRENT, "i-1", "shop", "Elastic Load Balancing", "capacity units", "100", "hour",
                "aws/elb/renamed/" + Estates.REGION, "1", Driver.TRAFFIC),
            // A fee, though its label and unit read like load balancer capacity units.
            Estates.line(Phase.CURRENT, "i-1", "shop", "Elastic Load Balancing", "LCU hours", "50", "LCU-hour",
                "aws/elb/alb:lcu-hour/" + Estates.REGION, "1", Driver.FIXED)),
        1_000_000);
    Timeline t = project(a, STAY_ON_AWS);
    // Twice the traffic: 2 x 100 (traffic) + 50 (fixed). Read by labels it was 100 + 2 x 50 = 200.
    assertUsd("250", t.months().get(0).awsUsd(), "month 0 on AWS at twice today's traffic");
  }

  @Test
  void onDemandMachineHoursAreRepricedByTheirMachineTypeNotTheirPriceKey() throws Exception {
    var host = Estates.instance("i-1", null, Map.of("app", "shop"));
    var s = Estates.snapshot(List.of(host), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    Assessment a = Estates.assessment(s, List.of(Estates.mapping("i-1", ItemKind.EC2_INSTANCE,
            new Target.ComputeEngineVm("n2-standard-2", "x86_64", "linux", true, Estates.GCP))),
        List.of(
            Estates.machine(Phase.CURRENT, "i-1", "shop", "Amazon EC2", "instance hours", "730", "hour",
                "aws/ec2/m5.large/" + Estates.REGION, "0.1", Driver.COMPUTE_ON_DEMAND, "m5.large"),
            // A price key in no known shape: the driver and machine type decide.
            Estates.machine(Phase.TARGET, "i-1", "shop", "Compute Engine", "machine", "730", "hour", "vm-price-1",
                "0.1", Driver.COMPUTE_ON_DEMAND, "n2-standard-2")),
        1_000_000);
    Timeline onDemand = project(a, """
        timeline: {start: 2027-01, months: 3}
        migration: {startMonth: 1, lengthMonths: 1, doubleRunWeeks: 0}
        """);
    Timeline committed = project(a, """
        timeline: {start: 2027-01, months: 3}
        migration: {startMonth: 1, lengthMonths: 1, doubleRunWeeks: 0}
        pricing: {commitment: 3y}
        """);
    assertUsd("73", onDemand.months().get(2).gcpUsd(), "Google Cloud on demand: 730 h x 0.1");
    // Committed use re-prices the hours with the n2 series' factor, found from the machine type.
    BigDecimal factor = HybridPrices.bundled().cudFactor("3y", "n2").orElseThrow().value();
    assertTrue(factor.compareTo(BigDecimal.ONE) < 0, "the book has a 3-year discount for n2");
    assertUsd(new BigDecimal("73").multiply(factor).toPlainString(), committed.months().get(2).gcpUsd(),
        "Google Cloud on 3-year committed use: 73 x the n2 factor");
  }

  @Test
  void monthsHaveTheHoursThePricesWereComputedWith() throws Exception {
    // The load balancer processed 720 GiB in the 720-hour window; the web tier moves and the LB stays, so
    // its bytes cross the link. With 720 hours in a month: 720 GiB x 0.085 and HA VPN 0.40 USD/h x 720 h.
    Assessment base = Estates.webAndLb(List.of(), 720);
    Assessment a = new Assessment(base.snapshot(), base.plan(), base.current(), base.target(), base.missingPrices(),
        base.reconciliation(), base.requests(), base.timelines(), base.assumptions(), base.priceBookDate(),
        base.generatedAt(), base.warnings(), base.commitmentCoverage(), base.trafficCurve(),
        base.options().toBuilder().hoursPerMonth(BigDecimal.valueOf(720)).build());
    String yaml = """
        timeline: {start: 2027-01, months: 2}
        migration: {startMonth: 1, lengthMonths: 1, doubleRunWeeks: 2}
        waves:
          - {name: web, month: 0, select: {tiers: [web]}}
        link: {type: ha-vpn, tunnels: 4}
        """;
    Timeline t = project(a, yaml);
    assertUsd("61.2", t.months().get(1).interCloudTrafficUsd(), "720 GiB a month x 0.085");
    assertUsd("288", t.months().get(1).linkUsd(), "0.40 USD/h x 720 h");
    // 2 weeks = 336 of 720 h of the web instance's 73.00; the LB's 26.425 stays.
    assertUsd("60.491666666666666666666666666667", t.months().get(1).awsUsd(), "73 x 336/720 + 26.425");
    Timeline at730 = project(base, yaml);
    assertUsd("62.05", at730.months().get(1).interCloudTrafficUsd(), "the default month: 730 GiB x 0.085");
    assertUsd("292", at730.months().get(1).linkUsd(), "the default month: 0.40 USD/h x 730 h");
  }
}

package dev.migrate.cost;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One small estate priced by hand: every expected figure below is quantity x unit price from the
 * bundled price book (us-east-1 -> us-east4), written out so that a reader can check it.
 */
class CostModelHandCheckedTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  final CostModel model = new CostModel(PriceBook.bundled());
  final Assessment a = model.assess(SmallEstate.snapshot(), SmallEstate.plan(), CostOptions.defaults(), CLOCK);

  static BigDecimal usd(String s) {
    return new BigDecimal(s);
  }

  BigDecimal line(CostSide side, String itemId, String componentStart) {
    List<CostLine> found = side.lines().stream()
        .filter(l -> l.itemId().equals(itemId) && l.component().startsWith(componentStart)).toList();
    List<CostLine> exact = found.stream().filter(l -> l.component().equals(componentStart)).toList();
    found = exact.isEmpty() ? found : exact;
    assertEquals(1, found.size(), () -> "one line " + itemId + " / " + componentStart + " in " + side.lines().stream()
        .filter(l -> l.itemId().equals(itemId)).map(CostLine::component).collect(Collectors.joining(" | ")));
    CostLine l = found.get(0);
    // every line is quantity x unit price, with a source and a date
    assertEquals(0, l.quantity().multiply(l.unitPriceUsd()).compareTo(l.monthlyUsd()), l::toString);
    assertNotNull(l.priceSource());
    assertNotNull(l.priceAsOf());
    return l.monthlyUsd();
  }

  @Test
  void ec2HoursAndReservedInstance() {
    CostSide c = a.current();
    assertUsd("70.08", line(c, "i-001", "instance hours"));            // 730 h x 0.096
    assertUsd("70.08", line(c, "i-002", "instance hours"));            // 730 h x 0.096
    assertUsd("-70.08", line(c, "i-001", "reserved instance ri-1"));   // RI covers i-001: 730 h x -0.096
    assertUsd("21.90", line(c, "ri-1", "reserved instance recurring")); // 1 x 730 h x 0.03
    assertUsd("21.90", line(c, "ri-1", "upfront payment"));             // 262.80 / 12 months
    assertTrue(c.lines().stream().noneMatch(l -> l.itemId().equals("i-003")), "a stopped instance has no hours");
    assertUsd("14.308", line(c, "i-004", "instance hours (t3.micro, windows)")); // 730 h x 0.0196 (Windows list)
    assertUsd("128.188", c.byService().get("Amazon EC2"));             // 70.08 + 70.08 - 70.08 + 21.90 + 21.90 + 14.308
  }

  @Test
  void windowsIsPricedFromTheWindowsListWithItsSource() {
    // EC2 Windows on-demand (licence included) has its own rows: us-east-1 t3.micro 0.0196 USD/h, full precision.
    CostLine l = a.current().lines().stream().filter(x -> x.itemId().equals("i-004")).findFirst().orElseThrow();
    assertEquals("aws/ec2/t3.micro:windows/us-east-1", l.priceKey());
    assertTrue(l.priceSource().startsWith("LeanerCloud/ec2-instances-info"), l.priceSource());
    assertTrue(a.missingPrices().stream().noneMatch(m -> m.itemId().equals("i-004")));
  }

  @Test
  void windowsServerLicenceOnComputeEngine() {
    // The book's Windows Server premium image: e2-standard-2 = 2 vCPU x 0.046 = 0.092 USD per VM-hour (region 'all').
    assertUsd("67.16", line(a.target(), "i-004", "Windows Server licence (e2-standard-2)")); // 730 h x 0.092
    assertTrue(a.missingPrices().stream().noneMatch(m -> m.priceKey().contains("windows-licence")));
  }

  @Test
  void ebsStorageIopsAndThroughput() {
    CostSide c = a.current();
    assertUsd("8.00", line(c, "vol-001", "storage (gp3)"));                 // 100 GB x 0.08
    assertUsd("5.00", line(c, "vol-001", "gp3 IOPS above 3,000"));          // (4000 - 3000) x 0.005
    assertUsd("5.00", line(c, "vol-001", "gp3 throughput above 125"));      // (250 - 125) MiB/s x 0.04
    assertUsd("6.25", line(c, "vol-003", "storage (io1)"));                 // 50 GB x 0.125
    assertUsd("65.00", line(c, "vol-003", "io1 provisioned IOPS"));         // 1000 x 0.065
    assertUsd("89.25", c.byService().get("Amazon EBS"));
  }

  @Test
  void loadBalancersAndDataTransferOut() {
    CostSide c = a.current();
    assertUsd("16.425", line(c, SmallEstate.ALB, "ALB hours"));   // 730 h x 0.0225
    assertUsd("0.80", line(c, SmallEstate.ALB, "LCU hours"));     // 100 LCU-h x 0.008
    assertUsd("16.425", line(c, SmallEstate.NLB, "NLB hours"));   // 730 h x 0.0225
    assertUsd("0.30", line(c, SmallEstate.NLB, "NLCU hours"));    // 50 NLCU-h x 0.006
    assertUsd("18.25", line(c, SmallEstate.CLB, "CLB hours"));    // 730 h x 0.025
    assertUsd("0.40", line(c, SmallEstate.CLB, "data processed")); // 50 GB x 0.008
    assertUsd("52.60", c.byService().get("Elastic Load Balancing"));
    // The ALB is CloudFront's origin: no data transfer out of its own. The NLB (ARN sorts before
    // "old-elb") draws the 100 GB free allowance first: 200 GB = 100 free + 100 x 0.09.
    assertUsd("0", line(c, SmallEstate.NLB, "data transfer out to the internet, free allowance"));
    assertUsd("9.00", line(c, SmallEstate.NLB, "data transfer out to the internet [0-10240 GB]"));
    assertUsd("4.50", line(c, SmallEstate.CLB, "data transfer out to the internet [0-10240 GB]")); // 50 x 0.09
    assertTrue(c.lines().stream().noneMatch(l -> l.itemId().equals(SmallEstate.ALB) && l.service().equals("AWS Data Transfer")));
  }

  @Test
  void cloudFrontFreeAllowanceThenTiers() {
    CostSide c = a.current();
    // 1 TB free across geographies, drawn in geography order: europe 512 GB all free, then 512 of north-america's 1536.
    assertUsd("0", line(c, "E1", "data transfer out (europe_israel_turkiye), free allowance"));
    assertUsd("0", line(c, "E1", "data transfer out (united_states_mexico_canada), free allowance"));
    assertUsd("87.04", line(c, "E1", "data transfer out (united_states_mexico_canada) [0-10240 GB]")); // 1024 GB x 0.085
    // 10M requests free = 1000 x 10k: europe's 500 x 10k all free, 500 of north-america's 1500; 1000 x 0.01 paid.
    assertUsd("10.00", line(c, "E1", "HTTPS requests (united_states_mexico_canada)"));
    assertUsd("97.04", c.byService().get("Amazon CloudFront"));
  }

  @Test
  void s3StorageAndRequests() {
    CostSide c = a.current();
    assertUsd("2.30", line(c, "assets", "storage (STANDARD) [0-51200 GB-month]")); // 100 GB x 0.023
    assertUsd("0.40", line(c, "assets", "requests"));                            // 1,000,000 x 0.0000004
  }

  @Test
  void currentTotal() {
    // 128.188 EC2 + 89.25 EBS + 52.60 ELB + 13.50 data transfer + 97.04 CloudFront + 2.70 S3
    assertUsd("388.278", a.current().monthlyUsd()); // + 5.00 Tax from the October bill, carried (no model)
    assertUsd("5.00", a.current().byService().get("Tax"));
    assertUsd("13.50", a.current().byService().get("AWS Data Transfer"));
    assertUsd("2.70", a.current().byService().get("Amazon S3"));
    // by application: web = EC2 70.08 x 2 - 70.08 + EBS 18 + ALB 17.225 + CloudFront 97.04 + S3 2.70
    assertUsd("205.045", a.current().byApp().get("web"));
  }

  @Test
  void gkeNodesWithSustainedUseDiscountAndClusterFee() {
    CostSide t = a.target();
    assertUsd("159.69188", line(t, "web-asg", "VM hours (node pool web-pool: 2 x n2-standard-2)")); // 2 x 730 h x 0.109378
    assertUsd("-31.938376", line(t, "web-asg", "sustained-use discount 20%"));                     // 159.69188 x -0.2
    assertUsd("73.00", line(t, "gke-cluster:main", "cluster management fee"));                       // 730 h x 0.10
    assertUsd("22.00", line(t, "web-asg", "node boot disks (2 x 100 GiB pd-balanced)"));             // 200 GiB x 0.11
    assertTrue(t.lines().stream().noneMatch(l -> l.itemId().equals("i-001")), "folded members cost nothing on TARGET");
    assertTrue(t.lines().stream().noneMatch(l -> l.itemId().equals("i-003")), "a stopped VM has no hours");
    assertUsd("55.0936986", line(t, "i-004", "VM hours (1 x e2-standard-2)"));                     // 730 h x 0.07547082, E2 earns no SUD
  }

  @Test
  void disksLoadBalancingCdnStorage() {
    CostSide t = a.target();
    assertUsd("5.50", line(t, "vol-003", "capacity (pd-balanced)"));                          // 50 GiB x 0.11
    assertUsd("18.25", line(t, SmallEstate.ALB, "forwarding rules 1-5 in global"));            // 730 h x 0.025
    assertUsd("20.44", line(t, SmallEstate.NLB, "forwarding rules 1-5 in us-east4"));          // 730 h x 0.028 (us-east4)
    assertTrue(t.lines().stream().noneMatch(l -> l.itemId().equals(SmallEstate.CLB) && l.component().startsWith("forwarding")),
        "the third rule in us-east4 is inside the flat first-5 charge");
    assertUsd("24.00", line(t, SmallEstate.NLB, "internet egress, Premium Tier (worldwide_ex_china_australia) [0-1024"));  // 200 x 0.12
    assertUsd("6.00", line(t, SmallEstate.CLB, "internet egress, Premium Tier (worldwide_ex_china_australia) [0-1024"));   // 50 x 0.12
    assertUsd("4.50", line(t, SmallEstate.ALB, "data processed"));   // 500 GiB x 0.009 (us-east4)
    assertUsd("1.80", line(t, SmallEstate.NLB, "data processed"));   // 200 GiB x 0.009
    assertUsd("0.45", line(t, SmallEstate.CLB, "data processed"));   // 50 GiB x 0.009
    assertUsd("40.96", line(t, "E1", "cache egress (europe)"));                     // 512 GiB x 0.08
    assertUsd("122.88", line(t, "E1", "cache egress (north_america_incl_hawaii)")); // 1536 GiB x 0.08
    assertUsd("15.00", line(t, "E1", "cache lookups"));                             // 20M / 10k = 2000 x 0.0075
    // cache fill from the origin's North America: (1 - 0.9) x 1536 = 153.6 GiB to North America at the pair's 0.01;
    // 51.2 GiB to Europe has no per-pair price: the top of the range, 0.04
    assertUsd("1.536", line(t, "E1", "cache fill north_america_incl_hawaii -> north_america_incl_hawaii"));
    assertUsd("2.048", line(t, "E1", "cache fill ((1 - hit ratio 0.9) x egress, destinations without a per-pair price)"));
    assertUsd("2.30", line(t, "assets", "storage (STANDARD"));                      // 100 GiB x 0.023
    assertUsd("0.40", line(t, "assets", "Class B operations"));                     // 1,000,000 / 1000 x 0.0004
  }

  @Test
  void targetTotal() {
    // 127.753504 GKE nodes + 22 node boot disks + 73 cluster + 55.0936986 VM + 67.16 Windows licence + 5.50 disk
    // + 38.69 rules (18.25 global + 20.44 us-east4) + 6.75 data processed + 30 egress + 182.424 CDN + 2.70 GCS
    assertUsd("616.0712026", a.target().monthlyUsd()); // + 5.00 Tax carried at its AWS amount
    assertUsd("5.00", a.target().byService().get("Tax (carried)"));
  }

  @Test
  void reconciliationPerService() {
    Reconciliation r = a.reconciliation();
    assertEquals(java.time.YearMonth.of(2026, 10), r.billMonth(), "the last complete month, not the estimated one");
    assertUsd("383.278", r.modelledUsd());
    assertUsd("403", r.billedUsd());                 // 10 + 100 + 200 + 60 + 3 + 30 (Tax is carried, not compared)
    assertUsd("-4.89", r.differencePct());            // (383.278 - 403) / 403 x 100
    assertTrue(r.warnings().isEmpty(), "4.89% is within the 10% threshold");
    Reconciliation.Row ec2 = r.rows().stream().filter(x -> x.service().equals("Amazon EC2")).findFirst().orElseThrow();
    assertEquals(List.of("Amazon Elastic Compute Cloud - Compute"), ec2.billedServices());
    assertUsd("-71.812", ec2.differenceUsd());        // 128.188 - 200
    assertUsd("-35.91", ec2.differencePct());
    // Tax has no model: carried, the same amount on both sides, outside the modelled comparison
    assertTrue(r.rows().stream().anyMatch(x -> x.service().equals("Tax") && x.coverage().equals("carried")
        && x.modelledUsd().compareTo(new BigDecimal("5")) == 0));
  }

  @Test
  void reconciliationWarningNamesTheServicesThatExplainTheGap() {
    Assessment strict = model.assess(SmallEstate.snapshot(), SmallEstate.plan(),
        CostOptions.builder().reconciliationThresholdPct(BigDecimal.valueOf(4)).build(), CLOCK);
    List<String> w = strict.reconciliation().warnings();
    assertEquals(1, w.size());
    // |differences|: EC2 71.81, EBS 59.25 (89.25 - 30), ELB 7.40, ... EC2 + EBS pass 80% of the total
    assertTrue(w.get(0).contains("-4.89%") && w.get(0).contains("Amazon EC2 (-71.81 USD") && w.get(0).contains("Amazon EBS (+59.25 USD")
        && !w.get(0).contains("Elastic Load Balancing ("), w.get(0));
    assertTrue(strict.warnings().contains(w.get(0)));
  }

  @Test
  void costPerMillionRequestsAndGrowth() {
    RequestCosts r = a.requests();
    // 20,000,000 edge requests + 200,000 at the classic ELB; the ALB's 1,000,000 are CloudFront origin fetches
    assertEquals(20_200_000L, r.monthlyRequests());
    assertUsd("19.221683", r.awsPerMillionUsd());   // 388.278 / 20.2 (the carried Tax is part of the month)
    assertUsd("30.498574", r.gcpPerMillionUsd());   // 616.0712026 / 20.2
    RequestCosts.GrowthPoint x2 = r.growth().get(1);
    assertUsd("2", x2.trafficMultiple());
    // x2 on AWS: ELB 54.10 (LCU 1.60, NLCU 0.60, CLB 0.80 GB), data transfer 36 (NLB 400 = 100 free + 300 x 0.09; CLB 100 x 0.09),
    // CloudFront 291.12 (europe 1024 free; 3072 x 0.085 = 261.12; requests 3000 x 0.01 = 30), S3 3.10; EC2 and EBS unchanged.
    assertUsd("606.758", x2.awsMonthlyUsd());   // 128.188 + 89.25 + 54.10 + 36 + 291.12 + 3.10 + 5.00 Tax (carried, fixed)
    assertUsd(new BigDecimal("606.758").divide(new BigDecimal("40.4"), 6, RoundingMode.HALF_EVEN).toPlainString(), x2.awsPerMillionUsd());
    assertEquals(3, r.growth().size());
  }

  /**
   * What straight-line scaling of today's traffic lines misses at 2x, by hand. Data transfer out:
   * today 100 GB free + 150 x 0.09 = 13.50; at 2x 100 free + 400 x 0.09 = 36.00; straight line
   * 27.00, so +9.00 (the allowance does not double). CloudFront transfer: today 1,024 GB free +
   * 1,024 x 0.085 = 87.04; at 2x 1,024 free + 3,072 x 0.085 = 261.12; straight line 174.08, so
   * +87.04. CloudFront requests: today 1,000 x 10k free + 1,000 x 0.01 = 10; at 2x 1,000 free +
   * 3,000 x 0.01 = 30; straight line 20, so +10. Google Cloud: 500 GiB of egress and 4 TiB of
   * cache egress at 2x stay inside the first tiers, so nothing is missed.
   */
  @Test
  void trafficCurveAddsWhatStraightLineGrowthMisses() {
    TrafficCurve curve = a.trafficCurve();
    assertUsd("0", curve.nonLinearUsd(Phase.CURRENT, BigDecimal.ONE));
    assertUsd("106.04", curve.nonLinearUsd(Phase.CURRENT, BigDecimal.valueOf(2)));   // 9.00 + 87.04 + 10.00
    assertUsd("0", curve.nonLinearUsd(Phase.TARGET, BigDecimal.valueOf(2)));
    // the same figure as the cost model's own re-pricing at 2x: today + today's traffic lines + the correction
    BigDecimal trafficToday = a.current().lines().stream()
        .filter(l -> l.service().equals("AWS Data Transfer") || l.service().equals("Amazon CloudFront")
            || l.component().contains("LCU hours") || l.component().equals("data processed") || l.component().startsWith("requests"))
        .map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertUsd("606.758", a.current().monthlyUsd().add(trafficToday).add(curve.nonLinearUsd(Phase.CURRENT, BigDecimal.valueOf(2))));
  }

  @Test
  void assumptionsNameEveryOption() {
    List<String> names = a.assumptions().stream().map(Assumption::name).toList();
    for (String n : List.of("hours per month", "target compute pricing", "GKE mode", "GKE free-tier credit",
        "reconciliation threshold", "application tag", "growth multiples", "Cloud CDN cache hit ratio", "AWS free allowances", "AWS WAF rules per web ACL")) {
      assertTrue(names.contains(n), n);
    }
    assertEquals(PriceBook.bundled().date(), a.priceBookDate());
    assertEquals(CLOCK.instant(), a.generatedAt());
    assertTrue(a.timelines().isEmpty());
  }

  @Test
  void sameInputsGiveEqualAssessments() {
    Assessment again = model.assess(SmallEstate.snapshot(), SmallEstate.plan(), CostOptions.defaults(), CLOCK);
    assertEquals(a.current(), again.current());
    assertEquals(a.target(), again.target());
    assertEquals(a.missingPrices(), again.missingPrices());
    assertFalse(a.current().lines().isEmpty());
  }
}

package dev.migrate.cost;

import dev.migrate.testing.SnapshotBuilder;
import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Billing;
import dev.migrate.inventory.Snapshot;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Unmapped;
import dev.migrate.pricing.PriceBook;
import dev.migrate.testing.Golden;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The small us-east-1 estate (see {@link SmallEstate}) with an October bill by usage type that holds what the
 * inventory does not: internet egress beyond what the load balancers measured, transfer between Availability
 * Zones, public IPv4 addresses, a NAT gateway, an RDS database and Route 53. Every figure is worked by hand from
 * the bundled book's unit prices (us-east-1 -> us-east4):
 *
 * <pre>
 * AWS (us-east-1)                                            Google Cloud (us-east4)
 * internet egress: bill 3,000 GB; measured at the NLB 200 and  Premium Tier to worldwide_ex_china_australia, tiers
 *   the classic ELB 50 (100 free + 150 x 0.09 = 13.50);        shared with the measured 250 GiB (30.00):
 *   the rest 2,750 GB x 0.09 = 247.50 (the free 100 GB are     774 GiB x 0.12 = 92.88 (to 1,024), 1,976 x 0.11 =
 *   used; tier 0-10 TB)                                         217.36 -> 310.24
 * between zones: 1,000 GB x 0.01 = 10.00 (out and in)         half the GB (sending side only): 500 x 0.01 = 5.00
 * public IPv4 in use: 2,190 h x 0.005 = 10.95                  external IPs on VMs: 2,190 h x 0.005 = 10.95
 * NAT gateway: 730 h x 0.045 = 32.85                           Cloud NAT gateway: 730 h x 0.0448 = 32.704
 * NAT data processed: 500 GB x 0.045 = 22.50                   Cloud NAT data processed: 500 GiB x 0.045 = 22.50
 * RDS: carried at the bill's 124.10                            carried: 124.10
 * Route 53 (mapped): the bill's 1.00 + 4.00 = 5.00             Cloud DNS: 2 zones x 730 h x 0.000273973 = 0.40000058;
 *                                                                10M queries = 10 x 0.40 = 4.00
 * </pre>
 */
class WholeBillHandCheckedTest {
  static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  static Billing.UsageLine line(String service, String usageType, String quantity, String unit, String usd) {
    return new Billing.UsageLine(service, usageType, "us-east-1", new BigDecimal(usd), new BigDecimal(quantity), unit);
  }

  /** October by usage type; the services are the sums of their lines. */
  static Billing bill() {
    List<Billing.UsageLine> lines = List.of(
        line("AWS Data Transfer", "DataTransfer-Out-Bytes", "3000", "GB", "261.00"),
        line("AWS Data Transfer", "DataTransfer-Regional-Bytes", "1000", "GB", "10.00"),
        line("Amazon Virtual Private Cloud", "USE1-PublicIPv4:InUseAddress", "2190", "Hrs", "10.95"),
        line("EC2 - Other", "NatGateway-Hours", "730", "Hrs", "32.85"),
        line("EC2 - Other", "NatGateway-Bytes", "500", "GB", "22.50"),
        line("Amazon Relational Database Service", "InstanceUsage:db.m5.large", "730", "Hrs", "124.10"),
        new Billing.UsageLine("Amazon Route 53", "HostedZone", null, new BigDecimal("1.00"), new BigDecimal("2"), "HostedZone"),
        new Billing.UsageLine("Amazon Route 53", "DNS-Queries", null, new BigDecimal("4.00"), new BigDecimal("10000000"),
            "Queries"));
    Map<String, BigDecimal> services = new TreeMap<>();
    lines.forEach(l -> services.merge(l.service(), l.amountUsd(), BigDecimal::add));
    List<Billing.ServiceCost> costs = new ArrayList<>();
    services.forEach((s, usd) -> costs.add(new Billing.ServiceCost(s, usd)));
    return new Billing("USD", List.of(new Billing.Month(OCTOBER, false, costs, lines)), Billing.SOURCE_COST_EXPLORER);
  }

  static Snapshot withBill(Snapshot s, Billing b) {
    return SnapshotBuilder.from(s).billing(b).build();
  }

  final Assessment base = new CostModel(PriceBook.bundled()).assess(withBill(SmallEstate.snapshot(), Billing.EMPTY),
      SmallEstate.plan(), CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);
  final Assessment a = new CostModel(PriceBook.bundled()).assess(withBill(SmallEstate.snapshot(), bill()),
      SmallEstate.plan(), CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);

  BigDecimal sum(CostSide side, String itemId) {
    List<CostLine> lines = side.lines().stream().filter(l -> l.itemId().equals(itemId)).toList();
    assertTrue(!lines.isEmpty(), () -> "no line of " + itemId + " in " + side.lines().stream().map(CostLine::itemId)
        .distinct().collect(Collectors.joining(", ")));
    lines.forEach(l -> assertEquals(0, l.quantity().multiply(l.unitPriceUsd()).compareTo(l.monthlyUsd()), l::toString));
    return lines.stream().map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void trafficThatLeavesAwsIsPricedOnBothSidesToTheCent() {
    assertUsd("247.50", sum(a.current(), "bill:internet-egress:us-east-1"));
    assertUsd("310.24", sum(a.target(), "bill:internet-egress:us-east-1"));
    assertUsd("10.00", sum(a.current(), "bill:inter-az:us-east-1"));
    assertUsd("5.00", sum(a.target(), "bill:inter-az:us-east-1"));
    assertUsd("10.95", sum(a.current(), "bill:public-ipv4:us-east-1"));
    assertUsd("10.95", sum(a.target(), "bill:public-ipv4:us-east-1"));
    assertUsd("55.35", sum(a.current(), "bill:nat:us-east-1"));   // 32.85 + 22.50
    assertUsd("55.204", sum(a.target(), "bill:nat:us-east-1"));   // 32.704 + 22.50
    // the measured egress keeps its lines; with the rest, AWS egress is the bill's 261.00
    assertUsd("261.00", a.current().byService().get("AWS Data Transfer").subtract(new BigDecimal("10.00")));
  }

  @Test
  void carriedAndMappedLinesCompleteTheBill() {
    assertUsd("124.10", sum(a.current(), "bill:Amazon Relational Database Service"));
    assertUsd("124.10", sum(a.target(), "bill:Amazon Relational Database Service"));
    assertUsd("5.00", sum(a.current(), "bill:Amazon Route 53"));
    assertUsd("4.40000058", sum(a.target(), "bill:Amazon Route 53"));
    // AWS today: the model's 383.278 + 247.50 + 10.00 + 10.95 + 55.35 + 124.10 + 5.00
    assertUsd("383.278", base.current().monthlyUsd());
    assertUsd("836.178", a.current().monthlyUsd());
    // Google Cloud after: the model's 611.0712026 + 310.24 + 5.00 + 10.95 + 55.204 + 124.10 + 4.40000058
    assertUsd("611.0712026", base.target().monthlyUsd());
    assertUsd("1120.96520318", a.target().monthlyUsd());

    BillCoverage c = a.billCoverage();
    assertEquals(BillCoverage.BY_USAGE_TYPE, c.basis());
    assertEquals(OCTOBER, c.billMonth());
    assertUsd("466.40", c.billUsd());   // 261 + 10 + 10.95 + 32.85 + 22.50 + 124.10 + 1 + 4
    assertUsd("124.10", c.carriedUsd());
    assertUsd("5.00", c.mappedUsd());
    assertUsd("707.078", c.modelledUsd());
    assertEquals("modelled 85%, mapped 1%, carried 15%: Amazon Relational Database Service 124.10", c.headline());
    assertTrue(c.lines().stream().allMatch(l -> l.coverage() != null), c.lines()::toString);
  }

  @Test
  void reconciliationComparesFamiliesOfUsageTypes() {
    Reconciliation r = a.reconciliation();
    Reconciliation.Row egress = row(r, "Data transfer out to the internet");
    assertUsd("261.00", egress.modelledUsd());
    assertUsd("261.00", egress.billedUsd());
    assertEquals(List.of("DataTransfer-Out-Bytes"), egress.usageTypes());
    Reconciliation.Row nat = row(r, "NAT gateway hours and data processed -> Cloud NAT");
    assertUsd("0", nat.differenceUsd());
    assertEquals(List.of("NatGateway-Bytes", "NatGateway-Hours"), nat.usageTypes());
    Reconciliation.Row rds = row(r, "Amazon Relational Database Service");
    assertEquals("carried", rds.coverage());
    assertEquals("mapped", row(r, "Route 53 standard queries -> Cloud DNS queries").coverage());
  }

  @Test
  void costTableIsAsRecorded() throws Exception {
    Golden.check("cost/small-estate-whole-bill.csv", CostTable.csv(a));
  }

  /**
   * A rule set that maps nothing: every item keeps its AWS cost on both sides (carried, no saving), instead of
   * an AWS cost with no Google Cloud cost that read as a 100% saving.
   */
  @Test
  void unmappedItemsAreCarriedNotSaved() {
    MigrationPlan nothing = new MigrationPlan(List.of(), SmallEstate.plan().mappings().stream()
        .map(m -> new Unmapped(m.itemId(), m.kind(), m.itemName(), m.awsRegion(), "no rule matched")).toList(),
        SmallEstate.plan().regionMap(), "none");
    Assessment u = new CostModel(PriceBook.bundled()).assess(withBill(SmallEstate.snapshot(), Billing.EMPTY), nothing,
        CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);
    assertNotNull(u.savingsPct());
    assertUsd("0", u.savingsPct());
    assertUsd(u.current().monthlyUsd().toPlainString(), u.target().monthlyUsd());
    assertUsd(u.current().monthlyUsd().toPlainString(), u.billCoverage().carriedUsd());
    assertTrue(u.billCoverage().headline().contains("carried 100%"), u.billCoverage().headline());
    assertTrue(u.warnings().stream().anyMatch(w -> w.contains("have no mapping") && w.contains("carried")), u.warnings()::toString);
  }

  @Test
  void withoutABillTheHeadlineSaysSo() {
    BillCoverage c = base.billCoverage();
    assertEquals(BillCoverage.NO_BILL, c.basis());
    assertTrue(c.headline().startsWith("no AWS bill in the snapshot"), c.headline());
    assertUsd(base.current().monthlyUsd().toPlainString(), c.modelledUsd());
  }

  private static Reconciliation.Row row(Reconciliation r, String name) {
    return r.rows().stream().filter(x -> x.service().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + r.rows().stream().map(Reconciliation.Row::service).toList()));
  }
}

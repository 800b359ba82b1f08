package dev.migrate.cost;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Billing;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Snapshot;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import dev.migrate.plan.Unmapped;
import dev.migrate.pricing.PriceBook;
import dev.migrate.testing.SnapshotBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Machines the cost model cannot price on AWS do not drop out of "AWS today": the small estate (see
 * {@link SmallEstate}) with three more, each reported as a missing price,
 *
 * <pre>
 * i-005  x9.huge, on demand, mapped to a Compute Engine VM    bill BoxUsage:x9.huge          500.00 (AWS side only)
 * i-006  m5.large bought as Spot, no rule maps it             bill SpotUsage:m5.large         30.00 (both sides)
 * orders db.q9.odd MySQL, no rule maps it                     bill InstanceUsage:db.q9.odd   300.00 (both sides)
 * </pre>
 *
 * and the October bill by usage type holding their hours beside the lines the model prices (on-demand m5.large
 * hours, the DB instance's storage). Each unpriced line is carried from the bill: AWS today grows by exactly
 * 830.00 against the same estate with a bill of the priced lines only, Google Cloud after by 330.00 (the mapped
 * x9.huge is priced there by the plan).
 */
class UnpricedMachinesCarriedTest {
  private static final String EC2 = "Amazon Elastic Compute Cloud - Compute";
  private static final String RDS = "Amazon Relational Database Service";

  private static Billing.UsageLine line(String service, String usageType, String quantity, String unit, String usd) {
    return new Billing.UsageLine(service, usageType, "us-east-1", new BigDecimal(usd), new BigDecimal(quantity), unit);
  }

  private static Billing bill(List<Billing.UsageLine> lines) {
    Map<String, BigDecimal> services = new TreeMap<>();
    lines.forEach(l -> services.merge(l.service(), l.amountUsd(), BigDecimal::add));
    List<Billing.ServiceCost> costs = new ArrayList<>();
    services.forEach((s, usd) -> costs.add(new Billing.ServiceCost(s, usd)));
    return new Billing("USD", List.of(new Billing.Month(WholeBillHandCheckedTest.OCTOBER, false, costs, lines)),
        Billing.SOURCE_COST_EXPLORER);
  }

  private static final List<Billing.UsageLine> PRICED = List.of(
      line(EC2, "BoxUsage:m5.large", "1460", "Hrs", "140.16"),
      line(RDS, "RDS:GP2-Storage", "20", "GB-Mo", "2.30"));
  private static final List<Billing.UsageLine> UNPRICED = List.of(
      line(EC2, "BoxUsage:x9.huge", "730", "Hrs", "500.00"),
      line(EC2, "SpotUsage:m5.large", "730", "Hrs", "30.00"),
      line(RDS, "InstanceUsage:db.q9.odd", "730", "Hrs", "300.00"));

  private static Snapshot snapshot(Billing b) {
    Snapshot s = SmallEstate.snapshot();
    List<Ec2Instance> instances = new ArrayList<>(s.instances());
    instances.add(new Ec2Instance("i-005", "us-east-1", "us-east-1a", "x9.huge", "running", "linux", "x86_64", null,
        "on-demand", "default", "vpc-1", null, List.of(), false, Map.of("app", "ml"), null));
    instances.add(new Ec2Instance("i-006", "us-east-1", "us-east-1b", "m5.large", "running", "linux", "x86_64", null,
        "spot", "default", "vpc-1", null, List.of(), false, Map.of("app", "batch"), null));
    DbInstance orders = new DbInstance("orders", null, "us-east-1", "us-east-1a", "mysql", "8.0", "db.q9.odd", "gp2", 20,
        null, false, null, null, 7, true, null, "available", null, Map.of("app", "shop"));
    return SnapshotBuilder.from(s).instances(instances).dbInstances(List.of(orders)).billing(b).build();
  }

  private static MigrationPlan plan() {
    MigrationPlan p = SmallEstate.plan();
    var mappings = new ArrayList<>(p.mappings());
    mappings.add(SmallEstate.map("i-005", ItemKind.EC2_INSTANCE, "i-005", "us-east-1",
        new Target.ComputeEngineVm("e2-standard-4", "x86_64", "linux", false, "us-east4")));
    List<Unmapped> unmapped = List.of(
        new Unmapped("i-006", ItemKind.EC2_INSTANCE, "i-006", "us-east-1", "no rule"),
        new Unmapped("orders", ItemKind.RDS_INSTANCE, "orders", "us-east-1", "no rule"));
    return new MigrationPlan(mappings, unmapped, p.regionMap(), p.rulesSource());
  }

  private static Assessment assess(List<Billing.UsageLine> lines) {
    return new CostModel(PriceBook.bundled()).assess(snapshot(bill(lines)), plan(), CostOptions.defaults(),
        CostModelHandCheckedTest.CLOCK);
  }

  final Assessment priced = assess(PRICED);
  final Assessment whole = assess(concat(PRICED, UNPRICED));

  private static List<Billing.UsageLine> concat(List<Billing.UsageLine> a, List<Billing.UsageLine> b) {
    List<Billing.UsageLine> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void theModelReportsTheMachinesItCannotPrice() {
    List<String> missing = whole.missingPrices().stream().filter(m -> m.phase() == Phase.CURRENT)
        .map(MissingPrice::itemId).distinct().sorted().toList();
    assertEquals(List.of("i-005", "i-006", "orders"), missing);
  }

  @Test
  void theirBillLinesAreCarriedIntoAwsTodayAndOnlyUnmappedOnesToGoogleCloud() {
    assertUsd("830.00", whole.current().monthlyUsd().subtract(priced.current().monthlyUsd()));
    assertUsd("330.00", whole.target().monthlyUsd().subtract(priced.target().monthlyUsd()));

    BillCoverage c = whole.billCoverage();
    assertUsd("972.46", c.billUsd());
    Map<String, BillCoverage.Part> carried = new TreeMap<>();
    c.carried().forEach(p -> carried.put(p.service(), p));
    assertUsd("530.00", carried.get(EC2).awsUsd());
    assertUsd("30.00", carried.get(EC2).gcpUsd());
    assertTrue(carried.get(EC2).reason().contains("could not price x9.huge in us-east-1 (1 item(s): i-005); carried from"
        + " the bill on the AWS side (the mapped items are priced on Google Cloud by the plan)"), carried.get(EC2).reason());
    assertTrue(carried.get(EC2).reason().contains("could not price m5.large in us-east-1 (1 item(s): i-006); carried from"
        + " the bill;") || carried.get(EC2).reason().endsWith("could not price m5.large in us-east-1 (1 item(s): i-006);"
        + " carried from the bill"), carried.get(EC2).reason());
    assertUsd("300.00", carried.get(RDS).awsUsd());
    assertUsd("300.00", carried.get(RDS).gcpUsd());
    assertTrue(c.headline().contains(EC2 + " 530.00") && c.headline().contains(RDS + " 300.00"), c.headline());

    Map<String, String> coverage = new TreeMap<>();
    c.lines().forEach(l -> coverage.put(l.usageType(), l.coverage()));
    assertEquals(Map.of("BoxUsage:m5.large", BillFamilies.MODELLED, "RDS:GP2-Storage", BillFamilies.MODELLED,
        "BoxUsage:x9.huge", BillFamilies.CARRIED, "SpotUsage:m5.large", BillFamilies.CARRIED,
        "InstanceUsage:db.q9.odd", BillFamilies.CARRIED), coverage);
    assertTrue(whole.warnings().contains("AWS today carries the 2026-10 bill's amounts of machines the model could not"
        + " price (no price in the book for their class, Spot or dedicated tenancy), by usage type: db.q9.odd in us-east-1"
        + " 300.00, m5.large in us-east-1 30.00, x9.huge in us-east-1 500.00"), whole.warnings()::toString);
  }

  @Test
  void aClassTheModelPricesForOneItemIsNotCarriedForAnother() {
    // The on-demand m5.large hours are modelled (i-001, i-002): the line stays modelled, not counted twice, though
    // the Spot m5.large (i-006) could not be priced. Only the unmapped DB instance's modelled storage is carried.
    BillCoverage c = priced.billCoverage();
    assertEquals(List.of("Amazon RDS"), c.carried().stream().map(BillCoverage.Part::service).toList());
    assertTrue(c.carried().get(0).reason().contains("the rules map no Google Cloud target"), c.carried().get(0).reason());
    assertTrue(c.lines().stream().allMatch(l -> l.coverage().equals(BillFamilies.MODELLED)), c.lines()::toString);
    assertTrue(priced.warnings().stream().noneMatch(w -> w.startsWith("AWS today carries")), priced.warnings()::toString);
  }
}

package dev.migrate.cost;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Billing;
import dev.migrate.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * CloudWatch Logs ingestion and KMS lines of the bill, mapped to Cloud Logging and Cloud KMS and priced from the
 * book at the bill's quantities (us-east-1, October 2026), worked by hand:
 *
 * <pre>
 * AWS (the bill's amounts)                         Google Cloud
 * CloudWatch Logs ingested 120 GB: 60.00           Cloud Logging ingestion: 50 GiB free + 70 x 0.50 = 35.00
 * KMS keys 12 (key-months): 12.00                  Cloud KMS key versions: 12 x 0.06 = 0.72
 * KMS requests 3,000,000: 8.94                     Cloud KMS operations: 300 x 10k x 0.03 = 9.00
 * CloudWatch metrics 100: 30.00                    carried: 30.00 (no sourced conversion of metric-months to MiB)
 * </pre>
 */
class MappedFamiliesTest {
  static Billing bill(Billing.UsageLine... lines) {
    Map<String, BigDecimal> services = new TreeMap<>();
    for (Billing.UsageLine l : lines) {
      services.merge(l.service(), l.amountUsd(), BigDecimal::add);
    }
    List<Billing.ServiceCost> costs = new ArrayList<>();
    services.forEach((s, usd) -> costs.add(new Billing.ServiceCost(s, usd)));
    return new Billing("USD", List.of(new Billing.Month(WholeBillHandCheckedTest.OCTOBER, false, costs, List.of(lines))),
        Billing.SOURCE_COST_EXPLORER);
  }

  static Assessment assess(Billing b) {
    return new CostModel(PriceBook.bundled()).assess(WholeBillHandCheckedTest.withBill(SmallEstate.snapshot(), b),
        SmallEstate.plan(), CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);
  }

  static BigDecimal target(Assessment a, String service) {
    return a.target().lines().stream().filter(l -> l.service().equals(service)).map(CostLine::monthlyUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  final Assessment a = assess(bill(
      WholeBillHandCheckedTest.line("AmazonCloudWatch", "USE1-DataProcessing-Bytes", "120", "GB", "60.00"),
      WholeBillHandCheckedTest.line("AmazonCloudWatch", "USE1-CW:MetricMonitorUsage", "100", "Metrics", "30.00"),
      WholeBillHandCheckedTest.line("AWS Key Management Service", "USE1-KMS-Keys", "12", "Keys", "12.00"),
      WholeBillHandCheckedTest.line("AWS Key Management Service", "USE1-KMS-Requests", "3000000", "Requests", "8.94")));

  @Test
  void logsIngestionIsPricedAsCloudLoggingAfterTheFreeAllotment() {
    assertUsd("35.00", target(a, "Cloud Logging"));
    List<CostLine> logging = a.target().lines().stream().filter(l -> l.service().equals("Cloud Logging")).toList();
    assertEquals(2, logging.size(), logging::toString);   // the free 50 GiB and the 70 GiB beyond
    logging.forEach(l -> assertEquals(0, l.quantity().multiply(l.unitPriceUsd()).compareTo(l.monthlyUsd()), l::toString));
  }

  @Test
  void kmsKeysAndRequestsArePricedAsCloudKms() {
    assertUsd("9.72", target(a, "Cloud KMS"));   // 0.72 + 9.00
  }

  @Test
  void coverageNamesTheMappedFamiliesAndCarriesTheMetrics() {
    BillCoverage c = a.billCoverage();
    Map<String, BillCoverage.Part> mapped = new TreeMap<>();
    c.mapped().forEach(p -> mapped.put(p.service(), p));
    assertUsd("60.00", mapped.get("AmazonCloudWatch").awsUsd());
    assertUsd("35.00", mapped.get("AmazonCloudWatch").gcpUsd());
    assertUsd("20.94", mapped.get("AWS Key Management Service").awsUsd());
    assertUsd("9.72", mapped.get("AWS Key Management Service").gcpUsd());
    assertUsd("80.94", c.mappedUsd());
    assertUsd("30.00", c.carriedUsd());
    Map<String, String> family = new TreeMap<>();
    c.lines().forEach(l -> family.put(l.usageType(), l.family() + "/" + l.coverage()));
    assertEquals(Map.of("USE1-DataProcessing-Bytes", "cloudwatch-logs-ingestion/mapped",
        "USE1-CW:MetricMonitorUsage", "null/carried",
        "USE1-KMS-Keys", "kms-keys/mapped",
        "USE1-KMS-Requests", "kms-requests/mapped"), family);
    assertTrue(c.headline().contains("carried") && c.headline().contains("AmazonCloudWatch 30.00"), c.headline());
  }

  /** A line in a unit the family's factor is not for is carried with the reason, not priced at a wrong quantity. */
  @Test
  void aLineInAnotherUnitIsCarriedNotMisPriced() {
    Assessment odd = assess(bill(WholeBillHandCheckedTest.line("AWS Key Management Service", "USE1-KMS-Keys", "8928",
        "Hrs", "12.00")));
    assertUsd("0", target(odd, "Cloud KMS"));
    BillCoverage c = odd.billCoverage();
    assertUsd("12.00", c.carriedUsd());
    assertTrue(c.carried().get(0).reason().contains("unit Hrs is not Keys"), c.carried().toString());
  }

  /**
   * EBS snapshot storage -> Persistent Disk standard snapshots in the mapped region: 500 GB-months x 0.05 (us-east4)
   * = 25.00 against the bill's 25.00; fast snapshot restore stays carried.
   */
  @Test
  void ebsSnapshotStorageIsPricedAsPersistentDiskSnapshotsInTheMappedRegion() {
    Assessment s = assess(bill(
        WholeBillHandCheckedTest.line("EC2 - Other", "USE1-EBS:SnapshotUsage", "500", "GB-Mo", "25.00"),
        WholeBillHandCheckedTest.line("EC2 - Other", "USE1-EBS:FastSnapshotRestore", "10", "DSU-Hrs", "7.50")));
    CostLine pd = s.target().lines().stream().filter(l -> l.itemId().equals("bill:EC2 - Other")
        && l.service().equals("Persistent Disk")).findFirst().orElseThrow();
    assertEquals("gcp/disk/pd-snapshot:capacity/us-east4", pd.priceKey());
    assertUsd("25.00", pd.monthlyUsd());   // 500 x 0.05
    BillCoverage c = s.billCoverage();
    assertUsd("25.00", c.mappedUsd());
    assertUsd("7.50", c.carriedUsd());
  }

  /** The table's {@code units} is a list of texts; anything else is named with its file:line:col. */
  @Test
  void unitsThatAreNotAListAreRefusedWithTheirPosition() {
    String table = """
        families:
          - id: kms-keys
            name: KMS keys
            coverage: mapped
            bill:
              - service: AWS Key Management Service
                usageTypes: ["*KMS-Keys"]
            target:
              service: Cloud KMS
              component: key versions
              priceKey: gcp/kms/key-version-software/global
              quantityFactor: 1
              units: Keys
        """;
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> BillFamilies.read("families.yaml", table));
    assertEquals("families.yaml:13:14: 'units' is a list", e.getMessage());
    BillFamilies ok = BillFamilies.read("families.yaml", table.replace("units: Keys", "units: [Keys]"));
    assertTrue(ok.family("kms-keys").orElseThrow().target().fits("keys"), "units compare without case");
    assertTrue(!ok.family("kms-keys").orElseThrow().target().fits("Hrs"));
  }
}

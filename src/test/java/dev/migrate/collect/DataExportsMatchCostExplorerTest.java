package dev.migrate.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.bill.DataExports;
import dev.migrate.inventory.Billing;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same bill read two ways gives the same lines: Cost Explorer's usage-type answers (through the real
 * SDK client against the stub account) and the account's AWS Data Exports files, as Parquet and as gzip CSV
 * (written by {@code dev.migrate.bill.DataExportsFixtures}).
 */
class DataExportsMatchCostExplorerTest {
  static Fixtures fx;
  static CollectResult result;
  static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);

  @BeforeAll
  static void collect() {
    fx = new Fixtures();
    result = fx.collect();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void costExplorerGivesTheBillByServiceAndUsageTypeAcrossPages() {
    Billing b = result.snapshot().billing();
    assertEquals(Billing.SOURCE_COST_EXPLORER, b.source());
    assertEquals(List.of(), result.snapshot().gaps());
    assertEquals(2 + 2, result.calls().calls().get("ce:GetCostAndUsage"), "two pages by service, two by usage type");
    assertEquals(13, b.months().size());
    for (Billing.Month m : b.months()) {
      for (Billing.ServiceCost s : m.services()) {
        BigDecimal lines = m.usageLines().stream().filter(l -> l.service().equals(s.service()))
            .map(Billing.UsageLine::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, s.amountUsd().compareTo(lines), m.month() + " " + s.service() + ": lines " + lines);
      }
    }
    // May 2026 came on both pages: its lines are merged into one month.
    Billing.Month may = b.months().get(6);
    assertEquals(YearMonth.of(2026, 5), may.month());
    assertEquals(List.of("JP-Requests-Tier2-HTTPS", "US-DataTransfer-Out-Bytes", "APN1-BoxUsage:m5.large",
        "APN1-HeavyUsage:m5.large", "BoxUsage:t3.small", "EU-Requests-Tier1", "EU-TimedStorage-ByteHrs",
        "EUW2-Requests-Tier2"), may.usageLines().stream().map(Billing.UsageLine::usageType).toList());
    Billing.UsageLine t3 = line(may, "BoxUsage:t3.small");
    assertEquals("us-east-1", t3.region(), "no prefix: us-east-1");
    assertEquals(new BigDecimal("400"), t3.amountUsd(), "the savings plan's covered usage and its negation cancel");
    assertEquals(new BigDecimal("19561.5"), t3.quantity());
    assertEquals("Hrs", t3.unit());
    assertEquals("ap-northeast-1", line(may, "APN1-HeavyUsage:m5.large").region());
    assertNull(line(may, "US-DataTransfer-Out-Bytes").region(), "CloudFront is global");
    assertEquals("eu-west-1", line(may, "EU-TimedStorage-ByteHrs").region(), "EU is Ireland's code");
    assertEquals(BigDecimal.ZERO, line(may, "EU-Requests-Tier1").amountUsd(), "free usage is a line at zero");
    assertTrue(b.months().get(12).estimated());
  }

  @Test
  void parquetExportReadsToTheSameLinesAsCostExplorer() {
    assertSameBill(DataExports.read(Path.of("src/test/resources/bill/cur2-parquet"), CLOCK));
  }

  @Test
  void gzipCsvExportReadsToTheSameLinesAsCostExplorer() {
    assertSameBill(DataExports.read(Path.of("src/test/resources/bill/cur2-csv"), CLOCK));
  }

  private static void assertSameBill(DataExports.Result r) {
    Billing ce = result.snapshot().billing();
    Billing de = r.billing();
    assertEquals(Billing.SOURCE_DATA_EXPORTS, de.source());
    assertEquals(14, r.files().size(), "one file per billing period; the manifest is not read");
    assertEquals(ce.months().stream().map(Billing.Month::month).toList(), de.months().stream().map(Billing.Month::month).toList());
    for (int i = 0; i < ce.months().size(); i++) {
      Billing.Month a = ce.months().get(i);
      Billing.Month b = de.months().get(i);
      assertEquals(a.usageLines(), b.usageLines(), a.month().toString());
      assertEquals(a.estimated(), b.estimated(), a.month().toString());
      assertEquals(a.services().size(), b.services().size(), a.month().toString());
      for (int j = 0; j < a.services().size(); j++) {
        assertEquals(a.services().get(j).service(), b.services().get(j).service());
        assertEquals(0, a.services().get(j).amountUsd().compareTo(b.services().get(j).amountUsd()),
            a.month() + " " + a.services().get(j));
      }
    }
    // 13 months in the window, each with a 30.00 credit, a 5.50 refund and 85.02 of tax.
    assertEquals(List.of("left out of the bill, as from Cost Explorer: Credit -390.00, Refund -71.50, Tax 1105.26 USD",
        "1 month(s) outside 2025-11..2026-11 not read (Cost Explorer's window)"), r.notes());
  }

  private static Billing.UsageLine line(Billing.Month m, String usageType) {
    return m.usageLines().stream().filter(l -> l.usageType().equals(usageType)).findFirst().orElseThrow();
  }
}

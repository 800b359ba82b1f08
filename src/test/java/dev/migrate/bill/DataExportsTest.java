package dev.migrate.bill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad exports fail with one line that names the file and says what to do. */
class DataExportsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  static final Path PARQUET = Path.of("src/test/resources/bill/cur2-parquet/data");

  @Test
  void aTruncatedParquetFileIsNamed(@TempDir Path dir) throws IOException {
    copyTree(PARQUET, dir);
    Path bad = dir.resolve("BILLING_PERIOD=2026-03/tableapp-00001.snappy.parquet");
    byte[] bytes = Files.readAllBytes(bad);
    Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    BillExportException e = assertThrows(BillExportException.class, () -> DataExports.read(dir, CLOCK));
    assertOneLine(e);
    assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(re-download or remove that file)"), e.getMessage());
  }

  @Test
  void aCorruptGzipCsvIsNamed(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("a.csv.gz");
    gzip(good, "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_unblended_cost,"
        + "line_item_usage_amount,bill_billing_period_start_date\nUsage,AmazonS3,Requests-Tier1,1.5,10,2026-10-01T00:00:00.000Z\n");
    Path bad = dir.resolve("b.csv.gz");
    Files.write(bad, new byte[] {31, -117, 8, 0, 1, 2, 3, 4});
    BillExportException e = assertThrows(BillExportException.class, () -> DataExports.read(dir, CLOCK));
    assertOneLine(e);
    assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
  }

  @Test
  void aCostThatIsNotANumberIsNamedWithItsFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a.csv.gz");
    gzip(f, "line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_unblended_cost,"
        + "line_item_usage_amount,bill_billing_period_start_date\nUsage,AmazonS3,Requests-Tier1,one dollar,10,"
        + "2026-10-01T00:00:00.000Z\n");
    BillExportException e = assertThrows(BillExportException.class, () -> DataExports.read(dir, CLOCK));
    assertEquals(f + ": 1 line item(s) whose line_item_unblended_cost is not a number (re-download or remove that file)",
        e.getMessage());
  }

  @Test
  void legacyCostAndUsageReportColumnsAreRecognised(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("legacy.csv.gz");
    gzip(f, "identity/LineItemId,lineItem/LineItemType,lineItem/UnblendedCost\nx,Usage,1.0\n");
    BillExportException e = assertThrows(BillExportException.class, () -> DataExports.read(dir, CLOCK));
    assertOneLine(e);
    assertTrue(e.getMessage().startsWith(f + ": no column line_item_line_item_type"), e.getMessage());
    assertTrue(e.getMessage().contains("legacy Cost and Usage Report columns"), e.getMessage());
  }

  @Test
  void aFolderWithoutExportsSaysWhatToGive(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), "{}");
    BillExportException e = assertThrows(BillExportException.class, () -> DataExports.read(dir, CLOCK));
    assertEquals(dir + ": no Data Exports files (*.parquet, *.csv.gz, *.csv) there; give the export's data folder "
        + "(it holds BILLING_PERIOD=YYYY-MM folders)", e.getMessage());
    BillExportException missing = assertThrows(BillExportException.class,
        () -> DataExports.read(dir.resolve("nowhere"), CLOCK));
    assertTrue(missing.getMessage().startsWith(dir.resolve("nowhere") + ": no such file or folder"));
  }

  @Test
  void productCodesAreNamedAsCostExplorerNamesThem() {
    assertEquals("Amazon Elastic Compute Cloud - Compute", DataExports.service("AmazonEC2", "APN1-BoxUsage:m5.large"));
    assertEquals("Amazon Elastic Compute Cloud - Compute", DataExports.service("AmazonEC2", "HeavyUsage:m5.large"));
    assertEquals("EC2 - Other", DataExports.service("AmazonEC2", "APN1-EBS:VolumeUsage.gp3"));
    assertEquals("EC2 - Other", DataExports.service("AmazonEC2", "APN1-NatGateway-Hours"));
    assertEquals("Amazon Relational Database Service", DataExports.service("AmazonRDS", "APN1-InstanceUsage:db.r5.large"));
    assertEquals(null, DataExports.service("AmazonNewThing", "x"));
  }

  private static void assertOneLine(Exception e) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("SQLException"), e.getMessage());
  }

  private static void gzip(Path f, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}

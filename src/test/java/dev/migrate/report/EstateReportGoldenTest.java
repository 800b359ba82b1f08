package dev.migrate.report;

import static dev.migrate.testing.ThreeAccountEstate.A;
import static dev.migrate.testing.ThreeAccountEstate.B;
import static dev.migrate.testing.ThreeAccountEstate.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.testing.Cli;
import dev.migrate.testing.Golden;
import dev.migrate.testing.ThreeAccountEstate;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of an estate of three accounts ({@link ThreeAccountEstate}) through the command line: the per-account
 * totals in the JSON, the console's account block, the Summary's account table, and the Account column of the
 * Inventory, Mapping and Costs sheets, against goldens.
 */
class EstateReportGoldenTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  static final String STEM = "assessment-" + A + "-2026-11-25";

  @TempDir static Path tmp;
  static Cli.Run run;
  static Path out;

  @BeforeAll
  static void assess() throws Exception {
    ThreeAccountEstate.write(tmp.resolve("estate"));
    out = tmp.resolve("out");
    run = Cli.run(CLOCK, "assess", "--snapshot", tmp.resolve("estate").toString(), "--out", out.toString());
    assertEquals(0, run.code(), run.toString());
  }

  @Test
  void theJsonHasPerAccountTotalsThatAddUpToTheTotals() throws Exception {
    String json = Files.readString(out.resolve(STEM + ".json"));
    Golden.check("report/estate-assessment.json", json);
    JsonNode j = new ObjectMapper().readTree(json);
    BigDecimal aws = BigDecimal.ZERO;
    BigDecimal gcp = BigDecimal.ZERO;
    for (JsonNode r : j.path("accounts").path("rows")) {
      aws = aws.add(r.path("awsMonthlyUsd").decimalValue());
      gcp = gcp.add(r.path("gcpMonthlyUsd").decimalValue());
    }
    assertEquals(0, aws.compareTo(j.path("totals").path("awsMonthlyUsd").decimalValue()), "AWS rows add up");
    assertEquals(0, gcp.compareTo(j.path("totals").path("gcpMonthlyUsd").decimalValue()), "Google Cloud rows add up");
    assertEquals("2026-10", j.path("accounts").path("billMonth").asText());
  }

  @Test
  void theConsoleHasAShortAccountBlock() throws Exception {
    // The output folder is a new temporary one each run.
    Golden.check("report/estate-console.txt", run.out().replace(out.toString(), "OUT"));
    assertTrue(run.out().contains("Accounts (3)"), run.out());
  }

  @Test
  void theSummaryListsTheAccountsAndTheDetailSheetsHaveAnAccountColumn() throws Exception {
    try (Workbook wb = WorkbookFactory.create(out.resolve(STEM + ".xlsx").toFile(), null, true)) {
      Golden.check("report/estate-summary.txt", WorkbookWriterTest.sheetText(wb, "Summary", 3));
      assertEquals(B, cellOf(wb.getSheet("Inventory"), ThreeAccountEstate.iid(B, 1), "Account"));
      assertEquals(C, cellOf(wb.getSheet("Mapping"), ThreeAccountEstate.ALB_ARN, "Account"));
      assertEquals(A, cellOf(wb.getSheet("Costs"), "web@" + A, "Account"));
      assertEquals(B, cellOf(wb.getSheet("Inventory"), "orders@" + B, "Account"));
    }
  }

  @Test
  void oneAccountsSheetsHaveNoAccountColumn() throws Exception {
    Path one = tmp.resolve("one");
    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", tmp.resolve("estate").resolve(C + ".json").toString(),
        "--out", one.toString());
    assertEquals(0, r.code(), r.toString());
    try (Workbook wb = WorkbookFactory.create(one.resolve("assessment-" + C + "-2026-11-25.xlsx").toFile(), null,
        true)) {
      for (String sheet : new String[] {"Inventory", "Mapping", "Costs"}) {
        assertNull(column(wb.getSheet(sheet), "Account"), sheet);
      }
    }
    assertTrue(!Files.readString(one.resolve("assessment-" + C + "-2026-11-25.json")).contains("\"accounts\""));
  }

  private static Integer column(Sheet s, String header) {
    var fmt = new DataFormatter();
    for (Row row : s) {
      for (var c : row) {
        if (header.equals(fmt.formatCellValue(c))) {
          return c.getColumnIndex();
        }
      }
      if (row.getRowNum() > 5) {
        break;
      }
    }
    return null;
  }

  /** The cell under {@code header} in the first row whose cells hold {@code id}. */
  private static String cellOf(Sheet s, String id, String header) {
    Integer col = column(s, header);
    assertTrue(col != null, s.getSheetName() + " has an " + header + " column");
    var fmt = new DataFormatter();
    for (Row row : s) {
      for (var c : row) {
        if (id.equals(fmt.formatCellValue(c))) {
          return fmt.formatCellValue(row.getCell(col));
        }
      }
    }
    throw new AssertionError(id + " not on " + s.getSheetName());
  }
}

package dev.migrate.cli;

import dev.migrate.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's promise, through the command line: {@code assess --sample} runs the whole
 * pipeline offline and writes a workbook and a JSON whose totals agree.
 */
class AssessSampleTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir static Path out;
  static Cli.Run run;

  static Cli.Run migrate(String... args) {
    return Cli.run(CLOCK, args);
  }

  @BeforeAll
  static void assessTheSample() {
    run = migrate("assess", "--sample", "--out", out.toString());
  }

  @Test
  void theSampleAssessmentSucceedsAndWritesWorkbookJsonAndCsv() throws Exception {
    assertEquals(0, run.code(), run.err());
    try (Stream<Path> files = Files.list(out)) {
      List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("assessment-481516234200-2026-11-25.json", "assessment-481516234200-2026-11-25.xlsx",
          "cost-lines-481516234200-2026-11-25.csv"), names);
    }
    assertTrue(run.out().contains("481516234200"), run.out());
  }

  @Test
  void theWorkbookHasTheManagementSheetsAndItsTotalsAgreeWithTheJsonToTheCent() throws Exception {
    JsonNode json = JSON.readTree(out.resolve("assessment-481516234200-2026-11-25.json").toFile());
    JsonNode totals = json.get("totals");
    BigDecimal aws = totals.get("awsMonthlyUsd").decimalValue();
    BigDecimal gcp = totals.get("gcpMonthlyUsd").decimalValue();
    assertTrue(aws.signum() > 0 && gcp.signum() > 0, totals.toString());
    assertNotNull(totals.get("savingsPct").decimalValue());
    assertTrue(totals.get("costPerMillionRequests").get("aws").decimalValue().signum() > 0);
    assertTrue(totals.get("costPerMillionRequests").get("gcp").decimalValue().signum() > 0);

    try (Workbook wb = WorkbookFactory.create(out.resolve("assessment-481516234200-2026-11-25.xlsx").toFile(), null, true)) {
      for (String sheet : List.of("Summary", "Inventory", "Mapping", "Costs", "Timeline", "Reconciliation",
          "Assumptions", "Gaps")) {
        assertNotNull(wb.getSheet(sheet), "sheet " + sheet);
      }
      Sheet costs = wb.getSheet("Costs");
      BigDecimal awsLines = BigDecimal.ZERO;
      BigDecimal gcpLines = BigDecimal.ZERO;
      for (Row row : costs) {
        Cell side = row.getCell(0);
        Cell amount = row.getCell(9);
        if (side == null || amount == null || side.getCellType() != CellType.STRING
            || amount.getCellType() != CellType.NUMERIC) {
          continue;
        }
        BigDecimal value = BigDecimal.valueOf(amount.getNumericCellValue());
        if (side.getStringCellValue().equals("AWS today")) {
          awsLines = awsLines.add(value);
        } else if (side.getStringCellValue().equals("Google Cloud after")) {
          gcpLines = gcpLines.add(value);
        }
      }
      assertEquals(cents(aws), cents(awsLines), "AWS total: JSON vs the Costs sheet's lines");
      assertEquals(cents(gcp), cents(gcpLines), "Google Cloud total: JSON vs the Costs sheet's lines");
    }
  }

  @Test
  void aSnapshotFileGivesTheSameTotalsAsTheBundledSample() throws Exception {
    Path other = out.resolve("from-file");
    Cli.Run r = migrate("assess", "--snapshot", "sample-data/tableapp/snapshot.json", "--out", other.toString(),
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode a = JSON.readTree(out.resolve("assessment-481516234200-2026-11-25.json").toFile()).get("totals");
    JsonNode b = JSON.readTree(other.resolve("assessment-481516234200-2026-11-25.json").toFile()).get("totals");
    assertEquals(a, b);
  }

  @Test
  void aMissingSnapshotIsOneLineAndExitCodeThree() {
    Cli.Run r = migrate("assess", "--snapshot", "no/such/file.json", "--out", out.resolve("x").toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertEquals("migrate: no/such/file.json: no such file\n", r.err());
  }

  @Test
  void withoutAnEstateTheCommandSaysWhichOptionsToGive() {
    Cli.Run r = migrate("assess");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("--sample, --snapshot PATH or --aws-profile NAME"), r.err());
  }

  @Test
  void sampleAndSnapshotTogetherAreAUsageError() {
    Cli.Run r = migrate("assess", "--sample", "--snapshot", "x.json");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().startsWith("migrate: Error: --sample, --snapshot=PATH are mutually exclusive"), r.err());
  }

  private static BigDecimal cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN);
  }
}

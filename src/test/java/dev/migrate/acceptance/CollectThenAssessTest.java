package dev.migrate.acceptance;

import dev.migrate.testing.Cli;
import dev.migrate.testing.Cli.Run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
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
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 end to end through {@code Main.run}: {@code migrate collect --endpoint-url
 * http://127.0.0.1:PORT --aws-profile test} against the WireMock stub account
 * ({@code src/test/resources/wiremock}, the collector tests' fixtures) writes a snapshot, and
 * {@code migrate assess --snapshot} turns that file into a workbook, a JSON and a CSV (exit 0).
 * CollectCommandTest stops at the snapshot; this test goes on to the reports.
 */
class CollectThenAssessTest {
  /** The collector fixtures' clock (collect.Fixtures.NOW): fixed, so the report names are known. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  private static final String ACCOUNT = "123456789012";
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir
  static Path dir;
  private static WireMockServer server;


  /** The stub account, and a profile named "test" for it ({@link dev.migrate.testing.TestProfile}). */
  @BeforeAll
  static void stubAccountAndProfile() throws Exception {
    dev.migrate.testing.TestProfile.install(dir);
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        .usingFilesUnderClasspath("wiremock"));
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    dev.migrate.testing.TestProfile.clear();
  }

  private static Run migrate(String... args) {
    return Cli.run(CLOCK, args);
  }

  @Test
  void collectedSnapshotBecomesWorkbookAndJson() throws Exception {
    Path snapshot = dir.resolve("snapshot.json");
    Run collect = migrate("collect", "--endpoint-url", "http://127.0.0.1:" + server.port(), "--aws-profile", "test",
        "--out", snapshot.toString());
    assertEquals(0, collect.code(), collect.err());
    Snapshot s = SnapshotJson.read(snapshot);
    assertEquals(ACCOUNT, s.account().id());
    assertTrue(s.gaps().isEmpty(), s.gaps().toString());

    Path reports = dir.resolve("reports");
    Run assess = migrate("assess", "--snapshot", snapshot.toString(), "--out", reports.toString());
    assertEquals(0, assess.code(), assess.err());
    String day = "2026-11-25";
    List<String> expected = List.of("assessment-" + ACCOUNT + "-" + day + ".json", "assessment-" + ACCOUNT + "-" + day + ".xlsx",
        "cost-lines-" + ACCOUNT + "-" + day + ".csv");
    try (Stream<Path> files = Files.list(reports)) {
      assertEquals(expected, files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (String name : expected) {
      assertTrue(assess.out().contains(reports.resolve(name).toString()), "stdout names " + name + ":\n" + assess.out());
    }
    assertFalse(assess.err().contains("Exception"), assess.err());

    JsonNode json = JSON.readTree(reports.resolve(expected.get(0)).toFile());
    String text = json.toString();
    for (var i : s.instances()) {
      assertTrue(text.contains(i.id()), "the JSON covers instance " + i.id());
    }
    JsonNode totals = json.get("totals");
    BigDecimal aws = totals.get("awsMonthlyUsd").decimalValue();
    BigDecimal gcp = totals.get("gcpMonthlyUsd").decimalValue();
    assertTrue(aws.signum() > 0 && gcp.signum() > 0, totals.toString());

    try (Workbook wb = WorkbookFactory.create(reports.resolve(expected.get(1)).toFile(), null, true)) {
      for (String sheet : List.of("Summary", "Inventory", "Mapping", "Costs", "Assumptions", "Gaps")) {
        assertNotNull(wb.getSheet(sheet), "sheet " + sheet);
      }
      // The Costs sheet's lines add up to the JSON's totals (column 0: side, column 9: monthly USD).
      BigDecimal awsLines = BigDecimal.ZERO;
      BigDecimal gcpLines = BigDecimal.ZERO;
      for (Row row : wb.getSheet("Costs")) {
        Cell side = row.getCell(0);
        Cell amount = row.getCell(9);
        if (side == null || amount == null || side.getCellType() != CellType.STRING
            || amount.getCellType() != CellType.NUMERIC) {
          continue;
        }
        BigDecimal v = BigDecimal.valueOf(amount.getNumericCellValue());
        if (side.getStringCellValue().equals("AWS today")) {
          awsLines = awsLines.add(v);
        } else if (side.getStringCellValue().equals("Google Cloud after")) {
          gcpLines = gcpLines.add(v);
        }
      }
      assertEquals(aws.setScale(2, RoundingMode.HALF_EVEN), awsLines.setScale(2, RoundingMode.HALF_EVEN));
      assertEquals(gcp.setScale(2, RoundingMode.HALF_EVEN), gcpLines.setScale(2, RoundingMode.HALF_EVEN));
    }
    String all = Files.readString(snapshot) + collect.err() + assess.out() + assess.err();
    assertFalse(all.contains("s3cr3t") || all.contains("AKIDTEST"), "no credentials anywhere");
  }
}

package dev.migrate.report;

import dev.migrate.testing.Cli;
import dev.migrate.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures a manager reads for the real sample estate, through the real pipeline (command
 * line, rules, price book, cost model, what-if engine, workbook): the Summary's label | value |
 * note cells as displayed, formulas evaluated by POI, against goldens. A change anywhere up the
 * pipeline that moves a headline figure shows here as a diff; {@code -Dgolden.update=true}
 * accepts it.
 */
class SampleWorkbookGoldenTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  static final String XLSX = "assessment-481516234200-2026-11-25.xlsx";

  @TempDir Path out;

  private Path migrate(String... args) {
    Cli.Run r = Cli.run(CLOCK, args);
    assertEquals(0, r.code(), r.err());
    return out.resolve(XLSX);
  }

  @Test
  void assessSampleSummaryMatchesTheGolden() throws Exception {
    Path xlsx = migrate("assess", "--sample", "--out", out.toString());
    try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
      Golden.check("report/sample-summary.txt", WorkbookWriterTest.sheetText(wb, "Summary", 3)
          + "== Scenarios\n" + WorkbookWriterTest.sheetText(wb, "Scenarios", 15));
    }
  }

  @Test
  void whatifSampleSummaryAndScenariosMatchTheGolden() throws Exception {
    Path xlsx = migrate("whatif", "--sample", "--out", out.toString());
    try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
      Golden.check("report/sample-whatif-summary.txt", WorkbookWriterTest.sheetText(wb, "Summary", 3)
          + "== Scenarios\n" + WorkbookWriterTest.sheetText(wb, "Scenarios", 15));
    }
  }
}

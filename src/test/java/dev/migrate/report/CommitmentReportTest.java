package dev.migrate.report;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RI and SP coverage and the modelled saving, with their months, in every report. */
class CommitmentReportTest {
  private static final ObjectMapper READ = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void jsonCarriesCoverageAndSavingPerModelMonth() throws Exception {
    JsonNode c = READ.readTree(AssessmentJson.toJson(ReportModel.of(Fixtures.tableapp()))).get("commitments");
    assertEquals("2026-10", c.get("fromMonth").asText());
    assertEquals("2026-10", c.get("toMonth").asText());
    assertEquals(0, new BigDecimal("744").compareTo(c.get("periodHours").decimalValue()));
    JsonNode ri = c.get("reservedInstances");
    assertEquals(0, new BigDecimal("25").compareTo(ri.get("coveragePct").decimalValue()));
    assertUsd("41.61", ri.get("modelledSavingUsd").decimalValue(), "modelledSavingUsd");
    assertEquals("m5.large", ri.get("groups").get(0).get("instanceType").asText());
    JsonNode sp = c.get("savingsPlans");
    assertEquals(0, new BigDecimal("40").compareTo(sp.get("coveragePct").decimalValue()));
    assertUsd("4.2", sp.get("unusedCommitmentUsd").decimalValue(), "unusedCommitmentUsd");
    assertUsd("36", sp.get("modelledSavingUsd").decimalValue(), "modelledSavingUsd");
    assertTrue(sp.get("applied").asBoolean());
  }

  @Test
  void withoutCoverageJsonSaysWhy() throws Exception {
    JsonNode j = READ.readTree(AssessmentJson.toJson(ReportModel.of(Fixtures.bare())));
    assertTrue(j.get("commitments").isNull());
    assertEquals(ReportModel.NO_COVERAGE, j.get("totals").get("notAvailable").get("commitments").asText());
  }

  @Test
  void workbookShowsCoverageOnSummaryAndReconciliation() throws Exception {
    try (var wb = WorkbookWriterTest.workbook(ReportModel.of(Fixtures.tableapp()))) {
      String summary = WorkbookWriterTest.sheetText(wb, "Summary", 3);
      assertTrue(summary.contains("Commitments today (Cost Explorer 2026-10)"), summary);
      assertTrue(summary.contains("Reserved instance coverage | 25.00%"), summary);
      assertTrue(summary.contains("Savings plan coverage | 40.00% | covered / eligible compute spend; 95.00% of the commitment used"),
          summary);
      assertTrue(summary.contains("Savings plan saving per month | $36.00"), summary);
      String rec = WorkbookWriterTest.sheetText(wb, "Reconciliation", 6);
      assertTrue(rec.contains("Commitments: Cost Explorer coverage 2026-10 (744 h)"), rec);
      assertTrue(rec.contains("m5.large | ap-northeast-1 | 730.0 | 730.0 | 0.0"), rec);
      assertTrue(rec.contains("commitment unused |  | $4.20"), rec);
      assertTrue(rec.contains("net savings |  | $36.00 | $36.00"), rec);
    }
    try (var wb = WorkbookWriterTest.workbook(ReportModel.of(Fixtures.bare()))) {
      String summary = WorkbookWriterTest.sheetText(wb, "Summary", 3);
      assertTrue(summary.contains("Coverage | not available | the snapshot has no Cost Explorer"), summary);
    }
  }

  @Test
  void consoleNamesCoverageSavingAndMonths() {
    String out = ConsoleSummary.render(ReportModel.of(Fixtures.tableapp()), List.of());
    assertTrue(out.contains("Commitments (Cost Explorer 2026-10): reserved instances cover 25.00%, saving 41.61 USD/month;"),
        out);
    assertTrue(out.contains("savings plans cover 40.00% (95.00% used), saving 36.00 USD/month"), out);
  }
}

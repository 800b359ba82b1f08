package dev.migrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.cost.Assessment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookWriterTest {

  static XSSFWorkbook workbook(ReportModel m) throws Exception {
    var out = new ByteArrayOutputStream();
    WorkbookWriter.write(m, out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }

  /** The Summary row whose column A is {@code label}. */
  static Row summaryRow(XSSFWorkbook wb, String label) {
    Sheet s = wb.getSheet("Summary");
    for (Row row : s) {
      Cell a = row.getCell(0);
      if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
        return row;
      }
    }
    throw new AssertionError("no Summary row labelled '" + label + "'");
  }

  static double number(XSSFWorkbook wb, String label) {
    return summaryRow(wb, label).getCell(1).getNumericCellValue();
  }

  static void assertCents(BigDecimal expected, double actual, String what) {
    assertEquals(expected.setScale(2, RoundingMode.HALF_UP),
        BigDecimal.valueOf(actual).setScale(2, RoundingMode.HALF_UP), what);
  }

  @Test
  void hasEverySheetInOrder() throws Exception {
    try (var wb = workbook(ReportModel.of(Fixtures.tableapp()))) {
      var names = new ArrayList<String>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("Summary", "Inventory", "Mapping", "Costs", "Timeline", "Reconciliation", "Bill history",
          "Assumptions", "Gaps", "Warnings"), names);
      assertEquals("migrate", wb.getProperties().getCoreProperties().getCreator());
      assertEquals(Fixtures.GENERATED, wb.getProperties().getCoreProperties().getCreated().toInstant());
    }
  }

  @Test
  void everyFormulaEvaluatesToItsWrittenValueWithoutErrors() throws Exception {
    try (var wb = workbook(ReportModel.of(Fixtures.tableapp()))) {
      FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
      int formulas = 0;
      for (Sheet s : wb) {
        for (Row row : s) {
          for (Cell c : row) {
            if (c.getCellType() != CellType.FORMULA) {
              continue;
            }
            formulas++;
            String where = s.getSheetName() + "!" + c.getAddress() + " =" + c.getCellFormula();
            assertEquals(CellType.NUMERIC, c.getCachedFormulaResultType(), where);
            double written = c.getNumericCellValue();
            var v = ev.evaluate(c);
            assertEquals(CellType.NUMERIC, v.getCellType(), where + " evaluates to " + v.formatAsString());
            assertEquals(written, v.getNumberValue(), 0.005, where);
          }
        }
      }
      assertTrue(formulas > 40, "headline figures, totals and counts are formulas: " + formulas);
      // Headline figures are formulas over the detail sheets, not typed-in numbers.
      assertTrue(summaryRow(wb, "AWS monthly today").getCell(1).getCellFormula().startsWith("Costs!"));
      assertTrue(summaryRow(wb, "Google Cloud monthly after").getCell(1).getCellFormula().startsWith("Costs!"));
      assertTrue(summaryRow(wb, "Peak hybrid month cost").getCell(1).getCellFormula().startsWith("MAX(Timeline!"));
      assertTrue(summaryRow(wb, "GKE StatefulSet").getCell(1).getCellFormula().startsWith("COUNTIF(Mapping!"));
    }
  }

  @Test
  void summaryFiguresAgreeWithTheAssessmentJsonToTheCent() throws Exception {
    Assessment a = Fixtures.tableapp();
    ReportModel m = ReportModel.of(a);
    JsonNode j = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(AssessmentJson.toJson(m));
    JsonNode t = j.get("totals");
    try (var wb = workbook(m)) {
      assertCents(t.get("awsMonthlyUsd").decimalValue(), number(wb, "AWS monthly today"), "AWS");
      assertCents(t.get("gcpMonthlyUsd").decimalValue(), number(wb, "Google Cloud monthly after"), "GCP");
      assertCents(t.get("savingsUsd").decimalValue(), number(wb, "Saving per month"), "saving");
      assertCents(t.get("savingsPct").decimalValue(), number(wb, "Saving, percent of today") * 100, "saving %");
      assertCents(t.get("costPerMillionRequests").get("aws").decimalValue(), number(wb, "AWS per million requests"), "aws/M");
      assertCents(t.get("costPerMillionRequests").get("gcp").decimalValue(),
          number(wb, "Google Cloud per million requests"), "gcp/M");
      assertEquals(t.get("monthlyRequests").asLong(), (long) number(wb, "Requests per month"));
      JsonNode h = j.get("hybrid");
      assertCents(h.get("peakMonthUsd").decimalValue(), number(wb, "Peak hybrid month cost"), "peak");
      assertCents(h.get("oneOffUsd").decimalValue(), number(wb, "One-off migration costs"), "one-off");
      assertEquals(h.get("paybackMonths").asInt(), (int) number(wb, "Months to pay back"));
      assertEquals(h.get("peakMonth").asText(), summaryRow(wb, "Peak hybrid month").getCell(1).getStringCellValue());
      assertCents(j.get("awsBill").get("growthPct").decimalValue(), number(wb, "Growth of the AWS bill") * 100, "growth");
      j.get("counts").get("byTarget").fields().forEachRemaining(e ->
          assertEquals(e.getValue().asInt(), (int) number(wb, e.getKey()), e.getKey()));
      assertEquals(j.get("counts").get("blockers").asInt(), (int) number(wb, "Blockers"));
      // The Costs sheet's lines sum to the same totals.
      Sheet costs = wb.getSheet("Costs");
      BigDecimal aws = BigDecimal.ZERO;
      for (int i = WorkbookWriter.FIRST_DATA_ROW; i < WorkbookWriter.FIRST_DATA_ROW + m.costLines().size(); i++) {
        Row row = costs.getRow(i);
        if (row.getCell(0).getStringCellValue().equals(WorkbookWriter.AWS_SIDE)) {
          aws = aws.add(BigDecimal.valueOf(row.getCell(9).getNumericCellValue()));
        }
      }
      assertCents(t.get("awsMonthlyUsd").decimalValue(), aws.doubleValue(), "sum of Costs lines");
    }
  }

  @Test
  void summaryHasTheFourChartsAsPictures() throws Exception {
    try (var wb = workbook(ReportModel.of(Fixtures.tableapp()))) {
      assertEquals(List.of(
          "Monthly spend through the migration (phased-6-months)",
          "Monthly cost by service, before and after",
          "Cost per million requests, before and after",
          "AWS bill, last 12 months"), pictures(wb.getSheet("Summary")));
      assertEquals(4, wb.getAllPictures().size());
      // The timeline also as an editable native chart whose series point at the Timeline sheet.
      var charts = wb.getSheet("Timeline").getDrawingPatriarch().getCharts();
      assertEquals(1, charts.size());
      var series = charts.get(0).getChartSeries().get(0);
      assertEquals(3, series.getSeriesCount());
      assertEquals("Timeline!$I$4:$I$15", series.getSeries(0).getValuesData().getDataRangeReference());
      assertTrue(wb.getAllPictures().get(0).getData().length > 10_000, "a real PNG");
    }
  }

  static String absent(XSSFWorkbook wb, String label) {
    Row row = summaryRow(wb, label);
    return row.getCell(1).getStringCellValue() + ": " + row.getCell(2).getStringCellValue();
  }

  static List<String> pictures(XSSFSheet s) {
    XSSFDrawing d = s.getDrawingPatriarch();
    var names = new ArrayList<String>();
    if (d == null) {
      return names;
    }
    d.getShapes().stream().filter(x -> x instanceof XSSFPicture)
        .forEach(x -> names.add(((XSSFPicture) x).getCTPicture().getNvPicPr().getCNvPr().getDescr()));
    return names;
  }

  @Test
  void figuresThatCannotBeComputedSaySo() throws Exception {
    try (var wb = workbook(ReportModel.of(Fixtures.bare()))) {
      // B says what is missing, C says why; together they read as the JSON's reason.
      assertEquals(ReportModel.NO_TIMELINE, absent(wb, "Peak hybrid month"));
      assertEquals(ReportModel.NO_TIMELINE, absent(wb, "Peak hybrid month cost"));
      assertEquals(ReportModel.NO_TIMELINE, absent(wb, "Months to pay back"));
      assertEquals(ReportModel.NO_REQUESTS, absent(wb, "AWS per million requests"));
      assertEquals(ReportModel.NO_BILLING, absent(wb, "Growth of the AWS bill"));
      assertEquals("not available", summaryRow(wb, "Peak hybrid month").getCell(1).getStringCellValue());
      assertEquals("not measured", summaryRow(wb, "AWS per million requests").getCell(1).getStringCellValue());
      assertEquals(List.of("Monthly cost by service, before and after"), pictures(wb.getSheet("Summary")));
      assertTrue(wb.getSheet("Timeline").getRow(WorkbookWriter.FIRST_DATA_ROW).getCell(0).getStringCellValue()
          .startsWith(ReportModel.NO_TIMELINE));
      assertEquals(ReportModel.NO_BILLING,
          wb.getSheet("Reconciliation").getRow(WorkbookWriter.FIRST_DATA_ROW).getCell(0).getStringCellValue());
      FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
      for (Sheet s : wb) {
        for (Row row : s) {
          for (Cell c : row) {
            if (c.getCellType() == CellType.FORMULA) {
              assertEquals(CellType.NUMERIC, ev.evaluate(c).getCellType(), s.getSheetName() + "!" + c.getAddress());
            }
          }
        }
      }
    }
  }

  @Test
  void detailSheetsHaveFrozenHeadersFiltersAndWidths() throws Exception {
    try (var wb = workbook(ReportModel.of(Fixtures.tableapp()))) {
      for (String name : WorkbookWriter.SHEETS.subList(1, WorkbookWriter.SHEETS.size())) {
        XSSFSheet s = wb.getSheet(name);
        assertNotNull(s.getPaneInformation(), name + " has frozen panes");
        assertEquals(WorkbookWriter.FIRST_DATA_ROW, s.getPaneInformation().getHorizontalSplitPosition(), name);
        assertTrue(s.getCTWorksheet().isSetAutoFilter(), name + " has an auto-filter");
        assertTrue(s.getColumnWidth(0) >= 10 * 256, name + " column A is not left at the default width");
      }
      Sheet costs = wb.getSheet("Costs");
      assertEquals("\"$\"#,##0.00;[Red]-\"$\"#,##0.00",
          costs.getRow(WorkbookWriter.FIRST_DATA_ROW).getCell(9).getCellStyle().getDataFormatString());
    }
  }

  @Test
  void summaryValuesMatchTheGolden() throws Exception {
    Golden.check("report/tableapp-summary.txt", summaryText(ReportModel.of(Fixtures.tableapp())));
    Golden.check("report/bare-summary.txt", summaryText(ReportModel.of(Fixtures.bare())));
    Golden.check("report/tableapp-console.txt", ConsoleSummary.render(ReportModel.of(Fixtures.tableapp()), List.of()));
    Golden.check("report/bare-console.txt", ConsoleSummary.render(ReportModel.of(Fixtures.bare()), List.of()));
  }

  /** The Summary as a reader sees it: label | displayed value | note, one line per row. */
  static String summaryText(ReportModel m) throws Exception {
    try (var wb = workbook(m)) {
      FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
      var fmt = new DataFormatter(java.util.Locale.ROOT);
      var out = new StringBuilder();
      for (Row row : wb.getSheet("Summary")) {
        var cells = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
          Cell c = row.getCell(i);
          cells.add(c == null ? "" : fmt.formatCellValue(c, ev));
        }
        if (!String.join("", cells).isBlank()) {
          out.append(String.join(" | ", cells).stripTrailing()).append('\n');
        }
      }
      return out.toString();
    }
  }
}

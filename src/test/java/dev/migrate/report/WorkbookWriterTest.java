package dev.migrate.report;

import static dev.migrate.testing.Money.assertUsd;
import static dev.migrate.testing.Money.cents;
import dev.migrate.testing.Golden;

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

  @Test
  void hasEverySheetInOrder() throws Exception {
    try (var wb = workbook(ReportModel.of(Fixtures.tableapp()))) {
      var names = new ArrayList<String>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(List.of("Summary", "Scenarios", "Inventory", "Mapping", "Costs", "Timeline", "Reconciliation", "Bill history",
          "Assumptions", "Gaps", "Warnings"), names);
      assertEquals("migrate", wb.getProperties().getCoreProperties().getCreator());
      assertEquals(Fixtures.GENERATED, wb.getProperties().getCoreProperties().getCreated().toInstant());
    }
  }

  @Test
  void everyFormulaEvaluatesToItsWrittenValueWithoutErrors() throws Exception {
    for (Assessment a : List.of(Fixtures.tableapp(), Fixtures.scenarios())) {
      formulasEvaluateToTheirCachedValues(a);
    }
  }

  /** Evaluates every formula of the workbook against its cached value; returns how many there are. */
  private static int evaluateEveryFormula(XSSFWorkbook wb) {
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
    return formulas;
  }

  @Test
  void aLargeEstatesDetailSheetsKeepTheDearestLinesAndSayWhatIsCutWhileTheSummaryStillCountsEverything()
      throws Exception {
    ReportModel m = ReportModel.of(Fixtures.tableapp());
    int max = 5;
    var out = new ByteArrayOutputStream();
    WorkbookWriter.write(m, out, max);
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertTrue(evaluateEveryFormula(wb) > 10);
      // The totals still add up every line, through one row per side for the lines left out.
      assertEquals(m.figures().awsMonthlyUsd().doubleValue(), number(wb, "AWS monthly today"), 0.005);
      assertEquals(m.figures().gcpMonthlyUsd().doubleValue(), number(wb, "Google Cloud monthly after"), 0.005);
      assertTrue(summaryRow(wb, "AWS monthly today").getCell(1).getCellFormula().startsWith("Costs!"));
      Sheet costs = wb.getSheet("Costs");
      int first = Layout.FIRST_DATA_ROW;
      List<Double> shown = new ArrayList<>();
      for (int r = first; r < first + max; r++) {
        shown.add(costs.getRow(r).getCell(CostsSheet.MONTHLY_COL).getNumericCellValue());
      }
      List<Double> dearest = m.costLines().stream().map(l -> l.monthlyUsd().abs().doubleValue())
          .sorted(java.util.Comparator.reverseOrder()).limit(max).toList();
      assertEquals(dearest, shown.stream().map(Math::abs).sorted(java.util.Comparator.reverseOrder()).toList());
      assertEquals("(other lines)", costs.getRow(first + max).getCell(1).getStringCellValue());
      String note = costs.getRow(first + max + 2).getCell(0).getStringCellValue();
      assertEquals(String.format(java.util.Locale.ROOT, "%,d more rows are not shown: a detail sheet keeps 5 rows of %,d."
          + " Every line is in the cost-lines CSV.", m.costLines().size() - max, m.costLines().size()), note);
      assertTrue(costs.getRow(1).getCell(0).getStringCellValue().startsWith("The 5 dearest of "));
      // Mapping and Inventory keep their first rows and say so; the Summary's counts are values over every item.
      Sheet mapping = wb.getSheet("Mapping");
      assertEquals(m.mappings().get(max - 1).itemId(), mapping.getRow(first + max - 1).getCell(1).getStringCellValue());
      assertTrue(mapping.getRow(first + max).getCell(0).getStringCellValue().contains("Every item is in the assessment JSON"));
      assertTrue(wb.getSheet("Inventory").getRow(first + max).getCell(0).getStringCellValue().startsWith(
          String.format(java.util.Locale.ROOT, "%,d more rows are not shown", m.inventory().size() - max)));
      Cell unmapped = summaryRow(wb, "Unmapped items").getCell(1);
      assertEquals(CellType.NUMERIC, unmapped.getCellType());
      assertEquals(m.figures().unmapped(), (int) unmapped.getNumericCellValue());
      Cell gke = summaryRow(wb, "GKE StatefulSet").getCell(1);
      assertEquals(CellType.NUMERIC, gke.getCellType());
      assertEquals(m.figures().countsByTarget().get("GKE StatefulSet"), (int) gke.getNumericCellValue());
    }
  }

  private static void formulasEvaluateToTheirCachedValues(Assessment a) throws Exception {
    try (var wb = workbook(ReportModel.of(a))) {
      int formulas = evaluateEveryFormula(wb);
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
      assertUsd(cents(t.get("awsMonthlyUsd").decimalValue()), number(wb, "AWS monthly today"), "AWS");
      assertUsd(cents(t.get("gcpMonthlyUsd").decimalValue()), number(wb, "Google Cloud monthly after"), "GCP");
      assertUsd(cents(t.get("savingsUsd").decimalValue()), number(wb, "Saving per month"), "saving");
      assertUsd(cents(t.get("savingsPct").decimalValue()), number(wb, "Saving, percent of today") * 100, "saving %");
      assertUsd(cents(t.get("costPerMillionRequests").get("aws").decimalValue()), number(wb, "AWS per million requests"), "aws/M");
      assertUsd(cents(t.get("costPerMillionRequests").get("gcp").decimalValue()),
          number(wb, "Google Cloud per million requests"), "gcp/M");
      assertEquals(t.get("monthlyRequests").asLong(), (long) number(wb, "Requests per month"));
      JsonNode h = j.get("hybrid");
      assertUsd(cents(h.get("peakMonthUsd").decimalValue()), number(wb, "Peak hybrid month cost"), "peak");
      assertUsd(cents(h.get("oneOffUsd").decimalValue()), number(wb, "One-off migration costs"), "one-off");
      assertEquals(h.get("paybackMonths").asInt(), (int) number(wb, "Months to pay back"));
      assertEquals(h.get("peakMonth").asText(), summaryRow(wb, "Peak hybrid month").getCell(1).getStringCellValue());
      assertUsd(cents(j.get("awsBill").get("growthPct").decimalValue()), number(wb, "Growth of the AWS bill") * 100, "growth");
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
      assertUsd(cents(t.get("awsMonthlyUsd").decimalValue()), aws.doubleValue(), "sum of Costs lines");
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
      // The four on the Summary and the scenario comparison on the Scenarios sheet.
      assertEquals(5, wb.getAllPictures().size());
      assertEquals(List.of("Monthly total by scenario"), pictures(wb.getSheet("Scenarios")));
      // The timeline also as an editable native chart whose series point at the Timeline sheet.
      var charts = wb.getSheet("Timeline").getDrawingPatriarch().getCharts();
      assertEquals(1, charts.size());
      var series = charts.get(0).getChartSeries().get(0);
      assertEquals(3, series.getSeriesCount());
      assertEquals("Timeline!$I$4:$I$15", series.getSeries(0).getValuesData().getDataRangeReference());
      assertTrue(wb.getAllPictures().get(0).getData().length > 10_000, "a real PNG");
    }
  }

  @Test
  void theScenariosSheetComparesEveryScenarioWithFormulasOverTheTimeline() throws Exception {
    ReportModel m = ReportModel.of(Fixtures.scenarios());
    JsonNode json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(AssessmentJson.toJson(m)).get("scenarios");
    try (var wb = workbook(m)) {
      XSSFSheet s = wb.getSheet("Scenarios");
      FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
      assertEquals(3, json.size());
      for (int i = 0; i < 3; i++) {
        Row row = s.getRow(WorkbookWriter.FIRST_DATA_ROW + i);
        JsonNode j = json.get(i);
        assertEquals(j.get("scenario").asText(), row.getCell(0).getStringCellValue());
        assertEquals(j.get("firstMonth").asText(), row.getCell(1).getStringCellValue());
        assertEquals(j.get("peakMonth").asText(), row.getCell(3).getStringCellValue());
        assertEquals(j.get("lastMonth").asText(), row.getCell(5).getStringCellValue());
        String[] money = {"firstMonthUsd", null, "peakMonthUsd", null, "lastMonthUsd", "lastMonthPerMillionUsd",
            "cumulativeUsd", "cumulativeStayOnAwsUsd", "savedUsd"};
        for (int k = 0; k < money.length; k++) {
          if (money[k] == null) {
            continue;
          }
          Cell c = row.getCell(2 + k);
          assertEquals(CellType.FORMULA, c.getCellType(), money[k] + " traces back to the Timeline sheet");
          assertUsd(cents(j.get(money[k]).decimalValue()), ev.evaluate(c).getNumberValue(), j.get("scenario") + " " + money[k]);
        }
        assertEquals(j.get("blockers").asInt(), (int) row.getCell(13).getNumericCellValue());
        assertEquals(j.get("warnings").asInt(), (int) row.getCell(14).getNumericCellValue());
      }
      // The Timeline sheet's blocks: the second scenario's total sums that block only.
      assertEquals("SUM(Timeline!H16:H33)", s.getRow(WorkbookWriter.FIRST_DATA_ROW + 1).getCell(8).getCellFormula());
      // The slow scenario costs more on Google Cloud: no payback, one blocker and one warning.
      Row slow = s.getRow(WorkbookWriter.FIRST_DATA_ROW + 1);
      assertEquals("not within the timeline", slow.getCell(11).getStringCellValue());
      assertTrue(json.get(1).get("paybackMonths").isNull());
      assertTrue(json.get(1).get("savedUsd").decimalValue().signum() < 0, json.get(1).toString());
      assertEquals(1, json.get(1).get("blockers").asInt());
      assertEquals(1, json.get(1).get("warnings").asInt());
      // The first scenario is the Summary's: the same payback there and here.
      assertEquals((int) number(wb, "Months to pay back"),
          (int) s.getRow(WorkbookWriter.FIRST_DATA_ROW).getCell(12).getNumericCellValue());
      // Beneath the table, the scenarios' warnings with their severity.
      var listed = new ArrayList<String>();
      for (Row row : s) {
        if (row.getRowNum() > WorkbookWriter.FIRST_DATA_ROW + 3 && row.getCell(1) != null) {
          listed.add(row.getCell(0).getStringCellValue() + " | " + row.getCell(1).getStringCellValue() + " | "
              + row.getCell(2).getStringCellValue());
        }
      }
      assertEquals(List.of(
          "phased-6-months | warning | HA VPN: 2 tunnels of 3 Gbps for a peak of 0.4 Gbps crossing the link; IPsec "
              + "overhead assumed 20%",
          "slow-waves-18-months | warning | HA VPN: 1 tunnel of 3 Gbps for a peak of 2.9 Gbps crossing the link; "
              + "IPsec overhead assumed 20%",
          "slow-waves-18-months | blocker | 10.0.0.0/16 is used by both the AWS VPC and the planned GCP VPC"), listed);
      assertEquals(WorkbookWriter.FIRST_DATA_ROW, s.getPaneInformation().getHorizontalSplitPosition());
      assertEquals("A3:O6", s.getCTWorksheet().getAutoFilter().getRef());
      assertEquals(List.of("Monthly total by scenario"), pictures(s));
      // With several scenarios the Summary shows the comparison in place of the first one's breakdown.
      assertEquals("Monthly total by scenario", pictures(wb.getSheet("Summary")).get(0));
      assertEquals(3, (int) number(wb, "Scenarios compared"));
    }
  }

  @Test
  void withoutAWhatIfRunTheScenariosSheetSaysSo() throws Exception {
    try (var wb = workbook(ReportModel.of(Fixtures.bare()))) {
      XSSFSheet s = wb.getSheet("Scenarios");
      assertEquals(ReportModel.NO_TIMELINE, s.getRow(1).getCell(0).getStringCellValue());
      assertTrue(s.getRow(WorkbookWriter.FIRST_DATA_ROW).getCell(0).getStringCellValue()
          .startsWith(ReportModel.NO_TIMELINE));
      assertEquals(List.of(), pictures(s));
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
    Golden.check("report/scenarios-summary.txt", summaryText(ReportModel.of(Fixtures.scenarios()))
        + sheetText(ReportModel.of(Fixtures.scenarios()), "Scenarios"));
    Golden.check("report/tableapp-console.txt", ConsoleSummary.render(ReportModel.of(Fixtures.tableapp()), List.of()));
    Golden.check("report/bare-console.txt", ConsoleSummary.render(ReportModel.of(Fixtures.bare()), List.of()));
  }

  /** The Summary as a reader sees it: label | displayed value | note, one line per row. */
  static String summaryText(ReportModel m) throws Exception {
    try (var wb = workbook(m)) {
      return sheetText(wb, "Summary", 3);
    }
  }

  static String sheetText(ReportModel m, String sheet) throws Exception {
    try (var wb = workbook(m)) {
      return "== " + sheet + "\n" + sheetText(wb, sheet, 15);
    }
  }

  /**
   * A sheet as a reader sees it: the first {@code columns} cells of each non-blank row as
   * displayed (formulas evaluated, cell formats applied), joined by " | ".
   */
  static String sheetText(org.apache.poi.ss.usermodel.Workbook wb, String sheet, int columns) {
    FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
    var fmt = new DataFormatter(java.util.Locale.ROOT);
    var out = new StringBuilder();
    for (Row row : wb.getSheet(sheet)) {
      var cells = new ArrayList<String>();
      for (int i = 0; i < columns; i++) {
        Cell c = row.getCell(i);
        cells.add(c == null ? "" : fmt.formatCellValue(c, ev));
      }
      if (String.join("", cells).isBlank()) {
        continue;
      }
      // Wide sheets: drop the empty cells at the end (the Summary's three columns stay as they were).
      while (cells.size() > 3 && cells.get(cells.size() - 1).isBlank()) {
        cells.remove(cells.size() - 1);
      }
      {
        out.append(String.join(" | ", cells).stripTrailing()).append('\n');
      }
    }
    return out.toString();
  }
}

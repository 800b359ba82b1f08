package dev.migrate.report;

import static dev.migrate.report.Cells.formulaIfClose;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/** The Bill history sheet: the AWS bill by month and service, services as columns, largest total first. */
final class BillSheet {
  /** Column C, the month's total (the Summary's bill figures point at it). */
  private static final int TOTAL_CHARS = 14;
  private static final int MAX_CHARS = 24;
  /** A service column is at least this wide: a month's amount ("12,345.67") and a word of its name. */
  private static final int MIN_SERVICE_CHARS = 12;
  /**
   * Characters the service columns share: about 190 print one A4 landscape page wide at 7 pt or
   * more, less the month, estimated and total columns.
   */
  private static final int SERVICE_BUDGET_CHARS = 190 - 8 - 10 - TOTAL_CHARS;
  /** Services start in column D. */
  private static final int FIRST_SERVICE_COL = 3;

  private final ReportModel m;
  private final Styles st;

  BillSheet(ReportModel m, Styles st) {
    this.m = m;
    this.st = st;
  }

  void write(Sheet s) {
    var months = m.billMonths();
    var t = new Table(s, st, "Bill history", months.isEmpty() ? ReportModel.NO_BILLING
        : "The AWS bill by month and service (Cost Explorer, unblended, USD); an estimated month was still open");
    // Services as columns, largest total first, so the wide sheet reads from the left.
    var totals = new TreeMap<String, BigDecimal>();
    months.forEach(mo -> mo.services().forEach((k, v) -> totals.merge(k, v, BigDecimal::add)));
    List<String> services = totals.entrySet().stream()
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    var headers = new ArrayList<String>(List.of("Month", "Estimated", "Total (USD)"));
    headers.addAll(services);
    t.header(headers.toArray(String[]::new));
    t.wrap(2, TOTAL_CHARS);   // the total keeps its width when many services narrow the others
    String lastCol = CellReference.convertNumToColString(
        Math.max(FIRST_SERVICE_COL, FIRST_SERVICE_COL - 1 + services.size()));
    for (ReportModel.BillMonth mo : months) {
      Row row = t.row();
      int r1 = row.getRowNum() + 1;
      t.text(row, 0, mo.month().toString());
      t.text(row, 1, mo.estimated() ? "estimated" : "");
      BigDecimal sum = mo.services().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      formulaIfClose(row.createCell(2), "SUM(D" + r1 + ":" + lastCol + r1 + ")", sum, mo.totalUsd(), st.money);
      t.width(2, TOTAL_CHARS);
      for (int i = 0; i < services.size(); i++) {
        BigDecimal v = mo.services().get(services.get(i));
        t.num(row, FIRST_SERVICE_COL + i, v, st.money);
      }
    }
    t.emptyNote(months.isEmpty(), ReportModel.NO_BILLING);
    // Many services narrow their columns (the names wrap in the header) so the page stays readable.
    t.finish(services.isEmpty() ? MAX_CHARS
        : Math.max(MIN_SERVICE_CHARS, Math.min(MAX_CHARS, SERVICE_BUDGET_CHARS / services.size())));
  }
}

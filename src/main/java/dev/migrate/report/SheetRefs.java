package dev.migrate.report;

import static dev.migrate.report.Layout.FIRST_DATA_ROW;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where figures land on the detail sheets, computed from the model before anything is written,
 * so that the Summary's formulas can point into sheets that are streamed after it. Rows are
 * 0-based; references are as a formula writes them.
 */
final class SheetRefs {
  /** Rows of the AWS and Google Cloud totals below the cost lines (a blank row between). */
  final int costsTotalAws;
  final int costsTotalGcp;
  private final int mappingLast;
  private final int warningsLast;
  /** The Costs sheet's lines (all, or the dearest of a large estate). */
  final CostsSheet.Shown costs;
  /** Data rows a detail sheet keeps at most. */
  final int maxRows;
  private final boolean mappingCut;
  private final boolean warningsCut;
  /** Rows of the first scenario's months on the Timeline sheet; last before first without a timeline. */
  final int timelineFirstPrimary;
  final int timelineLastPrimary;
  private final Map<YearMonth, Integer> billRows = new TreeMap<>();

  SheetRefs(ReportModel m, int maxRows) {
    this.maxRows = maxRows;
    costs = CostsSheet.shown(m.costLines(), maxRows);
    int costsLast = FIRST_DATA_ROW + Math.max(costs.rows(), 1) - 1;
    costsTotalAws = costsLast + 2;
    costsTotalGcp = costsLast + 3;
    mappingCut = m.mappings().size() > maxRows;
    warningsCut = m.warnings().size() > maxRows;
    mappingLast = FIRST_DATA_ROW + Math.max(Math.min(m.mappings().size(), maxRows), 1) - 1;
    warningsLast = FIRST_DATA_ROW + Math.max(Math.min(m.warnings().size(), maxRows), 1) - 1;
    int primaryMonths = m.timelines().isEmpty() ? 0 : m.timelines().get(0).months().size();
    timelineFirstPrimary = FIRST_DATA_ROW;
    timelineLastPrimary = FIRST_DATA_ROW + primaryMonths - 1;
    for (int i = 0; i < m.billMonths().size(); i++) {
      billRows.put(m.billMonths().get(i).month(), FIRST_DATA_ROW + i);
    }
  }

  boolean hasTimeline() {
    return timelineLastPrimary >= timelineFirstPrimary;
  }

  String costsTotalAwsRef() {
    return WorkbookWriter.COSTS + "!$J$" + (costsTotalAws + 1);
  }

  String costsTotalGcpRef() {
    return WorkbookWriter.COSTS + "!$J$" + (costsTotalGcp + 1);
  }

  /** Absolute range of one Mapping column over the data rows, e.g. {@code Mapping!$E$4:$E$20}. */
  String mappingColumn(char col) {
    return WorkbookWriter.MAPPING + "!$" + col + "$" + (FIRST_DATA_ROW + 1) + ":$" + col + "$" + (mappingLast + 1);
  }

  /**
   * {@code COUNTIF} of one Mapping column equal to {@code value}, or null when the Mapping sheet does not show every
   * item (a large estate): then the count is written as a value.
   */
  String mappingCountIf(char col, String value) {
    return mappingCut ? null : "COUNTIF(" + mappingColumn(col) + ",\"" + value.replace("\"", "\"\"") + "\")";
  }

  /** {@code COUNTIF} of one Warnings column, or null when the sheet does not show every warning. */
  String warningsCountIf(char col, String value) {
    return warningsCut ? null : "COUNTIF(" + warningsColumn(col) + ",\"" + value + "\")";
  }

  String warningsColumn(char col) {
    return WorkbookWriter.WARNINGS + "!$" + col + "$" + (FIRST_DATA_ROW + 1) + ":$" + col + "$" + (warningsLast + 1);
  }

  /** Range of one Timeline column over the primary scenario's months, or null without a timeline. */
  String timelineColumn(char col) {
    if (!hasTimeline()) {
      return null;
    }
    return WorkbookWriter.TIMELINE + "!$" + col + "$" + (timelineFirstPrimary + 1) + ":$" + col + "$"
        + (timelineLastPrimary + 1);
  }

  /** The Bill history cell holding a month's total, or null. */
  String billTotalRef(YearMonth month) {
    Integer row = billRows.get(month);
    return row == null ? null : "'" + WorkbookWriter.BILL + "'!$C$" + (row + 1);
  }
}

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
  /** Rows of the first scenario's months on the Timeline sheet; last before first without a timeline. */
  final int timelineFirstPrimary;
  final int timelineLastPrimary;
  private final Map<YearMonth, Integer> billRows = new TreeMap<>();

  SheetRefs(ReportModel m) {
    int lines = m.costLines().size();
    int costsLast = FIRST_DATA_ROW + Math.max(lines, 1) - 1;
    costsTotalAws = costsLast + 2;
    costsTotalGcp = costsLast + 3;
    mappingLast = FIRST_DATA_ROW + Math.max(m.mappings().size(), 1) - 1;
    warningsLast = FIRST_DATA_ROW + Math.max(m.warnings().size(), 1) - 1;
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

package dev.migrate.report;

import static dev.migrate.report.Cells.formula;
import static dev.migrate.report.Cells.formulaIfClose;
import static dev.migrate.report.Cells.label;
import static dev.migrate.report.Layout.FIRST_DATA_ROW;
import static dev.migrate.report.Layout.HEADER_ROW;
import static dev.migrate.report.Layout.MONEY_CHARS;
import static dev.migrate.report.Layout.MONTH_CHARS;
import static dev.migrate.report.Layout.WIDE_MONEY_CHARS;
import static dev.migrate.report.WorkbookWriter.TIMELINE;

import dev.migrate.cost.Timeline;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The scenarios side by side: a row per scenario whose money figures are formulas over that
 * scenario's block of the Timeline sheet, then the scenarios' warnings and the chart of their
 * monthly totals. Without a what-if run the sheet says so, as the Timeline sheet does. Small (a
 * row per scenario) and carries a picture placed by column widths: built in memory.
 */
final class ScenariosSheet {
  private static final int SCENARIO_CHARS = 22;
  private static final int MAX_CHARS = 30;
  /** The payback column: a month, or the longer "not within the timeline". */
  private static final int PAYBACK_CHARS = 10;
  private static final int NO_PAYBACK_CHARS = 21;
  /** Counts of blockers and warnings. */
  private static final int COUNT_CHARS = 9;

  private final ReportModel m;
  private final Styles st;

  ScenariosSheet(ReportModel m, Styles st) {
    this.m = m;
    this.st = st;
  }

  void write(XSSFSheet s) {
    List<ReportModel.ScenarioRow> rows = m.scenarios();
    var t = new Table(s, st, "Scenarios", rows.isEmpty() ? ReportModel.NO_TIMELINE
        : rows.size() + " what-if scenario(s) side by side, USD; money figures are formulas over the Timeline sheet; "
        + "the Summary uses " + rows.get(0).scenario());
    t.header("Scenario", "First month", "First month total", "Peak month", "Peak month total", "Last month",
        "Last month total", "Last month per million requests", "Cumulative spend", "Cumulative staying on AWS",
        "Saved (staying minus spend)", "Payback month", "Months to pay back", "Blockers", "Warnings");
    t.wrap(0, SCENARIO_CHARS);
    int start = FIRST_DATA_ROW;  // 0-based first Timeline row of the scenario
    for (int i = 0; i < rows.size(); i++) {
      ReportModel.ScenarioRow x = rows.get(i);
      Timeline tl = m.timelines().get(i);
      int a = start + 1;
      int b = start + tl.months().size();
      start += tl.months().size();
      Row row = t.row();
      int r1 = row.getRowNum() + 1;
      t.text(row, 0, x.scenario());
      t.num(row, 13, (double) x.blockers(), st.integer);
      t.num(row, 14, (double) x.warnings(), st.integer);
      if (x.firstMonth() == null) {
        label(row, 1, "no months in this scenario's timeline", st.notAvailable);
        continue;
      }
      label(row, 1, x.firstMonth().toString(), st.centered);
      formula(row.createCell(2), TIMELINE + "!H" + a, x.firstUsd(), st.money);
      if (x.peakMonth() != null) {
        label(row, 3, x.peakMonth().toString(), st.centered);
      }
      if (x.peakUsd() != null) {
        BigDecimal max = tl.months().stream().map(Timeline.Month::totalUsd).reduce(BigDecimal::max).orElseThrow();
        formulaIfClose(row.createCell(4), "MAX(" + TIMELINE + "!H" + a + ":H" + b + ")", max, x.peakUsd(), st.money);
      }
      label(row, 5, x.lastMonth().toString(), st.centered);
      formula(row.createCell(6), TIMELINE + "!H" + b, x.lastUsd(), st.money);
      if (x.lastPerMillionUsd() == null) {
        label(row, 7, "not measured", st.notAvailable);
      } else {
        formula(row.createCell(7), TIMELINE + "!M" + b, x.lastPerMillionUsd(), st.money);
      }
      BigDecimal sum = tl.months().stream().map(Timeline.Month::totalUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
      formulaIfClose(row.createCell(8), "SUM(" + TIMELINE + "!H" + a + ":H" + b + ")", sum, x.cumulativeUsd(), st.money);
      BigDecimal stay = tl.months().stream().map(Timeline.Month::stayOnAwsUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
      formulaIfClose(row.createCell(9), "SUM(" + TIMELINE + "!I" + a + ":I" + b + ")", stay, x.cumulativeStayUsd(),
          st.money);
      formula(row.createCell(10), "J" + r1 + "-I" + r1, x.savedUsd(), st.money);
      if (x.paybackMonth() == null) {
        label(row, 11, "not within the timeline", st.note);
      } else {
        label(row, 11, x.paybackMonth().toString(), st.centered);
        t.num(row, 12, (double) x.paybackMonths(), st.integer);
      }
    }
    t.emptyNote(rows.isEmpty(), ReportModel.NO_TIMELINE
        + " (run `migrate whatif` with one or more scenarios to compare them)");
    int next = t.lastDataRow() + 2;
    t.finish(MAX_CHARS);
    if (rows.isEmpty()) {
      return;
    }
    // Headers are long; wrapped, they keep the money columns narrow enough to print on one page width.
    Row header = s.getRow(HEADER_ROW);
    header.setHeightInPoints(Layout.rowHeightPoints(Layout.HEADER_LINES)); // the headers wrap (Table writes them so)
    // Characters per column (A keeps the table's width): months, money with a margin, counts.
    int[] widths = {0, MONTH_CHARS, MONEY_CHARS, MONTH_CHARS, MONEY_CHARS, MONTH_CHARS, MONEY_CHARS, MONEY_CHARS,
        WIDE_MONEY_CHARS, WIDE_MONEY_CHARS, WIDE_MONEY_CHARS,
        rows.stream().anyMatch(x -> x.paybackMonth() == null) ? NO_PAYBACK_CHARS : PAYBACK_CHARS, PAYBACK_CHARS,
        COUNT_CHARS, COUNT_CHARS};
    for (int c = 1; c < widths.length; c++) {
      s.setColumnWidth(c, Layout.width(widths[c]));
    }
    label(s.createRow(next++), 0, "Warnings and blockers of the scenarios", st.infoLabel);
    int listed = 0;
    for (Timeline tl : m.timelines()) {
      for (String w : tl.warnings()) {
        Row row = s.createRow(next++);
        boolean blocker = w.startsWith(ReportModel.BLOCKER_PREFIX);
        label(row, 0, tl.scenario(), st.text);
        label(row, 1, blocker ? "blocker" : "warning", st.text);
        label(row, 2, blocker ? w.substring(ReportModel.BLOCKER_PREFIX.length()).strip() : w, st.text);
        listed++;
      }
    }
    if (listed == 0) {
      label(s.createRow(next++), 0, "none: no scenario raised a warning or blocker", st.note);
    }
    next = waveTraffic(s, next + 1);
    next++;
    if (m.timelines().stream().anyMatch(x -> !x.months().isEmpty())) {
      Cells.picture(s, s.createDrawingPatriarch(), Charts.scenarios(m.timelines(), Charts.Size.DEFAULT), 0, next);
    }
  }

  /**
   * Per scenario and wave, the GiB a month (today's traffic) the wave exchanges with the rest of the estate, and
   * whether flow logs measured it or the flows model assumed it; returns the next free row.
   */
  private int waveTraffic(XSSFSheet s, int next) {
    if (m.timelines().stream().allMatch(x -> x.waves().isEmpty())) {
      return next;
    }
    label(s.createRow(next++), 0, "Traffic each wave exchanges with the rest of the estate, GiB per month at today's"
        + " traffic (it crosses the link while the wave runs on the other cloud)", st.infoLabel);
    Row head = s.createRow(next++);
    String[] heads = {"Scenario", "Wave", "Lands", "Units", "Measured GiB", "Assumed GiB", "Crossing traffic"};
    for (int c = 0; c < heads.length; c++) {
      label(head, c, heads[c], st.text);
    }
    for (Timeline tl : m.timelines()) {
      for (Timeline.WaveTraffic w : tl.waves()) {
        Row row = s.createRow(next++);
        label(row, 0, tl.scenario(), st.text);
        label(row, 1, w.wave(), st.text);
        label(row, 2, w.lands().toString(), st.centered);
        Cells.number(row, 3, BigDecimal.valueOf(w.units()), st.integer);
        Cells.number(row, 4, w.measuredGib(), st.integer);
        Cells.number(row, 5, w.assumedGib(), st.integer);
        label(row, 6, w.basis(), st.text);
      }
    }
    return next;
  }
}

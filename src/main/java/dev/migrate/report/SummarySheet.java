package dev.migrate.report;

import dev.migrate.cost.BillCoverage;
import dev.migrate.cost.CommitmentCoverage;
import dev.migrate.cost.RequestCosts;
import dev.migrate.cost.Timeline;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The Summary sheet: title block, headline figures as formulas over the detail sheets, counts,
 * the first warnings and blockers, and the four charts. Column A holds labels, B the figure,
 * C where it comes from or why it is not available.
 */
final class SummarySheet {
  /** Rows of the Summary listing warnings and blockers; the rest are on the Warnings sheet. */
  static final int MAX_LISTED_WARNINGS = 10;
  /** Characters of columns A (labels), B (figures) and C (where a figure comes from). */
  private static final int LABEL_CHARS = 34;
  private static final int FIGURE_CHARS = 17;
  private static final int NOTE_CHARS = 80;
  /** Characters of a note's italic text that one printed line of column C holds (about 97 in the rendered PDF). */
  private static final int NOTE_LINE_CHARS = 92;

  private final ReportModel m;
  private final Styles st;
  private final XSSFSheet s;
  private final SheetRefs refs;
  private int r;

  SummarySheet(ReportModel m, Styles st, XSSFSheet s, SheetRefs refs) {
    this.m = m;
    this.st = st;
    this.s = s;
    this.refs = refs;
  }

  /** Page 1 (figures and charts), a page break, page 2 (counts, commitments, warnings), then the print area. */
  void write() {
    header();
    gap();
    CostRows rows = monthlyCost();
    gap();
    if (m.estate()) {
      accounts();
      gap();
    }
    perMillionRequests(rows);
    gap();
    hybridMonths();
    gap();
    billHistory();
    gap();
    charts();
    gap();
    if (m.estate()) {
      accountsChart();
      gap();
    }
    counts();
    gap();
    warnings();
    s.getWorkbook().setPrintArea(s.getWorkbook().getSheetIndex(s), 0, 2, 0, r);
  }

  /** The rows (0-based) of AWS today and Google Cloud after, which the per-request figures refer to. */
  private record CostRows(int aws, int gcp) {}

  /** Column widths, the title and what the assessment was made of. */
  private void header() {
    // Characters of Arial 10 (the workbook's default font); the charts share the width of A:C, two a row.
    s.setColumnWidth(0, Layout.width(LABEL_CHARS));
    s.setColumnWidth(1, Layout.width(FIGURE_CHARS));
    s.setColumnWidth(2, Layout.width(NOTE_CHARS));
    s.setDisplayGridlines(false);

    Row title = s.createRow(r++);
    title.setHeightInPoints(22); // the 18-point title and a little air; page 1 must fit one A4 page
    Cells.label(title, 0, "AWS to Google Cloud: migration assessment", st.title);
    s.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
    info("Account", m.accountLabel());
    info("Generated", Cells.stamp(m.generatedAt()));
    info("Usage window", m.windowLabel());
    // One row for both inputs keeps page 1 on one A4 page.
    info("Price book, rules", (m.priceBookDate() == null ? "unknown" : m.priceBookDate().toString()) + "; rules: "
        + m.rulesSource());
    if (m.anonymizer().enabled()) {
      info("Anonymized", "account, resource ids, names and tag values are pseudonyms");
    }
  }

  /** Today and after, the saving, estimated prices and the bill's coverage. */
  private CostRows monthlyCost() {
    var f = m.figures();
    section("Monthly cost (USD per month)");
    int awsRow = r;
    long awsMissing = m.missingPrices().stream().filter(p -> p.phase() == dev.migrate.cost.Phase.CURRENT).count();
    long gcpMissing = m.missingPrices().size() - awsMissing;
    money("AWS monthly today", "=" + refs.costsTotalAwsRef(), f.awsMonthlyUsd(),
        m.currentLineCount() + " AWS cost lines (Costs)"
            + (awsMissing > 0 ? "; lower bound, " + awsMissing + " not priced" : "") + billMonthNote()
            // Page 1 must fit one A4 page: the amount priced from another region's price (the Costs sheet's
            // Source column says which) is a few words on each side's row, not a row of its own.
            + (f.awsEstimatedUsd().signum() == 0 ? ""
                : "; " + BillCoverage.usd(f.awsEstimatedUsd()) + " estimated"));
    int gcpRow = r;
    money("Google Cloud monthly after", "=" + refs.costsTotalGcpRef(), f.gcpMonthlyUsd(),
        (m.costLines().size() - m.currentLineCount()) + " Google Cloud cost lines (Costs)"
            + (gcpMissing > 0 ? "; lower bound, " + gcpMissing + " not priced" : "")
            + (f.estimatedLines() == 0 ? "; no estimated prices"
                : "; " + BillCoverage.usd(f.gcpEstimatedUsd()) + " estimated"));
    int savingRow = r;
    // A missing price is never zero: the saving is then a bound, and its note starts with which.
    money("Saving per month", "=B" + (awsRow + 1) + "-B" + (gcpRow + 1), f.savingsUsd(),
        (f.savingsBound() == null ? "" : f.savingsBound().substring(0, f.savingsBound().indexOf(':')) + " (Gaps); ")
            + (f.savingsUsd().signum() < 0 ? "negative: Google Cloud costs more" : "AWS today minus Google Cloud after"));
    if (f.savingsPct() == null) {
      notAvailable("Saving, percent of today", f.notAvailable().get("savingsPct"));
    } else {
      percent("Saving, percent of today", "B" + (savingRow + 1) + "/B" + (awsRow + 1), f.savingsPct(),
          f.savingsUsd().divide(f.awsMonthlyUsd(), MathContext.DECIMAL64),
          (f.savingsBound() == null ? "" : f.savingsBound().substring(0, f.savingsBound().indexOf(':')) + "; ") + "saving / AWS today");
    }
    money("Saving per year", "=B" + (savingRow + 1) + "*12", f.savingsUsd().multiply(BigDecimal.valueOf(12)),
        "12 x the monthly saving, at today's usage");
    coverage();
    return new CostRows(awsRow, gcpRow);
  }

  /** Accounts listed on page 1 before the rest are summed into one row (the chart on page 2 shows more). */
  static final int PAGE1_ACCOUNTS = 4;

  /**
   * An estate's accounts: the largest by AWS cost today, the rest in one row, and the costs of no one account
   * (carried bill lines, cluster fees); the rows add up to the monthly figures above.
   */
  private void accounts() {
    List<ReportModel.AccountRow> all = m.accounts();
    List<ReportModel.AccountRow> members = all.stream().filter(x -> x.accountId() != null).toList();
    section("Accounts (" + members.size() + "): AWS today, USD per month");
    int shown = members.size() <= PAGE1_ACCOUNTS + 1 ? members.size() : PAGE1_ACCOUNTS;
    for (ReportModel.AccountRow a : members.subList(0, shown)) {
      money(Cells.fit(a.label()), null, a.awsMonthlyUsd(), accountNote(a.gcpMonthlyUsd(), a.savingsUsd(),
          a.savingsPct(), a.billUsd(), a.billCoveredPct()));
    }
    if (shown < members.size()) {
      List<ReportModel.AccountRow> rest = members.subList(shown, members.size());
      BigDecimal aws = rest.stream().map(ReportModel.AccountRow::awsMonthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal gcp = rest.stream().map(ReportModel.AccountRow::gcpMonthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
      money(rest.size() + " other accounts", null, aws, accountNote(gcp, aws.subtract(gcp), null, null, null)
          + " (Accounts chart, Costs)");
    }
    for (ReportModel.AccountRow a : all) {
      if (a.accountId() == null) {
        money(a.label(), null, a.awsMonthlyUsd(), accountNote(a.gcpMonthlyUsd(), a.savingsUsd(), a.savingsPct(),
            null, null));
      }
    }
  }

  private String accountNote(BigDecimal gcp, BigDecimal saving, BigDecimal savingPct, BigDecimal bill,
      BigDecimal billCoveredPct) {
    String note = "Google Cloud " + BillCoverage.usd(gcp) + "; saving " + BillCoverage.usd(saving)
        + (savingPct == null ? "" : " (" + savingPct.stripTrailingZeros().toPlainString() + "%)");
    if (bill != null) {
      note += "; bill " + m.accountBillMonth() + " " + BillCoverage.usd(bill)
          + (billCoveredPct == null ? "" : ", " + billCoveredPct.setScale(0, java.math.RoundingMode.HALF_EVEN)
              .toPlainString() + "% modelled");
    }
    return note;
  }

  /** Page 2's first block for an estate: AWS today and Google Cloud after per account. */
  private void accountsChart() {
    section("Accounts: before and after");
    float blockPx = s.getColumnWidthInPixels(0) + s.getColumnWidthInPixels(1) + s.getColumnWidthInPixels(2);
    var size = new Charts.Size((int) blockPx, (int) blockPx * 2 / 5);
    r = Cells.picture(s, s.createDrawingPatriarch(), Charts.accounts(m.accounts(), size), 0, r);
  }

  /** Requests per month and the cost of a million requests on each side. */
  private void perMillionRequests(CostRows rows) {
    var f = m.figures();
    section("Cost per million requests (USD)");
    if (f.monthlyRequests() == null) {
      notAvailable("Requests per month", f.notAvailable().get("monthlyRequests"));
      notAvailable("AWS per million requests", f.notAvailable().get("costPerMillionRequests"));
      notAvailable("Google Cloud per million requests", f.notAvailable().get("costPerMillionRequests"));
    } else {
      int reqRow = r;
      Row row = s.createRow(r++);
      Cells.label(row, 0, "Requests per month", st.label);
      Cell c = row.createCell(1);
      c.setCellValue(f.monthlyRequests());
      c.setCellStyle(st.integerBig);
      Cells.label(row, 2, "measured: " + f.requestsSource(), st.note);
      BigDecimal millions = BigDecimal.valueOf(f.monthlyRequests()).divide(BigDecimal.valueOf(1_000_000));
      perMillion("AWS per million requests", rows.aws(), reqRow, f.awsPerMillionUsd(),
          f.awsMonthlyUsd().divide(millions, MathContext.DECIMAL64));
      perMillion("Google Cloud per million requests", rows.gcp(), reqRow, f.gcpPerMillionUsd(),
          f.gcpMonthlyUsd().divide(millions, MathContext.DECIMAL64));
    }
  }

  /** The first scenario's peak month, one-off costs and payback. */
  private void hybridMonths() {
    var f = m.figures();
    section("Migration: hybrid months");
    if (f.scenario() == null) {
      notAvailable("Peak hybrid month", f.notAvailable().get("peakHybridMonth"));
      notAvailable("Peak hybrid month cost", f.notAvailable().get("peakHybridMonth"));
      notAvailable("One-off migration costs", f.notAvailable().get("oneOffUsd"));
      notAvailable("Months to pay back", f.notAvailable().get("paybackMonths"));
    } else {
      figure("Scenario", f.scenario());
      String description = m.timelines().get(0).description();
      if (!description.isEmpty()) {
        note(s.getRow(r - 1), description);
      }
      if (m.timelines().size() > 1) {
        Row row = s.createRow(r++);
        Cells.label(row, 0, "Scenarios compared", st.label);
        Cell c = row.createCell(1);
        c.setCellValue(m.timelines().size());
        c.setCellStyle(st.integerBig);
        Cells.label(row, 2, "side by side on the Scenarios sheet; the figures below are of "
            + f.scenario(), st.note);
      }
      Timeline t = m.timelines().get(0);
      if (f.peakHybridMonth() == null) {
        notAvailable("Peak hybrid month", f.notAvailable().get("peakHybridMonth"));
      } else {
        figure("Peak hybrid month", f.peakHybridMonth().toString());
        BigDecimal max = t.months().stream().map(Timeline.Month::totalUsd).reduce(BigDecimal::max).orElseThrow();
        moneyIfClose("Peak hybrid month cost", "MAX(" + refs.timelineColumn('H') + ")", max, f.peakHybridMonthUsd(),
            "the most expensive month: both clouds, the link and one-off costs (Timeline)");
      }
      money("One-off migration costs", "=SUM(" + refs.timelineColumn('G') + ")", f.oneOffUsd(),
          "data transfer, and engineering where the scenario counts it (Timeline)");
      if (f.paybackMonths() == null) {
        notAvailable("Months to pay back", f.notAvailable().get("paybackMonths"));
      } else {
        Row row = s.createRow(r++);
        Cells.label(row, 0, "Months to pay back", st.label);
        Cell c = row.createCell(1);
        c.setCellValue(f.paybackMonths());
        c.setCellStyle(st.integerBig);
        Cells.label(row, 2, "cumulative spend falls below staying on AWS in " + f.paybackMonth()
            + " (Timeline, column J vs K)", st.note);
      }
    }
  }

  /** The first and last complete bill months and the growth between them. */
  private void billHistory() {
    var f = m.figures();
    section("AWS bill, last 12 months");
    if (f.billGrowthPct() == null && f.billFirstMonth() == null) {
      notAvailable("Growth of the AWS bill", f.notAvailable().get("awsBillGrowthPct"));
    } else {
      int first = r;
      money("Bill of " + f.billFirstMonth(), ref(refs.billTotalRef(f.billFirstMonth())), f.billFirstUsd(),
          "first of the last " + f.billMonthsCompared() + " complete months (Bill history)");
      int last = r;
      money("Bill of " + f.billLastMonth(), ref(refs.billTotalRef(f.billLastMonth())), f.billLastUsd(),
          "last complete month (Bill history)");
      if (f.billGrowthPct() == null) {
        notAvailable("Growth of the AWS bill", f.notAvailable().get("awsBillGrowthPct"));
      } else {
        percent("Growth of the AWS bill", "(B" + (last + 1) + "-B" + (first + 1) + ")/B" + (first + 1),
            f.billGrowthPct(), f.billLastUsd().subtract(f.billFirstUsd()).divide(f.billFirstUsd(), MathContext.DECIMAL64),
            f.billFirstMonth() + " to " + f.billLastMonth());
      }
    }
  }

  /** The chart grid, and the break after it that ends page 1. */
  private void charts() {
    section("Charts");
    chartsGrid();
    // Page 1: the figures and the charts; page 2: the counts, commitments and warnings.
    s.setRowBreak(r - 1);
  }

  /** Items by target and by effort, and the commitments. */
  private void counts() {
    var f = m.figures();
    section("Items by target");
    countRows(f.countsByTarget(), 'E', "items (Mapping)");
    gap();
    section("Items by effort");
    countRows(f.countsByEffort(), 'K', "mapped items (Mapping)");
    gap();
    // Page 2: commitments explain today's figure; page 1 keeps the before/after figures and charts.
    commitments();
  }

  /** Counts of blockers, warnings, unmapped items, missing prices and gaps, then the first warnings themselves. */
  private void warnings() {
    var f = m.figures();
    section("Warnings and blockers");
    count("Blockers", refs.warningsCountIf('A', "blocker"), f.blockers(),
        f.itemsWithBlockers() + " item(s) cannot move until they are solved (Warnings)");
    count("Warnings", refs.warningsCountIf('A', "warning"), f.warnings(), "need a look (Warnings)");
    count("Unmapped items", refs.mappingCountIf('E', "Unmapped"), f.unmapped(),
        "no rule matched (Mapping)");
    countValue("Components not priced", f.missingPrices(), "not counted as zero (Gaps)");
    countValue("Collection gaps", f.gaps(), "what could not be collected (Gaps)");
    List<ReportModel.WarningRow> listed = m.warnings().stream()
        .sorted((a, b) -> a.severity().equals(b.severity()) ? 0 : a.severity().equals("blocker") ? -1 : 1)
        .limit(MAX_LISTED_WARNINGS).toList();
    for (ReportModel.WarningRow x : listed) {
      Row row = s.createRow(r);
      Cells.label(row, 0, x.severity() + (x.item().isEmpty() ? "" : ": " + x.item()), st.wrap);
      Cells.label(row, 1, x.message(), st.wrap);
      s.addMergedRegion(new CellRangeAddress(r, r, 1, 2));
      // Merged cells do not grow with their text: the row takes the lines of the longer of A and B:C.
      int bc = (s.getColumnWidth(1) + s.getColumnWidth(2)) / Layout.WIDTH_UNITS_PER_CHAR - 1;
      row.setHeightInPoints(Layout.rowHeightPoints(Math.max(Layout.lines(x.message(), bc),
          Layout.lines(row.getCell(0).getStringCellValue(), s.getColumnWidth(0) / Layout.WIDTH_UNITS_PER_CHAR - 1))));
      r++;
    }
    if (m.warnings().size() > listed.size()) {
      Cells.label(s.createRow(r++), 0, (m.warnings().size() - listed.size())
          + " more on the Warnings sheet", st.note);
    }
  }

  /**
   * The four charts two by two under the figures, each half the width of A:C and drawn at that
   * size (the fonts keep their size). Where a chart cannot be drawn, a row says why, above the grid.
   */
  private void chartsGrid() {
    var f = m.figures();
    var pngs = new java.util.ArrayList<Charts.Png>();
    float blockPx = s.getColumnWidthInPixels(0) + s.getColumnWidthInPixels(1) + s.getColumnWidthInPixels(2);
    int gapPx = 14;
    int width = (int) ((blockPx - gapPx) / 2);
    // Taller than the detail sheets' 2:1 (a half-width chart needs room for its labels and legend), short enough
    // for the figures and both rows of charts to print on one A4 page.
    var size = new Charts.Size(width, width * 18 / 25);
    if (m.timelines().size() > 1 && !m.timelines().get(0).months().isEmpty()) {
      // Several scenarios: the comparison tells the story; each one's breakdown is on the Timeline sheet.
      pngs.add(Charts.scenarios(m.timelines(), size));
    } else if (!m.timelines().isEmpty() && !m.timelines().get(0).months().isEmpty()) {
      pngs.add(Charts.timeline(m.timelines().get(0), size));
    } else {
      chartNote("monthly spend", ReportModel.NO_TIMELINE);
    }
    pngs.add(Charts.byService(m.currentByService(), m.targetByService(), size));
    RequestCosts rc = m.requests();
    if (rc != null && rc.awsPerMillionUsd() != null && rc.gcpPerMillionUsd() != null) {
      pngs.add(Charts.perMillion(rc, size));
    } else {
      chartNote("cost per million requests", ReportModel.NO_REQUESTS);
    }
    if (m.billMonths().size() >= 2) {
      pngs.add(Charts.bill(m.billMonths(), size));
    } else {
      chartNote("AWS bill, last 12 months", f.notAvailable().getOrDefault("awsBillGrowthPct", ReportModel.NO_BILLING));
    }
    XSSFDrawing drawing = s.createDrawingPatriarch();
    int top = r;
    for (int i = 0; i < pngs.size(); i++) {
      int below = Cells.picture(s, drawing, pngs.get(i), 0, (i % 2) * (width + gapPx), top);
      r = Math.max(r, below);
      if (i % 2 == 1) {
        top = r;
      }
    }
  }

  /** A thin blank row between sections. */
  private void gap() {
    s.createRow(r++).setHeightInPoints(6);
  }

  /**
   * Reserved-instance and savings-plan coverage (Cost Explorer) and the saving the model applied
   * to today's cost; the detail is at the foot of the Reconciliation sheet.
   */
  private void commitments() {
    CommitmentCoverage c = m.commitmentCoverage();
    if (c == null) {
      section("Commitments (reserved instances, savings plans)");
      notAvailable("Coverage", ReportModel.NO_COVERAGE);
      return;
    }
    section("Commitments today (Cost Explorer " + c.months() + ")");
    var ri = c.reservedInstances();
    if (ri == null) {
      notAvailable("Reserved instance coverage", "not available: Cost Explorer reservation coverage was not readable");
    } else {
      plainPercent("Reserved instance coverage", ri.coveragePct(), "of running EC2 hours; modelled "
          + Cells.hours(ri.modelledReservedHours()) + " of Cost Explorer's " + Cells.hours(ri.reservedHours())
          + " h a month" + (ri.flagged() ? " (they differ: see Warnings)" : ""));
      money("Reserved instance saving per month", null, ri.modelledSavingUsd(),
          "on-demand value of the hours the snapshot's RIs cover, less their charges (Costs sheet)");
    }
    var sp = c.savingsPlans();
    if (sp == null) {
      notAvailable("Savings plan coverage", "not available: Cost Explorer savings plan coverage was not readable");
    } else {
      plainPercent("Savings plan coverage", sp.coveragePct(), "covered / eligible compute spend"
          + (sp.utilizationPct() == null ? "" : "; " + sp.utilizationPct().setScale(2, java.math.RoundingMode.HALF_EVEN)
              .toPlainString() + "% of the commitment used"));
      String note;
      if (!sp.applied()) {
        note = "not modelled: no commitment known for the covered usage (see Warnings)";
      } else if (sp.coveredUsd().signum() == 0 && sp.modelledSavingUsd().signum() == 0) {
        note = "no savings plan covered any usage in " + c.months();
      } else {
        note = "covered on-demand value " + ConsoleSummary.usd(sp.coveredUsd()) + " less the plans' charges (Costs sheet)";
      }
      money("Savings plan saving per month", null, sp.modelledSavingUsd(), note);
    }
  }

  /** A percentage given as 0..100 (a value, not a formula), or "not available" when null. */
  private void plainPercent(String label, BigDecimal pct, String note) {
    if (pct == null) {
      notAvailable(label, "not available: nothing eligible ran in the period");
      return;
    }
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.label);
    Cell c = row.createCell(1);
    c.setCellValue(pct.movePointLeft(2).doubleValue());
    c.setCellStyle(st.percentBig);
    Cells.label(row, 2, note, st.note);
  }

  private static String ref(String cellRef) {
    return cellRef == null ? null : "=" + cellRef;
  }

  private void info(String label, String value) {
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.infoLabel);
    Cells.label(row, 1, value == null ? "" : value, st.label);
  }

  /** The last complete bill month and how far AWS today is from it, for the AWS row's note; empty without a bill. */
  private String billMonthNote() {
    BillCoverage c = m.billCoverage();
    if (c == null || c.billMonth() == null) {
      return "";
    }
    BigDecimal diff = c.differenceFromBillPct();
    return "; bill " + c.billMonth() + ": " + BillCoverage.usd(c.billUsd())
        + (diff == null ? "" : " (" + (diff.signum() > 0 ? "+" : "")
            + diff.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%)");
  }

  /** What AWS today covers: the bill month, the modelled / mapped / carried shares, the carried amount. */
  private void coverage() {
    BillCoverage c = m.billCoverage();
    if (c == null) {
      return;
    }
    if (c.billMonth() == null) {
      notAvailable("AWS bill month", "no bill: " + c.headline());
      return;
    }
    Row row = s.createRow(r++);
    Cells.label(row, 0, "Coverage of AWS today", st.label);
    BigDecimal modelled = c.pct(c.modelledUsd());
    Cells.label(row, 1, modelled == null ? "-" : modelled.setScale(0, java.math.RoundingMode.HALF_EVEN)
        .toPlainString() + "% modelled", st.textFigure);
    note(row, c.headline());
    boolean pricedPart = c.carriedUsd().signum() != 0 && m.pricedSavingsPct() != null;
    money("Carried on both sides", null, c.carriedUsd(), "no model: the same amount on both sides (an assumption)"
        + (pricedPart ? "; saving on the rest: " + m.pricedSavingsPct().setScale(2, java.math.RoundingMode.HALF_UP)
            .toPlainString() + "%" : ""));
  }

  /** A text figure inside a section, aligned with the numbers. */
  private void figure(String label, String value) {
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.label);
    Cells.label(row, 1, value, st.textFigure);
  }

  private void section(String title) {
    Row row = s.createRow(r);
    row.setHeightInPoints(18);
    for (int i = 0; i < 3; i++) {
      Cells.label(row, i, i == 0 ? title : "", st.section);
    }
    r++;
  }

  /** A money figure; {@code formula} starts with "=" or is null for a plain value. */
  private void money(String label, String formula, BigDecimal value, String note) {
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.label);
    Cell c = row.createCell(1);
    if (formula != null) {
      Cells.formula(c, formula.substring(1), value, st.moneyBig);
    } else {
      c.setCellValue(value.doubleValue());
      c.setCellStyle(st.moneyBig);
    }
    note(row, note);
  }

  /** A note in C: one line, or wrapped in a taller row when it is longer than the column, so print never cuts it. */
  private void note(Row row, String text) {
    int lines = Layout.lines(text, NOTE_LINE_CHARS);
    Cells.label(row, 2, text, lines > 1 ? st.noteWrap : st.note);
    if (lines > 1) {
      row.setHeightInPoints(Math.max(row.getHeightInPoints(), Layout.rowHeightPoints(lines)));
    }
  }

  private void moneyIfClose(String label, String formula, BigDecimal computed, BigDecimal value, String note) {
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.label);
    Cells.formulaIfClose(row.createCell(1), formula, computed, value, st.moneyBig);
    Cells.label(row, 2, note, st.note);
  }

  private void perMillion(String label, int costRow, int reqRow, BigDecimal value, BigDecimal computed) {
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.label);
    if (value == null) {
      Cells.label(row, 1, "not available", st.notAvailable);
      Cells.label(row, 2, ReportModel.NO_REQUESTS, st.note);
      return;
    }
    Cells.formulaIfClose(row.createCell(1), "B" + (costRow + 1) + "/(B" + (reqRow + 1) + "/1000000)",
        computed, value, st.moneyBig);
    Cells.label(row, 2, "monthly cost / millions of requests per month", st.note);
  }

  private void percent(String label, String formula, BigDecimal pct, BigDecimal computedFraction, String note) {
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.label);
    Cell c = row.createCell(1);
    BigDecimal fraction = pct.movePointLeft(2);
    if (computedFraction.subtract(fraction).abs().doubleValue() < 0.00005) {
      c.setCellFormula(formula);
    }
    c.setCellValue(fraction.doubleValue());
    c.setCellStyle(st.percentBig);
    Cells.label(row, 2, note, st.note);
  }

  /**
   * A figure that is absent: B says what ("not available", "not measured"), C says why. The
   * reason strings are the JSON's ("not measured: the snapshot has no request counts").
   */
  private void notAvailable(String label, String reason) {
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.label);
    int colon = reason.indexOf(": ");
    Cells.label(row, 1, colon > 0 ? reason.substring(0, colon) : "not available", st.notAvailable);
    Cells.label(row, 2, colon > 0 ? reason.substring(colon + 2) : reason, st.note);
  }

  private void chartNote(String chart, String reason) {
    // "Chart: ..." rather than the chart's whole title: column A holds 34 characters before B cuts it off.
    notAvailable("Chart: " + chart, reason);
  }

  private void countRows(Map<String, Integer> counts, char column, String note) {
    if (counts.isEmpty()) {
      countValue("(none)", 0, note);
      return;
    }
    int first = r;
    counts.forEach((k, v) -> count(k, refs.mappingCountIf(column, k), v, ""));
    Row row = s.createRow(r++);
    Cells.label(row, 0, "Total", st.totalLabel);
    Cell c = row.createCell(1);
    c.setCellFormula("SUM(B" + (first + 1) + ":B" + (r - 1) + ")");
    c.setCellValue(counts.values().stream().mapToInt(Integer::intValue).sum());
    c.setCellStyle(st.totalInteger);
    Cells.label(row, 2, note, st.note);
  }

  /** A count: a formula over a detail sheet, or the value alone when {@code formula} is null (the sheet is cut). */
  private void count(String label, String formula, int value, String note) {
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.label);
    Cell c = row.createCell(1);
    if (formula != null) {
      c.setCellFormula(formula);
    }
    c.setCellValue(value);
    c.setCellStyle(st.integerBig);
    if (!note.isEmpty()) {
      Cells.label(row, 2, note, st.note);
    }
  }

  private void countValue(String label, int value, String note) {
    Row row = s.createRow(r++);
    Cells.label(row, 0, label, st.label);
    Cell c = row.createCell(1);
    c.setCellValue(value);
    c.setCellStyle(st.integerBig);
    Cells.label(row, 2, note, st.note);
  }
}

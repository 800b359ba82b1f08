package dev.migrate.report;

import dev.migrate.cost.Assumption;
import dev.migrate.cost.CommitmentCoverage;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.MissingPrice;
import dev.migrate.cost.Phase;
import dev.migrate.cost.Reconciliation;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Gap;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The management workbook. The Summary sheet (headline figures and charts) is built in memory
 * with XSSF; the detail sheets are streamed with SXSSF so that a 100,000-instance estate is
 * written with bounded memory.
 *
 * <p>Every headline figure on the Summary is a formula over a detail sheet (a total of the
 * Costs sheet, a COUNTIF over the Mapping sheet...), with its cached value set to the figure
 * the JSON carries, so the workbook opens with values in any spreadsheet and the figures trace
 * back to the lines they come from. A formula is used only when it gives that figure to the
 * cent; otherwise the value itself is written and the note says where it comes from.
 * Money is written unrounded and rounded only by the cell format.
 */
public final class WorkbookWriter {
  static final String SUMMARY = "Summary";
  static final String INVENTORY = "Inventory";
  static final String MAPPING = "Mapping";
  static final String COSTS = "Costs";
  static final String SCENARIOS = "Scenarios";
  static final String TIMELINE = "Timeline";
  static final String RECONCILIATION = "Reconciliation";
  static final String BILL = "Bill history";
  static final String ASSUMPTIONS = "Assumptions";
  static final String GAPS = "Gaps";
  static final String WARNINGS = "Warnings";
  /** Sheet order in the workbook. */
  public static final List<String> SHEETS = List.of(SUMMARY, SCENARIOS, INVENTORY, MAPPING, COSTS, TIMELINE, RECONCILIATION,
      BILL, ASSUMPTIONS, GAPS, WARNINGS);

  /** Detail tables: title in row 1, note in row 2, header in row 3, data from row 4 (1-based). */
  static final int HEADER_ROW = 2;
  static final int FIRST_DATA_ROW = 3;

  static final String AWS_SIDE = "AWS today";
  static final String GCP_SIDE = "Google Cloud after";

  /** Rows kept in memory per streamed sheet; the rest is flushed to a temporary file. */
  private static final int WINDOW_ROWS = 200;
  /** Half a cent: a formula whose result is further than this from the figure is not used. */
  private static final double CENT = 0.005;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ReportModel m;
  private Styles st;

  // Layout computed before writing, so that the Summary's formulas can point into the detail sheets.
  private final int costsLast;          // 0-based index of the last cost line row
  private final int costsTotalAws;      // 0-based row of the AWS total
  private final int costsTotalGcp;
  private final int mappingLast;
  private final int warningsLast;
  private final int timelineFirstPrimary;
  private final int timelineLastPrimary;
  private final Map<java.time.YearMonth, Integer> billRows = new TreeMap<>();

  private WorkbookWriter(ReportModel m) {
    this.m = m;
    int lines = m.costLines().size();
    costsLast = FIRST_DATA_ROW + Math.max(lines, 1) - 1;
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

  /** Writes the workbook for {@code m} to {@code out} (not closed). */
  public static void write(ReportModel m, OutputStream out) throws IOException {
    new WorkbookWriter(m).writeTo(out);
  }

  private void writeTo(OutputStream out) throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    var props = wb.getProperties().getCoreProperties();
    props.setCreator("migrate");
    props.setTitle("AWS to Google Cloud migration assessment, account " + m.accountId());
    props.setCreated(Optional.of(Date.from(m.generatedAt())));
    props.setModified(Optional.of(Date.from(m.generatedAt())));
    props.setLastModifiedByUser("migrate");
    st = new Styles(wb);
    for (String name : SHEETS) {
      // One line of Arial 10 (Excel's and LibreOffice's height for it): POI's default is 15 pt (Calibri 11),
      // which would misplace pictures anchored by rows and overstate the printed length.
      wb.createSheet(name).setDefaultRowHeightInPoints(rowHeightPoints(1));
    }
    new SummarySheet(m, st, wb.getSheet(SUMMARY), this).write();
    // Small (a row per scenario) and carries a picture placed by column widths: built in memory.
    scenarios(wb.getSheet(SCENARIOS));
    if (timelineLastPrimary >= timelineFirstPrimary) {
      // Created on the template sheet before streaming starts; SXSSF keeps the drawing.
      nativeTimelineChart(wb.getSheet(TIMELINE));
    }
    SXSSFWorkbook sx = new SXSSFWorkbook(wb, WINDOW_ROWS);
    try {
      inventory(sx.getSheet(INVENTORY));
      mapping(sx.getSheet(MAPPING));
      costs(sx.getSheet(COSTS));
      timeline(sx.getSheet(TIMELINE));
      reconciliation(sx.getSheet(RECONCILIATION));
      bill(sx.getSheet(BILL));
      assumptions(sx.getSheet(ASSUMPTIONS));
      gaps(sx.getSheet(GAPS));
      warnings(sx.getSheet(WARNINGS));
      for (String name : SHEETS) {
        // On the template sheets: SXSSF writes everything but the rows from them.
        pageSetup(wb.getSheet(name), !name.equals(SUMMARY));
      }
      sx.setActiveSheet(0);
      sx.write(out);
    } finally {
      sx.close();
    }
  }

  // ----------------------------------------------------------------------------- layout queries for the Summary

  String costsTotalAwsRef() {
    return COSTS + "!$J$" + (costsTotalAws + 1);
  }

  String costsTotalGcpRef() {
    return COSTS + "!$J$" + (costsTotalGcp + 1);
  }

  /** Absolute range of one Mapping column over the data rows, e.g. {@code Mapping!$E$4:$E$20}. */
  String mappingColumn(char col) {
    return MAPPING + "!$" + col + "$" + (FIRST_DATA_ROW + 1) + ":$" + col + "$" + (mappingLast + 1);
  }

  String warningsColumn(char col) {
    return WARNINGS + "!$" + col + "$" + (FIRST_DATA_ROW + 1) + ":$" + col + "$" + (warningsLast + 1);
  }

  /** Range of one Timeline column over the primary scenario's months, or null without a timeline. */
  String timelineColumn(char col) {
    if (timelineLastPrimary < timelineFirstPrimary) {
      return null;
    }
    return TIMELINE + "!$" + col + "$" + (timelineFirstPrimary + 1) + ":$" + col + "$" + (timelineLastPrimary + 1);
  }

  /** The Bill history cell holding a month's total, or null. */
  String billTotalRef(java.time.YearMonth month) {
    Integer row = billRows.get(month);
    return row == null ? null : "'" + BILL + "'!$C$" + (row + 1);
  }

  static String stamp(java.time.Instant t) {
    return STAMP.format(t);
  }

  // ----------------------------------------------------------------------------- detail sheets

  private void inventory(Sheet s) {
    var t = new Table(s, st, "Inventory", m.inventory().size() + " items collected from account " + m.accountLabel()
        + ", usage window " + m.windowLabel());
    t.header("Kind", "Id", "Name", "Region", "Type", "Size (GiB)", "State", "CPU p95 (%)", "Requests in window", "Details");
    for (int[] c : new int[][] {{0, 11}, {1, 20}, {2, 16}, {3, 12}, {4, 14}, {9, 50}}) {
      t.wrap(c[0], c[1]);
    }
    for (ReportModel.InventoryRow r : m.inventory()) {
      Row row = t.row();
      t.text(row, 0, r.kind());
      t.text(row, 1, r.id());
      t.text(row, 2, r.name());
      t.text(row, 3, r.region());
      t.text(row, 4, r.type());
      t.num(row, 5, r.sizeGib(), st.decimal);
      t.text(row, 6, r.state());
      t.num(row, 7, r.cpuP95Pct(), st.decimal);
      t.num(row, 8, r.requests() == null ? null : r.requests().doubleValue(), st.integer);
      t.text(row, 9, r.details());
    }
    t.emptyNote(m.inventory().isEmpty(), "no items: the snapshot is empty");
    t.finish(70);
  }

  private void mapping(Sheet s) {
    var t = new Table(s, st, "Mapping", "Where each item goes on Google Cloud, by which rule and why; "
        + "rules: " + m.rulesSource());
    t.header("Kind", "Item id", "Item name", "AWS region", "Target", "Target detail", "GCP region", "Size", "Rule",
        "Reason", "Effort", "Blockers", "Warnings");
    // Text wraps in capped widths: about 190 characters in all print one A4 landscape page wide at 7 pt or more.
    for (int[] c : new int[][] {{0, 11}, {1, 20}, {2, 14}, {3, 12}, {4, 12}, {5, 16}, {6, 12}, {7, 11}, {8, 14},
        {9, 24}, {11, 18}, {12, 18}}) {
      t.wrap(c[0], c[1]);
    }
    for (ReportModel.MappingRow r : m.mappings()) {
      Row row = t.row();
      t.text(row, 0, r.kind());
      t.text(row, 1, r.itemId());
      t.text(row, 2, r.itemName());
      t.text(row, 3, r.awsRegion());
      t.text(row, 4, r.category());
      t.text(row, 5, r.targetLabel());
      t.text(row, 6, r.gcpRegion());
      t.text(row, 7, r.size());
      t.text(row, 8, r.ruleId());
      t.text(row, 9, r.reason());
      t.text(row, 10, r.effort());
      t.text(row, 11, String.join("; ", r.blockers()));
      t.text(row, 12, String.join("; ", r.warnings()));
    }
    t.emptyNote(m.mappings().isEmpty(), "no items to map");
    t.finish(70);
  }

  private void costs(Sheet s) {
    var t = new Table(s, st, "Costs", "Every cost line of both sides, USD per month: quantity x unit price, with "
        + "the price's key, source and date. Price book of " + m.priceBookDate() + ".");
    t.header("Side", "Service", "Item id", "Item name", "App", "Component", "Quantity", "Unit", "Unit price (USD)",
        "Monthly (USD)", "Price key", "Price source", "Price as of");
    // Text wraps in capped widths: about 190 characters in all print one A4 landscape page wide at 7 pt or more.
    // The price source (up to about 250 characters) gets the most room.
    for (int[] c : new int[][] {{0, 10}, {1, 12}, {2, 16}, {3, 12}, {4, 10}, {5, 18}, {7, 10}, {10, 18}, {11, 38}}) {
      t.wrap(c[0], c[1]);
    }
    for (CostLine l : m.costLines()) {
      Row row = t.row();
      t.text(row, 0, l.phase() == Phase.CURRENT ? AWS_SIDE : GCP_SIDE);
      t.text(row, 1, l.service());
      t.text(row, 2, l.itemId());
      t.text(row, 3, l.itemName());
      t.text(row, 4, l.app());
      t.text(row, 5, l.component());
      t.num(row, 6, l.quantity(), st.quantity);
      t.text(row, 7, l.unit());
      t.num(row, 8, l.unitPriceUsd(), st.unitPrice);
      t.num(row, 9, l.monthlyUsd(), st.money);
      t.text(row, 10, l.priceKey());
      t.text(row, 11, l.priceSource());
      t.text(row, 12, l.priceAsOf() == null ? null : l.priceAsOf().toString());
    }
    t.emptyNote(m.costLines().isEmpty(), "no cost lines");
    int last = t.lastDataRow();
    t.finish(60);
    String side = "$A$" + (FIRST_DATA_ROW + 1) + ":$A$" + (last + 1);
    String amount = "$J$" + (FIRST_DATA_ROW + 1) + ":$J$" + (last + 1);
    var f = m.figures();
    Row aws = s.createRow(costsTotalAws);
    label(aws, 0, "Total " + AWS_SIDE + " (USD per month)", st.totalLabel);
    formula(aws.createCell(9), "SUMIF(" + side + ",\"" + AWS_SIDE + "\"," + amount + ")", f.awsMonthlyUsd(), st.totalMoney);
    Row gcp = s.createRow(costsTotalGcp);
    label(gcp, 0, "Total " + GCP_SIDE + " (USD per month)", st.totalLabel);
    formula(gcp.createCell(9), "SUMIF(" + side + ",\"" + GCP_SIDE + "\"," + amount + ")", f.gcpMonthlyUsd(), st.totalMoney);
    Row saving = s.createRow(costsTotalGcp + 1);
    label(saving, 0, "Saving (USD per month)", st.totalLabel);
    formula(saving.createCell(9), "J" + (costsTotalAws + 1) + "-J" + (costsTotalGcp + 1), f.savingsUsd(), st.totalMoney);
    if (!m.missingPrices().isEmpty()) {
      Row note = s.createRow(costsTotalGcp + 2);
      label(note, 0, m.missingPrices().size() + " component(s) could not be priced and are not in these totals: see Gaps.",
          st.note);
    }
  }

  private void timeline(Sheet s) {
    var t = new Table(s, st, "Timeline", m.timelines().isEmpty() ? ReportModel.NO_TIMELINE
        : "Month by month through the hybrid phase, USD; one block of rows per what-if scenario (the Summary uses "
        + m.timelines().get(0).scenario() + ")");
    t.header("Scenario", "Month", "AWS", "Google Cloud", "Link (VPN / Interconnect)", "Inter-cloud traffic", "One-off",
        "Total", "Staying on AWS", "Cumulative", "Cumulative staying on AWS", "Requests", "Total per million requests");
    t.wrap(0, 26);
    for (Timeline tl : m.timelines()) {
      Timeline.Month prev = null;
      for (Timeline.Month mo : tl.months()) {
        Row row = t.row();
        int r1 = row.getRowNum() + 1;
        t.text(row, 0, tl.scenario());
        t.text(row, 1, mo.month().toString());
        t.num(row, 2, mo.awsUsd(), st.money);
        t.num(row, 3, mo.gcpUsd(), st.money);
        t.num(row, 4, mo.linkUsd(), st.money);
        t.num(row, 5, mo.interCloudTrafficUsd(), st.money);
        t.num(row, 6, mo.oneOffUsd(), st.money);
        BigDecimal sum = mo.awsUsd().add(mo.gcpUsd()).add(mo.linkUsd()).add(mo.interCloudTrafficUsd()).add(mo.oneOffUsd());
        formulaIfClose(row.createCell(7), "SUM(C" + r1 + ":G" + r1 + ")", sum, mo.totalUsd(), st.money);
        t.width(7, 12);
        t.num(row, 8, mo.stayOnAwsUsd(), st.money);
        if (prev == null) {
          t.num(row, 9, mo.cumulativeUsd(), st.money);
          t.num(row, 10, mo.cumulativeStayUsd(), st.money);
        } else {
          formulaIfClose(row.createCell(9), "J" + (r1 - 1) + "+H" + r1, prev.cumulativeUsd().add(mo.totalUsd()),
              mo.cumulativeUsd(), st.money);
          formulaIfClose(row.createCell(10), "K" + (r1 - 1) + "+I" + r1,
              prev.cumulativeStayUsd().add(mo.stayOnAwsUsd()), mo.cumulativeStayUsd(), st.money);
        }
        t.num(row, 11, (double) mo.requests(), st.integer);
        t.num(row, 12, mo.perMillionUsd(), st.money);
        prev = mo;
      }
    }
    t.emptyNote(m.timelines().isEmpty(), ReportModel.NO_TIMELINE
        + " (run `migrate whatif` with a scenario to project the hybrid months)");
    int next = t.lastDataRow() + 2;
    t.finish(40);
    for (Timeline tl : m.timelines()) {
      for (String w : tl.warnings()) {
        label(s.createRow(next++), 0, tl.scenario() + ": " + w, st.note);
      }
    }
  }

  /**
   * The scenarios side by side: a row per scenario whose money figures are formulas over that
   * scenario's block of the Timeline sheet, then the scenarios' warnings and the chart of their
   * monthly totals. Without a what-if run the sheet says so, as the Timeline sheet does.
   */
  private void scenarios(XSSFSheet s) {
    List<ReportModel.ScenarioRow> rows = m.scenarios();
    var t = new Table(s, st, "Scenarios", rows.isEmpty() ? ReportModel.NO_TIMELINE
        : rows.size() + " what-if scenario(s) side by side, USD; money figures are formulas over the Timeline sheet; "
        + "the Summary uses " + rows.get(0).scenario());
    t.header("Scenario", "First month", "First month total", "Peak month", "Peak month total", "Last month",
        "Last month total", "Last month per million requests", "Cumulative spend", "Cumulative staying on AWS",
        "Saved (staying minus spend)", "Payback month", "Months to pay back", "Blockers", "Warnings");
    t.wrap(0, 22);
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
    t.finish(30);
    if (rows.isEmpty()) {
      return;
    }
    // Headers are long; wrapped, they keep the money columns narrow enough to print on one page width.
    Row header = s.getRow(HEADER_ROW);
    header.setHeightInPoints(rowHeightPoints(3)); // the headers wrap (Table writes them so) onto up to three lines
    // Characters per column: a month (7), money up to $9,999,999.99 (13) with a margin.
    int[] widths = {0, 10, 13, 10, 13, 10, 13, 13, 14, 14, 14,
        rows.stream().anyMatch(x -> x.paybackMonth() == null) ? 21 : 10, 10, 9, 9};
    for (int c = 1; c < widths.length; c++) {
      s.setColumnWidth(c, widths[c] * 256);
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
    next++;
    if (m.timelines().stream().anyMatch(x -> !x.months().isEmpty())) {
      picture(s, s.createDrawingPatriarch(), Charts.scenarios(m.timelines(), Charts.Size.DEFAULT), 0, next);
    }
  }

  /**
   * An editable Excel line chart of the first scenario on the Timeline sheet, next to the table
   * it plots (the Summary carries the same figures as a picture). Its series point at the
   * sheet's cells and carry cached values, so it draws before any recalculation.
   */
  private void nativeTimelineChart(XSSFSheet sheet) {
    Timeline t = m.timelines().get(0);
    int n = t.months().size();
    int first = timelineFirstPrimary + 1;
    int last = timelineLastPrimary + 1;
    // Below the table (all scenarios), a blank row, the warnings and another blank row.
    int top = FIRST_DATA_ROW + m.timelines().stream().mapToInt(x -> x.months().size()).sum() + 1
        + m.timelines().stream().mapToInt(x -> x.warnings().size()).sum() + 1;
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, 8, top + 24);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText("Monthly spend, " + t.scenario() + " (USD per month, editable chart)");
    chart.setTitleOverlay(false);
    XDDFChartLegend legend = chart.getOrAddLegend();
    legend.setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
    x.setTitle("Month");
    XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
    y.setTitle("USD per month");
    y.setCrosses(AxisCrosses.AUTO_ZERO);
    y.setNumberFormat("\"$\"#,##0");
    String[] months = t.months().stream().map(mo -> mo.month().toString()).toArray(String[]::new);
    XDDFDataSource<String> cat = XDDFDataSourcesFactory.fromArray(months,
        TIMELINE + "!$B$" + first + ":$B$" + last);
    var data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
    series(data, cat, "Staying on AWS", 'I', t.months().stream().map(Timeline.Month::stayOnAwsUsd), first, last,
        Charts.STAY);
    series(data, cat, "With the migration (total)", 'H', t.months().stream().map(Timeline.Month::totalUsd), first,
        last, Charts.AWS);
    series(data, cat, "of which Google Cloud", 'D', t.months().stream().map(Timeline.Month::gcpUsd), first, last,
        Charts.GCP);
    chart.plot(data);
  }

  private static void series(XDDFLineChartData data, XDDFDataSource<String> cat, String name, char col,
      java.util.stream.Stream<BigDecimal> values, int first, int last, java.awt.Color color) {
    Double[] v = values.map(BigDecimal::doubleValue).toArray(Double[]::new);
    XDDFNumericalDataSource<Double> val = XDDFDataSourcesFactory.fromArray(v,
        TIMELINE + "!$" + col + "$" + first + ":$" + col + "$" + last);
    var s = (XDDFLineChartData.Series) data.addSeries(cat, val);
    s.setTitle(name, null);
    s.setSmooth(false);
    s.setMarkerStyle(MarkerStyle.CIRCLE);
    var line = new XDDFLineProperties(new XDDFSolidFillProperties(
        XDDFColor.from(new byte[] {(byte) color.getRed(), (byte) color.getGreen(), (byte) color.getBlue()})));
    line.setWidth(2.25);
    s.setLineProperties(line);
  }

  private void reconciliation(Sheet s) {
    Reconciliation r = m.reconciliation();
    var t = new Table(s, st, "Reconciliation", r == null ? ReportModel.NO_BILLING
        : "The modelled AWS month against the bill of " + r.billMonth() + "; differences above "
        + (r.thresholdPct() == null ? "the threshold" : r.thresholdPct().stripTrailingZeros().toPlainString() + "%")
        + " raise a warning");
    t.header("Service", "Billed as", "Modelled (USD)", "Billed (USD)", "Difference (USD)", "Difference");
    t.wrap(0, 28);
    t.wrap(1, 40);
    if (r == null) {
      t.emptyNote(true, ReportModel.NO_BILLING);
      t.finish(50);
      commitments(s, t.lastDataRow() + 3);
      return;
    }
    BigDecimal mSum = BigDecimal.ZERO;
    BigDecimal bSum = BigDecimal.ZERO;
    for (Reconciliation.Row x : r.rows()) {
      Row row = t.row();
      int r1 = row.getRowNum() + 1;
      t.text(row, 0, x.service());
      t.text(row, 1, String.join(", ", x.billedServices()));
      t.num(row, 2, x.modelledUsd(), st.money);
      t.num(row, 3, x.billedUsd(), st.money);
      formulaIfClose(row.createCell(4), "C" + r1 + "-D" + r1, x.modelledUsd().subtract(x.billedUsd()),
          x.differenceUsd(), st.money);
      t.width(4, 14);
      percent(row.createCell(5), x.differencePct(), "IF(D" + r1 + "=0,\"\",E" + r1 + "/D" + r1 + ")",
          x.billedUsd().signum() == 0 ? null : x.differenceUsd().divide(x.billedUsd(), MathContext.DECIMAL64));
      mSum = mSum.add(x.modelledUsd());
      bSum = bSum.add(x.billedUsd());
    }
    int last = t.lastDataRow();
    t.finish(50);
    Row total = s.createRow(last + 2);
    int r1 = last + 3;
    label(total, 0, "Total", st.totalLabel);
    formulaIfClose(total.createCell(2), "SUM(C" + (FIRST_DATA_ROW + 1) + ":C" + (last + 1) + ")", mSum, r.modelledUsd(),
        st.totalMoney);
    formulaIfClose(total.createCell(3), "SUM(D" + (FIRST_DATA_ROW + 1) + ":D" + (last + 1) + ")", bSum, r.billedUsd(),
        st.totalMoney);
    BigDecimal diff = r.modelledUsd().subtract(r.billedUsd());
    formula(total.createCell(4), "C" + r1 + "-D" + r1, diff, st.totalMoney);
    percent(total.createCell(5), r.differencePct(), "IF(D" + r1 + "=0,\"\",E" + r1 + "/D" + r1 + ")",
        r.billedUsd().signum() == 0 ? null : diff.divide(r.billedUsd(), MathContext.DECIMAL64));
    int next = last + 4;
    for (String w : r.warnings()) {
      label(s.createRow(next++), 0, w, st.note);
    }
    commitments(s, next + 1);
  }

  /** Hours, whole, for notes. */
  static String hours(BigDecimal h) {
    return new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
        .format(h.setScale(0, java.math.RoundingMode.HALF_EVEN));
  }

  /**
   * Below the reconciliation: Cost Explorer's reserved-instance and savings-plan coverage, scaled
   * to the model's month, next to what the model covered and saved.
   */
  private void commitments(Sheet s, int at) {
    CommitmentCoverage c = m.commitmentCoverage();
    int n = at;
    if (c == null) {
      label(s.createRow(n), 0, "Commitments", st.totalLabel);
      label(s.createRow(n + 1), 0, ReportModel.NO_COVERAGE, st.notAvailable);
      return;
    }
    label(s.createRow(n++), 0, "Commitments: Cost Explorer coverage " + c.months() + " (" + hours(c.periodHours())
        + " h), per model month (x " + c.monthFactor().setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString() + ")",
        st.totalLabel);
    var ri = c.reservedInstances();
    if (ri == null) {
      label(s.createRow(n++), 0, "Reserved instances: Cost Explorer reservation coverage was not readable", st.notAvailable);
    } else {
      Row h = s.createRow(n++);
      String[] head = {"Reserved instances", "Region", "Reserved h (Cost Explorer)", "Modelled h", "Difference h", "Coverage"};
      for (int i = 0; i < head.length; i++) {
        label(h, i, head[i], st.headerWrap); // wrapped: the columns are sized for the money above them
      }
      h.setHeightInPoints(rowHeightPoints(3));
      for (CommitmentCoverage.Group g : ri.groups()) {
        Row row = s.createRow(n++);
        label(row, 0, g.instanceType() + (g.flagged() ? " (differs)" : ""), st.text);
        label(row, 1, "*".equals(g.region()) ? "all regions" : g.region(), st.text);
        numCell(row, 2, g.reservedHours(), st.decimal);
        numCell(row, 3, g.modelledReservedHours(), st.decimal);
        numCell(row, 4, g.differenceHours(), st.decimal);
      }
      Row total = s.createRow(n++);
      label(total, 0, "Total" + (ri.flagged() ? " (differs: see Warnings)" : ""), st.totalLabel);
      numCell(total, 2, ri.reservedHours(), st.decimal);
      numCell(total, 3, ri.modelledReservedHours(), st.decimal);
      numCell(total, 4, ri.modelledReservedHours().subtract(ri.reservedHours()), st.decimal);
      if (ri.coveragePct() != null) {
        numCell(total, 5, ri.coveragePct().movePointLeft(2), st.percent);
      }
      Row saving = s.createRow(n++);
      label(saving, 0, "Reserved instance saving per month (modelled)", st.label);
      numCell(saving, 3, ri.modelledSavingUsd(), st.money);
    }
    var sp = c.savingsPlans();
    n++;
    if (sp == null) {
      label(s.createRow(n), 0, "Savings plans: Cost Explorer savings plan coverage was not readable", st.notAvailable);
      return;
    }
    Row h = s.createRow(n++);
    label(h, 0, "Savings plans", st.headerWrap);
    label(h, 2, "Cost Explorer (USD per month)", st.headerWrap);
    label(h, 3, "Modelled", st.headerWrap);
    h.setHeightInPoints(rowHeightPoints(3));
    String[] rows = {"eligible compute spend", "covered, at on-demand value", "commitment", "commitment used",
        "commitment unused", "net savings"};
    BigDecimal[] values = {sp.eligibleUsd(), sp.coveredUsd(), sp.commitmentUsd(), sp.usedCommitmentUsd(),
        sp.unusedCommitmentUsd(), sp.netSavingsUsd()};
    for (int i = 0; i < rows.length; i++) {
      Row row = s.createRow(n++);
      label(row, 0, rows[i], st.text);
      if (values[i] == null) {
        label(row, 2, "not reported", st.notAvailable);
      } else {
        numCell(row, 2, values[i], st.money);
      }
      if (i == rows.length - 1) {
        numCell(row, 3, sp.modelledSavingUsd(), st.money);
      }
    }
    Row cov = s.createRow(n++);
    label(cov, 0, "coverage (covered / eligible spend)", st.text);
    if (sp.coveragePct() != null) {
      numCell(cov, 2, sp.coveragePct().movePointLeft(2), st.percent);
    }
    Row util = s.createRow(n++);
    label(util, 0, "utilisation (used / commitment)", st.text);
    if (sp.utilizationPct() == null) {
      label(util, 2, "not reported", st.notAvailable);
    } else {
      numCell(util, 2, sp.utilizationPct().movePointLeft(2), st.percent);
    }
    label(s.createRow(n), 0, sp.applied()
        ? "The model takes the covered on-demand value off EC2 (1:1 up to the commitment used, the rest as the discount) "
            + "and charges the snapshot's plans, split used/unused (Costs sheet)"
        : "Not modelled: no commitment known for the covered usage (see Warnings)", st.note);
  }

  private static void numCell(Row row, int col, BigDecimal v, CellStyle style) {
    if (v == null) {
      return;
    }
    Cell c = row.createCell(col);
    c.setCellValue(v.doubleValue());
    c.setCellStyle(style);
  }

  private void bill(Sheet s) {
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
    services.forEach(x -> headers.add(x));
    t.header(headers.toArray(String[]::new));
    String lastCol = CellReference.convertNumToColString(Math.max(3, 2 + services.size()));
    for (ReportModel.BillMonth mo : months) {
      Row row = t.row();
      int r1 = row.getRowNum() + 1;
      t.text(row, 0, mo.month().toString());
      t.text(row, 1, mo.estimated() ? "estimated" : "");
      BigDecimal sum = mo.services().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      formulaIfClose(row.createCell(2), "SUM(D" + r1 + ":" + lastCol + r1 + ")", sum, mo.totalUsd(), st.money);
      t.width(2, 14);
      for (int i = 0; i < services.size(); i++) {
        BigDecimal v = mo.services().get(services.get(i));
        t.num(row, 3 + i, v, st.money);
      }
    }
    t.emptyNote(months.isEmpty(), ReportModel.NO_BILLING);
    t.finish(24);
  }

  private void assumptions(Sheet s) {
    var t = new Table(s, st, "Assumptions and price sources", "Every parameter and unit price the figures use; "
        + "price book of " + m.priceBookDate());
    t.header("Kind", "Name or price key", "Value", "Unit", "Source", "As of", "Used by");
    for (int[] c : new int[][] {{1, 36}, {2, 24}, {3, 14}, {4, 50}, {6, 24}}) {
      t.wrap(c[0], c[1]);
    }
    param(t, "price book date", String.valueOf(m.priceBookDate()), "price book", "");
    param(t, "usage window", m.windowLabel(), "snapshot", "");
    param(t, "rules", m.rulesSource(), "migration plan", "");
    m.assessment().plan().regionMap().forEach((aws, gcp) -> param(t, "region " + aws, gcp, "region map", ""));
    for (Assumption a : m.assumptions()) {
      param(t, a.name(), a.value(), a.source(), "");
    }
    for (ReportModel.UnitPrice p : m.unitPrices()) {
      Row row = t.row();
      t.text(row, 0, "unit price");
      t.text(row, 1, p.priceKey());
      t.num(row, 2, p.unitPriceUsd(), st.unitPrice);
      t.text(row, 3, p.unit() == null ? "USD" : "USD per " + p.unit());
      t.text(row, 4, p.source());
      t.text(row, 5, p.asOf() == null ? null : p.asOf().toString());
      t.text(row, 6, p.services());
    }
    t.finish(70);
  }

  private void param(Table t, String name, String value, String source, String asOf) {
    Row row = t.row();
    t.text(row, 0, "parameter");
    t.text(row, 1, name);
    t.text(row, 2, value);
    t.text(row, 4, source);
    t.text(row, 5, asOf);
  }

  private void gaps(Sheet s) {
    var t = new Table(s, st, "Gaps", "What could not be collected or priced. Figures that depend on it are "
        + "incomplete; a missing price is never counted as zero.");
    t.header("Kind", "Service or side", "Region or item", "Error code or price key", "Missing", "Detail");
    for (int[] c : new int[][] {{1, 20}, {2, 22}, {3, 30}, {4, 30}, {5, 60}}) {
      t.wrap(c[0], c[1]);
    }
    for (Gap g : m.gaps()) {
      Row row = t.row();
      t.text(row, 0, "not collected");
      t.text(row, 1, g.service());
      t.text(row, 2, g.region());
      t.text(row, 3, g.errorCode());
      t.text(row, 4, g.missing());
      t.text(row, 5, g.message());
    }
    for (MissingPrice p : m.missingPrices()) {
      Row row = t.row();
      t.text(row, 0, "not priced");
      t.text(row, 1, p.phase() == Phase.CURRENT ? AWS_SIDE : p.phase() == Phase.TARGET ? GCP_SIDE : "hybrid");
      t.text(row, 2, p.itemId());
      t.text(row, 3, p.priceKey());
      t.text(row, 4, p.component());
      t.text(row, 5, "the price book has no price for this key; the total of this side is a lower bound");
    }
    t.emptyNote(m.gaps().isEmpty() && m.missingPrices().isEmpty(), "none: everything was collected and priced");
    t.finish(70);
  }

  private void warnings(Sheet s) {
    var t = new Table(s, st, "Warnings and blockers", "A blocker must be solved before the item can move; "
        + "a warning needs a look");
    t.header("Severity", "Source", "Item", "Message");
    t.wrap(2, 24);
    t.wrap(3, 100);
    for (ReportModel.WarningRow w : m.warnings()) {
      Row row = t.row();
      t.text(row, 0, w.severity());
      t.text(row, 1, w.source());
      t.text(row, 2, w.item());
      t.text(row, 3, w.message());
    }
    t.emptyNote(m.warnings().isEmpty(), "none");
    t.finish(110);
  }

  // ----------------------------------------------------------------------------- printing

  /**
   * How a sheet prints: A4, one page wide and as many tall as it takes (fit height 0), header
   * and footer with the sheet name, account, date and "page x of y". A detail table prints in
   * landscape with its header row on every page and gridlines; its column widths are capped so
   * that one page width keeps the text at about 7 pt or more. The Summary is portrait and sets
   * its own page break and print area.
   */
  void pageSetup(Sheet s, boolean table) {
    PrintSetup ps = s.getPrintSetup();
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    ps.setLandscape(table);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
    s.setFitToPage(true);
    // Inches. Narrow sides leave the width to the table; header and footer sit in the top and bottom margins.
    s.setMargin(PageMargin.LEFT, 0.4);
    s.setMargin(PageMargin.RIGHT, 0.4);
    s.setMargin(PageMargin.TOP, 0.7);
    s.setMargin(PageMargin.BOTTOM, 0.7);
    s.setMargin(PageMargin.HEADER, 0.3);
    s.setMargin(PageMargin.FOOTER, 0.3);
    if (table) {
      s.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
      s.setPrintGridlines(true);
    }
    // Header/footer codes: &A sheet name, &P page, &N pages, &9 9 pt, &"Arial,Bold" font; a literal & is &&.
    s.getHeader().setLeft("&\"Arial,Bold\"&9&A");
    s.getHeader().setCenter("&\"Arial,Regular\"&9AWS to Google Cloud migration assessment");
    s.getHeader().setRight("&\"Arial,Regular\"&9Account " + m.accountLabel().replace("&", "&&"));
    s.getFooter().setLeft("&\"Arial,Regular\"&9Generated " + stamp(m.generatedAt())
        + (m.priceBookDate() == null ? "" : ", price book of " + m.priceBookDate()));
    s.getFooter().setRight("&\"Arial,Regular\"&9Page &P of &N");
  }

  // ----------------------------------------------------------------------------- cell helpers

  static void label(Row row, int col, String text, CellStyle style) {
    Cell c = row.createCell(col);
    c.setCellValue(text);
    c.setCellStyle(style);
  }

  /** A formula whose cached value is the figure; the caller knows the formula computes it. */
  static void formula(Cell c, String formula, BigDecimal value, CellStyle style) {
    c.setCellFormula(formula);
    c.setCellValue(value.doubleValue());
    c.setCellStyle(style);
  }

  /**
   * The formula when what it computes ({@code computed}) is the figure to the cent, otherwise
   * the figure itself: the workbook never shows a total that disagrees with the JSON.
   */
  static void formulaIfClose(Cell c, String formula, BigDecimal computed, BigDecimal figure, CellStyle style) {
    if (computed != null && figure != null && computed.subtract(figure).abs().doubleValue() < CENT) {
      formula(c, formula, figure, style);
    } else {
      c.setCellValue(figure == null ? 0 : figure.doubleValue());
      c.setCellStyle(style);
    }
  }

  /** A percentage figure (percent, e.g. 27.65) written as a fraction with a % format. */
  void percent(Cell c, BigDecimal pct, String formula, BigDecimal computedFraction) {
    if (pct == null) {
      c.setCellValue("");
      return;
    }
    BigDecimal fraction = pct.movePointLeft(2);
    if (computedFraction != null && computedFraction.subtract(fraction).abs().doubleValue() < 0.00005) {
      c.setCellFormula(formula);
    }
    c.setCellValue(fraction.doubleValue());
    c.setCellStyle(st.percent);
  }

  // ----------------------------------------------------------------------------- tables

  /**
   * A detail table: title, note, header with filter and frozen panes, rows, computed column
   * widths. Long free-text columns ({@link #wrap}) wrap inside a capped width instead of widening
   * the sheet, so that the sheet prints one page wide at a readable size.
   */
  static final class Table {
    private final Sheet sheet;
    private final Styles st;
    private int next = FIRST_DATA_ROW;
    private int columns;
    private int[] widths = new int[0];
    private int[] caps = new int[0];
    private String[] headers = new String[0];
    private Row current;
    private int currentLines;

    Table(Sheet sheet, Styles st, String title, String note) {
      this.sheet = sheet;
      this.st = st;
      label(sheet.createRow(0), 0, title, st.sheetTitle);
      label(sheet.createRow(1), 0, note, st.note);
    }

    /** Headers wrap, so a long header does not widen a column of short values. */
    void header(String... names) {
      columns = names.length;
      widths = new int[columns];
      caps = new int[columns];
      headers = names;
      Row h = sheet.createRow(HEADER_ROW);
      for (int i = 0; i < names.length; i++) {
        label(h, i, names[i], st.headerWrap);
        int word = 0;
        for (String w : names[i].split(" ")) {
          word = Math.max(word, w.length());
        }
        // Bold 10 pt is about 10% wider than the characters the width counts; the filter button needs 2.
        widths[i] = Math.max(10, word * 11 / 10 + 3);
      }
      headerHeight(false);
    }

    /**
     * The header row's height for its wrapped names: with the final widths when {@code last},
     * otherwise an estimate (a wrapped column at its cap, another at least a figure's 13
     * characters), set before the first data row because with more rows than the streaming
     * window the header row is on disk before the widths are final.
     */
    private void headerHeight(boolean last) {
      Row h = sheet.getRow(HEADER_ROW);
      if (h == null) {
        return;
      }
      int lines = 1;
      for (int i = 0; i < columns; i++) {
        int w = last ? Math.min(widths[i], caps[i] > 0 ? caps[i] : Integer.MAX_VALUE)
            : caps[i] > 0 ? caps[i] : Math.max(widths[i], 13);
        lines = Math.max(lines, lines(headers[i], (w - 2) * 10 / 11));
      }
      h.setHeightInPoints(rowHeightPoints(lines));
    }

    /**
     * Column {@code col} holds long free text: it wraps at {@code maxChars} characters (the row
     * grows) instead of widening the sheet. Call after {@link #header} and before the rows.
     */
    void wrap(int col, int maxChars) {
      caps[col] = maxChars;
    }

    Row row() {
      if (next == FIRST_DATA_ROW) {
        headerHeight(false);
      }
      current = sheet.createRow(next++);
      currentLines = 1;
      return current;
    }

    void text(Row row, int col, String value) {
      if (value == null || value.isEmpty()) {
        return;
      }
      Cell c = row.createCell(col);
      c.setCellValue(value);
      c.setCellStyle(caps[col] > 0 ? st.wrap : st.text);
      width(col, value.length() + 2);
      if (caps[col] > 0 && row == current) {
        // Excel and LibreOffice do not grow a row for wrapped text on opening: the height is written.
        // One character per unit of width (a digit's width), 1 unit of padding: lower-case text averages a
        // little more, but words with m and w ("memory not measured") fill a line at about that.
        int n = lines(value, caps[col] - 1);
        if (n > currentLines) {
          currentLines = n;
          row.setHeightInPoints(rowHeightPoints(n));
        }
      }
    }

    void num(Row row, int col, BigDecimal value, CellStyle style) {
      num(row, col, value == null ? null : value.doubleValue(), style);
    }

    void num(Row row, int col, Double value, CellStyle style) {
      if (value == null) {
        return;
      }
      Cell c = row.createCell(col);
      c.setCellValue(value);
      c.setCellStyle(style);
      // "$1,234,567.89": separators are half a digit wide.
      width(col, 13);
    }

    void width(int col, int chars) {
      if (chars > widths[col]) {
        widths[col] = chars;
      }
    }

    /** When the table is empty, one row that says why, instead of nothing. */
    void emptyNote(boolean empty, String text) {
      if (empty) {
        label(row(), 0, text, st.notAvailable);
      }
    }

    int lastDataRow() {
      return Math.max(next - 1, FIRST_DATA_ROW);
    }

    /**
     * Freeze the header, filter the data, set widths (capped at {@code maxChars}, or at the
     * column's own cap when it wraps). The print setup is {@link WorkbookWriter#pageSetup}'s.
     */
    void finish(int maxChars) {
      sheet.createFreezePane(0, FIRST_DATA_ROW);
      sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastDataRow(), 0, columns - 1));
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.min(widths[i], caps[i] > 0 ? caps[i] : maxChars);
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      headerHeight(true);
      sheet.setDisplayGridlines(true);
    }
  }

  /** Height of a row of {@code lines} lines of Arial 10: 11.5 pt a line (1.15 x the size) and a little padding. */
  static float rowHeightPoints(int lines) {
    return 1.5f + 11.5f * lines;
  }

  /**
   * Lines that {@code text} takes when wrapped at {@code perLine} characters: breaks after a
   * space, hyphen, slash, comma, semicolon or colon (where Excel and LibreOffice break), a word
   * longer than a line is cut. One character per unit of column width over-counts narrow
   * letters a little: a row may be a line too tall, never cut off.
   */
  static int lines(String text, int perLine) {
    int width = Math.max(4, perLine);
    if (text.length() <= width && text.indexOf('\n') < 0) {
      return 1;  // most cells: no need to split (this runs for every wrapped cell of a 100,000-item estate)
    }
    int lines = 1;
    int col = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) == '\n') {
        lines++;
        col = 0;
        i++;
        continue;
      }
      // A token runs to and including the next break character.
      int end = i;
      while (end < n && text.charAt(end) != '\n' && " /,;:-".indexOf(text.charAt(end)) < 0) {
        end++;
      }
      if (end < n && text.charAt(end) != '\n') {
        end++;
      }
      int trailing = text.charAt(end - 1) == ' ' ? 1 : 0;
      int visible = end - i - trailing;
      if (col > 0 && col + visible > width) {
        lines++;
        col = 0;
      }
      while (visible > width) {
        lines++;
        visible -= width;
      }
      col += visible + trailing;
      i = end;
    }
    return Math.max(1, lines);
  }

  /** Cell styles, created once per workbook (Excel allows about 64,000). */
  static final class Styles {
    final CellStyle title;
    final CellStyle sheetTitle;
    final CellStyle note;
    final CellStyle header;
    final CellStyle headerWrap;
    final CellStyle section;
    final CellStyle text;
    final CellStyle centered;
    final CellStyle label;
    final CellStyle wrap;
    final CellStyle money;
    final CellStyle moneyBig;
    final CellStyle unitPrice;
    final CellStyle quantity;
    final CellStyle decimal;
    final CellStyle integer;
    final CellStyle percent;
    final CellStyle percentBig;
    final CellStyle notAvailable;
    final CellStyle totalLabel;
    final CellStyle totalMoney;
    final CellStyle totalInteger;
    final CellStyle integerBig;
    final CellStyle infoLabel;
    final CellStyle textFigure;

    Styles(Workbook wb) {
      // The workbook's default font (index 0, Calibri 11 in POI) sets the unit of column widths and
      // the default row height: Arial 10 like the cells, so "n characters wide" fits n characters.
      Font base = wb.getFontAt(0);
      base.setFontName("Arial");
      base.setFontHeightInPoints((short) 10);
      var df = wb.createDataFormat();
      Font bold = font(wb, true, false, 11, null);
      Font italicGray = font(wb, false, true, 10, IndexedColors.GREY_50_PERCENT);
      title = style(wb, font(wb, true, false, 18, null), null);
      title.setVerticalAlignment(VerticalAlignment.CENTER);
      sheetTitle = style(wb, font(wb, true, false, 14, null), null);
      note = style(wb, italicGray, null);
      header = style(wb, font(wb, true, false, 10, IndexedColors.WHITE), null);
      fill((org.apache.poi.xssf.usermodel.XSSFCellStyle) header, new byte[] {(byte) 0x1F, (byte) 0x38, (byte) 0x64});
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setBorderBottom(BorderStyle.THIN);
      headerWrap = wb.createCellStyle();
      headerWrap.cloneStyleFrom(header);
      headerWrap.setWrapText(true);
      section = style(wb, font(wb, true, false, 12, IndexedColors.WHITE), null);
      section.setVerticalAlignment(VerticalAlignment.CENTER);
      fill((org.apache.poi.xssf.usermodel.XSSFCellStyle) section, new byte[] {(byte) 0x42, (byte) 0x85, (byte) 0xF4});
      text = style(wb, null, null);
      // Months between right-aligned money columns: centred, so that they do not run into the figures.
      centered = style(wb, null, null);
      centered.setAlignment(HorizontalAlignment.CENTER);
      label = style(wb, null, null);
      wrap = style(wb, null, null);
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
      String usd = "\"$\"#,##0.00;[Red]-\"$\"#,##0.00";
      money = style(wb, null, df.getFormat(usd));
      moneyBig = style(wb, bold, df.getFormat(usd));
      unitPrice = style(wb, null, df.getFormat("\"$\"#,##0.00####"));
      quantity = style(wb, null, df.getFormat("#,##0.####"));
      decimal = style(wb, null, df.getFormat("#,##0.0#"));
      integer = style(wb, null, df.getFormat("#,##0"));
      percent = style(wb, null, df.getFormat("0.00%;[Red]-0.00%"));
      percentBig = style(wb, bold, df.getFormat("0.00%;[Red]-0.00%"));
      notAvailable = style(wb, italicGray, null);
      totalLabel = style(wb, bold, null);
      totalLabel.setBorderTop(BorderStyle.THIN);
      totalMoney = style(wb, bold, df.getFormat(usd));
      totalMoney.setBorderTop(BorderStyle.THIN);
      totalInteger = style(wb, bold, df.getFormat("#,##0"));
      totalInteger.setBorderTop(BorderStyle.THIN);
      integerBig = style(wb, bold, df.getFormat("#,##0"));
      infoLabel = style(wb, bold, null);
      textFigure = style(wb, bold, null);
      textFigure.setAlignment(HorizontalAlignment.RIGHT);
      // A little space between a right-aligned figure in B and its note in C.
      note.setAlignment(HorizontalAlignment.LEFT);
      note.setIndention((short) 1);
      for (CellStyle s : List.of(moneyBig, percentBig, notAvailable, integerBig)) {
        s.setAlignment(HorizontalAlignment.RIGHT);
      }
    }

    private static Font font(Workbook wb, boolean bold, boolean italic, int points, IndexedColors color) {
      Font f = wb.createFont();
      f.setFontName("Arial");
      f.setBold(bold);
      f.setItalic(italic);
      f.setFontHeightInPoints((short) points);
      if (color != null) {
        f.setColor(color.getIndex());
      }
      return f;
    }

    private static CellStyle style(Workbook wb, Font font, Short format) {
      CellStyle s = wb.createCellStyle();
      if (font != null) {
        s.setFont(font);
      } else {
        s.setFont(font(wb, false, false, 10, null));
      }
      if (format != null) {
        s.setDataFormat(format);
      }
      // Top: in a row that a wrapped cell makes taller, every cell starts on its first line.
      s.setVerticalAlignment(VerticalAlignment.TOP);
      return s;
    }

    private static void fill(org.apache.poi.xssf.usermodel.XSSFCellStyle s, byte[] rgb) {
      s.setFillForegroundColor(new XSSFColor(rgb, null));
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
  }

  // ----------------------------------------------------------------------------- pictures

  /**
   * Puts a chart on the sheet with its top-left corner at (col, row), at its display size in
   * pixels (the PNG is drawn at twice that for crispness). The anchor is computed from the
   * column widths and row heights, not with {@code XSSFPicture.resize}, which gives a
   * zero-width picture for a 2x PNG in POI 5.5; returns the first row below the picture.
   */
  static int picture(XSSFSheet sheet, XSSFDrawing drawing, Charts.Png png, int col, int row) {
    return picture(sheet, drawing, png, col, 0, row);
  }

  /** As {@link #picture(XSSFSheet, XSSFDrawing, Charts.Png, int, int)}, {@code dxPixels} right of column {@code col}'s left edge. */
  static int picture(XSSFSheet sheet, XSSFDrawing drawing, Charts.Png png, int col, float dxPixels, int row) {
    int idx = sheet.getWorkbook().addPicture(png.bytes(), Workbook.PICTURE_TYPE_PNG);
    int col1 = col;
    float x = dxPixels;
    while (x >= sheet.getColumnWidthInPixels(col1)) {
      x -= sheet.getColumnWidthInPixels(col1);
      col1++;
    }
    int dx1 = Math.round(x * Units.EMU_PER_PIXEL);
    int col2 = col1;
    float px = x + png.size().width();
    while (px > sheet.getColumnWidthInPixels(col2)) {
      px -= sheet.getColumnWidthInPixels(col2);
      col2++;
    }
    int dx2 = Math.round(px * Units.EMU_PER_PIXEL);
    int row2 = row;
    float py = png.size().height();
    while (py > rowHeightPixels(sheet, row2)) {
      py -= rowHeightPixels(sheet, row2);
      row2++;
    }
    int dy2 = Math.round(py * Units.EMU_PER_PIXEL);
    var anchor = new XSSFClientAnchor(dx1, 0, dx2, dy2, col1, row, col2, row2);
    anchor.setAnchorType(org.apache.poi.ss.usermodel.ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
    XSSFPicture pic = drawing.createPicture(anchor, idx);
    pic.getCTPicture().getNvPicPr().getCNvPr().setDescr(png.title());
    pic.getCTPicture().getNvPicPr().getCNvPr().setName(png.title());
    return row2 + 1;
  }

  private static float rowHeightPixels(Sheet sheet, int row) {
    Row r = sheet.getRow(row);
    float points = r == null ? sheet.getDefaultRowHeightInPoints() : r.getHeightInPoints();
    return points * Units.PIXEL_DPI / Units.POINT_DPI;
  }
}

package dev.migrate.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The management workbook. The Summary sheet (headline figures and charts) is built in memory
 * with XSSF; the detail sheets are streamed with SXSSF so that a 100,000-instance estate is
 * written with bounded memory. Each sheet is written by its own class ({@link SummarySheet},
 * {@link CostsSheet}, ...), on the shared {@link Styles}, {@link Layout} and {@link Table}.
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
  static final String APP_GROUPS = "App groups";
  static final String DEPENDENCIES = "Dependencies";
  /** Sheet order in the workbook (without flow logs in the snapshot; see {@link #sheets}). */
  public static final List<String> SHEETS = List.of(SUMMARY, SCENARIOS, INVENTORY, MAPPING, COSTS, TIMELINE, RECONCILIATION,
      BILL, ASSUMPTIONS, GAPS, WARNINGS);

  /** The sheets of {@code m}'s workbook, in order: the App groups and Dependencies sheets after the Timeline when flows were measured. */
  public static List<String> sheets(ReportModel m) {
    if (!m.dependencies().measured()) {
      return SHEETS;
    }
    var out = new java.util.ArrayList<>(SHEETS);
    out.addAll(out.indexOf(TIMELINE) + 1, List.of(APP_GROUPS, DEPENDENCIES));
    return List.copyOf(out);
  }

  /** Detail tables: title in row 1, note in row 2, header in row 3, data from row 4 (1-based). */
  static final int HEADER_ROW = Layout.HEADER_ROW;
  static final int FIRST_DATA_ROW = Layout.FIRST_DATA_ROW;

  /** The two sides as the Costs sheet and the cost-lines CSV name them. */
  static final String AWS_SIDE = "AWS today";
  static final String GCP_SIDE = "Google Cloud after";

  /**
   * Data rows a detail sheet (Inventory, Mapping, Costs, Warnings) keeps at most. A sheet of 100,000 rows opens in
   * seconds in Excel and LibreOffice; the 800,000 cost lines of a 200,000-instance estate take minutes and several
   * GB of the reader's memory, and more than 1,048,576 rows do not fit a sheet at all. What is cut is said on the
   * sheet, the Summary still counts and adds up everything, and the JSON and the CSV keep every row.
   */
  static final int DETAIL_ROWS = 100_000;

  /** Rows kept in memory per streamed sheet; the rest is flushed to a temporary file. */
  private static final int WINDOW_ROWS = 200;

  private WorkbookWriter() {
  }

  /**
   * Writes the workbook for {@code m} to {@code out} (not closed).
   *
   * @return how many table cells were cut at Excel's 32,767-character limit (each is marked)
   */
  public static int write(ReportModel m, OutputStream out) throws IOException {
    return write(m, out, DETAIL_ROWS);
  }

  /** {@link #write(ReportModel, OutputStream)} keeping at most {@code maxRows} data rows per detail sheet. */
  static int write(ReportModel m, OutputStream out, int maxRows) throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    var props = wb.getProperties().getCoreProperties();
    props.setCreator("migrate");
    props.setTitle("AWS to Google Cloud migration assessment, account " + m.accountId());
    props.setCreated(Optional.of(Date.from(m.generatedAt())));
    props.setModified(Optional.of(Date.from(m.generatedAt())));
    props.setLastModifiedByUser("migrate");
    Styles st = new Styles(wb);
    SheetRefs refs = new SheetRefs(m, maxRows);
    List<String> sheets = sheets(m);
    for (String name : sheets) {
      // One line of Arial 10 (Excel's and LibreOffice's height for it): POI's default is 15 pt (Calibri 11),
      // which would misplace pictures anchored by rows and overstate the printed length.
      wb.createSheet(name).setDefaultRowHeightInPoints(Layout.rowHeightPoints(1));
    }
    new SummarySheet(m, st, wb.getSheet(SUMMARY), refs).write();
    new ScenariosSheet(m, st).write(wb.getSheet(SCENARIOS));
    var timeline = new TimelineSheet(m, st, refs);
    if (refs.hasTimeline()) {
      timeline.chart(wb.getSheet(TIMELINE));
    }
    if (m.dependencies().measured()) {
      new AppGroupsSheet(m, st).write(wb.getSheet(APP_GROUPS));
    }
    SXSSFWorkbook sx = new StreamingWorkbook(wb, WINDOW_ROWS);
    try {
      new InventorySheet(m, st, maxRows).write(sx.getSheet(INVENTORY));
      new MappingSheet(m, st, maxRows).write(sx.getSheet(MAPPING));
      new CostsSheet(m, st, refs).write(sx.getSheet(COSTS));
      timeline.write(sx.getSheet(TIMELINE));
      if (m.dependencies().measured()) {
        new DependenciesSheet(m, st).write(sx.getSheet(DEPENDENCIES));
      }
      new ReconciliationSheet(m, st).write(sx.getSheet(RECONCILIATION));
      new BillSheet(m, st).write(sx.getSheet(BILL));
      new AssumptionsSheet(m, st).write(sx.getSheet(ASSUMPTIONS));
      new GapsSheet(m, st).write(sx.getSheet(GAPS));
      new WarningsSheet(m, st, maxRows).write(sx.getSheet(WARNINGS));
      for (String name : sheets) {
        // On the template sheets: SXSSF writes everything but the rows from them.
        PageSetup.apply(wb.getSheet(name), !name.equals(SUMMARY), m);
      }
      sx.setActiveSheet(0);
      sx.write(out);
    } finally {
      sx.close();
    }
    return st.cutCells;
  }

  /** Lines that {@code text} takes wrapped at {@code perLine} characters, as the sheets estimate row heights. */
  static int lines(String text, int perLine) {
    return Layout.lines(text, perLine);
  }
}

package dev.migrate.report;

import static dev.migrate.report.Cells.formulaIfClose;
import static dev.migrate.report.Cells.label;
import static dev.migrate.report.Layout.FIRST_DATA_ROW;
import static dev.migrate.report.WorkbookWriter.TIMELINE;

import dev.migrate.cost.Timeline;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The Timeline sheet: month by month through the hybrid phase, a block of rows per what-if
 * scenario, totals and cumulative figures as formulas; below it the scenarios' warnings and an
 * editable chart of the first scenario.
 */
final class TimelineSheet {
  private static final int SCENARIO_CHARS = 26;
  /** Column H, the month's total, a little wider than a money column. */
  private static final int TOTAL_CHARS = 12;
  private static final int MAX_CHARS = 40;
  /** The editable chart spans columns A:H and 24 rows. */
  private static final int CHART_COLUMNS = 8;
  private static final int CHART_ROWS = 24;
  /** Points. */
  private static final double CHART_LINE_WIDTH = 2.25;

  private final ReportModel m;
  private final Styles st;
  private final SheetRefs refs;

  TimelineSheet(ReportModel m, Styles st, SheetRefs refs) {
    this.m = m;
    this.st = st;
    this.refs = refs;
  }

  void write(Sheet s) {
    var t = new Table(s, st, "Timeline", m.timelines().isEmpty() ? ReportModel.NO_TIMELINE
        : "Month by month through the hybrid phase, USD; one block of rows per what-if scenario (the Summary uses "
        + m.timelines().get(0).scenario() + ")");
    t.header("Scenario", "Month", "AWS", "Google Cloud", "Link (VPN / Interconnect)", "Inter-cloud traffic", "One-off",
        "Total", "Staying on AWS", "Cumulative", "Cumulative staying on AWS", "Requests", "Total per million requests",
        "Crossing traffic: measured, assumed or both");
    t.wrap(0, SCENARIO_CHARS);
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
        t.width(7, TOTAL_CHARS);
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
        // measured (flow logs), assumed (the flows model), both ("both": the column stays narrow), or none: the basis of column F's traffic (the GiB
        // are in the JSON; a column more would not print one page wide)
        String basis = mo.crossingBasis();
        t.text(row, 13, basis.equals("measured and assumed") ? "both" : basis);
        prev = mo;
      }
    }
    t.emptyNote(m.timelines().isEmpty(), ReportModel.NO_TIMELINE
        + " (run `migrate whatif` with a scenario to project the hybrid months)");
    int next = t.lastDataRow() + 2;
    t.finish(MAX_CHARS);
    for (Timeline tl : m.timelines()) {
      for (String w : tl.warnings()) {
        label(s.createRow(next++), 0, tl.scenario() + ": " + w, st.note);
      }
    }
  }

  /**
   * An editable Excel line chart of the first scenario, next to the table it plots (the Summary
   * carries the same figures as a picture). Its series point at the sheet's cells and carry
   * cached values, so it draws before any recalculation. Called on the template sheet before
   * streaming starts (SXSSF keeps the drawing), and only with a timeline.
   */
  void chart(XSSFSheet sheet) {
    Timeline t = m.timelines().get(0);
    int first = refs.timelineFirstPrimary + 1;
    int last = refs.timelineLastPrimary + 1;
    // Below the table (all scenarios), a blank row, the warnings and another blank row.
    int top = FIRST_DATA_ROW + m.timelines().stream().mapToInt(x -> x.months().size()).sum() + 1
        + m.timelines().stream().mapToInt(x -> x.warnings().size()).sum() + 1;
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, CHART_COLUMNS, top + CHART_ROWS);
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
      Stream<BigDecimal> values, int first, int last, Color color) {
    Double[] v = values.map(BigDecimal::doubleValue).toArray(Double[]::new);
    XDDFNumericalDataSource<Double> val = XDDFDataSourcesFactory.fromArray(v,
        TIMELINE + "!$" + col + "$" + first + ":$" + col + "$" + last);
    var s = (XDDFLineChartData.Series) data.addSeries(cat, val);
    s.setTitle(name, null);
    s.setSmooth(false);
    s.setMarkerStyle(MarkerStyle.CIRCLE);
    var line = new XDDFLineProperties(new XDDFSolidFillProperties(
        XDDFColor.from(new byte[] {(byte) color.getRed(), (byte) color.getGreen(), (byte) color.getBlue()})));
    line.setWidth(CHART_LINE_WIDTH);
    s.setLineProperties(line);
  }
}

package dev.migrate.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Writing one cell (a label, a figure, a formula with its cached value) or a picture; shared by every sheet. */
final class Cells {
  /** Half a cent: a formula whose result is further than this from the figure is not used. */
  static final double CENT = 0.005;
  /** Half a hundredth of a percent, as a fraction: the same test for a percentage shown with two decimals. */
  static final double HUNDREDTH_PERCENT = 0.00005;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Cells() {
  }

  static String stamp(Instant t) {
    return STAMP.format(t);
  }

  /** Hours, whole, for notes. */
  static String hours(BigDecimal h) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(h.setScale(0, RoundingMode.HALF_EVEN));
  }

  /** Excel's limit on the characters of one cell; POI refuses a longer text with an exception. */
  static final int MAX_CELL_CHARS = 32_767;

  /**
   * The text, or when it is over {@link #MAX_CELL_CHARS} (a long rule note or Name tag) its start
   * with a visible marker saying so: the workbook is still written, and the JSON has the whole text.
   */
  static String fit(String text) {
    if (text == null || text.length() <= MAX_CELL_CHARS) {
      return text;
    }
    String marker = " [... cut: " + text.length() + " characters, more than a cell holds; the JSON has the whole text]";
    int keep = MAX_CELL_CHARS - marker.length();
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--; // never split a character in two
    }
    return text.substring(0, keep) + marker;
  }

  static void label(Row row, int col, String text, CellStyle style) {
    Cell c = row.createCell(col);
    c.setCellValue(fit(text));
    c.setCellStyle(style);
  }

  /** A number, or no cell when it is null. */
  static void number(Row row, int col, BigDecimal v, CellStyle style) {
    if (v == null) {
      return;
    }
    Cell c = row.createCell(col);
    c.setCellValue(v.doubleValue());
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

  /**
   * A percentage figure (percent, e.g. 27.65) written as a fraction with a % format; the formula
   * only when what it computes ({@code computedFraction}) is the figure as shown.
   */
  static void percent(Cell c, BigDecimal pct, String formula, BigDecimal computedFraction, CellStyle style) {
    if (pct == null) {
      c.setCellValue("");
      return;
    }
    BigDecimal fraction = pct.movePointLeft(2);
    if (computedFraction != null && computedFraction.subtract(fraction).abs().doubleValue() < HUNDREDTH_PERCENT) {
      c.setCellFormula(formula);
    }
    c.setCellValue(fraction.doubleValue());
    c.setCellStyle(style);
  }

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
    anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
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

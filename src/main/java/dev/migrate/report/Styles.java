package dev.migrate.report;

import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/** Cell styles, created once per workbook (Excel allows about 64,000), and the fonts and formats they use. */
final class Styles {
  static final String FONT = "Arial";
  /** Points: the cells' text; the workbook's title, a sheet's title, a Summary section bar, bold figures. */
  static final int TEXT_POINTS = 10;
  static final int TITLE_POINTS = 18;
  static final int SHEET_TITLE_POINTS = 14;
  static final int SECTION_POINTS = 12;
  static final int BOLD_POINTS = 11;
  /** Table headers: dark blue. */
  private static final byte[] HEADER_RGB = {(byte) 0x1F, (byte) 0x38, (byte) 0x64};
  /** Summary section bars: Google blue. */
  private static final byte[] SECTION_RGB = {(byte) 0x42, (byte) 0x85, (byte) 0xF4};

  static final String USD_FORMAT = "\"$\"#,##0.00;[Red]-\"$\"#,##0.00";
  /** Unit prices keep up to six decimals (e.g. $0.000004 per request). */
  static final String UNIT_PRICE_FORMAT = "\"$\"#,##0.00####";
  static final String QUANTITY_FORMAT = "#,##0.####";
  static final String DECIMAL_FORMAT = "#,##0.0#";
  static final String INTEGER_FORMAT = "#,##0";
  static final String PERCENT_FORMAT = "0.00%;[Red]-0.00%";

  final CellStyle title;
  final CellStyle sheetTitle;
  final CellStyle note;
  /** A Summary note long enough to wrap onto a second line of its taller row. */
  final CellStyle noteWrap;
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

  /** Table cells whose text was cut at Excel's cell limit in this workbook (reported as a warning). */
  int cutCells;

  Styles(Workbook wb) {
    // The workbook's default font (index 0, Calibri 11 in POI) sets the unit of column widths and
    // the default row height: Arial 10 like the cells, so "n characters wide" fits n characters.
    Font base = wb.getFontAt(0);
    base.setFontName(FONT);
    base.setFontHeightInPoints((short) TEXT_POINTS);
    var df = wb.createDataFormat();
    Font bold = font(wb, true, false, BOLD_POINTS, null);
    Font italicGray = font(wb, false, true, TEXT_POINTS, IndexedColors.GREY_50_PERCENT);
    title = style(wb, font(wb, true, false, TITLE_POINTS, null), null);
    title.setVerticalAlignment(VerticalAlignment.CENTER);
    sheetTitle = style(wb, font(wb, true, false, SHEET_TITLE_POINTS, null), null);
    note = style(wb, italicGray, null);
    header = style(wb, font(wb, true, false, TEXT_POINTS, IndexedColors.WHITE), null);
    fill((XSSFCellStyle) header, HEADER_RGB);
    header.setVerticalAlignment(VerticalAlignment.CENTER);
    header.setBorderBottom(BorderStyle.THIN);
    headerWrap = wb.createCellStyle();
    headerWrap.cloneStyleFrom(header);
    headerWrap.setWrapText(true);
    section = style(wb, font(wb, true, false, SECTION_POINTS, IndexedColors.WHITE), null);
    section.setVerticalAlignment(VerticalAlignment.CENTER);
    fill((XSSFCellStyle) section, SECTION_RGB);
    text = style(wb, null, null);
    // Months between right-aligned money columns: centred, so that they do not run into the figures.
    centered = style(wb, null, null);
    centered.setAlignment(HorizontalAlignment.CENTER);
    label = style(wb, null, null);
    wrap = style(wb, null, null);
    wrap.setWrapText(true);
    wrap.setVerticalAlignment(VerticalAlignment.TOP);
    money = style(wb, null, df.getFormat(USD_FORMAT));
    moneyBig = style(wb, bold, df.getFormat(USD_FORMAT));
    unitPrice = style(wb, null, df.getFormat(UNIT_PRICE_FORMAT));
    quantity = style(wb, null, df.getFormat(QUANTITY_FORMAT));
    decimal = style(wb, null, df.getFormat(DECIMAL_FORMAT));
    integer = style(wb, null, df.getFormat(INTEGER_FORMAT));
    percent = style(wb, null, df.getFormat(PERCENT_FORMAT));
    percentBig = style(wb, bold, df.getFormat(PERCENT_FORMAT));
    notAvailable = style(wb, italicGray, null);
    totalLabel = style(wb, bold, null);
    totalLabel.setBorderTop(BorderStyle.THIN);
    totalMoney = style(wb, bold, df.getFormat(USD_FORMAT));
    totalMoney.setBorderTop(BorderStyle.THIN);
    totalInteger = style(wb, bold, df.getFormat(INTEGER_FORMAT));
    totalInteger.setBorderTop(BorderStyle.THIN);
    integerBig = style(wb, bold, df.getFormat(INTEGER_FORMAT));
    infoLabel = style(wb, bold, null);
    textFigure = style(wb, bold, null);
    textFigure.setAlignment(HorizontalAlignment.RIGHT);
    // A little space between a right-aligned figure in B and its note in C.
    note.setAlignment(HorizontalAlignment.LEFT);
    note.setIndention((short) 1);
    noteWrap = wb.createCellStyle();
    noteWrap.cloneStyleFrom(note);
    noteWrap.setWrapText(true);
    noteWrap.setVerticalAlignment(VerticalAlignment.TOP);
    for (CellStyle s : List.of(moneyBig, percentBig, notAvailable, integerBig)) {
      s.setAlignment(HorizontalAlignment.RIGHT);
    }
  }

  private static Font font(Workbook wb, boolean bold, boolean italic, int points, IndexedColors color) {
    Font f = wb.createFont();
    f.setFontName(FONT);
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
      s.setFont(font(wb, false, false, TEXT_POINTS, null));
    }
    if (format != null) {
      s.setDataFormat(format);
    }
    // Top: in a row that a wrapped cell makes taller, every cell starts on its first line.
    s.setVerticalAlignment(VerticalAlignment.TOP);
    return s;
  }

  private static void fill(XSSFCellStyle s, byte[] rgb) {
    s.setFillForegroundColor(new XSSFColor(rgb, null));
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
  }
}

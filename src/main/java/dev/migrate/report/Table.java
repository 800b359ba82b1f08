package dev.migrate.report;

import static dev.migrate.report.Layout.FIRST_DATA_ROW;
import static dev.migrate.report.Layout.HEADER_ROW;

import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A detail table: title, note, header with filter and frozen panes, rows, computed column
 * widths. Long free-text columns ({@link #wrap}) wrap inside a capped width instead of widening
 * the sheet, so that the sheet prints one page wide at a readable size.
 */
final class Table {
  /** Bold 10 pt is about 10% wider than the characters the width counts. */
  private static final int BOLD_WIDTH_TENTHS = 11;
  /** The filter button in a header cell, in characters. */
  private static final int FILTER_BUTTON_CHARS = 2;
  /** Characters a header needs beside its longest word: the filter button and 1 of padding. */
  private static final int HEADER_PADDING_CHARS = FILTER_BUTTON_CHARS + 1;
  /** Characters a text cell needs beside its value. */
  private static final int TEXT_PADDING_CHARS = 2;

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
    Cells.label(sheet.createRow(Layout.TITLE_ROW), 0, title, st.sheetTitle);
    Cells.label(sheet.createRow(Layout.NOTE_ROW), 0, note, st.note);
  }

  /** Headers wrap, so a long header does not widen a column of short values. */
  void header(String... names) {
    columns = names.length;
    widths = new int[columns];
    caps = new int[columns];
    headers = names;
    Row h = sheet.createRow(HEADER_ROW);
    for (int i = 0; i < names.length; i++) {
      Cells.label(h, i, names[i], st.headerWrap);
      int word = 0;
      for (String w : names[i].split(" ")) {
        word = Math.max(word, w.length());
      }
      widths[i] = Math.max(Layout.MIN_COLUMN_CHARS, word * BOLD_WIDTH_TENTHS / 10 + HEADER_PADDING_CHARS);
    }
    headerHeight(false);
  }

  /**
   * The header row's height for its wrapped names: with the final widths when {@code last},
   * otherwise an estimate (a wrapped column at its cap, another at least a figure's
   * {@link Layout#MONEY_CHARS} characters), set before the first data row because with more rows
   * than the streaming window the header row is on disk before the widths are final.
   */
  private void headerHeight(boolean last) {
    Row h = sheet.getRow(HEADER_ROW);
    if (h == null) {
      return;
    }
    int lines = 1;
    for (int i = 0; i < columns; i++) {
      int w = last ? Math.min(widths[i], caps[i] > 0 ? caps[i] : Integer.MAX_VALUE)
          : caps[i] > 0 ? caps[i] : Math.max(widths[i], Layout.MONEY_CHARS);
      lines = Math.max(lines, Layout.lines(headers[i], (w - FILTER_BUTTON_CHARS) * 10 / BOLD_WIDTH_TENTHS));
    }
    h.setHeightInPoints(Layout.rowHeightPoints(lines));
  }

  /**
   * Column {@code col} holds long free text: it wraps at {@code maxChars} characters (the row
   * grows) instead of widening the sheet. Call after {@link #header} and before the rows.
   */
  void wrap(int col, int maxChars) {
    caps[col] = maxChars;
  }

  /** {@link #wrap} for several columns, each given as {column, maxChars}. */
  void wrap(int[][] columnCaps) {
    for (int[] c : columnCaps) {
      wrap(c[0], c[1]);
    }
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
    if (value.length() > Cells.MAX_CELL_CHARS) {
      value = Cells.fit(value);
      st.cutCells++;
    }
    Cell c = row.createCell(col);
    c.setCellValue(value);
    c.setCellStyle(caps[col] > 0 ? st.wrap : st.text);
    width(col, value.length() + TEXT_PADDING_CHARS);
    if (caps[col] > 0 && row == current) {
      // Excel and LibreOffice do not grow a row for wrapped text on opening: the height is written.
      // One character per unit of width (a digit's width), 1 unit of padding: lower-case text averages a
      // little more, but words with m and w ("memory not measured") fill a line at about that.
      int n = Layout.lines(value, caps[col] - 1);
      if (n > currentLines) {
        currentLines = n;
        row.setHeightInPoints(Layout.rowHeightPoints(n));
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
    width(col, Layout.MONEY_CHARS);
  }

  void width(int col, int chars) {
    if (chars > widths[col]) {
      widths[col] = chars;
    }
  }

  /**
   * The first {@code max} of {@code all}: a detail sheet of a large estate keeps a number of rows a spreadsheet
   * opens in seconds; {@link #cutNote} says how many more there are and where they are in full.
   */
  static <T> List<T> first(List<T> all, int max) {
    return all.size() <= max ? all : all.subList(0, max);
  }

  /** When {@code shown} of {@code total} rows are on the sheet, one row that says so and where the rest is. */
  void cutNote(int total, int shown, String where) {
    if (total > shown) {
      Cells.label(row(), 0, cutText(total, shown, where), st.note);
    }
  }

  static String cutText(int total, int shown, String where) {
    return String.format(java.util.Locale.ROOT, "%,d more rows are not shown: a detail sheet keeps %,d rows of "
        + "%,d. %s", total - shown, shown, total, where);
  }

  /** When the table is empty, one row that says why, instead of nothing. */
  void emptyNote(boolean empty, String text) {
    if (empty) {
      Cells.label(row(), 0, text, st.notAvailable);
    }
  }

  int lastDataRow() {
    return Math.max(next - 1, FIRST_DATA_ROW);
  }

  /**
   * Freeze the header, filter the data, set widths (capped at {@code maxChars}, or at the
   * column's own cap when it wraps). The print setup is {@link PageSetup}'s.
   */
  void finish(int maxChars) {
    sheet.createFreezePane(0, FIRST_DATA_ROW);
    sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastDataRow(), 0, columns - 1));
    for (int i = 0; i < columns; i++) {
      widths[i] = Math.min(widths[i], caps[i] > 0 ? caps[i] : maxChars);
      sheet.setColumnWidth(i, Layout.width(widths[i]));
    }
    headerHeight(true);
    sheet.setDisplayGridlines(true);
  }
}

package dev.migrate.report;

/**
 * The workbook's shared geometry: where a detail table's rows are, how wide a column of figures
 * is, how tall a line of text is. Column widths are in characters of Arial 10 (the workbook's
 * default font), row heights in points.
 */
final class Layout {
  /** Detail tables: title in row 1, note in row 2, header in row 3, data from row 4 (1-based). */
  static final int TITLE_ROW = 0;
  static final int NOTE_ROW = 1;
  static final int HEADER_ROW = 2;
  static final int FIRST_DATA_ROW = 3;

  /** POI sets column widths in 1/256 of a character. */
  static final int WIDTH_UNITS_PER_CHAR = 256;
  /** "$1,234,567.89" and up to $9,999,999.99: separators are half a digit wide. */
  static final int MONEY_CHARS = 13;
  /** A little wider than a money column, for cumulative figures. */
  static final int WIDE_MONEY_CHARS = 14;
  /** A month ("2026-11") with a margin. */
  static final int MONTH_CHARS = 10;
  /** The narrowest column a header with a filter button gets. */
  static final int MIN_COLUMN_CHARS = 10;

  /** Arial 10 is 11.5 pt a line (1.15 x the size), with 1.5 pt of padding per row. */
  static final float LINE_POINTS = 11.5f;
  static final float ROW_PADDING_POINTS = 1.5f;
  /** Wrapped headers take up to three lines. */
  static final int HEADER_LINES = 3;

  private Layout() {
  }

  /** Width of {@code chars} characters in POI's column-width units. */
  static int width(int chars) {
    return chars * WIDTH_UNITS_PER_CHAR;
  }

  /** Height of a row of {@code lines} lines of Arial 10. */
  static float rowHeightPoints(int lines) {
    return ROW_PADDING_POINTS + LINE_POINTS * lines;
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
      while (end < n && !breaksAfter(text.charAt(end)) && text.charAt(end) != '\n') {
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

  /** A line may break after a space, slash, comma, semicolon, colon or hyphen (a switch: this runs per character). */
  private static boolean breaksAfter(char c) {
    return switch (c) {
      case ' ', '/', ',', ';', ':', '-' -> true;
      default -> false;
    };
  }
}

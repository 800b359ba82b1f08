package dev.migrate.pricing;

/** Cells of the CSV files the price book writes; {@link dev.migrate.io.Csv} reads them back. */
final class CsvCells {
  private CsvCells() {}

  /**
   * A text cell for a file a person may open in a spreadsheet: quoted when needed and, when it
   * would be read as a formula, prefixed and always quoted ({@link dev.migrate.io.CsvText});
   * {@link PriceBook} undoes the prefix when it reads the file.
   */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    String n = dev.migrate.io.CsvText.neutralize(s);
    return n.equals(s) ? quote(s) : dev.migrate.io.CsvText.cell(s);
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}

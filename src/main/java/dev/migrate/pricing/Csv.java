package dev.migrate.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the price book (one record per line; '#' lines at any point are
 * comments). Kept here, rather than Jackson CSV, to report exact file:line positions.
 */
final class Csv {
  private Csv() {}

  /** A parsed line with its 1-based line number. */
  record Row(int line, List<String> cells) {}

  static List<Row> read(BufferedReader in, String name) throws IOException {
    List<Row> rows = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      rows.add(new Row(n, parse(line, name + ":" + n)));
    }
    return rows;
  }

  static List<String> parse(String line, String where) {
    List<String> cells = new ArrayList<>(12);
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int len = line.length();
    while (true) {
      if (i < len && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= len) {
            throw new PriceBookException(where + ": unterminated quoted field");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < len && line.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cell.append(c);
          }
        }
        if (i < len && line.charAt(i) != ',') {
          throw new PriceBookException(where + ": text after a closing quote");
        }
      } else {
        while (i < len && line.charAt(i) != ',') {
          cell.append(line.charAt(i++));
        }
      }
      // A cell the writer prefixed against formula injection reads back as it was.
      cells.add(dev.migrate.io.CsvText.restore(cell.toString()));
      cell.setLength(0);
      if (i >= len) {
        return cells;
      }
      i++; // comma
    }
  }

  /**
   * A text cell for a file a person may open in a spreadsheet: quoted when needed and, when it
   * would be read as a formula, prefixed and always quoted ({@link dev.migrate.io.CsvText});
   * {@link #read} undoes the prefix.
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

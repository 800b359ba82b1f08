package dev.migrate.report;

import dev.migrate.cost.CostLine;
import dev.migrate.io.CsvText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every cost line of both sides as CSV (RFC 4180: comma, double quotes, CRLF, UTF-8, one header
 * row). Amounts are plain decimals at full precision, as in the JSON, so a spreadsheet or a
 * script sums them to the same totals. Text cells are always quoted and, when a spreadsheet would
 * take them for a formula, start with a single quote ({@link CsvText}).
 */
public final class CostLinesCsv {
  /** Column names, in order. */
  public static final List<String> COLUMNS = List.of("side", "phase", "service", "itemId", "itemName", "app",
      "component", "quantity", "unit", "unitPriceUsd", "monthlyUsd", "priceKey", "priceSource", "priceAsOf", "estimated");

  private CostLinesCsv() {}

  public static void write(ReportModel m, OutputStream out) throws IOException {
    // The caller owns the stream (AtomicFiles closes it after the rename is prepared).
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write(String.join(",", COLUMNS));
    w.write("\r\n");
    for (CostLine l : m.costLines()) {
      // Text cells are neutralised against formula injection (names and tags are user-written);
      // the three amounts stay plain numbers, so a negative credit is still a number. Each cell goes straight to the
      // writer (CsvText.cell(...) gives the same text), so a row of an 800,000-line estate builds no strings.
      CsvText.cell(w, l.phase() == dev.migrate.cost.Phase.CURRENT ? WorkbookWriter.AWS_SIDE : WorkbookWriter.GCP_SIDE);
      w.write(',');
      CsvText.cell(w, l.phase().name());
      w.write(',');
      CsvText.cell(w, l.service());
      w.write(',');
      CsvText.cell(w, l.itemId());
      w.write(',');
      CsvText.cell(w, l.itemName());
      w.write(',');
      CsvText.cell(w, l.app());
      w.write(',');
      CsvText.cell(w, l.component());
      w.write(',');
      number(w, l.quantity());
      w.write(',');
      CsvText.cell(w, l.unit());
      w.write(',');
      number(w, l.unitPriceUsd());
      w.write(',');
      number(w, l.monthlyUsd());
      w.write(',');
      CsvText.cell(w, l.priceKey());
      w.write(',');
      CsvText.cell(w, l.priceSource());
      w.write(',');
      if (l.priceAsOf() != null) {
        w.write(l.priceAsOf().toString());
      }
      w.write(',');
      w.write(l.estimated() ? "true" : "false");
      w.write("\r\n");
    }
    w.flush();
  }

  private static void number(Writer w, java.math.BigDecimal v) throws IOException {
    if (v != null) {
      w.write(v.toPlainString());
    }
  }
}

package dev.migrate.report;

import dev.migrate.cost.CostLine;
import dev.migrate.io.CsvText;
import dev.migrate.io.PlainNumbers;
import dev.migrate.io.Utf8Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    // The caller owns the stream (AtomicFiles closes it after the rename is prepared). Text is encoded straight into
    // a 64 KiB byte buffer (Utf8Writer: the bytes an OutputStreamWriter would write, in one copy instead of two).
    Utf8Writer w = new Utf8Writer(out, 1 << 16);
    PlainNumbers numbers = new PlainNumbers();
    // Price dates are few (one per price book or bill month): each one's text is made once.
    Map<LocalDate, String> dates = new HashMap<>();
    // The columns that repeat their values: each distinct value is neutralised, quoted and encoded once.
    CsvText.Column side = new CsvText.Column();
    CsvText.Column phase = new CsvText.Column();
    CsvText.Column service = new CsvText.Column();
    CsvText.Column app = new CsvText.Column();
    CsvText.Column component = new CsvText.Column();
    CsvText.Column unit = new CsvText.Column();
    CsvText.Column priceKey = new CsvText.Column();
    CsvText.Column priceSource = new CsvText.Column();
    w.write(String.join(",", COLUMNS));
    w.write("\r\n");
    for (CostLine l : m.costLines()) {
      // Text cells are neutralised against formula injection (names and tags are user-written);
      // the three amounts stay plain numbers, so a negative credit is still a number. Each cell goes straight to the
      // writer (CsvText.cell(...) gives the same text), so a row of an 800,000-line estate builds no strings.
      side.cell(w, l.phase() == dev.migrate.cost.Phase.CURRENT ? WorkbookWriter.AWS_SIDE : WorkbookWriter.GCP_SIDE);
      w.write(',');
      phase.cell(w, l.phase().name());
      w.write(',');
      service.cell(w, l.service());
      w.write(',');
      CsvText.cell(w, l.itemId());
      w.write(',');
      CsvText.cell(w, l.itemName());
      w.write(',');
      app.cell(w, l.app());
      w.write(',');
      component.cell(w, l.component());
      w.write(',');
      number(w, numbers, l.quantity());
      w.write(',');
      unit.cell(w, l.unit());
      w.write(',');
      number(w, numbers, l.unitPriceUsd());
      w.write(',');
      number(w, numbers, l.monthlyUsd());
      w.write(',');
      priceKey.cell(w, l.priceKey());
      w.write(',');
      priceSource.cell(w, l.priceSource());
      w.write(',');
      if (l.priceAsOf() != null) {
        w.write(dates.computeIfAbsent(l.priceAsOf(), LocalDate::toString));
      }
      w.write(',');
      w.write(l.estimated() ? "true" : "false");
      w.write("\r\n");
    }
    w.flush();
  }

  private static void number(Utf8Writer w, PlainNumbers numbers, java.math.BigDecimal v) throws IOException {
    if (v != null) {
      w.write(numbers.text(v));
    }
  }
}

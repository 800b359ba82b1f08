package dev.migrate.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.migrate.cost.CostLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Every cost line of both sides as CSV (RFC 4180: comma, double quotes, CRLF, UTF-8, one header
 * row). Amounts are plain decimals at full precision, as in the JSON, so a spreadsheet or a
 * script sums them to the same totals.
 */
public final class CostLinesCsv {
  /** Column names, in order. */
  public static final List<String> COLUMNS = List.of("side", "phase", "service", "itemId", "itemName", "app",
      "component", "quantity", "unit", "unitPriceUsd", "monthlyUsd", "priceKey", "priceSource", "priceAsOf");

  private CostLinesCsv() {}

  public static void write(ReportModel m, OutputStream out) throws IOException {
    CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
    COLUMNS.forEach(b::addColumn);
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CsvMapper mapper = new CsvMapper();
    // The caller owns the stream (AtomicFiles closes it after the rename is prepared).
    mapper.getFactory().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try (SequenceWriter seq = mapper.writer(b.build()).writeValues(w)) {
      for (CostLine l : m.costLines()) {
        seq.write(Arrays.asList(
            l.phase() == dev.migrate.cost.Phase.CURRENT ? WorkbookWriter.AWS_SIDE : WorkbookWriter.GCP_SIDE,
            l.phase().name(), l.service(), l.itemId(), l.itemName(), l.app(), l.component(), plain(l.quantity()),
            l.unit(), plain(l.unitPriceUsd()), plain(l.monthlyUsd()), l.priceKey(), l.priceSource(),
            l.priceAsOf() == null ? null : l.priceAsOf().toString()));
      }
    }
    w.flush();
  }

  private static String plain(BigDecimal v) {
    return v == null ? null : v.toPlainString();
  }
}

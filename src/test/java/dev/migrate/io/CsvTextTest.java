package dev.migrate.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTextTest {
  /** The cell written to a stream is the cell as text, for values that need quoting, doubling and neutralising. */
  @Test
  void aCellWrittenToAWriterIsTheCellAsText() throws Exception {
    List<String> values = Arrays.asList(null, "", "plain", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@sum", "\tx",
        "\rx", "'", "''", "'=x", "''+y", "a \"quoted\" word", "\"", "\"\"", "'\"", "comma, inside", "line\r\nbreak",
        "ünïcødé ✓", "x'=");
    for (String v : values) {
      var w = new StringWriter();
      CsvText.cell(w, v);
      assertEquals(CsvText.cell(v), w.toString(), () -> "value " + v);
    }
  }

  /** A column's cells, encoded once and copied after, are the bytes of the cells written one by one. */
  @Test
  void aColumnWritesTheBytesOfTheCellsAlsoPastItsLimit() throws Exception {
    List<String> values = new java.util.ArrayList<>(Arrays.asList(null, "", "plain", "=1+2", "'", "a \"q\" b",
        "ünïcødé ✓", "emoji 😀", "lone \uD83D", "x".repeat(70_000)));
    for (int i = 0; i < CsvText.Column.LIMIT + 10; i++) {
      values.add("v" + i);
    }
    var column = new CsvText.Column();
    var cached = new java.io.ByteArrayOutputStream();
    var plain = new java.io.ByteArrayOutputStream();
    try (var a = new Utf8Writer(cached, 64); var b = new Utf8Writer(plain, 64)) {
      for (int pass = 0; pass < 2; pass++) {
        for (String v : values) {
          column.cell(a, v);
          a.write(',');
          CsvText.cell(b, v);
          b.write(',');
        }
      }
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(plain.toByteArray(), cached.toByteArray());
  }
}

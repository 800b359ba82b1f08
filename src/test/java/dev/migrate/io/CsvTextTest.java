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
}

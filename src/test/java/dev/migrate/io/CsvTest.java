package dev.migrate.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void rowsKeepTheirLinesPastCommentsAndBlankLines() throws Exception {
    List<Csv.Row> rows = Csv.read(new StringReader("""
        # where the figures come from
        a,b,c

        # a comment between rows
        1,"two, with a comma","say ""hi""\"
        3,,
        """), "t.csv");
    assertEquals(3, rows.size());
    assertEquals(List.of("a", "b", "c"), rows.get(0).cells());
    assertEquals("t.csv:2", rows.get(0).where());
    assertEquals(List.of("1", "two, with a comma", "say \"hi\""), rows.get(1).cells());
    assertEquals(5, rows.get(1).line());
    assertEquals(List.of("3", "", ""), rows.get(2).cells());
    assertEquals(6, rows.get(2).line());
  }

  @Test
  void textAfterAClosingQuoteIsRefusedWithFileLineAndColumnInWords() {
    Csv.CsvException e = assertThrows(Csv.CsvException.class,
        () -> Csv.read(new StringReader("# c\na,b\n1,\"x\"y\n"), "p.csv"));
    assertEquals("p.csv", e.error().file());
    assertEquals(3, e.error().line());
    assertTrue(e.getMessage().startsWith("p.csv:3:"), e.getMessage());
    assertTrue(!e.getMessage().contains("code ") && !e.getMessage().contains("jackson"), e.getMessage());
  }

  @Test
  void aQuoteLeftOpenIsRefused() {
    Csv.CsvException e = assertThrows(Csv.CsvException.class,
        () -> Csv.read(new StringReader("a,b\n1,\"open\n"), "q.csv"));
    assertTrue(e.getMessage().contains("a quoted cell is not closed"), e.getMessage());
  }

  @Test
  void bundledTablesDropTheirHeader() {
    List<Csv.Row> rows = Csv.bundled("billing/region-codes.csv");
    assertTrue(rows.size() > 10);
    assertTrue(rows.stream().allMatch(r -> r.size() >= 2 && !r.get(0).isEmpty()));
  }
}

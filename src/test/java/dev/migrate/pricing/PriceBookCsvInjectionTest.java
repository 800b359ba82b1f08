package dev.migrate.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The price book files are CSV a person may open in a spreadsheet, and notes come from remote
 * price lists: a note that starts with a formula character is written neutralised, and reads
 * back exactly as it was.
 */
class PriceBookCsvInjectionTest {
  @TempDir
  Path dir;

  @Test
  void aFormulaInANoteIsNeutralisedOnWriteAndRestoredOnRead() throws Exception {
    Path first = dir.resolve("a");
    PriceBookWriter.write(PriceBook.bundled(), first);
    Path ebs = first.resolve("aws/ebs.csv");
    List<String> lines = Files.readAllLines(ebs);
    int row = 0;
    while (lines.get(row).startsWith("#") || lines.get(row).startsWith("provider,")) {
      row++;
    }
    String line = lines.get(row);
    String evil = "=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")";
    lines.set(row, line.substring(0, line.lastIndexOf(',') + 1) + "\"" + evil + "\"");
    Files.write(ebs, lines);
    PriceBook hostile = PriceBook.load(first);
    String note = hostile.prices().stream().flatMap(p -> p.tiers().stream()).map(Tier::note)
        .filter(n -> n.startsWith("=HYPERLINK")).findFirst().orElseThrow();

    Path second = dir.resolve("b");
    PriceBookWriter.write(hostile, second);
    String written = Files.readString(second.resolve("aws/ebs.csv"));
    assertTrue(written.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), written);
    assertEquals(1, PriceBook.load(second).prices().stream().flatMap(p -> p.tiers().stream())
        .filter(t -> t.note().equals(note)).count(), "the note reads back as it was");
  }
}

package dev.migrate.hostile;

import dev.migrate.testing.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names and tag values are written by whoever can tag a resource; the cost-lines CSV is opened by
 * managers in Excel. A cell that a spreadsheet would take for a formula is neutralised (OWASP: a
 * leading single quote, and the field quoted); amounts stay numbers, negative ones included.
 */
class CsvInjectionTest {
  static final String EVIL = "=HYPERLINK(\"http://evil\",\"x\")";

  @TempDir
  Path dir;

  @Test
  void aFormulaInANameTagIsWrittenAsTextAndNegativeAmountsStayNumbers() throws Exception {
    Path snap = Hostile.sample(dir.resolve("snap.json"), root -> {
      ObjectNode tags = (ObjectNode) Hostile.firstNamedInstance(root).get("tags");
      tags.put("Name", EVIL);
      tags.put("app", "+1+cmd|' /C calc'!A0");
    });
    Cli.Run run = Hostile.migrate("assess", "--snapshot", snap.toString(), "--format", "csv", "--out",
        dir.resolve("out").toString());
    assertEquals(0, run.code(), run::toString);
    Path csv;
    try (var files = Files.list(dir.resolve("out"))) {
      csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.stream().anyMatch(l -> l.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",")),
        () -> "the Name tag is not neutralised:\n" + String.join("\n", lines.subList(0, 5)));
    assertTrue(lines.stream().anyMatch(l -> l.contains(",\"'+1+cmd|' /C calc'!A0\",")), "the app tag");
    // No cell, quoted or not, starts with a formula character.
    Pattern live = Pattern.compile("(^|,)\"?[=+@\\t\\r]");
    for (String l : lines) {
      assertFalse(live.matcher(l).find(), l);
    }
    // The amounts: plain, unquoted numbers; credits (reserved instances) are negative numbers.
    List<String> header = List.of(lines.get(0).split(","));
    int monthly = header.indexOf("monthlyUsd");
    long negatives = lines.stream().skip(1).map(CsvInjectionTest::cells).map(c -> c.get(monthly))
        .filter(v -> v.startsWith("-")).peek(v -> assertTrue(v.matches("-\\d+(\\.\\d+)?"), v)).count();
    assertTrue(negatives > 0, "the sample has credit lines");
  }

  /** RFC 4180 cells of one line (no line breaks inside cells in this file). */
  static List<String> cells(String line) {
    var cells = new java.util.ArrayList<String>();
    var cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}

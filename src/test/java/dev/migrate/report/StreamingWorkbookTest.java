package dev.migrate.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The streamed sheets are written as POI's own SXSSF writes them, byte for byte, only faster and at another zip level. */
class StreamingWorkbookTest {
  /** Texts that exercise every escape: markup, line breaks, tab, no-break space, control characters, U+FFFE, emoji. */
  static final List<String> TEXTS = List.of("plain", "", " leading", "trailing ", "\ttab first", "a<b>c & \"d\" 'e'",
      "line\nbreak\r\nCRLF", "no\u00A0break", "bell\u0007 and nul\u0000", "not a char \uFFFE\uFFFF", "emoji \uD83D\uDE80 ok",
      "lone \uD800 surrogate", "low \uDC00 alone, high at the end \uD83D", "é ü — ‰ 日本", "x".repeat(5_000));

  @Test
  void writesTheSameSheetXmlAsPoi() throws IOException {
    Map<String, byte[]> poi = entries(write(false));
    Map<String, byte[]> fast = entries(write(true));
    assertEquals(poi.keySet(), fast.keySet());
    for (String name : poi.keySet()) {
      if (name.startsWith("docProps/")) {
        continue; // creation time
      }
      assertArrayEquals(poi.get(name), fast.get(name), name);
    }
    assertTrue(new String(fast.get("xl/worksheets/sheet1.xml"), java.nio.charset.StandardCharsets.UTF_8)
        .contains("<c r=\"AB3\""), "columns past Z");
  }

  @Test
  void readsBackTheSameCells() throws IOException {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(write(true)))) {
      Sheet s = wb.getSheetAt(0);
      for (int i = 0; i < TEXTS.size(); i++) {
        // XML cannot hold control characters (but tab and line breaks) or U+FFFE/U+FFFF; UTF-8 cannot hold a lone
        // surrogate: each becomes "?", in POI's SXSSF as here.
        String expected = TEXTS.get(i).replaceAll("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]", "?")
            .replaceAll("[\\uD800-\\uDFFF]", "?"); // a pair is one code point to the regex: only lone halves match
        if (!TEXTS.get(i).isEmpty()) {
          assertEquals(expected, s.getRow(1 + i).getCell(0).getStringCellValue(), "row " + i);
        }
      }
      assertEquals(1234.5678, s.getRow(1).getCell(1).getNumericCellValue());
      assertEquals("SUM(B2:B3)", s.getRow(1).getCell(3).getCellFormula());
    }
  }

  /** A workbook with one in-memory sheet and one streamed sheet of every cell type, through POI's SXSSF or ours. */
  private static byte[] write(boolean fast) throws IOException {
    XSSFWorkbook template = new XSSFWorkbook();
    CellStyle money = template.createCellStyle();
    money.setDataFormat(template.createDataFormat().getFormat("0.00"));
    template.createSheet("streamed");
    template.createSheet("kept").createRow(0).createCell(0).setCellValue("in memory");
    SXSSFWorkbook sx = fast ? new StreamingWorkbook(template, 3) : new SXSSFWorkbook(template, 3);
    try {
      Sheet s = sx.getSheet("streamed");
      s.createRow(0).createCell(0).setCellValue("header");
      for (int i = 0; i < TEXTS.size(); i++) {
        Row r = s.createRow(1 + i);
        r.createCell(0).setCellValue(TEXTS.get(i));
        r.createCell(1).setCellValue(1234.5678 * (i + 1));
        r.getCell(1).setCellStyle(money);
        r.createCell(2);
        if (i % 2 == 0) {
          r.setHeightInPoints(27.5f);
        }
        var f = r.createCell(3);
        f.setCellFormula("SUM(B2:B3)");
        f.setCellValue(9.75);
        r.createCell(27).setCellValue(i % 3 == 0);
        r.createCell(30).setCellValue(-0.0000125);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      sx.write(out);
      return out.toByteArray();
    } finally {
      sx.close();
    }
  }

  /** The entries by the central directory (SXSSF's local headers keep the template's sizes). */
  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    var out = new LinkedHashMap<String, byte[]>();
    Path file = Files.createTempFile("streaming-workbook", ".xlsx");
    try {
      Files.write(file, zip);
      try (var z = new ZipFile(file.toFile())) {
        for (ZipEntry e : java.util.Collections.list(z.entries())) {
          try (var in = z.getInputStream(e)) {
            out.put(e.getName(), in.readAllBytes());
          }
        }
      }
    } finally {
      Files.delete(file);
    }
    return out;
  }
}

package dev.migrate.report;

import dev.migrate.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the sample estate's workbook prints, read back through POI: every sheet one A4 page wide
 * with a header and footer; the detail sheets in landscape with their header row repeated on
 * every page and column widths that keep the text readable; the Summary's figures and charts on
 * its first page. The sample's Costs sheet has more rows than the streaming window, so this also
 * checks that streaming keeps the print setup, widths and row heights.
 */
class WorkbookPrintSetupTest {
  /**
   * Characters of Arial 10 across a detail sheet: about 190 print one A4 landscape page wide
   * (0.4 inch margins) at 7 pt or more (LibreOffice 7.x, checked with pdftotext -bbox).
   */
  static final int MAX_TABLE_CHARS = 200;
  static final String[] DETAIL = {"Scenarios", "Inventory", "Mapping", "Costs", "Timeline", "Reconciliation",
      "Bill history", "Assumptions", "Gaps", "Warnings"};

  @TempDir static Path out;
  static XSSFWorkbook wb;

  @BeforeAll
  static void writeSample() throws Exception {
    Cli.Run r = Cli.run(SampleWorkbookGoldenTest.CLOCK, "whatif", "--sample", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    wb = new XSSFWorkbook(out.resolve(SampleWorkbookGoldenTest.XLSX).toFile());
  }

  @Test
  void detailSheetsPrintLandscapeOnePageWideWithTheirHeaderOnEveryPage() {
    for (String name : DETAIL) {
      XSSFSheet s = wb.getSheet(name);
      PrintSetup ps = s.getPrintSetup();
      assertTrue(ps.getLandscape(), name + " landscape");
      assertEquals(PrintSetup.A4_PAPERSIZE, ps.getPaperSize(), name + " A4");
      assertTrue(s.getFitToPage(), name + " fit to page");
      assertEquals(1, ps.getFitWidth(), name + " one page wide");
      assertEquals(0, ps.getFitHeight(), name + " as many pages tall as it takes");
      assertNotNull(s.getRepeatingRows(), name + " has print titles");
      assertEquals(WorkbookWriter.HEADER_ROW, s.getRepeatingRows().getFirstRow(), name);
      assertEquals(WorkbookWriter.HEADER_ROW, s.getRepeatingRows().getLastRow(), name);
      assertTrue(s.isPrintGridlines(), name + " prints gridlines");
      headerAndFooter(s);
    }
  }

  @Test
  void detailSheetsAreNarrowEnoughToPrintReadably() {
    for (String name : DETAIL) {
      XSSFSheet s = wb.getSheet(name);
      int columns = s.getRow(WorkbookWriter.HEADER_ROW).getLastCellNum();
      int chars = 0;
      for (int c = 0; c < columns; c++) {
        chars += s.getColumnWidth(c) / 256;
      }
      assertTrue(chars <= MAX_TABLE_CHARS, name + " is " + chars + " characters wide: it would print below 7 pt");
    }
  }

  @Test
  void longFreeTextWrapsInACappedColumnAndItsRowGrows() {
    // Mapping: reason (J), blockers (L), warnings (M); Costs: price source (L), past the streaming window.
    check("Mapping", 9);
    check("Costs", 11);
    XSSFSheet costs = wb.getSheet("Costs");
    assertTrue(costs.getLastRowNum() > 200, "the sample's Costs sheet is longer than the streaming window");
  }

  private static void check(String sheet, int col) {
    XSSFSheet s = wb.getSheet(sheet);
    int widthChars = s.getColumnWidth(col) / 256;
    assertTrue(widthChars <= 40, sheet + " column " + col + " is capped: " + widthChars);
    int longRows = 0;
    for (int r = WorkbookWriter.FIRST_DATA_ROW; r <= s.getLastRowNum(); r++) {
      Row row = s.getRow(r);
      Cell c = row == null ? null : row.getCell(col);
      if (c == null || c.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
        continue;
      }
      assertTrue(c.getCellStyle().getWrapText(), sheet + " row " + (r + 1) + " wraps");
      String text = c.getStringCellValue();
      if (text.length() > 2 * widthChars) {
        longRows++;
        // At least two lines of Arial 10 (12.75 pt is one).
        assertTrue(row.getHeightInPoints() >= 24, sheet + " row " + (r + 1) + " grows for " + text.length()
            + " characters: " + row.getHeightInPoints() + " pt");
      }
    }
    assertTrue(longRows > 0, sheet + " has text longer than two lines in column " + col);
  }

  @Test
  void summaryPrintsPortraitWithItsFiguresAndChartsOnPageOne() {
    XSSFSheet s = wb.getSheet("Summary");
    PrintSetup ps = s.getPrintSetup();
    assertFalse(ps.getLandscape());
    assertEquals(PrintSetup.A4_PAPERSIZE, ps.getPaperSize());
    assertTrue(s.getFitToPage());
    assertEquals(1, ps.getFitWidth());
    headerAndFooter(s);
    int[] breaks = s.getRowBreaks();
    assertEquals(1, breaks.length, "one page break: figures and charts, then counts and warnings");
    int chartsEnd = 0;
    int pictures = 0;
    for (var shape : s.getDrawingPatriarch().getShapes()) {
      if (shape instanceof XSSFPicture p) {
        XSSFClientAnchor a = p.getClientAnchor();
        chartsEnd = Math.max(chartsEnd, a.getRow2());
        pictures++;
        // Two charts a row within columns A:C, the print area.
        assertTrue(a.getCol2() <= 2, p.getCTPicture().getNvPicPr().getCNvPr().getName() + " inside A:C");
      }
    }
    assertEquals(4, pictures);
    assertTrue(chartsEnd <= breaks[0], "the charts end above the page break");
    assertEquals("Items by target", firstCellBelow(s, breaks[0]), "page 2 starts with the counts");
    // Page 1 height at the scale the width sets: A:C (~131 characters of ~5.6 pt) on 7.6 inches of A4 portrait.
    float points = 0;
    for (int r = 0; r <= breaks[0]; r++) {
      Row row = s.getRow(r);
      points += row == null ? s.getDefaultRowHeightInPoints() : row.getHeightInPoints();
    }
    float widthPoints = 0;
    for (int c = 0; c <= 2; c++) {
      widthPoints += s.getColumnWidthInPixels(c) * 0.75f;
    }
    double scale = Math.min(1, (595 - 0.8 * 72) / widthPoints);
    assertTrue(points * scale <= 842 - 1.4 * 72, "page 1 fits one A4 page: " + points + " pt at scale " + scale);
    assertNotNull(wb.getPrintArea(wb.getSheetIndex("Summary")), "a print area is set");
  }

  @Test
  void lineCountOfWrappedTextBreaksWhereSpreadsheetsBreak() {
    assertEquals(1, WorkbookWriter.lines("short", 10));
    assertEquals(2, WorkbookWriter.lines("aaaa bbbb cccc", 9));
    assertEquals(1, WorkbookWriter.lines("aaaa bbbb", 9));
    assertEquals(3, WorkbookWriter.lines("x".repeat(25), 10), "a word longer than a line is cut");
    assertEquals(2, WorkbookWriter.lines("aws/cloudfront/free-requests", 16), "breaks after a slash or hyphen");
    assertEquals(2, WorkbookWriter.lines("a\nb", 10));
  }

  private static String firstCellBelow(XSSFSheet s, int row) {
    for (int r = row + 1; r <= s.getLastRowNum(); r++) {
      Row x = s.getRow(r);
      if (x != null && x.getCell(0) != null && !x.getCell(0).getStringCellValue().isBlank()) {
        return x.getCell(0).getStringCellValue();
      }
    }
    return null;
  }

  private static void headerAndFooter(XSSFSheet s) {
    String name = s.getSheetName();
    assertTrue(s.getHeader().getLeft().contains("&A"), name + ": the header names the sheet");
    assertTrue(s.getHeader().getRight().contains("481516234200"), name + ": the header names the account");
    assertTrue(s.getFooter().getLeft().contains("Generated 2026-11-25"), name + ": the footer has the date");
    assertTrue(s.getFooter().getRight().contains("Page &P of &N"), name + ": the footer has page x of y");
  }
}

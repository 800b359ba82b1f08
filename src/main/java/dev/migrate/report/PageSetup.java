package dev.migrate.report;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a sheet prints: A4, one page wide and as many tall as it takes (fit height 0), header
 * and footer with the sheet name, account, date and "page x of y". A detail table prints in
 * landscape with its header row on every page and gridlines; its column widths are capped so
 * that one page width keeps the text at about 7 pt or more. The Summary is portrait and sets
 * its own page break and print area.
 */
final class PageSetup {
  // Inches. Narrow sides leave the width to the table; header and footer sit in the top and bottom margins.
  static final double SIDE_MARGIN = 0.4;
  static final double TOP_BOTTOM_MARGIN = 0.7;
  static final double HEADER_FOOTER_MARGIN = 0.3;
  // Header/footer codes: &A sheet name, &P page, &N pages, &9 9 pt, &"Arial,Bold" font; a literal & is &&.
  private static final String BOLD = "&\"Arial,Bold\"&9";
  private static final String REGULAR = "&\"Arial,Regular\"&9";

  private PageSetup() {
  }

  static void apply(Sheet s, boolean table, ReportModel m) {
    PrintSetup ps = s.getPrintSetup();
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    ps.setLandscape(table);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
    s.setFitToPage(true);
    s.setMargin(PageMargin.LEFT, SIDE_MARGIN);
    s.setMargin(PageMargin.RIGHT, SIDE_MARGIN);
    s.setMargin(PageMargin.TOP, TOP_BOTTOM_MARGIN);
    s.setMargin(PageMargin.BOTTOM, TOP_BOTTOM_MARGIN);
    s.setMargin(PageMargin.HEADER, HEADER_FOOTER_MARGIN);
    s.setMargin(PageMargin.FOOTER, HEADER_FOOTER_MARGIN);
    if (table) {
      s.setRepeatingRows(new CellRangeAddress(Layout.HEADER_ROW, Layout.HEADER_ROW, -1, -1));
      s.setPrintGridlines(true);
    }
    s.getHeader().setLeft(BOLD + "&A");
    s.getHeader().setCenter(REGULAR + "AWS to Google Cloud migration assessment");
    s.getHeader().setRight(REGULAR + "Account " + m.accountLabel().replace("&", "&&"));
    s.getFooter().setLeft(REGULAR + "Generated " + Cells.stamp(m.generatedAt())
        + (m.priceBookDate() == null ? "" : ", price book of " + m.priceBookDate()));
    s.getFooter().setRight(REGULAR + "Page &P of &N");
  }
}

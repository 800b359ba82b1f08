package dev.migrate.report;

import static dev.migrate.report.WorkbookWriter.AWS_SIDE;
import static dev.migrate.report.WorkbookWriter.GCP_SIDE;

import dev.migrate.cost.MissingPrice;
import dev.migrate.cost.Phase;
import dev.migrate.inventory.Gap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The Gaps sheet: what could not be collected or priced. */
final class GapsSheet {
  /** {column, characters} of the columns that wrap. */
  private static final int[][] WRAPPED = {{1, 20}, {2, 22}, {3, 30}, {4, 30}, {5, 60}};
  private static final int MAX_CHARS = 70;

  private final ReportModel m;
  private final Styles st;

  GapsSheet(ReportModel m, Styles st) {
    this.m = m;
    this.st = st;
  }

  void write(Sheet s) {
    var t = new Table(s, st, "Gaps", "What could not be collected or priced. Figures that depend on it are "
        + "incomplete; a missing price is never counted as zero.");
    t.header("Kind", "Service or side", "Region or item", "Error code or price key", "Missing", "Detail");
    t.wrap(WRAPPED);
    for (Gap g : m.gaps()) {
      Row row = t.row();
      t.text(row, 0, "not collected");
      t.text(row, 1, g.service());
      t.text(row, 2, g.region());
      t.text(row, 3, g.errorCode());
      t.text(row, 4, g.missing());
      t.text(row, 5, g.message());
    }
    for (MissingPrice p : m.missingPrices()) {
      Row row = t.row();
      t.text(row, 0, "not priced");
      t.text(row, 1, p.phase() == Phase.CURRENT ? AWS_SIDE : p.phase() == Phase.TARGET ? GCP_SIDE : "hybrid");
      t.text(row, 2, p.itemId());
      t.text(row, 3, p.priceKey());
      t.text(row, 4, p.component());
      t.text(row, 5, "the price book has no price for this key; the total of this side is a lower bound");
    }
    t.emptyNote(m.gaps().isEmpty() && m.missingPrices().isEmpty(), "none: everything was collected and priced");
    t.finish(MAX_CHARS);
  }
}

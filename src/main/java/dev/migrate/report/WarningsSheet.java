package dev.migrate.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The Warnings sheet: blockers and warnings of every stage (the Summary counts them over column A). */
final class WarningsSheet {
  private static final int ITEM_CHARS = 24;
  private static final int MESSAGE_CHARS = 100;
  private static final int MAX_CHARS = 110;

  private final ReportModel m;
  private final Styles st;

  private final int maxRows;

  WarningsSheet(ReportModel m, Styles st, int maxRows) {
    this.m = m;
    this.st = st;
    this.maxRows = maxRows;
  }

  void write(Sheet s) {
    var t = new Table(s, st, "Warnings and blockers", "A blocker must be solved before the item can move; "
        + "a warning needs a look");
    t.header("Severity", "Source", "Item", "Message");
    t.wrap(2, ITEM_CHARS);
    t.wrap(3, MESSAGE_CHARS);
    for (ReportModel.WarningRow w : Table.first(m.warnings(), maxRows)) {
      Row row = t.row();
      t.text(row, 0, w.severity());
      t.text(row, 1, w.source());
      t.text(row, 2, w.item());
      t.text(row, 3, w.message());
    }
    t.cutNote(m.warnings().size(), maxRows, "Every warning is in the assessment JSON (warnings); the Summary counts"
        + " all of them.");
    t.emptyNote(m.warnings().isEmpty(), "none");
    t.finish(MAX_CHARS);
  }
}

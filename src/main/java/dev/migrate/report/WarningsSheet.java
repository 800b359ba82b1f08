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

  WarningsSheet(ReportModel m, Styles st) {
    this.m = m;
    this.st = st;
  }

  void write(Sheet s) {
    var t = new Table(s, st, "Warnings and blockers", "A blocker must be solved before the item can move; "
        + "a warning needs a look");
    t.header("Severity", "Source", "Item", "Message");
    t.wrap(2, ITEM_CHARS);
    t.wrap(3, MESSAGE_CHARS);
    for (ReportModel.WarningRow w : m.warnings()) {
      Row row = t.row();
      t.text(row, 0, w.severity());
      t.text(row, 1, w.source());
      t.text(row, 2, w.item());
      t.text(row, 3, w.message());
    }
    t.emptyNote(m.warnings().isEmpty(), "none");
    t.finish(MAX_CHARS);
  }
}

package dev.migrate.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The Inventory sheet: every item collected, with its size, state, CPU and requests. */
final class InventorySheet {
  /** {column, characters} of the free-text columns that wrap. */
  private static final int[][] WRAPPED = {{0, 11}, {1, 20}, {2, 16}, {3, 12}, {4, 14}, {9, 50}};
  private static final int[][] ACCOUNT_WRAPPED = {{0, 11}, {1, 20}, {2, 16}, {3, 12}, {4, 14}, {9, 40}, {10, 14}};
  private static final String[] HEADER = {"Kind", "Id", "Name", "Region", "Type", "Size (GiB)", "State", "CPU p95 (%)",
      "Requests in window", "Details"};
  private static final String[] ACCOUNT_HEADER = {"Kind", "Id", "Name", "Region", "Type", "Size (GiB)", "State",
      "CPU p95 (%)", "Requests in window", "Details", "Account"};
  private static final int MAX_CHARS = 70;

  private final ReportModel m;
  private final Styles st;

  private final int maxRows;

  InventorySheet(ReportModel m, Styles st, int maxRows) {
    this.m = m;
    this.st = st;
    this.maxRows = maxRows;
  }

  void write(Sheet s) {
    var t = new Table(s, st, "Inventory", m.inventory().size() + " items collected from " + (m.estate() ? m.assessment().snapshot().members().size() + " accounts"
        : "account " + m.accountLabel())
        + ", usage window " + m.windowLabel());
    // An estate of several accounts gets an Account column last; one account's sheet is unchanged.
    boolean accounts = m.estate();
    t.header(accounts ? ACCOUNT_HEADER : HEADER);
    t.wrap(accounts ? ACCOUNT_WRAPPED : WRAPPED);
    for (ReportModel.InventoryRow r : Table.first(m.inventory(), maxRows)) {
      Row row = t.row();
      t.text(row, 0, r.kind());
      t.text(row, 1, r.id());
      t.text(row, 2, r.name());
      t.text(row, 3, r.region());
      t.text(row, 4, r.type());
      t.num(row, 5, r.sizeGib(), st.decimal);
      t.text(row, 6, r.state());
      t.num(row, 7, r.cpuP95Pct(), st.decimal);
      t.num(row, 8, r.requests() == null ? null : r.requests().doubleValue(), st.integer);
      t.text(row, 9, r.details());
      if (accounts) {
        t.text(row, 10, m.accountOf(r.id()));
      }
    }
    t.cutNote(m.inventory().size(), maxRows, "Every item is in the snapshot and in the assessment JSON (mappings, unmapped).");
    t.emptyNote(m.inventory().isEmpty(), "no items: the snapshot is empty");
    t.finish(MAX_CHARS);
  }
}

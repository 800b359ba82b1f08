package dev.migrate.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The Mapping sheet: where each item goes on Google Cloud, by which rule and why. */
final class MappingSheet {
  /**
   * {column, characters} of the columns that wrap: text wraps in capped widths, about 190
   * characters in all print one A4 landscape page wide at 7 pt or more.
   */
  private static final int[][] WRAPPED = {{0, 11}, {1, 20}, {2, 14}, {3, 12}, {4, 12}, {5, 16}, {6, 12}, {7, 11},
      {8, 14}, {9, 24}, {11, 18}, {12, 18}};
  /** The same with the Account column, the reason narrower to keep the page width. */
  private static final int[][] ACCOUNT_WRAPPED = {{0, 11}, {1, 20}, {2, 14}, {3, 12}, {4, 12}, {5, 16}, {6, 12},
      {7, 11}, {8, 14}, {9, 18}, {11, 14}, {12, 14}, {13, 14}};
  private static final int MAX_CHARS = 70;

  private final ReportModel m;
  private final Styles st;

  private final int maxRows;

  MappingSheet(ReportModel m, Styles st, int maxRows) {
    this.m = m;
    this.st = st;
    this.maxRows = maxRows;
  }

  void write(Sheet s) {
    var t = new Table(s, st, "Mapping", "Where each item goes on Google Cloud, by which rule and why; "
        + "rules: " + m.rulesSource());
    // An estate of several accounts gets an Account column last; one account's sheet is unchanged.
    boolean accounts = m.estate();
    var header = new java.util.ArrayList<>(java.util.List.of("Kind", "Item id", "Item name", "AWS region", "Target",
        "Target detail", "GCP region", "Size", "Rule", "Reason", "Effort", "Blockers", "Warnings"));
    if (accounts) {
      header.add("Account");
    }
    t.header(header.toArray(String[]::new));
    t.wrap(accounts ? ACCOUNT_WRAPPED : WRAPPED);
    for (ReportModel.MappingRow r : Table.first(m.mappings(), maxRows)) {
      Row row = t.row();
      t.text(row, 0, r.kind());
      t.text(row, 1, r.itemId());
      t.text(row, 2, r.itemName());
      t.text(row, 3, r.awsRegion());
      t.text(row, 4, r.category());
      t.text(row, 5, r.targetLabel());
      t.text(row, 6, r.gcpRegion());
      t.text(row, 7, r.size());
      t.text(row, 8, r.ruleId());
      t.text(row, 9, r.reason());
      t.text(row, 10, r.effort());
      t.text(row, 11, String.join("; ", r.blockers()));
      t.text(row, 12, String.join("; ", r.warnings()));
      if (accounts) {
        t.text(row, 13, m.accountOf(r.itemId()));
      }
    }
    t.cutNote(m.mappings().size(), maxRows, "Every item is in the assessment JSON (mappings, unmapped); the Summary"
        + " counts all of them.");
    t.emptyNote(m.mappings().isEmpty(), "no items to map");
    t.finish(MAX_CHARS);
  }
}

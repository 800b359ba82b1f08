package dev.migrate.report;

import dev.migrate.cost.Assumption;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The Assumptions sheet: every parameter and unit price the figures use, with source and date. */
final class AssumptionsSheet {
  /** {column, characters} of the columns that wrap. */
  private static final int[][] WRAPPED = {{1, 36}, {2, 24}, {3, 14}, {4, 50}, {6, 24}};
  private static final int MAX_CHARS = 70;

  private final ReportModel m;
  private final Styles st;

  AssumptionsSheet(ReportModel m, Styles st) {
    this.m = m;
    this.st = st;
  }

  void write(Sheet s) {
    var t = new Table(s, st, "Assumptions and price sources", "Every parameter and unit price the figures use; "
        + "price book of " + m.priceBookDate());
    t.header("Kind", "Name or price key", "Value", "Unit", "Source", "As of", "Used by");
    t.wrap(WRAPPED);
    param(t, "price book date", String.valueOf(m.priceBookDate()), "price book");
    param(t, "usage window", m.windowLabel(), "snapshot");
    param(t, "rules", m.rulesSource(), "migration plan");
    m.assessment().plan().regionMap().forEach((aws, gcp) -> param(t, "region " + aws, gcp, "region map"));
    for (Assumption a : m.assumptions()) {
      param(t, a.name(), a.value(), a.source());
    }
    for (ReportModel.UnitPrice p : m.unitPrices()) {
      Row row = t.row();
      t.text(row, 0, "unit price");
      t.text(row, 1, p.priceKey());
      t.num(row, 2, p.unitPriceUsd(), st.unitPrice);
      t.text(row, 3, p.unit() == null ? "USD" : "USD per " + p.unit());
      t.text(row, 4, p.source());
      t.text(row, 5, p.asOf() == null ? null : p.asOf().toString());
      t.text(row, 6, p.services());
    }
    t.finish(MAX_CHARS);
  }

  /** A parameter row; parameters have no date of their own. */
  private static void param(Table t, String name, String value, String source) {
    Row row = t.row();
    t.text(row, 0, "parameter");
    t.text(row, 1, name);
    t.text(row, 2, value);
    t.text(row, 4, source);
  }
}

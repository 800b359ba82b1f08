package dev.migrate.report;

import static dev.migrate.report.Cells.formula;
import static dev.migrate.report.Cells.formulaIfClose;
import static dev.migrate.report.Cells.hours;
import static dev.migrate.report.Cells.label;
import static dev.migrate.report.Cells.number;
import static dev.migrate.report.Layout.FIRST_DATA_ROW;

import dev.migrate.cost.CommitmentCoverage;
import dev.migrate.cost.Reconciliation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The Reconciliation sheet: the modelled AWS month against the bill, per family of usage types (per
 * service for bills without usage types), then the mapped and carried lines, with the
 * differences as formulas; below it the commitments (Cost Explorer's reserved-instance and
 * savings-plan coverage next to what the model covered and saved).
 */
final class ReconciliationSheet {
  private static final int SERVICE_CHARS = 28;
  private static final int BILLED_AS_CHARS = 40;
  /** The difference column, a little wider than a money column for the minus sign. */
  private static final int DIFFERENCE_CHARS = 14;
  private static final int MAX_CHARS = 50;
  /** Coverage (modelled, mapped, carried) is the column before the usage types. */
  private static final int USAGE_TYPES_COLUMN = 7;
  private static final int USAGE_TYPES_CHARS = 60;
  /** Decimals of the factor that scales Cost Explorer's period to the model's month. */
  private static final int MONTH_FACTOR_SCALE = 6;

  private final ReportModel m;
  private final Styles st;

  ReconciliationSheet(ReportModel m, Styles st) {
    this.m = m;
    this.st = st;
  }

  void write(Sheet s) {
    Reconciliation r = m.reconciliation();
    var t = new Table(s, st, "Reconciliation", r == null ? ReportModel.NO_BILLING
        : "The modelled AWS month against the bill of " + r.billMonth() + "; differences above "
        + (r.thresholdPct() == null ? "the threshold" : r.thresholdPct().stripTrailingZeros().toPlainString() + "%")
        + " raise a warning");
    t.header("Family or service", "Billed as", "Modelled (USD)", "Billed (USD)", "Difference (USD)", "Difference",
        "Coverage", "Usage types");
    t.wrap(0, SERVICE_CHARS);
    t.wrap(1, BILLED_AS_CHARS);
    t.wrap(USAGE_TYPES_COLUMN, USAGE_TYPES_CHARS);
    if (r == null) {
      t.emptyNote(true, ReportModel.NO_BILLING);
      t.finish(MAX_CHARS);
      commitments(s, t.lastDataRow() + 3);
      return;
    }
    BigDecimal mSum = BigDecimal.ZERO;
    BigDecimal bSum = BigDecimal.ZERO;
    int lastModelled = FIRST_DATA_ROW - 1;
    for (Reconciliation.Row x : r.rows()) {
      Row row = t.row();
      int r1 = row.getRowNum() + 1;
      t.text(row, 0, x.service());
      t.text(row, 1, String.join(", ", x.billedServices()));
      t.num(row, 2, x.modelledUsd(), st.money);
      t.num(row, 3, x.billedUsd(), st.money);
      formulaIfClose(row.createCell(4), "C" + r1 + "-D" + r1, x.modelledUsd().subtract(x.billedUsd()),
          x.differenceUsd(), st.money);
      t.width(4, DIFFERENCE_CHARS);
      percent(row.createCell(5), x.differencePct(), r1,
          x.billedUsd().signum() == 0 ? null : x.differenceUsd().divide(x.billedUsd(), MathContext.DECIMAL64));
      t.text(row, USAGE_TYPES_COLUMN - 1, x.coverage());
      t.text(row, USAGE_TYPES_COLUMN, String.join(", ", x.usageTypes()));
      // The total compares the modelled rows only (they come first); mapped and carried rows are the bill's amounts.
      if ("modelled".equals(x.coverage())) {
        mSum = mSum.add(x.modelledUsd());
        bSum = bSum.add(x.billedUsd());
        lastModelled = row.getRowNum();
      }
    }
    int last = t.lastDataRow();
    t.finish(MAX_CHARS);
    Row total = s.createRow(last + 2);
    int r1 = last + 3;
    label(total, 0, "Total, modelled rows", st.totalLabel);
    formulaIfClose(total.createCell(2), "SUM(C" + (FIRST_DATA_ROW + 1) + ":C" + (lastModelled + 1) + ")", mSum,
        r.modelledUsd(), st.totalMoney);
    formulaIfClose(total.createCell(3), "SUM(D" + (FIRST_DATA_ROW + 1) + ":D" + (lastModelled + 1) + ")", bSum, r.billedUsd(),
        st.totalMoney);
    BigDecimal diff = r.modelledUsd().subtract(r.billedUsd());
    formula(total.createCell(4), "C" + r1 + "-D" + r1, diff, st.totalMoney);
    percent(total.createCell(5), r.differencePct(), r1,
        r.billedUsd().signum() == 0 ? null : diff.divide(r.billedUsd(), MathContext.DECIMAL64));
    int next = last + 4;
    for (String w : r.warnings()) {
      label(s.createRow(next++), 0, w, st.note);
    }
    commitments(s, next + 1);
  }

  /** The difference as a percentage of the bill: E over D of 1-based row {@code r1}, blank without a bill. */
  private void percent(Cell c, BigDecimal pct, int r1, BigDecimal computedFraction) {
    Cells.percent(c, pct, "IF(D" + r1 + "=0,\"\",E" + r1 + "/D" + r1 + ")", computedFraction, st.percent);
  }

  /**
   * Below the reconciliation: Cost Explorer's reserved-instance and savings-plan coverage, scaled
   * to the model's month, next to what the model covered and saved.
   */
  private void commitments(Sheet s, int at) {
    CommitmentCoverage c = m.commitmentCoverage();
    int n = at;
    if (c == null) {
      label(s.createRow(n), 0, "Commitments", st.totalLabel);
      label(s.createRow(n + 1), 0, ReportModel.NO_COVERAGE, st.notAvailable);
      return;
    }
    label(s.createRow(n++), 0, "Commitments: Cost Explorer coverage " + c.months() + " (" + hours(c.periodHours())
        + " h), per model month (x " + c.monthFactor().setScale(MONTH_FACTOR_SCALE, RoundingMode.HALF_EVEN).toPlainString()
        + ")", st.totalLabel);
    var ri = c.reservedInstances();
    if (ri == null) {
      label(s.createRow(n++), 0, "Reserved instances: Cost Explorer reservation coverage was not readable", st.notAvailable);
    } else {
      Row h = s.createRow(n++);
      String[] head = {"Reserved instances", "Region", "Reserved h (Cost Explorer)", "Modelled h", "Difference h", "Coverage"};
      for (int i = 0; i < head.length; i++) {
        label(h, i, head[i], st.headerWrap); // wrapped: the columns are sized for the money above them
      }
      h.setHeightInPoints(Layout.rowHeightPoints(Layout.HEADER_LINES));
      for (CommitmentCoverage.Group g : ri.groups()) {
        Row row = s.createRow(n++);
        label(row, 0, g.instanceType() + (g.flagged() ? " (differs)" : ""), st.text);
        label(row, 1, "*".equals(g.region()) ? "all regions" : g.region(), st.text);
        number(row, 2, g.reservedHours(), st.decimal);
        number(row, 3, g.modelledReservedHours(), st.decimal);
        number(row, 4, g.differenceHours(), st.decimal);
      }
      Row total = s.createRow(n++);
      label(total, 0, "Total" + (ri.flagged() ? " (differs: see Warnings)" : ""), st.totalLabel);
      number(total, 2, ri.reservedHours(), st.decimal);
      number(total, 3, ri.modelledReservedHours(), st.decimal);
      number(total, 4, ri.modelledReservedHours().subtract(ri.reservedHours()), st.decimal);
      if (ri.coveragePct() != null) {
        number(total, 5, ri.coveragePct().movePointLeft(2), st.percent);
      }
      Row saving = s.createRow(n++);
      label(saving, 0, "Reserved instance saving per month (modelled)", st.label);
      number(saving, 3, ri.modelledSavingUsd(), st.money);
    }
    var sp = c.savingsPlans();
    n++;
    if (sp == null) {
      label(s.createRow(n), 0, "Savings plans: Cost Explorer savings plan coverage was not readable", st.notAvailable);
      return;
    }
    Row h = s.createRow(n++);
    label(h, 0, "Savings plans", st.headerWrap);
    label(h, 2, "Cost Explorer (USD per month)", st.headerWrap);
    label(h, 3, "Modelled", st.headerWrap);
    h.setHeightInPoints(Layout.rowHeightPoints(Layout.HEADER_LINES));
    String[] rows = {"eligible compute spend", "covered, at on-demand value", "commitment", "commitment used",
        "commitment unused", "net savings"};
    BigDecimal[] values = {sp.eligibleUsd(), sp.coveredUsd(), sp.commitmentUsd(), sp.usedCommitmentUsd(),
        sp.unusedCommitmentUsd(), sp.netSavingsUsd()};
    for (int i = 0; i < rows.length; i++) {
      Row row = s.createRow(n++);
      label(row, 0, rows[i], st.text);
      if (values[i] == null) {
        label(row, 2, "not reported", st.notAvailable);
      } else {
        number(row, 2, values[i], st.money);
      }
      if (i == rows.length - 1) {
        number(row, 3, sp.modelledSavingUsd(), st.money);
      }
    }
    Row cov = s.createRow(n++);
    label(cov, 0, "coverage (covered / eligible spend)", st.text);
    if (sp.coveragePct() != null) {
      number(cov, 2, sp.coveragePct().movePointLeft(2), st.percent);
    }
    Row util = s.createRow(n++);
    label(util, 0, "utilisation (used / commitment)", st.text);
    if (sp.utilizationPct() == null) {
      label(util, 2, "not reported", st.notAvailable);
    } else {
      number(util, 2, sp.utilizationPct().movePointLeft(2), st.percent);
    }
    label(s.createRow(n), 0, sp.applied()
        ? "The model takes the covered on-demand value off EC2 (1:1 up to the commitment used, the rest as the discount) "
            + "and charges the snapshot's plans, split used/unused (Costs sheet)"
        : "Not modelled: no commitment known for the covered usage (see Warnings)", st.note);
  }
}

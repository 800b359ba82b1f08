package dev.migrate.report;

import static dev.migrate.report.Cells.formula;
import static dev.migrate.report.Cells.label;
import static dev.migrate.report.Layout.FIRST_DATA_ROW;
import static dev.migrate.report.WorkbookWriter.AWS_SIDE;
import static dev.migrate.report.WorkbookWriter.GCP_SIDE;

import dev.migrate.cost.CostLine;
import dev.migrate.cost.Phase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The Costs sheet: every cost line of both sides, then the totals per side and the saving as
 * SUMIF formulas (the Summary's monthly figures point at them, see {@link SheetRefs}).
 */
final class CostsSheet {
  /**
   * {column, characters} of the columns that wrap: text wraps in capped widths, about 190
   * characters in all print one A4 landscape page wide at 7 pt or more. The price source (up to
   * about 250 characters) gets the most room.
   */
  private static final int[][] WRAPPED = {{0, 10}, {1, 12}, {2, 16}, {3, 12}, {4, 10}, {5, 18}, {7, 10}, {10, 18},
      {11, 38}};
  /** The same with the Account column, the price source narrower to keep the page width. */
  private static final int[][] ACCOUNT_WRAPPED = {{0, 10}, {1, 12}, {2, 16}, {3, 12}, {4, 10}, {5, 18}, {7, 10},
      {10, 18}, {11, 26}, {13, 14}};
  private static final int MAX_CHARS = 60;
  /** Column J: the monthly amount, which the totals add up. */
  static final int MONTHLY_COL = 9;

  private final ReportModel m;
  private final Styles st;
  private final SheetRefs refs;

  CostsSheet(ReportModel m, Styles st, SheetRefs refs) {
    this.m = m;
    this.st = st;
    this.refs = refs;
  }

  /**
   * The lines the sheet shows: all of them, or for a large estate the {@code max} dearest (by monthly amount, either
   * sign, in the model's order), and per side one row adding up the lines left out, so that the totals below still
   * add up every line.
   *
   * @param others  per side left out: {lines left out, their monthly sum}; empty when nothing is cut
   */
  record Shown(List<CostLine> lines, Map<Phase, Other> others, int total) {
    boolean cut() {
      return lines.size() < total;
    }

    /** Data rows: the lines, a row per side with lines left out, the note. */
    int rows() {
      return lines.size() + others.size() + (cut() ? 1 : 0);
    }
  }

  /** Lines of one side left off the sheet. */
  record Other(int count, BigDecimal monthlyUsd) {}

  static Shown shown(List<CostLine> all, int max) {
    if (all.size() <= max) {
      return new Shown(all, Map.of(), all.size());
    }
    // Each line is read once to rank it and once to keep or add it up: a line of an anonymised model is made on
    // each read, and a sort reads each about 20 times.
    BigDecimal[] abs = new BigDecimal[all.size()];
    for (int i = 0; i < abs.length; i++) {
      abs[i] = all.get(i).monthlyUsd().abs();
    }
    boolean[] keep = dearest(abs, max);
    List<CostLine> lines = new ArrayList<>(max);
    int[] counts = new int[Phase.values().length];
    BigDecimal[] sums = new BigDecimal[Phase.values().length];
    for (int i = 0; i < all.size(); i++) {
      CostLine l = all.get(i);
      if (keep[i]) {
        lines.add(l);
      } else {
        int p = l.phase().ordinal();
        counts[p]++;
        sums[p] = sums[p] == null ? l.monthlyUsd() : sums[p].add(l.monthlyUsd());
      }
    }
    Map<Phase, Other> others = new EnumMap<>(Phase.class);
    for (Phase p : Phase.values()) {
      if (counts[p.ordinal()] > 0) {
        others.put(p, new Other(counts[p.ordinal()], sums[p.ordinal()]));
      }
    }
    return new Shown(lines, others, all.size());
  }

  /**
   * Which {@code max} of {@code abs} come first by amount, largest first, then by index: the same choice as the first
   * {@code max} of {@link #dearestFirst}, without sorting every amount. The amounts as doubles (exact rounding keeps
   * their order, ties aside) give the {@code max}-th largest, {@code t}: amounts above it are in, below it out, and only
   * those equal to it as doubles are ranked exactly. 812,507 cost lines: a sort of doubles instead of about 16 million
   * BigDecimal comparisons.
   */
  static boolean[] dearest(BigDecimal[] abs, int max) {
    int n = abs.length;
    boolean[] keep = new boolean[n];
    if (max <= 0) {
      return keep;
    }
    if (max >= n) {
      java.util.Arrays.fill(keep, true);
      return keep;
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = abs[i].doubleValue();
    }
    double[] sorted = d.clone();
    java.util.Arrays.sort(sorted);
    double t = sorted[n - max];
    int kept = 0;
    List<Integer> ties = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (d[i] > t) {
        keep[i] = true;
        kept++;
      } else if (d[i] == t) {
        ties.add(i);
      }
    }
    ties.sort((x, y) -> {
      int c = abs[y].compareTo(abs[x]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    for (int j = 0; j < max - kept; j++) {
      keep[ties.get(j)] = true;
    }
    return keep;
  }

  /** Indexes of {@code abs} by amount, largest first, then by index. */
  static Integer[] dearestFirst(BigDecimal[] abs) {
    Integer[] order = new Integer[abs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> {
      int c = abs[y].compareTo(abs[x]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    return order;
  }

  void write(Sheet s) {
    Shown shown = refs.costs;
    var t = new Table(s, st, "Costs", (shown.cut() ? String.format(java.util.Locale.ROOT, "The %,d dearest of %,d cost "
        + "lines of both sides (the others added up per side below them)", shown.lines().size(), shown.total())
        : "Every cost line of both sides") + ", USD per month: quantity x unit price, with "
        + "the price's key, source and date. Price book of " + m.priceBookDate() + ".");
    // An estate of several accounts gets an Account column last (the amounts stay in column J, which the
    // Summary's formulas read); one account's sheet is unchanged.
    boolean accounts = m.estate();
    var header = new java.util.ArrayList<>(java.util.List.of("Side", "Service", "Item id", "Item name", "App",
        "Component", "Quantity", "Unit", "Unit price (USD)", "Monthly (USD)", "Price key", "Price source",
        "Price as of"));
    if (accounts) {
      header.add("Account");
    }
    t.header(header.toArray(String[]::new));
    t.wrap(accounts ? ACCOUNT_WRAPPED : WRAPPED);
    for (CostLine l : shown.lines()) {
      Row row = t.row();
      t.text(row, 0, l.phase() == Phase.CURRENT ? AWS_SIDE : GCP_SIDE);
      t.text(row, 1, l.service());
      t.text(row, 2, l.itemId());
      t.text(row, 3, l.itemName());
      t.text(row, 4, l.app());
      t.text(row, 5, l.component());
      t.num(row, 6, l.quantity(), st.quantity);
      t.text(row, 7, l.unit());
      t.num(row, 8, l.unitPriceUsd(), st.unitPrice);
      t.num(row, MONTHLY_COL, l.monthlyUsd(), st.money);
      t.text(row, 10, l.priceKey());
      t.text(row, 11, l.priceSource());
      t.text(row, 12, l.priceAsOf() == null ? null : l.priceAsOf().toString());
      if (accounts) {
        t.text(row, 13, m.accountOf(l.itemId()));
      }
    }
    shown.others().forEach((phase, o) -> {
      Row row = t.row();
      t.text(row, 0, phase == Phase.CURRENT ? AWS_SIDE : GCP_SIDE);
      t.text(row, 1, "(other lines)");
      t.text(row, 5, String.format(java.util.Locale.ROOT, "%,d smaller lines, added up", o.count()));
      t.num(row, MONTHLY_COL, o.monthlyUsd(), st.money);
    });
    t.cutNote(shown.total(), shown.lines().size(), "Every line is in the cost-lines CSV.");
    t.emptyNote(m.costLines().isEmpty(), "no cost lines");
    int last = t.lastDataRow();
    t.finish(MAX_CHARS);
    String side = "$A$" + (FIRST_DATA_ROW + 1) + ":$A$" + (last + 1);
    String amount = "$J$" + (FIRST_DATA_ROW + 1) + ":$J$" + (last + 1);
    var f = m.figures();
    Row aws = s.createRow(refs.costsTotalAws);
    label(aws, 0, "Total " + AWS_SIDE + " (USD per month)", st.totalLabel);
    formula(aws.createCell(MONTHLY_COL), "SUMIF(" + side + ",\"" + AWS_SIDE + "\"," + amount + ")", f.awsMonthlyUsd(),
        st.totalMoney);
    Row gcp = s.createRow(refs.costsTotalGcp);
    label(gcp, 0, "Total " + GCP_SIDE + " (USD per month)", st.totalLabel);
    formula(gcp.createCell(MONTHLY_COL), "SUMIF(" + side + ",\"" + GCP_SIDE + "\"," + amount + ")", f.gcpMonthlyUsd(),
        st.totalMoney);
    Row saving = s.createRow(refs.costsTotalGcp + 1);
    label(saving, 0, "Saving (USD per month)", st.totalLabel);
    formula(saving.createCell(MONTHLY_COL), "J" + (refs.costsTotalAws + 1) + "-J" + (refs.costsTotalGcp + 1),
        f.savingsUsd(), st.totalMoney);
    if (!m.missingPrices().isEmpty()) {
      Row note = s.createRow(refs.costsTotalGcp + 2);
      label(note, 0, m.missingPrices().size() + " component(s) could not be priced and are not in these totals: see Gaps.",
          st.note);
    }
  }
}

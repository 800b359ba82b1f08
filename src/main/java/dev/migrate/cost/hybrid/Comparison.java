package dev.migrate.cost.hybrid;

import dev.migrate.cost.Timeline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Scenarios side by side for the terminal: one summary row per scenario, the monthly totals of
 * every scenario in columns, and each scenario's warnings. USD, rounded to whole dollars only
 * here (per-million figures to cents).
 */
public final class Comparison {
  private Comparison() {}

  public static String render(List<Timeline> timelines) {
    StringBuilder out = new StringBuilder();
    out.append("What-if comparison: ").append(timelines.size()).append(timelines.size() == 1 ? " scenario" : " scenarios")
        .append(" (USD; monthly totals include AWS, Google Cloud, link, inter-cloud traffic and one-off costs)\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"scenario", "month 0", "peak month", "peak total", "last month", "last total",
        "per 1M req", "cumulative", "stay on AWS", "difference", "payback", "warnings"});
    for (Timeline t : timelines) {
      List<Timeline.Month> ms = t.months();
      Timeline.Month first = ms.get(0);
      Timeline.Month last = ms.get(ms.size() - 1);
      Timeline.Month peak = ms.stream().filter(m -> m.month().equals(t.peakMonth())).findFirst().orElse(first);
      long blockers = t.warnings().stream().filter(w -> w.startsWith("BLOCKER:")).count();
      rows.add(new String[] {t.scenario(), usd(first.totalUsd()), String.valueOf(t.peakMonth()), usd(peak.totalUsd()),
          last.month().toString(), usd(last.totalUsd()), cents(last.perMillionUsd()), usd(last.cumulativeUsd()),
          usd(last.cumulativeStayUsd()), usd(last.cumulativeStayUsd().subtract(last.cumulativeUsd())),
          t.paybackMonth() == null ? "none" : t.paybackMonth().toString(),
          t.warnings().size() + (blockers > 0 ? " (" + blockers + " blocker" + (blockers > 1 ? "s" : "") + ")" : "")});
    }
    table(out, rows, 1);
    out.append("\n'difference' is cumulative staying on AWS minus cumulative spend (positive = the migration saved money);\n")
        .append("'payback' is the first month from which cumulative spend stays below staying on AWS.\n\n");

    out.append("Monthly total by scenario\n\n");
    TreeSet<YearMonth> months = new TreeSet<>();
    timelines.forEach(t -> t.months().forEach(m -> months.add(m.month())));
    List<String[]> grid = new ArrayList<>();
    String[] head = new String[timelines.size() + 1];
    head[0] = "month";
    for (int i = 0; i < timelines.size(); i++) {
      head[i + 1] = timelines.get(i).scenario();
    }
    grid.add(head);
    for (YearMonth ym : months) {
      String[] r = new String[timelines.size() + 1];
      r[0] = ym.toString();
      for (int i = 0; i < timelines.size(); i++) {
        Timeline t = timelines.get(i);
        r[i + 1] = t.months().stream().filter(m -> m.month().equals(ym)).findFirst()
            .map(m -> usd(m.totalUsd()) + (ym.equals(t.peakMonth()) ? " *" : ym.equals(t.paybackMonth()) ? " $" : "  "))
            .orElse("-");
      }
      grid.add(r);
    }
    table(out, grid, 1);
    out.append("\n* peak month   $ payback month\n");

    for (Timeline t : timelines) {
      if (t.warnings().isEmpty()) {
        continue;
      }
      out.append("\nWarnings for ").append(t.scenario()).append(":\n");
      t.warnings().forEach(w -> out.append("  - ").append(w).append('\n'));
    }
    return out.toString();
  }

  /** Left-aligns the first {@code textColumns} columns, right-aligns the rest. */
  private static void table(StringBuilder out, List<String[]> rows, int textColumns) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String cell = r[c];
        String pad = " ".repeat(width[c] - cell.length());
        line.append(c < textColumns ? cell + pad : pad + cell);
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (i == 0) {
        int total = 0;
        for (int w : width) {
          total += w;
        }
        out.append("-".repeat(total + 2 * (cols - 1))).append('\n');
      }
    }
  }

  static String usd(BigDecimal v) {
    return String.format(Locale.ROOT, "%,d", v.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
  }

  static String cents(BigDecimal v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
  }
}

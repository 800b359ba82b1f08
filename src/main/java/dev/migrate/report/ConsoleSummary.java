package dev.migrate.report;

import dev.migrate.cost.BillCoverage;
import dev.migrate.cost.CommitmentCoverage;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The terminal summary: a compact table of the headline figures that fits 100 columns. Money
 * is rounded to cents for display only; absent figures say why instead of showing zero.
 */
public final class ConsoleSummary {
  /** Widest line printed. */
  public static final int WIDTH = 100;
  private static final int TOP_SERVICES = 5;

  private ConsoleSummary() {}

  public static void print(ReportModel m, List<Path> written, PrintStream out) {
    out.print(render(m, written));
    out.flush();
  }

  /** Accounts shown on the terminal before the rest are summed into one line. */
  private static final int TOP_ACCOUNTS = 8;

  /** An estate's accounts: the largest by AWS cost, the rest in one line, the shared costs last. */
  private static void accounts(List<String> lines, ReportModel m) {
    if (!m.estate()) {
      return;
    }
    lines.add("");
    lines.add(String.format(Locale.ROOT, "%-32s %18s %22s %24s", "Accounts (" + m.assessment().snapshot().members()
        .size() + ")", "AWS today", "Google Cloud after", "Saving"));
    List<ReportModel.AccountRow> rows = m.accounts();
    List<ReportModel.AccountRow> members = rows.stream().filter(r -> r.accountId() != null).toList();
    int shown = members.size() <= TOP_ACCOUNTS + 1 ? members.size() : TOP_ACCOUNTS;
    for (int i = 0; i < shown; i++) {
      lines.add(accountLine(members.get(i).label(), members.get(i).awsMonthlyUsd(), members.get(i).gcpMonthlyUsd()));
    }
    if (shown < members.size()) {
      BigDecimal aws = BigDecimal.ZERO;
      BigDecimal gcp = BigDecimal.ZERO;
      for (ReportModel.AccountRow r : members.subList(shown, members.size())) {
        aws = aws.add(r.awsMonthlyUsd());
        gcp = gcp.add(r.gcpMonthlyUsd());
      }
      lines.add(accountLine((members.size() - shown) + " other accounts", aws, gcp));
    }
    rows.stream().filter(r -> r.accountId() == null)
        .forEach(r -> lines.add(accountLine(r.label(), r.awsMonthlyUsd(), r.gcpMonthlyUsd())));
  }

  private static String accountLine(String label, BigDecimal aws, BigDecimal gcp) {
    return String.format(Locale.ROOT, "  %-30s %18s %22s %24s", cut(label, 30), usd(aws), usd(gcp),
        usd(aws.subtract(gcp)));
  }

  public static String render(ReportModel m, List<Path> written) {
    var f = m.figures();
    var lines = new ArrayList<String>();
    lines.add(fit("migrate assessment  " + m.accountLabel() + "  " + m.generatedDate() + "  price book "
        + m.priceBookDate()));
    lines.add(fit("usage window " + m.windowLabel() + (m.anonymizer().enabled() ? "  (anonymized)" : "")));
    lines.add("-".repeat(WIDTH));
    lines.add(String.format(Locale.ROOT, "%-32s %18s %22s %24s", "", "AWS today", "Google Cloud after", "Saving"));
    String pct = f.savingsPct() == null ? "" : " (" + pct(f.savingsPct()) + ")";
    // A missing price is never zero: the saving is then a bound ("<=" at most, ">=" at least, "~" either way).
    String mark = f.savingsBound() == null ? "" : f.savingsBound().startsWith("upper") ? "<= "
        : f.savingsBound().startsWith("lower") ? ">= " : "~ ";
    lines.add(String.format(Locale.ROOT, "%-32s %18s %22s %24s", "Monthly cost (USD)", usd(f.awsMonthlyUsd()),
        usd(f.gcpMonthlyUsd()), mark + usd(f.savingsUsd()) + pct));
    if (f.savingsBound() != null) {
      wrap(lines, "Saving, " + f.savingsBound() + " (see Gaps)");
    }
    if (f.estimatedLines() > 0) {
      BigDecimal estPct = f.gcpEstimatedPct();
      wrap(lines, "Estimated prices (nearest region that has the price, in the totals): " + f.estimatedLines()
          + " cost lines, AWS " + usd(f.awsEstimatedUsd()) + " USD, Google Cloud " + usd(f.gcpEstimatedUsd()) + " USD"
          + (estPct == null ? "" : " (" + pct(estPct) + " of Google Cloud after)"));
    }
    if (f.awsPerMillionUsd() != null && f.gcpPerMillionUsd() != null) {
      lines.add(String.format(Locale.ROOT, "%-32s %18s %22s %24s", "Per million requests (USD)",
          usd(f.awsPerMillionUsd()), usd(f.gcpPerMillionUsd()),
          usd(f.awsPerMillionUsd().subtract(f.gcpPerMillionUsd()))));
      lines.add(fit(String.format(Locale.ROOT, "%-32s %18s", "Requests per month",
          integer(f.monthlyRequests())) + "  (measured: " + f.requestsSource() + ")"));
    } else {
      lines.add(fit(String.format(Locale.ROOT, "%-32s ", "Per million requests (USD)")
          + f.notAvailable().get("costPerMillionRequests")));
    }
    coverage(lines, m);
    accounts(lines, m);
    lines.add("");
    lines.add(String.format(Locale.ROOT, "%-32s %18s   %-28s %16s", "Top services, AWS today", "USD/month",
        "Google Cloud after", "USD/month"));
    List<Map.Entry<String, BigDecimal>> before = top(m.currentByService());
    List<Map.Entry<String, BigDecimal>> after = top(m.targetByService());
    for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
      var b = i < before.size() ? before.get(i) : null;
      var a = i < after.size() ? after.get(i) : null;
      lines.add(String.format(Locale.ROOT, "  %-30s %18s   %-28s %16s",
          b == null ? "" : cut(b.getKey(), 30), b == null ? "" : usd(b.getValue()),
          a == null ? "" : cut(a.getKey(), 28), a == null ? "" : usd(a.getValue())));
    }
    lines.add("");
    if (f.scenario() == null) {
      lines.add(fit("Hybrid months: " + f.notAvailable().get("peakHybridMonth")));
    } else {
      String peak = f.peakHybridMonth() == null ? f.notAvailable().get("peakHybridMonth")
          : "peak " + f.peakHybridMonth() + " at " + usd(f.peakHybridMonthUsd()) + " USD";
      String payback = f.paybackMonths() == null ? "payback " + f.notAvailable().get("paybackMonths")
          : "payback in " + f.paybackMonths() + " months (" + f.paybackMonth() + ")";
      String description = m.timelines().isEmpty() ? "" : m.timelines().get(0).description();
      // A plan the tool proposed says so, with its waves and how it grouped them.
      String which = description.startsWith("proposed plan:") ? description : f.scenario();
      wrap(lines, "Hybrid months (" + which + "): " + peak + "; one-off " + usd(f.oneOffUsd())
          + " USD; " + payback);
    }
    if (f.billGrowthPct() != null) {
      lines.add(fit("AWS bill: " + (f.billGrowthPct().signum() >= 0 ? "+" : "") + pct(f.billGrowthPct()) + " from "
          + f.billFirstMonth() + " (" + usd(f.billFirstUsd()) + ") to " + f.billLastMonth() + " ("
          + usd(f.billLastUsd()) + ")"));
    } else {
      lines.add(fit("AWS bill growth: " + f.notAvailable().get("awsBillGrowthPct")));
    }
    commitments(lines, m);
    String dataStores = m.dataStoreSummary();
    if (dataStores != null) {
      wrap(lines, "Databases and caches: " + dataStores);
    }
    wrap(lines, "Items by target: " + counts(f.countsByTarget()));
    wrap(lines, "Effort: " + counts(f.countsByEffort()));
    lines.add(fit("Blockers " + f.blockers() + ", warnings " + f.warnings() + ", unmapped " + f.unmapped()
        + ", not priced " + f.missingPrices() + ", collection gaps " + f.gaps()));
    if (!written.isEmpty()) {
      lines.add("-".repeat(WIDTH));
      for (Path p : written) {
        lines.add("Written: " + p);
      }
    }
    // The account alias, service and target names come from the snapshot and the rules: printed
    // with control characters made visible, so none can drive the terminal or forge a line.
    lines.replaceAll(dev.migrate.io.Terminal::safe);
    return String.join("\n", lines) + "\n";
  }

  /**
   * What "AWS today" covers: the bill month it stands for, the modelled / mapped / carried shares and the
   * carried services with their amounts; without a bill, says so.
   */
  private static void coverage(List<String> lines, ReportModel m) {
    BillCoverage c = m.billCoverage();
    if (c == null) {
      return;
    }
    if (c.billMonth() == null) {
      wrap(lines, "AWS today covers: " + c.headline());
      return;
    }
    BigDecimal diff = c.differenceFromBillPct();
    String bill = c.billMonth() + " bill " + usd(c.billUsd()) + (diff == null ? ""
        : ", AWS today " + (diff.signum() > 0 ? "+" : "") + pct(diff) + " from it");
    String priced = c.carriedUsd().signum() == 0 || m.pricedSavingsPct() == null ? ""
        : "; saving on the priced part " + pct(m.pricedSavingsPct());
    wrap(lines, "AWS today covers the " + bill + ": " + c.headline() + priced);
  }

  /** RI and SP coverage (Cost Explorer) and the saving the model applied to today's cost. */
  private static void commitments(List<String> lines, ReportModel m) {
    CommitmentCoverage c = m.commitmentCoverage();
    if (c == null) {
      lines.add(fit("Commitments: " + m.figures().notAvailable().get("commitments")));
      return;
    }
    var parts = new ArrayList<String>();
    var ri = c.reservedInstances();
    parts.add(ri == null ? "reserved instances not readable"
        : "reserved instances cover " + (ri.coveragePct() == null ? "no hours" : pct(ri.coveragePct()))
            + ", saving " + usd(ri.modelledSavingUsd()) + " USD/month");
    var sp = c.savingsPlans();
    parts.add(sp == null ? "savings plans not readable"
        : "savings plans cover " + (sp.coveragePct() == null ? "no spend" : pct(sp.coveragePct()))
            + (sp.utilizationPct() == null ? "" : " (" + pct(sp.utilizationPct()) + " used)")
            + ", saving " + usd(sp.modelledSavingUsd()) + " USD/month" + (sp.applied() ? "" : " (not modelled)"));
    wrap(lines, "Commitments (Cost Explorer " + c.months() + "): " + String.join("; ", parts));
  }

  private static List<Map.Entry<String, BigDecimal>> top(SortedMap<String, BigDecimal> m) {
    var list = new ArrayList<>(m.entrySet());
    list.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    var top = new ArrayList<>(list.subList(0, Math.min(TOP_SERVICES, list.size())));
    if (list.size() > TOP_SERVICES) {
      BigDecimal rest = list.subList(TOP_SERVICES, list.size()).stream().map(Map.Entry::getValue)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      top.add(Map.entry((list.size() - TOP_SERVICES) + " other(s)", rest));
    }
    return top;
  }

  private static String counts(Map<String, Integer> m) {
    var parts = new ArrayList<String>();
    m.forEach((k, v) -> parts.add(k + " " + v));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** Wraps after ", " or "; " (or else at a space) so that no line is wider than {@link #WIDTH}. */
  private static void wrap(List<String> lines, String text) {
    String rest = text;
    String indent = "";
    while ((indent + rest).length() > WIDTH) {
      int room = WIDTH - indent.length();
      int comma = Math.max(rest.lastIndexOf(", ", room - 1), rest.lastIndexOf("; ", room - 1));
      int cut = comma > 0 ? comma + 1 : rest.lastIndexOf(' ', room);
      if (cut <= 0) {
        break;
      }
      lines.add(indent + rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
      indent = "    ";
    }
    lines.add(fit(indent + rest));
  }

  private static String fit(String s) {
    return s.length() <= WIDTH ? s : s.substring(0, WIDTH - 3) + "...";
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }

  static String usd(BigDecimal v) {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(v.setScale(2, RoundingMode.HALF_UP));
  }

  private static String integer(long v) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  private static String pct(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}

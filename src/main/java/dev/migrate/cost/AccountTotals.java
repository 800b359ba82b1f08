package dev.migrate.cost;

import dev.migrate.inventory.Billing;
import dev.migrate.inventory.MemberAccount;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.Unmapped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An estate's costs per account: each cost line of both sides belongs to the account of its item, and lines of no
 * one account (a GKE cluster's fee, bill lines carried from the consolidated bill, estate-wide transfer) form a
 * row of their own, so that the rows add up to the totals to the cent. Each account's own bill of the same month
 * shows how much of it the model attributes to the account's resources.
 *
 * <p>Empty for a snapshot of one account.
 *
 * @param rows      one per collected account in account order, then the shared row when it has any cost
 * @param billMonth the bill month the rows' bills are from (the consolidated bill's last whole month), or null when
 *                  the estate has no bill
 */
public record AccountTotals(List<Row> rows, YearMonth billMonth) {
  /** The name of the row of costs no one account carries. */
  public static final String SHARED = "shared (not one account's)";

  public AccountTotals {
    rows = List.copyOf(rows);
  }

  /**
   * One account (or the shared row).
   *
   * @param accountId      12-digit account id, or null for the shared row
   * @param name           the account's name in AWS Organizations, else its alias, else null; {@link #SHARED} for
   *                       the shared row
   * @param items          plan items (mapped and unmapped) of the account
   * @param awsMonthlyUsd  AWS today per month, modelled, of the account's items
   * @param gcpMonthlyUsd  Google Cloud per month after the move, of the account's items
   * @param billUsd        the account's own bill of {@link AccountTotals#billMonth}, or null when not known (the shared
   *                       row: what the consolidated bill has beyond the accounts' own bills, null when nothing)
   */
  public record Row(String accountId, String name, int items, BigDecimal awsMonthlyUsd, BigDecimal gcpMonthlyUsd,
      BigDecimal billUsd) {
    public BigDecimal savingsUsd() {
      return awsMonthlyUsd.subtract(gcpMonthlyUsd);
    }

    /** Saving as a percentage of AWS today, or null when AWS today is zero. */
    public BigDecimal savingsPct() {
      return awsMonthlyUsd.signum() == 0 ? null
          : savingsUsd().multiply(BigDecimal.valueOf(100)).divide(awsMonthlyUsd, 2, RoundingMode.HALF_EVEN);
    }

    /** The modelled AWS cost as a percentage of the account's bill, or null without a bill. */
    public BigDecimal billCoveredPct() {
      return billUsd == null || billUsd.signum() == 0 ? null
          : awsMonthlyUsd.multiply(BigDecimal.valueOf(100)).divide(billUsd, 2, RoundingMode.HALF_EVEN);
    }

    /** "111122223333 (prod)", the id alone, or the shared row's name. */
    public String label() {
      if (accountId == null) {
        return name;
      }
      return name == null ? accountId : accountId + " (" + name + ")";
    }
  }

  /** The per-account rows of an assessment; empty rows for one account. */
  public static AccountTotals of(Assessment a) {
    Snapshot s = a.snapshot();
    if (s.members().isEmpty()) {
      return new AccountTotals(List.of(), null);
    }
    Topology index = a.topology();
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    Map<String, Integer> items = new HashMap<>();
    for (MemberAccount m : s.members()) {
      sums.put(m.account().id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }
    BigDecimal[] shared = {BigDecimal.ZERO, BigDecimal.ZERO};
    add(a.current().lines(), 0, index, sums, shared);
    add(a.target().lines(), 1, index, sums, shared);
    for (Mapping m : a.plan().mappings()) {
      count(items, index.account(m.itemId()));
    }
    for (Unmapped u : a.plan().unmapped()) {
      count(items, index.account(u.itemId()));
    }
    YearMonth month = billMonth(s.billing());
    List<Row> rows = new ArrayList<>();
    BigDecimal members = BigDecimal.ZERO;
    for (MemberAccount m : s.members()) {
      BigDecimal[] x = sums.get(m.account().id());
      BigDecimal bill = monthTotal(m.billing(), month);
      members = bill == null ? members : members.add(bill);
      String name = m.name() != null ? m.name() : m.account().alias();
      rows.add(new Row(m.account().id(), name, items.getOrDefault(m.account().id(), 0), x[0], x[1], bill));
    }
    BigDecimal consolidated = monthTotal(s.billing(), month);
    BigDecimal beyond = consolidated == null ? null : consolidated.subtract(members);
    int sharedItems = items.getOrDefault("", 0);
    if (shared[0].signum() != 0 || shared[1].signum() != 0 || sharedItems > 0
        || (beyond != null && beyond.signum() != 0)) {
      rows.add(new Row(null, SHARED, sharedItems, shared[0], shared[1],
          beyond == null || beyond.signum() == 0 ? null : beyond));
    }
    return new AccountTotals(rows, month);
  }

  /**
   * Adds each line's amount to its account's sums at {@code side}. The lines of an item sit together (sorted by
   * service, then item) and share its id: the account is looked up once per run of an item's lines.
   */
  private static void add(List<CostLine> lines, int side, Topology index, Map<String, BigDecimal[]> sums,
      BigDecimal[] shared) {
    String item = null;
    BigDecimal[] x = null;
    for (CostLine l : lines) {
      if (x == null || l.itemId() != item) {
        item = l.itemId();
        MemberAccount m = index.account(item);
        x = m == null ? shared : sums.get(m.account().id());
      }
      x[side] = x[side].add(l.monthlyUsd());
    }
  }

  private static void count(Map<String, Integer> items, MemberAccount m) {
    items.merge(m == null ? "" : m.account().id(), 1, Integer::sum);
  }

  /** The last month the bill does not mark as estimated (still open), else its last month; null without a bill. */
  private static YearMonth billMonth(Billing b) {
    YearMonth last = null;
    for (Billing.Month m : b.months()) {
      if (!m.estimated()) {
        last = m.month();
      }
    }
    return last != null || b.months().isEmpty() ? last : b.months().get(b.months().size() - 1).month();
  }

  private static BigDecimal monthTotal(Billing b, YearMonth month) {
    if (month == null) {
      return null;
    }
    for (Billing.Month m : b.months()) {
      if (m.month().equals(month)) {
        return m.totalUsd();
      }
    }
    return null;
  }
}

package dev.migrate.cost;

import dev.migrate.inventory.Billing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the modelled AWS month with the last complete billed month, service by service
 * (Cost Explorer service names), and warns when the gap is above the threshold.
 */
final class Reconciler {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Reconciler() {}

  static Reconciliation reconcile(CostSide current, Billing billing, BigDecimal thresholdPct) {
    Billing.Month month = null;
    for (Billing.Month m : billing.months()) {
      if (!m.estimated() && (month == null || m.month().isAfter(month.month()))) {
        month = m;
      }
    }
    if (month == null) {
      return null;
    }
    Map<String, BigDecimal> billed = new TreeMap<>();
    month.services().forEach(s -> billed.merge(s.service(), s.amountUsd(), BigDecimal::add));
    // modelled service -> Cost Explorer name
    Map<String, BigDecimal> modelledByCe = new TreeMap<>();
    Map<String, String> ourName = new TreeMap<>();
    current.byService().forEach((service, usd) -> {
      String ce = Services.costExplorerName(service);
      modelledByCe.merge(ce, usd, BigDecimal::add);
      ourName.merge(ce, service, (a, b) -> a + " + " + b);
    });
    List<Reconciliation.Row> rows = new ArrayList<>();
    BigDecimal modelledTotal = BigDecimal.ZERO;
    BigDecimal billedCovered = BigDecimal.ZERO;
    for (var e : modelledByCe.entrySet()) {
      BigDecimal b = billed.getOrDefault(e.getKey(), BigDecimal.ZERO);
      rows.add(row(ourName.get(e.getKey()), e.getKey(), e.getValue(), b));
      modelledTotal = modelledTotal.add(e.getValue());
      billedCovered = billedCovered.add(b);
    }
    for (var e : billed.entrySet()) {
      if (!modelledByCe.containsKey(e.getKey())) {
        rows.add(row(e.getKey() + " (not modelled)", e.getKey(), BigDecimal.ZERO, e.getValue()));
      }
    }
    rows.sort(Comparator.comparing(Reconciliation.Row::service));
    BigDecimal diffPct = pct(modelledTotal.subtract(billedCovered), billedCovered);
    List<String> warnings = new ArrayList<>();
    if (diffPct != null && diffPct.abs().compareTo(thresholdPct) > 0) {
      List<Reconciliation.Row> modelledRows = new ArrayList<>(rows.stream()
          .filter(r -> !r.service().endsWith("(not modelled)")).toList());
      modelledRows.sort(Comparator.comparing((Reconciliation.Row r) -> r.differenceUsd().abs()).reversed()
          .thenComparing(Reconciliation.Row::service));
      BigDecimal totalAbs = modelledRows.stream().map(r -> r.differenceUsd().abs()).reduce(BigDecimal.ZERO, BigDecimal::add);
      List<String> named = new ArrayList<>();
      BigDecimal acc = BigDecimal.ZERO;
      for (Reconciliation.Row r : modelledRows) {
        if (named.size() == 3 || (totalAbs.signum() > 0 && acc.compareTo(totalAbs.multiply(BigDecimal.valueOf(0.8))) >= 0)) {
          break;
        }
        if (r.differenceUsd().signum() == 0) {
          break;
        }
        named.add(r.service() + " (" + signed(r.differenceUsd()) + " USD"
            + (r.differencePct() == null ? ", not billed" : ", " + signed(r.differencePct()) + "%") + ")");
        acc = acc.add(r.differenceUsd().abs());
      }
      warnings.add(String.format(Locale.ROOT,
          "the modelled AWS month differs from the %s bill by %s%% (threshold %s%%): modelled %s USD, billed %s USD for the modelled services; mostly %s",
          month.month(), signed(diffPct), thresholdPct.stripTrailingZeros().toPlainString(),
          modelledTotal.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
          billedCovered.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), String.join(", ", named)));
    }
    return new Reconciliation(month.month(), rows, modelledTotal, billedCovered, diffPct, thresholdPct, warnings);
  }

  private static Reconciliation.Row row(String service, String ce, BigDecimal modelled, BigDecimal billed) {
    BigDecimal diff = modelled.subtract(billed);
    return new Reconciliation.Row(service, List.of(ce), modelled, billed, diff, pct(diff, billed));
  }

  private static BigDecimal pct(BigDecimal diff, BigDecimal base) {
    if (base.signum() == 0) {
      return null;
    }
    return diff.multiply(HUNDRED).divide(base, 2, RoundingMode.HALF_EVEN);
  }

  private static String signed(BigDecimal v) {
    BigDecimal r = v.setScale(2, RoundingMode.HALF_EVEN);
    return (r.signum() > 0 ? "+" : "") + r.toPlainString();
  }
}

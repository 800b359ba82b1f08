package dev.migrate.cost;

import dev.migrate.inventory.Billing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the modelled AWS month with the last complete billed month: family by family when the bill has
 * usage types (each family of {@link BillFamilies} against the bill lines it covers), service by service
 * otherwise; mapped and carried lines are listed with the amount the assessment uses. Warns when the
 * modelled part differs from its bill lines by more than the threshold.
 */
final class Reconciler {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final List<String> ORDER = List.of(BillFamilies.MODELLED, BillFamilies.MAPPED, BillFamilies.CARRIED);

  private Reconciler() {}

  static Reconciliation reconcile(CostSide current, Billing billing, BigDecimal thresholdPct, BillFamilies families,
      BillCoverage coverage) {
    Billing.Month month = BillPricer.lastComplete(billing);
    if (month == null) {
      return null;
    }
    List<Reconciliation.Row> rows = BillCoverage.BY_USAGE_TYPE.equals(coverage.basis())
        ? byFamily(current, families, coverage) : byService(current, families, month, coverage);
    rows.sort(Comparator.comparing((Reconciliation.Row r) -> ORDER.indexOf(r.coverage()))
        .thenComparing(Reconciliation.Row::service));
    BigDecimal modelledTotal = BigDecimal.ZERO;
    BigDecimal billedCovered = BigDecimal.ZERO;
    for (Reconciliation.Row r : rows) {
      if (BillFamilies.MODELLED.equals(r.coverage())) {
        modelledTotal = modelledTotal.add(r.modelledUsd());
        billedCovered = billedCovered.add(r.billedUsd());
      }
    }
    BigDecimal diffPct = pct(modelledTotal.subtract(billedCovered), billedCovered);
    List<String> warnings = new ArrayList<>();
    if (diffPct != null && diffPct.abs().compareTo(thresholdPct) > 0) {
      List<Reconciliation.Row> modelledRows = new ArrayList<>(rows.stream()
          .filter(r -> BillFamilies.MODELLED.equals(r.coverage())).toList());
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
          "the modelled AWS month differs from the %s bill by %s%% (threshold %s%%): modelled %s USD, billed %s USD for the modelled %s; mostly %s",
          month.month(), signed(diffPct), thresholdPct.stripTrailingZeros().toPlainString(),
          modelledTotal.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
          billedCovered.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
          BillCoverage.BY_USAGE_TYPE.equals(coverage.basis()) ? "usage types" : "services", String.join(", ", named)));
    }
    return new Reconciliation(month.month(), rows, modelledTotal, billedCovered, diffPct, thresholdPct, warnings);
  }

  /** Lines the bill pricer added (carried and mapped AWS amounts): not part of the model's own families. */
  private static boolean fromBillAmount(CostLine l) {
    return l.priceKey() != null && l.priceKey().startsWith(BillPricer.KEY_PREFIX);
  }

  private static final class Acc {
    BigDecimal modelled = BigDecimal.ZERO;
    BigDecimal billed = BigDecimal.ZERO;
    final TreeSet<String> services = new TreeSet<>();
    final TreeSet<String> usageTypes = new TreeSet<>();
  }

  private static List<Reconciliation.Row> byFamily(CostSide current, BillFamilies families, BillCoverage coverage) {
    Map<String, Acc> modelled = new LinkedHashMap<>();
    families.families().forEach(f -> modelled.put(f.id(), new Acc()));
    Map<String, Acc> outside = new TreeMap<>();
    Map<String, Acc> mapped = new TreeMap<>();
    Map<String, Acc> carried = new TreeMap<>();
    // Lines of one service and key come together and share their texts: their family is looked up once per run.
    CostLine last = null;
    Acc acc = null;
    for (CostLine l : current.lines()) {
      if (fromBillAmount(l)) {
        continue;
      }
      if (last == null || l.service() != last.service() || l.priceKey() != last.priceKey()) {
        BillFamilies.Family f = families.ofCostLine(l).orElse(null);
        acc = f == null ? outside.computeIfAbsent(l.service(), s -> new Acc()) : modelled.get(f.id());
        last = l;
      }
      acc.modelled = acc.modelled.add(l.monthlyUsd());
    }
    for (BillCoverage.Line b : coverage.lines()) {
      Acc a;
      if (BillFamilies.MODELLED.equals(b.coverage())) {
        a = modelled.get(b.family());
        a.billed = a.billed.add(b.amountUsd());
      } else {
        a = (BillFamilies.MAPPED.equals(b.coverage()) ? mapped : carried)
            .computeIfAbsent(BillFamilies.MAPPED.equals(b.coverage()) ? b.family() : b.service(), s -> new Acc());
        a.billed = a.billed.add(b.amountUsd());
        a.modelled = a.modelled.add(b.amountUsd());
      }
      a.services.add(b.service());
      if (b.usageType() != null) {
        a.usageTypes.add(b.usageType());
      }
    }
    List<Reconciliation.Row> rows = new ArrayList<>();
    modelled.forEach((id, a) -> {
      if (a.modelled.signum() != 0 || a.billed.signum() != 0) {
        rows.add(row(families.family(id).orElseThrow().name(), a, BillFamilies.MODELLED));
      }
    });
    outside.forEach((service, a) -> rows.add(row(service + " (modelled, in no family of the bill)", a, BillFamilies.MODELLED)));
    mapped.forEach((id, a) -> rows.add(row(families.family(id).map(BillFamilies.Family::name).orElse(id), a, BillFamilies.MAPPED)));
    carried.forEach((service, a) -> rows.add(row(service, a, BillFamilies.CARRIED)));
    return rows;
  }

  private static List<Reconciliation.Row> byService(CostSide current, BillFamilies families, Billing.Month month,
      BillCoverage coverage) {
    // model service -> the Cost Explorer service it is billed under
    Map<String, String> billedAs = new TreeMap<>();
    families.services().forEach(r -> r.model().forEach(m -> billedAs.put(m, r.service())));
    Map<String, Acc> modelled = new TreeMap<>();
    Map<String, TreeSet<String>> ourNames = new TreeMap<>();
    for (CostLine l : current.lines()) {
      if (fromBillAmount(l)) {
        continue;
      }
      String ce = billedAs.getOrDefault(l.service(), l.service());
      Acc a = modelled.computeIfAbsent(ce, s -> new Acc());
      a.modelled = a.modelled.add(l.monthlyUsd());
      a.services.add(ce);
      ourNames.computeIfAbsent(ce, s -> new TreeSet<>()).add(l.service());
    }
    Map<String, Acc> carried = new TreeMap<>();
    for (BillCoverage.Line b : coverage.lines()) {
      if (BillFamilies.MODELLED.equals(b.coverage())) {
        Acc a = modelled.computeIfAbsent(b.service(), s -> new Acc());
        a.billed = a.billed.add(b.amountUsd());
        a.services.add(b.service());
      } else {
        Acc a = carried.computeIfAbsent(b.service(), s -> new Acc());
        a.billed = a.billed.add(b.amountUsd());
        a.modelled = a.modelled.add(b.amountUsd());
        a.services.add(b.service());
      }
    }
    List<Reconciliation.Row> rows = new ArrayList<>();
    modelled.forEach((ce, a) -> rows.add(row(String.join(" + ", ourNames.getOrDefault(ce, new TreeSet<>(List.of(ce)))), a,
        BillFamilies.MODELLED)));
    carried.forEach((service, a) -> rows.add(row(service, a, BillFamilies.CARRIED)));
    return rows;
  }

  private static Reconciliation.Row row(String name, Acc a, String coverage) {
    BigDecimal diff = a.modelled.subtract(a.billed);
    return new Reconciliation.Row(name, List.copyOf(a.services), a.modelled, a.billed, diff, pct(diff, a.billed), coverage,
        List.copyOf(a.usageTypes));
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

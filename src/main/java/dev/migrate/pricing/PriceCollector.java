package dev.migrate.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Gathers what the API products and SKUs say about each book key, then settles one price per key:
 * SKUs agreeing on a key count once; SKUs that each give fixed tiers of one key (io2 IOPS) are joined;
 * {@code min}/{@code max} keys keep the cheapest/dearest SKU; SKUs that disagree make the key
 * <em>not refreshed</em> (with the reason), never a guess. A zero-priced SKU loses to a priced one for
 * the same key (AWS publishes both for some regions).
 */
final class PriceCollector {
  /** One SKU's view of a key. */
  record Candidate(PriceKey key, String unit, List<Tier> tiers, String sku, String aggregate) {
    String signature() {
      return tiers.stream().map(t -> t.from().stripTrailingZeros().toPlainString() + "-"
          + (t.to() == null ? "" : t.to().stripTrailingZeros().toPlainString()) + "@" + t.usd().stripTrailingZeros().toPlainString())
          .collect(Collectors.joining(","));
    }

    boolean free() {
      return tiers.stream().allMatch(t -> t.usd().signum() == 0);
    }
  }

  /** Settled prices, and why keys that were seen could not be settled. */
  record Result(List<FetchedPrice> prices, Map<String, String> reasons) {}

  private final Map<String, List<Candidate>> byKey = new TreeMap<>();
  private final Map<String, String> reasons = new TreeMap<>();

  void add(Candidate c) {
    byKey.computeIfAbsent(c.key().toString(), k -> new ArrayList<>()).add(c);
  }

  /** Records that a key was seen but could not be read (unit, tiers). */
  void reject(PriceKey key, String reason) {
    reasons.putIfAbsent(key.toString(), reason);
  }

  Result resolve() {
    List<FetchedPrice> out = new ArrayList<>();
    Map<String, String> why = new TreeMap<>(reasons);
    for (var e : byKey.entrySet()) {
      List<Candidate> cs = new ArrayList<>(e.getValue());
      cs.sort(Comparator.comparing(Candidate::sku));
      try {
        out.add(settle(cs));
        why.remove(e.getKey());
      } catch (IllegalStateException ex) {
        why.put(e.getKey(), ex.getMessage());
      }
    }
    return new Result(out, why);
  }

  private static FetchedPrice settle(List<Candidate> cs) {
    Candidate first = cs.get(0);
    for (Candidate c : cs) {
      if (!c.unit().equals(first.unit())) {
        throw new IllegalStateException("ambiguous: SKUs " + first.sku() + " and " + c.sku() + " give different units");
      }
    }
    if (first.aggregate() != null) {
      Comparator<Candidate> byUsd = Comparator.comparing(c -> c.tiers().get(0).usd());
      Candidate pick = first.aggregate().equals("min") ? cs.stream().min(byUsd).orElseThrow() : cs.stream().max(byUsd).orElseThrow();
      Tier t = pick.tiers().get(0);
      String note = join(t.note(), first.aggregate() + " of " + cs.size() + " SKUs");
      return new FetchedPrice(first.key(), first.unit(),
          List.of(new Tier(BigDecimal.ZERO, null, t.usd(), t.source(), t.asOf(), note, t.origin())));
    }
    // group by where each SKU's tiers start; within a start, identical SKUs count once
    Map<BigDecimal, Map<String, Candidate>> byStart = new TreeMap<>();
    for (Candidate c : cs) {
      byStart.computeIfAbsent(c.tiers().get(0).from(), k -> new LinkedHashMap<>()).putIfAbsent(c.signature(), c);
    }
    List<Tier> tiers = new ArrayList<>();
    for (Map<String, Candidate> distinct : byStart.values()) {
      List<Candidate> options = new ArrayList<>(distinct.values());
      if (options.size() > 1 && options.stream().anyMatch(c -> !c.free())) {
        options.removeIf(Candidate::free);
      }
      if (options.size() > 1) {
        throw new IllegalStateException("ambiguous: SKUs " + options.stream()
            .map(c -> c.sku() + " (" + c.tiers().get(0).usd().stripTrailingZeros().toPlainString() + ")")
            .collect(Collectors.joining(", ")) + " disagree");
      }
      tiers.addAll(options.get(0).tiers());
    }
    BigDecimal expected = BigDecimal.ZERO;
    for (Tier t : tiers) {
      if (expected == null || t.from().compareTo(expected) != 0) {
        throw new IllegalStateException("tiers in the source are not contiguous from 0 (a tier starts at "
            + t.from().stripTrailingZeros().toPlainString() + ")");
      }
      expected = t.to();
    }
    return new FetchedPrice(first.key(), first.unit(), tiers);
  }

  /**
   * Leading zero-priced tiers are a free allowance in the source; the book prices allowances as their own
   * rows (free-internet-out, free-data-transfer-out), so the first priced tier starts at 0 instead.
   */
  static List<Tier> foldFreeLeadingTiers(List<Tier> tiers, String unit) {
    int i = 0;
    while (i < tiers.size() - 1 && tiers.get(i).usd().signum() == 0) {
      i++;
    }
    if (i == 0) {
      return tiers;
    }
    Tier firstPaid = tiers.get(i);
    String note = join(firstPaid.note(), "source's first " + firstPaid.from().stripTrailingZeros().toPlainString()
        + " " + unit + " are free; the book keeps free allowances as separate rows");
    List<Tier> out = new ArrayList<>();
    out.add(new Tier(BigDecimal.ZERO, firstPaid.to(), firstPaid.usd(), firstPaid.source(), firstPaid.asOf(), note,
        firstPaid.origin()));
    out.addAll(tiers.subList(i + 1, tiers.size()));
    return out;
  }

  static String join(String a, String b) {
    if (a == null || a.isEmpty()) {
      return b;
    }
    return Objects.equals(a, b) ? a : a + "; " + b;
  }
}

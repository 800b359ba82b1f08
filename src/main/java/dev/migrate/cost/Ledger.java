package dev.migrate.cost;

import dev.migrate.cost.CostLine.Driver;
import dev.migrate.pricing.Price;
import dev.migrate.pricing.PriceBook;
import dev.migrate.pricing.PriceKey;
import dev.migrate.pricing.Tier;
import dev.migrate.pricing.TierSlice;
import dev.migrate.pricing.Tiers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the cost lines and missing prices of one phase. Every line is quantity x unit price
 * from the price book (or, for commitments, from the snapshot), with the price's key, source and
 * date. Volume tiers and free allowances are pools shared by the items that draw on them, in the
 * order the items are priced (item-id order), so the lines of all items add up to the tiered
 * price of the total.
 */
final class Ledger {
  /** Who a line belongs to. */
  record Item(String id, String name, String app) {}

  private final Phase phase;
  private final PriceBook book;
  private final List<CostLine> lines = new ArrayList<>();
  private final List<MissingPrice> missing = new ArrayList<>();
  private final Map<String, BigDecimal> pools = new HashMap<>();
  private final List<TrafficCurve.Demand> demands = new ArrayList<>();
  /**
   * The text of each key priced so far: one String per distinct key, shared by its lines, instead of one per line
   * (an estate has few distinct keys and many lines; the lines live until the reports are written).
   */
  private final Map<PriceKey, String> keyTexts = new HashMap<>();
  /** The pool name of each free allowance drawn on so far ("allowance:" + key). */
  private final Map<PriceKey, String> allowancePools = new HashMap<>();

  Ledger(Phase phase, PriceBook book) {
    this.phase = phase;
    this.book = book;
  }

  List<CostLine> lines() {
    return lines;
  }

  List<MissingPrice> missing() {
    return missing;
  }

  /** The traffic quantities priced through an allowance or volume tiers, in pricing order. */
  List<TrafficCurve.Demand> demands() {
    return demands;
  }

  PriceBook book() {
    return book;
  }

  /**
   * The price of a key (estimated from the nearest region that has it when the key's region lacks
   * it, see {@link PriceBook#lookup}), or records it as missing for this item and component.
   */
  Price price(Item item, String component, PriceKey key) {
    Price p = book.lookup(key).orElse(null);
    if (p == null) {
      missing(item, component, text(key));
    }
    return p;
  }

  /** The key's text, shared by every line of the key. */
  String text(PriceKey key) {
    String t = keyTexts.get(key);
    if (t == null) {
      t = key.toString();
      keyTexts.put(key, t);
    }
    return t;
  }

  void missing(Item item, String component, String key) {
    missing.add(new MissingPrice(phase, item.id(), component, key));
  }

  /** quantity x the key's (first-tier) unit price; returns the amount, or null when the price is missing. */
  BigDecimal flat(Item item, String service, Driver driver, String component, BigDecimal quantity, PriceKey key) {
    return machine(item, service, driver, null, component, quantity, key);
  }

  /** {@link #flat} for the hours of one machine type (on-demand, Spot or committed use). */
  BigDecimal machine(Item item, String service, Driver driver, String machineType, String component, BigDecimal quantity,
      PriceKey key) {
    if (quantity.signum() == 0) {
      return BigDecimal.ZERO;
    }
    Price p = price(item, component, key);
    if (p == null) {
      return null;
    }
    Tier t = p.flat();
    BigDecimal amount = quantity.multiply(t.usd());
    add(item, service, driver, machineType, component, quantity, p.unit(), text(key), t.usd(), t.source(), t.asOf(),
        amount, p.estimated());
    return amount;
  }

  /**
   * Prices a quantity through volume tiers shared by {@code pool}: one line per tier touched,
   * named "component [from-to unit]". A quantity beyond the last tier is reported missing.
   */
  BigDecimal tiered(Item item, String service, Driver driver, String component, BigDecimal quantity, PriceKey key,
      String pool) {
    if (quantity.signum() == 0) {
      return BigDecimal.ZERO;
    }
    Price p = price(item, component, key);
    if (p == null) {
      return null;
    }
    if (!p.tiered()) {
      return flat(item, service, driver, component, quantity, key);
    }
    BigDecimal used = pools.getOrDefault(pool, BigDecimal.ZERO);
    List<TierSlice> slices = Tiers.split(p, used, quantity);
    BigDecimal total = BigDecimal.ZERO;
    String keyText = text(key);
    for (TierSlice s : slices) {
      Tier t = s.tier();
      add(item, service, driver, null, component + " [" + t.bounds() + " " + p.unit() + "]", s.quantity(), p.unit(),
          keyText, t.usd(), t.source(), t.asOf(), s.usd(), p.estimated());
      total = total.add(s.usd());
    }
    pools.put(pool, used.add(quantity));
    BigDecimal left = Tiers.unpriced(quantity, slices);
    if (left.signum() > 0) {
      missing(item, component + " beyond the last tier (" + left.toPlainString() + " " + p.unit() + ")", keyText);
    }
    return total;
  }

  /**
   * Draws a quantity from a free monthly allowance (a price-book row at USD 0 whose tier end is
   * the allowance). Writes a USD 0 line for the part that is free and returns what is left to pay.
   */
  BigDecimal allowance(Item item, String service, Driver driver, String component, BigDecimal quantity, PriceKey key) {
    if (quantity.signum() == 0) {
      return quantity;
    }
    Price p = book.lookup(key).orElse(null);
    if (p == null || p.flat().to() == null) {
      missing(item, component, text(key));
      return quantity;
    }
    Tier t = p.flat();
    String pool = allowancePools.computeIfAbsent(key, k -> "allowance:" + text(k));
    BigDecimal used = pools.getOrDefault(pool, BigDecimal.ZERO);
    BigDecimal free = t.to().subtract(used).max(BigDecimal.ZERO).min(quantity);
    if (free.signum() > 0) {
      pools.put(pool, used.add(free));
      add(item, service, driver, null, component, free, p.unit(), text(key), t.usd(), t.source(), t.asOf(),
          free.multiply(t.usd()), p.estimated());
    }
    return quantity.subtract(free);
  }

  /**
   * A traffic-driven quantity: drawn from the free allowance {@code allowanceKey} first (when not
   * null), the rest priced through the volume tiers of {@code key} shared in {@code pool}, or flat
   * when {@code pool} is null. Kept as a {@link TrafficCurve.Demand} when an allowance or a tier
   * makes its cost non-linear, so the hybrid timeline can price it at other traffic levels.
   * Returns the amount of the paid part, or null when its price is missing.
   */
  BigDecimal traffic(Item item, String service, Driver driver, String component, BigDecimal quantity,
      PriceKey allowanceKey, String allowanceComponent, PriceKey key, String pool) {
    BigDecimal pay = quantity;
    Price allowance = null;
    if (allowanceKey != null) {
      pay = allowance(item, service, driver, allowanceComponent, quantity, allowanceKey);
      allowance = book.lookup(allowanceKey).filter(p -> p.flat().to() != null).orElse(null);
    }
    BigDecimal amount = pool == null ? flat(item, service, driver, component, pay, key)
        : tiered(item, service, driver, component, pay, key, pool);
    Price payer = book.lookup(key).orElse(null);
    if (quantity.signum() > 0 && (allowance != null || (pool != null && payer != null && payer.tiered()))) {
      demands.add(new TrafficCurve.Demand(quantity, allowance, payer, pool));
    }
    return amount;
  }

  /** A line whose unit price does not come from the book (commitments from the snapshot, discounts). */
  void add(Item item, String service, Driver driver, String component, BigDecimal quantity, String unit, String priceKey,
      BigDecimal unitPriceUsd, String source, LocalDate asOf, BigDecimal amount) {
    add(item, service, driver, null, component, quantity, unit, priceKey, unitPriceUsd, source, asOf, amount);
  }

  /** {@link #add} for a line about the hours of one machine type. */
  void add(Item item, String service, Driver driver, String machineType, String component, BigDecimal quantity,
      String unit, String priceKey, BigDecimal unitPriceUsd, String source, LocalDate asOf, BigDecimal amount) {
    add(item, service, driver, machineType, component, quantity, unit, priceKey, unitPriceUsd, source, asOf, amount, false);
  }

  /** {@link #add}; {@code estimated} when the unit price is another region's (a discount on an estimated line is one too). */
  void add(Item item, String service, Driver driver, String machineType, String component, BigDecimal quantity,
      String unit, String priceKey, BigDecimal unitPriceUsd, String source, LocalDate asOf, BigDecimal amount,
      boolean estimated) {
    lines.add(new CostLine(phase, item.id(), item.name(), item.app(), service, component, quantity, unit,
        priceKey, unitPriceUsd, source, asOf, amount, driver, machineType, estimated));
  }
}

package dev.migrate.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A priced key with its tiers (one tier for a flat price), sorted by tier start.
 *
 * @param key       the key as stored (its region may be {@code all}), or the key asked for when estimated
 * @param unit      the unit all tiers are priced in, e.g. hour, GB, GiB-month, 10k requests
 * @param tiers     tiers sorted by {@code from}, contiguous from 0
 * @param estimate  how the price was estimated from another region, or null when the book has it for the key
 */
public record Price(PriceKey key, String unit, List<Tier> tiers, Estimate estimate) {
  public Price {
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("a price needs at least one tier: " + key);
    }
  }

  /** A price the book holds for its key. */
  public Price(PriceKey key, String unit, List<Tier> tiers) {
    this(key, unit, tiers, null);
  }

  /** Whether this price was taken from another region (see {@link PriceBook#lookup}). */
  public boolean estimated() {
    return estimate != null;
  }

  public boolean tiered() {
    return tiers.size() > 1 || tiers.get(0).to() != null;
  }

  /** The first tier: the price of a flat key. */
  public Tier flat() {
    return tiers.get(0);
  }

  public BigDecimal usd() {
    return tiers.get(0).usd();
  }
}

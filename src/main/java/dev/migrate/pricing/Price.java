package dev.migrate.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A priced key with its tiers (one tier for a flat price), sorted by tier start.
 *
 * @param key    the key as stored (its region may be {@code all})
 * @param unit   the unit all tiers are priced in, e.g. hour, GB, GiB-month, 10k requests
 * @param tiers  tiers sorted by {@code from}, contiguous from 0
 */
public record Price(PriceKey key, String unit, List<Tier> tiers) {
  public Price {
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("a price needs at least one tier: " + key);
    }
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

package dev.migrate.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit price read from a live price API: one tier for a flat price, several for a volume-tiered one.
 *
 * @param key    where it goes in the book
 * @param unit   unit, as the book names it (hour, GiB-month, ...)
 * @param tiers  tiers sorted by start, contiguous from 0, each with the API and SKU it was read from and the
 *               effective or publication date the API gave
 */
public record FetchedPrice(PriceKey key, String unit, List<Tier> tiers) {
  public FetchedPrice {
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("a fetched price needs a tier: " + key);
    }
  }

  /** A flat price. */
  public FetchedPrice(PriceKey key, BigDecimal usd, String unit, String source, LocalDate asOf) {
    this(key, unit, List.of(new Tier(BigDecimal.ZERO, null, usd, source, asOf, "", "fetched")));
  }

  /** USD per unit of the first tier. */
  public BigDecimal usd() {
    return tiers.get(0).usd();
  }

  public String source() {
    return tiers.get(0).source();
  }

  public LocalDate asOf() {
    return tiers.get(0).asOf();
  }
}

package dev.migrate.pricing;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How a price missing in a region was estimated: the same key in the nearest region that has it
 * (great-circle distance between the regions' locations in the book's {@code regions.csv}), times a
 * regional factor.
 *
 * @param from         the key the price was read from (same provider, service and sku; another region)
 * @param distanceKm   great-circle distance between the two regions, km (rounded)
 * @param factor       the multiplier applied to every tier (1 when the provider publishes no regional factor)
 * @param factorBasis  where the factor comes from, in words
 */
public record Estimate(PriceKey from, long distanceKm, BigDecimal factor, String factorBasis) {
  /** One line for a cost line's source: which region, how far, which factor. */
  public String describe() {
    return "estimated from " + from.region() + " (nearest region with this price, "
        + String.format(Locale.ROOT, "%,d", distanceKm) + " km away; factor "
        + factor.stripTrailingZeros().toPlainString() + ": " + factorBasis + ")";
  }
}

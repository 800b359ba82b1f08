package dev.migrate.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tier arithmetic. Volume tiers apply to a monthly total (per account or project, per region or
 * geography), so when several items share a pool the caller passes how much of the pool earlier
 * items already used: the item's quantity then continues from there. Priced in item-id order,
 * the slices of all items add up to exactly the tiered price of the pool's total.
 */
public final class Tiers {
  private Tiers() {}

  /**
   * Splits {@code quantity}, which starts at {@code alreadyUsed} of the monthly pool, over the tiers.
   * A quantity beyond the last tier's end has no price: the returned slices then cover less than
   * {@code quantity} and {@link #unpriced} says how much is left.
   */
  public static List<TierSlice> split(Price price, BigDecimal alreadyUsed, BigDecimal quantity) {
    List<TierSlice> slices = new ArrayList<>(2);
    if (quantity.signum() <= 0) {
      return slices;
    }
    BigDecimal start = alreadyUsed;
    BigDecimal end = alreadyUsed.add(quantity);
    for (Tier t : price.tiers()) {
      BigDecimal lo = t.from().max(start);
      BigDecimal hi = t.to() == null ? end : t.to().min(end);
      if (hi.compareTo(lo) > 0) {
        BigDecimal q = hi.subtract(lo);
        slices.add(new TierSlice(t, q, q.multiply(t.usd())));
      }
    }
    return slices;
  }

  /** What {@code split} could not place in any tier (beyond the last tier, or before the first). */
  public static BigDecimal unpriced(BigDecimal quantity, List<TierSlice> slices) {
    BigDecimal placed = slices.stream().map(TierSlice::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    return quantity.subtract(placed).max(BigDecimal.ZERO);
  }
}

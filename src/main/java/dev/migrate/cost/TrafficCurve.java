package dev.migrate.cost;

import dev.migrate.pricing.Price;
import dev.migrate.pricing.TierSlice;
import dev.migrate.pricing.Tiers;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the traffic-driven cost of each side departs from a straight line when traffic grows.
 * Most traffic charges are a unit price times a quantity, so at k times the traffic they cost k
 * times as much; but free monthly allowances (the first 100 GB of AWS data transfer out, the
 * CloudFront free tier) stay the same size, and volume tiers get cheaper past their bounds.
 * The cost model records every traffic quantity that draws on an allowance or a tiered price,
 * in the order it priced them, so that they can be priced again at any traffic multiple with
 * the same pools: {@link #nonLinearUsd} is what a straight-line scaling of today's lines misses.
 */
public final class TrafficCurve {
  /** No allowance or tier: traffic cost scales in a straight line. */
  public static final TrafficCurve LINEAR = new TrafficCurve(List.of(), List.of());

  /**
   * One traffic quantity of one item, as the cost model priced it.
   *
   * @param quantity   monthly quantity at today's traffic, in the price's unit
   * @param allowance  the free allowance drawn first (a USD 0 price whose tier end is the allowance), or null
   * @param payer      the price of what the allowance leaves, or null when that price is missing
   * @param pool       the volume-tier pool the payer shares with other items, or null for a flat price
   */
  record Demand(BigDecimal quantity, Price allowance, Price payer, String pool) {}

  private final List<Demand> current;
  private final List<Demand> target;
  /** What the demands of each side cost at today's traffic (the sum of their cost lines). */
  private final BigDecimal currentToday;
  private final BigDecimal targetToday;

  TrafficCurve(List<Demand> current, List<Demand> target) {
    this.current = List.copyOf(current);
    this.target = List.copyOf(target);
    this.currentToday = usdAt(this.current, BigDecimal.ONE);
    this.targetToday = usdAt(this.target, BigDecimal.ONE);
  }

  /**
   * At {@code multiple} times today's traffic: the exact monthly USD of the allowance and tiered
   * traffic charges of {@code phase}, minus {@code multiple} times what they cost today. Zero at
   * 1; positive when growth outruns a free allowance (its size does not grow with the traffic),
   * negative when the grown quantity reaches cheaper volume tiers.
   */
  public BigDecimal nonLinearUsd(Phase phase, BigDecimal multiple) {
    List<Demand> demands = phase == Phase.CURRENT ? current : target;
    if (demands.isEmpty() || multiple.compareTo(BigDecimal.ONE) == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal today = phase == Phase.CURRENT ? currentToday : targetToday;
    return usdAt(demands, multiple).subtract(today.multiply(multiple));
  }

  /** Prices every demand at {@code multiple} times its quantity, in the order the cost model did. */
  private static BigDecimal usdAt(List<Demand> demands, BigDecimal multiple) {
    Map<String, BigDecimal> used = new HashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Demand d : demands) {
      BigDecimal q = d.quantity().multiply(multiple);
      if (d.allowance() != null) {
        String pool = "allowance:" + d.allowance().key();
        BigDecimal before = used.getOrDefault(pool, BigDecimal.ZERO);
        BigDecimal free = d.allowance().flat().to().subtract(before).max(BigDecimal.ZERO).min(q);
        used.put(pool, before.add(free));
        total = total.add(free.multiply(d.allowance().flat().usd()));
        q = q.subtract(free);
      }
      if (d.payer() == null || q.signum() <= 0) {
        continue;
      }
      if (d.pool() == null || !d.payer().tiered()) {
        total = total.add(q.multiply(d.payer().flat().usd()));
      } else {
        BigDecimal before = used.getOrDefault(d.pool(), BigDecimal.ZERO);
        for (TierSlice s : Tiers.split(d.payer(), before, q)) {
          total = total.add(s.usd());
        }
        used.put(d.pool(), before.add(q));
      }
    }
    return total;
  }
}

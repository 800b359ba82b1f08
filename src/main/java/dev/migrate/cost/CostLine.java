package dev.migrate.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One priced component of one item: quantity x unit price = monthly USD, with the price's
 * key, source and date so that every figure can be traced. Amounts are not rounded.
 *
 * @param phase         CURRENT or TARGET (HYBRID lines live in the timeline)
 * @param itemId        inventory item (or mapping) the cost belongs to
 * @param itemName      name for people
 * @param app           value of the application tag, or "(untagged)"
 * @param service       billing service, e.g. "Amazon EC2", "Compute Engine", "Cloud CDN"
 * @param component     what is charged, e.g. "instance hours", "LCU hours", "egress 0-10 TB"
 * @param quantity      quantity per month in {@code unit}
 * @param unit          e.g. "hour", "GiB-month", "GiB", "10k requests"
 * @param priceKey      price book key, e.g. "aws/ec2/m5.large/ap-northeast-1"
 * @param unitPriceUsd  USD per unit
 * @param priceSource   where the unit price comes from
 * @param priceAsOf     date of the unit price
 * @param monthlyUsd    quantity x unit price (after discounts, which are their own lines)
 */
public record CostLine(
    Phase phase,
    String itemId,
    String itemName,
    String app,
    String service,
    String component,
    BigDecimal quantity,
    String unit,
    String priceKey,
    BigDecimal unitPriceUsd,
    String priceSource,
    LocalDate priceAsOf,
    BigDecimal monthlyUsd) {
  public CostLine {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(monthlyUsd, "monthlyUsd");
  }
}

package dev.migrate.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One priced component of one item: quantity x unit price = monthly USD, with the price's
 * key, source and date so that every figure can be traced. Amounts are not rounded.
 *
 * <p>The pricer that writes a line also says what drives it ({@link Driver}) and, for machine
 * hours, which machine type: later stages (the what-if) classify lines by these typed fields,
 * never by the words of {@code component}, {@code unit} or {@code priceKey}, which are for people.
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
 * @param driver        what makes the amount move (traffic, held capacity, machine hours and how bought, ...)
 * @param machineType   the machine (EC2 instance type or Compute Engine machine type) whose hours a
 *                      {@link Driver#COMPUTE_ON_DEMAND}, {@link Driver#COMPUTE_SPOT}, {@link Driver#COMMITTED}
 *                      or {@link Driver#SUSTAINED_USE} line charges; null for other lines and for
 *                      compute not bought per machine (GKE Autopilot Pods, savings-plan totals)
 * @param estimated     the book has no price for the key's region: the unit price is the nearest region's
 *                      (the source says which region); counted in the totals and shown as the estimated share
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
    BigDecimal monthlyUsd,
    Driver driver,
    String machineType,
    boolean estimated) {

  /** What a line's amount scales with. */
  public enum Driver {
    /** A fee per hour or month for something that exists: load balancer hours, cluster fee, web ACL, licences, credits. */
    FIXED,
    /** Capacity held per month: GiB-months of disks and buckets, provisioned IOPS and throughput. */
    STORAGE,
    /** Machine hours (or Pod resources) at the on-demand list price. */
    COMPUTE_ON_DEMAND,
    /** Machine hours (or Pod resources) bought as Spot. */
    COMPUTE_SPOT,
    /**
     * Commitments and what they cover: reserved-instance and savings-plan fees, upfront payments spread
     * over the term, the on-demand value they take off, committed-use hours.
     */
    COMMITTED,
    /** Compute Engine's sustained-use discount on on-demand hours (negative). */
    SUSTAINED_USE,
    /** Bytes moved: data transfer out, egress, cache fill, bytes processed, load balancer capacity units. */
    TRAFFIC,
    /** Requests and operations: CDN and storage requests, web requests inspected. */
    REQUESTS,
    /**
     * Part of the bill that no model covers, carried at the same amount on both sides: one month of the
     * timeline counts it once (on AWS while anything runs there), never once per cloud.
     */
    CARRIED;

    /** True when the amount grows with the traffic served (bytes or requests). */
    public boolean traffic() {
      return this == TRAFFIC || this == REQUESTS;
    }
  }

  public CostLine {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(monthlyUsd, "monthlyUsd");
    Objects.requireNonNull(driver, "driver");
  }

  /** A line that charges no particular machine. */
  public CostLine(Phase phase, String itemId, String itemName, String app, String service, String component,
      BigDecimal quantity, String unit, String priceKey, BigDecimal unitPriceUsd, String priceSource, LocalDate priceAsOf,
      BigDecimal monthlyUsd, Driver driver) {
    this(phase, itemId, itemName, app, service, component, quantity, unit, priceKey, unitPriceUsd, priceSource, priceAsOf,
        monthlyUsd, driver, null);
  }

  /** A line priced from the book for its own key (not estimated). */
  public CostLine(Phase phase, String itemId, String itemName, String app, String service, String component,
      BigDecimal quantity, String unit, String priceKey, BigDecimal unitPriceUsd, String priceSource, LocalDate priceAsOf,
      BigDecimal monthlyUsd, Driver driver, String machineType) {
    this(phase, itemId, itemName, app, service, component, quantity, unit, priceKey, unitPriceUsd, priceSource, priceAsOf,
        monthlyUsd, driver, machineType, false);
  }
}

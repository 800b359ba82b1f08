package dev.migrate.cost;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.MigrationPlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The one immutable value that every reporter reads: the snapshot, its plan, both cost sides
 * and the figures derived from them. Built by the cost model, never changed afterwards.
 *
 * @param snapshot        the inventory it was computed from
 * @param plan            item to target
 * @param current         AWS today (CURRENT)
 * @param target          Google Cloud after the move (TARGET)
 * @param missingPrices   components that could not be priced (never counted as zero)
 * @param reconciliation  model against the bill, or null when the snapshot has no billing history
 * @param requests        cost per million requests, or null when no requests were measured
 * @param timelines       hybrid-phase projections, one per scenario (empty without what-if)
 * @param assumptions     every parameter used
 * @param priceBookDate   date of the price book
 * @param generatedAt     when the assessment was made (from the injected clock)
 * @param warnings        everything a reader must know, one line each
 * @param commitmentCoverage  reserved-instance and savings-plan coverage (Cost Explorer) and what
 *                        the model made of it, or null when the snapshot has no coverage
 * @param trafficCurve    how traffic cost departs from a straight line as traffic grows (for the hybrid timeline)
 * @param options         the cost options both sides were priced with (hours per month, pricing choices), which
 *                        the hybrid timeline prices its own months with
 * @param billCoverage    how much of AWS today is modelled, mapped or carried, and where each bill line landed
 * @param topology        the snapshot indexed by id with its links, built once per run and read by every stage after
 *                        the plan (what-if, dependencies, per-account totals); null indexes {@code snapshot} here
 */
public record Assessment(
    Snapshot snapshot,
    MigrationPlan plan,
    CostSide current,
    CostSide target,
    List<MissingPrice> missingPrices,
    Reconciliation reconciliation,
    RequestCosts requests,
    List<Timeline> timelines,
    List<Assumption> assumptions,
    LocalDate priceBookDate,
    Instant generatedAt,
    List<String> warnings,
    CommitmentCoverage commitmentCoverage,
    TrafficCurve trafficCurve,
    CostOptions options,
    BillCoverage billCoverage,
    Topology topology) {
  public Assessment {
    java.util.Objects.requireNonNull(options, "options");
    if (topology == null) {
      topology = Topology.of(snapshot);
    } else if (topology.snapshot() != snapshot) {
      throw new IllegalArgumentException("the topology indexes another snapshot than the assessment's");
    }
    trafficCurve = trafficCurve == null ? TrafficCurve.LINEAR : trafficCurve;
    missingPrices = List.copyOf(missingPrices);
    timelines = List.copyOf(timelines);
    assumptions = List.copyOf(assumptions);
    warnings = List.copyOf(warnings);
  }

  /**
   * An assessment without commitment coverage, with straight-line traffic costs, priced with the default
   * cost options (tests, fixtures).
   */
  public Assessment(Snapshot snapshot, MigrationPlan plan, CostSide current, CostSide target,
      List<MissingPrice> missingPrices, Reconciliation reconciliation, RequestCosts requests, List<Timeline> timelines,
      List<Assumption> assumptions, LocalDate priceBookDate, Instant generatedAt, List<String> warnings) {
    this(snapshot, plan, current, target, missingPrices, reconciliation, requests, timelines, assumptions,
        priceBookDate, generatedAt, warnings, null, null, CostOptions.defaults(), null, null);
  }

  /** An assessment without bill coverage (tests, fixtures). */
  public Assessment(Snapshot snapshot, MigrationPlan plan, CostSide current, CostSide target,
      List<MissingPrice> missingPrices, Reconciliation reconciliation, RequestCosts requests, List<Timeline> timelines,
      List<Assumption> assumptions, LocalDate priceBookDate, Instant generatedAt, List<String> warnings,
      CommitmentCoverage commitmentCoverage, TrafficCurve trafficCurve, CostOptions options) {
    this(snapshot, plan, current, target, missingPrices, reconciliation, requests, timelines, assumptions,
        priceBookDate, generatedAt, warnings, commitmentCoverage, trafficCurve, options, null, null);
  }

  /** An assessment that indexes its snapshot itself (tests, fixtures). */
  public Assessment(Snapshot snapshot, MigrationPlan plan, CostSide current, CostSide target,
      List<MissingPrice> missingPrices, Reconciliation reconciliation, RequestCosts requests, List<Timeline> timelines,
      List<Assumption> assumptions, LocalDate priceBookDate, Instant generatedAt, List<String> warnings,
      CommitmentCoverage commitmentCoverage, TrafficCurve trafficCurve, CostOptions options,
      BillCoverage billCoverage) {
    this(snapshot, plan, current, target, missingPrices, reconciliation, requests, timelines, assumptions,
        priceBookDate, generatedAt, warnings, commitmentCoverage, trafficCurve, options, billCoverage, null);
  }

  /**
   * (current - target) / current x 100, or null when today's cost is zero. Carried lines are the same on both
   * sides, so the saving is what the priced (modelled and mapped) part saves, as a share of the whole month.
   */
  public BigDecimal savingsPct() {
    if (current.monthlyUsd().signum() == 0) {
      return null;
    }
    return current.monthlyUsd().subtract(target.monthlyUsd())
        .multiply(BigDecimal.valueOf(100))
        .divide(current.monthlyUsd(), 4, java.math.RoundingMode.HALF_EVEN);
  }

  /**
   * The saving as a share of the part priced on both sides (AWS today minus what is carried), or null without
   * coverage or when that part is zero: what moving the priced part saves on that part.
   */
  public BigDecimal pricedSavingsPct() {
    if (billCoverage == null) {
      return null;
    }
    BigDecimal priced = current.monthlyUsd().subtract(billCoverage.carriedUsd());
    if (priced.signum() == 0) {
      return null;
    }
    return current.monthlyUsd().subtract(target.monthlyUsd()).multiply(BigDecimal.valueOf(100))
        .divide(priced, 4, java.math.RoundingMode.HALF_EVEN);
  }
}

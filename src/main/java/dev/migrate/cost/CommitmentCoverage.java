package dev.migrate.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What reserved instances and savings plans do to today's AWS cost: Cost Explorer's coverage
 * (the snapshot's {@code coverage}, whole calendar months) next to what the cost model made of
 * it. Cost Explorer sums are scaled to the model's month: amount x hours per month / hours in
 * {@code fromMonth..toMonth} ({@link #monthFactor}). Amounts are USD per month, hours are
 * instance-hours per month, percentages 0..100.
 *
 * @param fromMonth    first month Cost Explorer covered (inclusive)
 * @param toMonth      last month Cost Explorer covered (inclusive)
 * @param periodHours  hours in fromMonth..toMonth (e.g. 744 for October)
 * @param monthFactor  hours per month / periodHours: turns Cost Explorer's sums into the model's month
 * @param reservedInstances  reserved-instance coverage and the model's RI saving, or null when Cost Explorer's was not read
 * @param savingsPlans       savings-plan coverage and the model's SP saving, or null when Cost Explorer's was not read
 */
public record CommitmentCoverage(
    YearMonth fromMonth,
    YearMonth toMonth,
    BigDecimal periodHours,
    BigDecimal monthFactor,
    ReservedInstances reservedInstances,
    SavingsPlans savingsPlans) {

  public CommitmentCoverage {
    Objects.requireNonNull(fromMonth, "fromMonth");
    Objects.requireNonNull(toMonth, "toMonth");
  }

  /** "2026-10" or "2026-08..2026-10". */
  public String months() {
    return fromMonth.equals(toMonth) ? fromMonth.toString() : fromMonth + ".." + toMonth;
  }

  /**
   * Reserved instances: Cost Explorer's coverage against the hours the model lets the snapshot's
   * active RIs cover (same instance type, region and platform; no size flexibility, no RIs of
   * other accounts).
   *
   * @param coveragePct            Cost Explorer: reserved hours / running hours x 100, or null when nothing ran
   * @param reservedHours          Cost Explorer's reserved hours, per month
   * @param totalRunningHours      Cost Explorer's running hours of reservable usage, per month
   * @param modelledReservedHours  hours the model covers with the snapshot's RIs, per month
   * @param modelledSavingUsd      on-demand value of the covered hours minus the RIs' recurring and
   *                               amortised upfront charges, per month (negative when RIs cost more than they save)
   * @param groups                 per instance type and region, sorted by type then region
   * @param flagged                whether the model and Cost Explorer differ by more than the threshold
   */
  public record ReservedInstances(
      BigDecimal coveragePct,
      BigDecimal reservedHours,
      BigDecimal totalRunningHours,
      BigDecimal modelledReservedHours,
      BigDecimal modelledSavingUsd,
      List<Group> groups,
      boolean flagged) {
    public ReservedInstances {
      groups = List.copyOf(groups);
    }
  }

  /**
   * One instance type in one region ({@code *} when Cost Explorer grouped by type only).
   *
   * @param reservedHours          Cost Explorer's reserved hours, per month
   * @param modelledReservedHours  hours the model covers, per month
   * @param differenceHours        modelled - Cost Explorer
   * @param flagged                the difference is above the threshold
   */
  public record Group(
      String instanceType,
      String region,
      BigDecimal reservedHours,
      BigDecimal modelledReservedHours,
      BigDecimal differenceHours,
      boolean flagged) {}

  /**
   * Savings plans: Cost Explorer's coverage and utilisation, per month, and how the model used them.
   *
   * @param coveragePct          covered / eligible spend x 100 (Cost Explorer), or null
   * @param utilizationPct       used / commitment x 100 (Cost Explorer), or null
   * @param coveredUsd           on-demand value of the usage savings plans covered, per month
   * @param eligibleUsd          all eligible spend (Cost Explorer totalCost), per month
   * @param commitmentUsd        commitment, per month, or null when utilisation was not read
   * @param usedCommitmentUsd    commitment used, per month, or null
   * @param unusedCommitmentUsd  commitment paid but not used, per month, or null
   * @param netSavingsUsd        Cost Explorer's net savings (on-demand equivalent minus commitment), per month, or null
   * @param modelledSavingUsd    covered on-demand value taken off EC2 minus the plans' charges in the model, per month
   * @param applied              true when the covered value and discount come from Cost Explorer; false when the
   *                             model fell back to covering on-demand usage 1:1 (discount not modelled)
   */
  public record SavingsPlans(
      BigDecimal coveragePct,
      BigDecimal utilizationPct,
      BigDecimal coveredUsd,
      BigDecimal eligibleUsd,
      BigDecimal commitmentUsd,
      BigDecimal usedCommitmentUsd,
      BigDecimal unusedCommitmentUsd,
      BigDecimal netSavingsUsd,
      BigDecimal modelledSavingUsd,
      boolean applied) {}
}

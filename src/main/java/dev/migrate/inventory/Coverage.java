package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * How much of the account's usage reserved instances and savings plans covered over whole
 * calendar months (Cost Explorer). It tells how far today's real cost is below on-demand
 * prices, which the instance list alone cannot show. Percentages are 0..100; hours are
 * instance-hours; amounts are USD.
 *
 * @param fromMonth          first whole month covered (inclusive)
 * @param toMonth            last whole month covered (inclusive)
 * @param reservedInstances  EC2 reserved-instance coverage (ce:GetReservationCoverage), or null when not readable
 * @param savingsPlans       savings-plan coverage and utilisation (ce:GetSavingsPlansCoverage,
 *                           ce:GetSavingsPlansUtilization), or null when not readable
 */
public record Coverage(
    @JsonProperty(required = true) YearMonth fromMonth,
    @JsonProperty(required = true) YearMonth toMonth,
    ReservedInstances reservedInstances,
    SavingsPlans savingsPlans) {

  public Coverage {
    Objects.requireNonNull(fromMonth, "fromMonth");
    Objects.requireNonNull(toMonth, "toMonth");
  }

  /**
   * EC2 reserved-instance coverage in instance-hours, summed over the months.
   *
   * @param coveragePct        reservedHours / totalRunningHours x 100, or null when nothing ran
   * @param reservedHours      running hours a reservation covered
   * @param onDemandHours      running hours paid at on-demand rates
   * @param totalRunningHours  all running hours of reservable usage
   * @param onDemandCostUsd    what the uncovered hours cost at on-demand rates, or null if not reported
   * @param groups             the same per instance type and region, sorted by instance type then region
   */
  public record ReservedInstances(
      BigDecimal coveragePct,
      @JsonProperty(required = true) BigDecimal reservedHours,
      @JsonProperty(required = true) BigDecimal onDemandHours,
      @JsonProperty(required = true) BigDecimal totalRunningHours,
      BigDecimal onDemandCostUsd,
      List<Group> groups) {
    public ReservedInstances {
      Objects.requireNonNull(reservedHours, "reservedHours");
      Objects.requireNonNull(onDemandHours, "onDemandHours");
      Objects.requireNonNull(totalRunningHours, "totalRunningHours");
      groups = Lists.copy(groups);
    }
  }

  /**
   * Reserved-instance coverage of one instance type in one region, summed over the months.
   *
   * @param instanceType       e.g. m5.large
   * @param region             e.g. us-east-1, or {@code *} (every region) when Cost Explorer
   *                           refused to group by instance type and region together
   * @param coveragePct        reservedHours / totalRunningHours x 100, or null when nothing ran
   * @param reservedHours      hours covered by a reservation
   * @param onDemandHours      hours at on-demand rates
   * @param totalRunningHours  all running hours
   * @param onDemandCostUsd    cost of the on-demand hours, or null if not reported
   */
  public record Group(
      @JsonProperty(required = true) String instanceType,
      @JsonProperty(required = true) String region,
      BigDecimal coveragePct,
      @JsonProperty(required = true) BigDecimal reservedHours,
      @JsonProperty(required = true) BigDecimal onDemandHours,
      @JsonProperty(required = true) BigDecimal totalRunningHours,
      BigDecimal onDemandCostUsd) {
    public Group {
      Objects.requireNonNull(instanceType, "instanceType");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(reservedHours, "reservedHours");
      Objects.requireNonNull(onDemandHours, "onDemandHours");
      Objects.requireNonNull(totalRunningHours, "totalRunningHours");
    }
  }

  /**
   * Savings-plan coverage (spend) and utilisation (commitment), summed over the months.
   *
   * @param coveragePct          coveredUsd / totalCostUsd x 100, or null when there was no eligible spend
   * @param coveredUsd           eligible spend covered by savings plans (Cost Explorer SpendCoveredBySavingsPlans)
   * @param onDemandCostUsd      eligible spend paid at on-demand rates
   * @param totalCostUsd         all eligible spend (Compute: EC2, Fargate, Lambda)
   * @param utilizationPct       usedCommitmentUsd / commitmentUsd x 100, or null (no plan, or utilisation not readable)
   * @param commitmentUsd        commitment bought for the months, or null
   * @param usedCommitmentUsd    commitment that usage consumed, or null
   * @param unusedCommitmentUsd  commitment paid for but not used, or null
   * @param netSavingsUsd        on-demand equivalent minus what the plans cost, or null
   */
  public record SavingsPlans(
      BigDecimal coveragePct,
      @JsonProperty(required = true) BigDecimal coveredUsd,
      @JsonProperty(required = true) BigDecimal onDemandCostUsd,
      @JsonProperty(required = true) BigDecimal totalCostUsd,
      BigDecimal utilizationPct,
      BigDecimal commitmentUsd,
      BigDecimal usedCommitmentUsd,
      BigDecimal unusedCommitmentUsd,
      BigDecimal netSavingsUsd) {
    public SavingsPlans {
      Objects.requireNonNull(coveredUsd, "coveredUsd");
      Objects.requireNonNull(onDemandCostUsd, "onDemandCostUsd");
      Objects.requireNonNull(totalCostUsd, "totalCostUsd");
    }
  }
}

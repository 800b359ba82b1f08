package dev.migrate.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The month-by-month projection of one scenario through the hybrid phase.
 *
 * @param scenario      scenario name
 * @param months        one row per month, first month first
 * @param peakMonth     the month with the highest total
 * @param paybackMonth  first month where cumulative spend drops below staying on AWS, or null
 * @param warnings      link capacity, address overlap and similar warnings; blockers start with "BLOCKER:"
 * @param assumptions   every parameter the projection used (added for the what-if engine; may be empty)
 */
public record Timeline(
    String scenario,
    List<Month> months,
    YearMonth peakMonth,
    YearMonth paybackMonth,
    List<String> warnings,
    List<Assumption> assumptions) {
  public Timeline {
    months = List.copyOf(months);
    warnings = List.copyOf(warnings);
    assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
  }

  /** The original five-component form, without assumptions. */
  public Timeline(String scenario, List<Month> months, YearMonth peakMonth, YearMonth paybackMonth,
      List<String> warnings) {
    this(scenario, months, peakMonth, paybackMonth, warnings, List.of());
  }

  /**
   * @param month                 calendar month
   * @param awsUsd                AWS cost still running
   * @param gcpUsd                Google Cloud cost already running
   * @param linkUsd               VPN / Interconnect cost
   * @param interCloudTrafficUsd  egress both ways across the link
   * @param oneOffUsd             one-off costs that month (transfer, engineering)
   * @param totalUsd              sum of the above
   * @param stayOnAwsUsd          what the month would cost without migrating
   * @param cumulativeUsd         running total of {@code totalUsd}
   * @param cumulativeStayUsd     running total of {@code stayOnAwsUsd}
   * @param requests              requests served that month
   * @param perMillionUsd         totalUsd per million requests, or null when no requests were measured
   */
  public record Month(
      YearMonth month,
      BigDecimal awsUsd,
      BigDecimal gcpUsd,
      BigDecimal linkUsd,
      BigDecimal interCloudTrafficUsd,
      BigDecimal oneOffUsd,
      BigDecimal totalUsd,
      BigDecimal stayOnAwsUsd,
      BigDecimal cumulativeUsd,
      BigDecimal cumulativeStayUsd,
      long requests,
      BigDecimal perMillionUsd) {}
}

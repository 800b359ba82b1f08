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
 * @param description   what the scenario is, in one sentence ("proposed plan: 4 waves, ..."), or ""
 * @param waves         per wave, the traffic it exchanges with the rest of the estate and whether that was measured
 *                      (empty for a scenario without waves)
 */
public record Timeline(
    String scenario,
    List<Month> months,
    YearMonth peakMonth,
    YearMonth paybackMonth,
    List<String> warnings,
    List<Assumption> assumptions,
    String description,
    List<WaveTraffic> waves) {
  public Timeline {
    months = List.copyOf(months);
    warnings = List.copyOf(warnings);
    assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
    description = description == null ? "" : description;
    waves = waves == null ? List.of() : List.copyOf(waves);
  }

  /** The original five-component form, without assumptions. */
  public Timeline(String scenario, List<Month> months, YearMonth peakMonth, YearMonth paybackMonth,
      List<String> warnings) {
    this(scenario, months, peakMonth, paybackMonth, warnings, List.of(), "", List.of());
  }

  /** Without description and per-wave traffic. */
  public Timeline(String scenario, List<Month> months, YearMonth peakMonth, YearMonth paybackMonth,
      List<String> warnings, List<Assumption> assumptions) {
    this(scenario, months, peakMonth, paybackMonth, warnings, assumptions, "", List.of());
  }

  /** Whether crossing traffic was measured by flow logs, assumed, both, or there was none. */
  public static String basis(BigDecimal totalGib, BigDecimal measuredGib) {
    if (totalGib.signum() == 0) {
      return "none";
    }
    if (measuredGib.signum() == 0) {
      return "assumed";
    }
    return measuredGib.compareTo(totalGib) >= 0 ? "measured" : "measured and assumed";
  }

  /**
   * The traffic one wave exchanges with units outside it, both directions, GiB per month at today's
   * traffic: what crosses the link while the wave runs on the other cloud from everything else.
   *
   * @param wave         wave name
   * @param lands        the month it lands on Google Cloud
   * @param units        move units it takes
   * @param measuredGib  the part measured by flow logs
   * @param assumedGib   the part from the model's assumptions (no flows cover the pair)
   */
  public record WaveTraffic(String wave, YearMonth lands, int units, BigDecimal measuredGib, BigDecimal assumedGib) {
    /** measured, assumed, measured and assumed, or none. */
    public String basis() {
      return Timeline.basis(measuredGib.add(assumedGib), measuredGib);
    }
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
   * @param crossingGib           GiB that cross the link that month, both directions
   * @param measuredCrossingGib   the part of {@code crossingGib} measured by flow logs (the rest is assumed)
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
      BigDecimal perMillionUsd,
      BigDecimal crossingGib,
      BigDecimal measuredCrossingGib) {
    public Month {
      crossingGib = crossingGib == null ? BigDecimal.ZERO : crossingGib;
      measuredCrossingGib = measuredCrossingGib == null ? BigDecimal.ZERO : measuredCrossingGib;
    }

    /** Without crossing volumes (none recorded). */
    public Month(YearMonth month, BigDecimal awsUsd, BigDecimal gcpUsd, BigDecimal linkUsd,
        BigDecimal interCloudTrafficUsd, BigDecimal oneOffUsd, BigDecimal totalUsd, BigDecimal stayOnAwsUsd,
        BigDecimal cumulativeUsd, BigDecimal cumulativeStayUsd, long requests, BigDecimal perMillionUsd) {
      this(month, awsUsd, gcpUsd, linkUsd, interCloudTrafficUsd, oneOffUsd, totalUsd, stayOnAwsUsd, cumulativeUsd,
          cumulativeStayUsd, requests, perMillionUsd, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Whether this month's crossing traffic was measured, assumed, both, or there was none. */
    public String crossingBasis() {
      return Timeline.basis(crossingGib, measuredCrossingGib);
    }
  }
}

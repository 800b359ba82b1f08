package dev.migrate.collect;

import dev.migrate.inventory.Coverage;
import dev.migrate.inventory.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CoverageByTime;
import software.amazon.awssdk.services.costexplorer.model.DataUnavailableException;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.ReservationCoverageGroup;
import software.amazon.awssdk.services.costexplorer.model.SavingsPlansCoverage;

/**
 * Reserved-instance and savings-plan coverage (Cost Explorer) over the whole calendar months
 * of the window: they say how far today's real EC2 bill is below on-demand prices. Each of the
 * three calls fails on its own into a gap; a denied call never fails the run.
 */
final class CoverageCollector {
  static final List<String> ACTIONS = List.of("ce:GetReservationCoverage", "ce:GetSavingsPlansCoverage",
      "ce:GetSavingsPlansUtilization");
  /**
   * Cost Explorer answers these for the last 12 whole months and the current one
   * (GetReservationCoverage API reference, TimePeriod).
   */
  static final int MAX_MONTHS = 12;
  /** Decimal places of the percentages we compute (0..100). */
  private static final int PCT_SCALE = 4;

  private CoverageCollector() {}

  /**
   * The whole calendar months from the one the window starts in to the last one that ended
   * before {@code today}; at least that last month (a 14-day window rarely holds a whole
   * month), at most {@link #MAX_MONTHS}.
   *
   * @return first and last month, inclusive
   */
  static YearMonth[] months(Window window, LocalDate today) {
    YearMonth last = YearMonth.from(today).minusMonths(1);
    YearMonth first = YearMonth.from(LocalDate.ofInstant(window.start(), ZoneOffset.UTC));
    if (first.isAfter(last)) {
      first = last;
    }
    YearMonth earliest = YearMonth.from(today).minusMonths(MAX_MONTHS);
    if (first.isBefore(earliest)) {
      first = earliest;
    }
    return new YearMonth[] {first, last};
  }

  /** Collects what is readable into {@code sink.coverage}; returns the number of parts read (0..2). */
  static int collect(CostExplorerClient ce, Window window, LocalDate today, Sink sink) {
    YearMonth[] period = months(window, today);
    String start = period[0].atDay(1).toString();
    // Cost Explorer's end date is exclusive: the first day after the last month.
    String end = period[1].plusMonths(1).atDay(1).toString();
    Coverage.ReservedInstances ri = null;
    try {
      ri = reservedInstances(ce, start, end);
    } catch (RuntimeException e) {
      sink.gap("ce", "global", "reserved instance coverage (Cost Explorer)", e);
    }
    Coverage.SavingsPlans sp = null;
    try {
      sp = savingsPlans(ce, start, end, sink);
    } catch (RuntimeException e) {
      sink.gap("ce", "global", "savings plan coverage (Cost Explorer)", e);
    }
    if (ri != null || sp != null) {
      sink.coverage = new Coverage(period[0], period[1], ri, sp);
    }
    return (ri == null ? 0 : 1) + (sp == null ? 0 : 1);
  }

  /** Region of a group when Cost Explorer would only group by instance type. */
  static final String ALL_REGIONS = "*";

  private static Coverage.ReservedInstances reservedInstances(CostExplorerClient ce, String start, String end) {
    try {
      return reservedInstances(ce, start, end, true);
    } catch (AwsServiceException e) {
      // The API reference does not say how many group-by dimensions this operation takes; if
      // Cost Explorer refuses two, group by instance type alone (region "*") rather than lose it.
      if (!"ValidationException".equals(Faults.code(e))) {
        throw e;
      }
      return reservedInstances(ce, start, end, false);
    }
  }

  private static Coverage.ReservedInstances reservedInstances(CostExplorerClient ce, String start, String end,
      boolean byRegion) {
    // Grouped by instance type (and region); Cost Explorer then refuses a Granularity, and
    // answers for the whole period. Without a SERVICE filter it reports EC2 instances.
    List<GroupDefinition> groupBy = new ArrayList<>();
    groupBy.add(GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key("INSTANCE_TYPE").build());
    if (byRegion) {
      groupBy.add(GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key("REGION").build());
    }
    Map<String, BigDecimal[]> byGroup = new TreeMap<>();
    Map<String, String[]> keys = new TreeMap<>();
    String token = null;
    do {
      String t = token;
      var resp = ce.getReservationCoverage(r -> r.timePeriod(p -> p.start(start).end(end))
          .groupBy(groupBy)
          // Hours for the coverage, Cost for what the uncovered hours cost on demand.
          .metrics("Hour", "Cost")
          .nextPageToken(t));
      for (CoverageByTime byTime : resp.coveragesByTime()) {
        for (ReservationCoverageGroup g : byTime.groups()) {
          String type = attribute(g.attributes(), "instanceType");
          String region = byRegion ? attribute(g.attributes(), "region") : ALL_REGIONS;
          type = type == null ? "unknown" : type;
          region = region == null ? "unknown" : region;
          String key = type + "\u0000" + region;
          keys.putIfAbsent(key, new String[] {type, region});
          BigDecimal[] sums = byGroup.computeIfAbsent(key, k -> new BigDecimal[] {
              BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null});
          var c = g.coverage();
          if (c == null) {
            continue;
          }
          if (c.coverageHours() != null) {
            sums[0] = sums[0].add(decimal(c.coverageHours().reservedHours()));
            sums[1] = sums[1].add(decimal(c.coverageHours().onDemandHours()));
            sums[2] = sums[2].add(decimal(c.coverageHours().totalRunningHours()));
          }
          if (c.coverageCost() != null && c.coverageCost().onDemandCost() != null) {
            sums[3] = (sums[3] == null ? BigDecimal.ZERO : sums[3]).add(decimal(c.coverageCost().onDemandCost()));
          }
        }
      }
      token = resp.nextPageToken();
    } while (token != null && !token.isEmpty());
    List<Coverage.Group> groups = new ArrayList<>();
    BigDecimal reserved = BigDecimal.ZERO;
    BigDecimal onDemand = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal cost = null;
    for (var e : byGroup.entrySet()) {
      BigDecimal[] s = e.getValue();
      String[] k = keys.get(e.getKey());
      groups.add(new Coverage.Group(k[0], k[1], pct(s[0], s[2]), s[0], s[1], s[2], s[3]));
      reserved = reserved.add(s[0]);
      onDemand = onDemand.add(s[1]);
      total = total.add(s[2]);
      if (s[3] != null) {
        cost = (cost == null ? BigDecimal.ZERO : cost).add(s[3]);
      }
    }
    return new Coverage.ReservedInstances(pct(reserved, total), reserved, onDemand, total, cost, groups);
  }

  private static Coverage.SavingsPlans savingsPlans(CostExplorerClient ce, String start, String end, Sink sink) {
    BigDecimal covered = BigDecimal.ZERO;
    BigDecimal onDemand = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    String token = null;
    do {
      String t = token;
      var resp = ce.getSavingsPlansCoverage(r -> r.timePeriod(p -> p.start(start).end(end))
          .granularity(Granularity.MONTHLY).metrics("SpendCoveredBySavingsPlans").nextToken(t));
      for (SavingsPlansCoverage c : resp.savingsPlansCoverages()) {
        if (c.coverage() != null) {
          covered = covered.add(decimal(c.coverage().spendCoveredBySavingsPlans()));
          onDemand = onDemand.add(decimal(c.coverage().onDemandCost()));
          total = total.add(decimal(c.coverage().totalCost()));
        }
      }
      token = resp.nextToken();
    } while (token != null && !token.isEmpty());

    // Utilisation is only worth its request when coverage was readable.
    BigDecimal commitment = null;
    BigDecimal used = null;
    BigDecimal unused = null;
    BigDecimal net = null;
    try {
      var u = ce.getSavingsPlansUtilization(r -> r.timePeriod(p -> p.start(start).end(end))
          .granularity(Granularity.MONTHLY));
      if (u.total() != null && u.total().utilization() != null) {
        commitment = decimal(u.total().utilization().totalCommitment());
        used = decimal(u.total().utilization().usedCommitment());
        unused = decimal(u.total().utilization().unusedCommitment());
      }
      if (u.total() != null && u.total().savings() != null && u.total().savings().netSavings() != null) {
        net = decimal(u.total().savings().netSavings());
      }
    } catch (DataUnavailableException e) {
      // Cost Explorer answers DataUnavailable when the account had no savings plan in the
      // period: there is no utilisation to report, and nothing is missing.
    } catch (RuntimeException e) {
      sink.gap("ce", "global", "savings plan utilisation (Cost Explorer)", e);
    }
    return new Coverage.SavingsPlans(pct(covered, total), covered, onDemand, total,
        commitment == null ? null : pct(used, commitment), commitment, used, unused, net);
  }

  /**
   * A group attribute by name. Cost Explorer names them in camel case ({@code instanceType},
   * {@code region}); match loosely (case, underscores) so a differently spelt key still reads.
   */
  static String attribute(Map<String, String> attributes, String name) {
    String want = name.replace("_", "").toLowerCase(Locale.ROOT);
    for (var e : new TreeMap<>(attributes).entrySet()) {
      if (e.getKey().replace("_", "").toLowerCase(Locale.ROOT).equals(want)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static BigDecimal decimal(String s) {
    return s == null || s.isBlank() ? BigDecimal.ZERO : new BigDecimal(s.trim());
  }

  /** part / whole x 100 to {@link #PCT_SCALE} places, or null when whole is zero. */
  static BigDecimal pct(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, PCT_SCALE, RoundingMode.HALF_EVEN);
  }
}

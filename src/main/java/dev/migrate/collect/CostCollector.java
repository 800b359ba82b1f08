package dev.migrate.collect;

import dev.migrate.inventory.Billing;
import dev.migrate.inventory.UsageTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * Monthly unblended cost for the last 12 months (plus the month so far): by service, then by
 * service and usage type with the usage quantity and its unit.
 *
 * <p>Both queries leave out tax, credits and refunds (charge types Tax, Credit, Refund): they are
 * not usage that moves to another cloud, and leaving them out gives the same figures as AWS Data
 * Exports read by {@code migrate collect --bill-export}. Reservation and savings-plan fees, their
 * negations and negotiated discounts stay in, as in Cost Explorer's unblended cost.
 */
final class CostCollector {
  static final List<String> ACTIONS = List.of("ce:GetCostAndUsage");
  static final String METRIC = "UnblendedCost";
  static final String QUANTITY = "UsageQuantity";
  /** Cost Explorer charge types (dimension RECORD_TYPE) that are not part of the usage bill. */
  static final List<String> EXCLUDED_RECORD_TYPES = List.of("Credit", "Refund", "Tax");

  private CostCollector() {}

  /**
   * @param today the collection day (UTC); the period is the 12 whole months before its month
   *              and the current month up to today (exclusive), which Cost Explorer marks estimated
   * @return the number of months read
   */
  static int collect(CostExplorerClient ce, LocalDate today, Sink sink) {
    return collect(ce, today, null, sink);
  }

  /**
   * As {@link #collect(CostExplorerClient, LocalDate, Sink)}, both queries filtered to {@code linkedAccount} when it
   * is set: a management account's own Cost Explorer shows the whole organization's cost, of which only the
   * account's own part is its bill.
   */
  static int collect(CostExplorerClient ce, LocalDate today, String linkedAccount, Sink sink) {
    LocalDate start = start(today);
    // A paged answer may split one month's groups over pages: merge by month.
    Map<YearMonth, Map<String, BigDecimal>> byMonth = new TreeMap<>();
    Map<YearMonth, Boolean> estimated = new HashMap<>();
    for (ResultByTime r : pages(ce, start, today, List.of("SERVICE"), linkedAccount)) {
      YearMonth m = YearMonth.from(LocalDate.parse(r.timePeriod().start()));
      var services = byMonth.computeIfAbsent(m, k -> new TreeMap<>());
      estimated.merge(m, Boolean.TRUE.equals(r.estimated()), Boolean::logicalOr);
      for (var g : r.groups()) {
        var metric = g.metrics().get(METRIC);
        if (metric != null && metric.amount() != null && !g.keys().isEmpty()) {
          services.merge(g.keys().get(0), new BigDecimal(metric.amount()), BigDecimal::add);
        }
      }
    }
    return months(ce, start, today, linkedAccount, byMonth, estimated, sink);
  }

  private static LocalDate start(LocalDate today) {
    return today.withDayOfMonth(1).minusMonths(12);
  }

  /**
   * The months with their services, joined to the usage-type lines of a second query (of one linked account
   * when {@code linkedAccount} is set); when that query fails the months keep their services and the sink a gap.
   */
  private static int months(CostExplorerClient ce, LocalDate start, LocalDate today, String linkedAccount,
      Map<YearMonth, Map<String, BigDecimal>> byMonth, Map<YearMonth, Boolean> estimated, Sink sink) {
    Map<YearMonth, List<Billing.UsageLine>> lines = Map.of();
    try {
      lines = usageLines(ce, start, today, linkedAccount);
    } catch (RuntimeException e) {
      sink.gap("ce", "global", "monthly cost by usage type (Cost Explorer"
          + (linkedAccount == null ? ")" : " of the management account)"), e);
    }
    for (var e : byMonth.entrySet()) {
      List<Billing.ServiceCost> costs = new ArrayList<>();
      e.getValue().forEach((s, a) -> costs.add(new Billing.ServiceCost(s, a)));
      costs.sort(Comparator.comparing(Billing.ServiceCost::service));
      sink.months.add(new Billing.Month(e.getKey(), estimated.getOrDefault(e.getKey(), false), costs,
          lines.getOrDefault(e.getKey(), List.of())));
    }
    return byMonth.size();
  }

  /** Lines by month, sorted by service, usage type and region; one line per service and usage type. */
  private static Map<YearMonth, List<Billing.UsageLine>> usageLines(CostExplorerClient ce, LocalDate start,
      LocalDate end, String linkedAccount) {
    // month -> service \0 usage type -> {cost, quantity} and unit
    Map<YearMonth, Map<String, BigDecimal[]>> sums = new TreeMap<>();
    Map<String, String> units = new HashMap<>();
    for (ResultByTime r : pages(ce, start, end, List.of("SERVICE", "USAGE_TYPE"), linkedAccount)) {
      YearMonth m = YearMonth.from(LocalDate.parse(r.timePeriod().start()));
      var month = sums.computeIfAbsent(m, k -> new TreeMap<>());
      for (var g : r.groups()) {
        MetricValue cost = g.metrics().get(METRIC);
        if (g.keys().size() < 2 || cost == null || cost.amount() == null) {
          continue;
        }
        String key = g.keys().get(0) + "\u0000" + g.keys().get(1);
        BigDecimal[] sum = month.computeIfAbsent(key, k -> new BigDecimal[2]);
        sum[0] = add(sum[0], new BigDecimal(cost.amount()));
        MetricValue q = g.metrics().get(QUANTITY);
        String unit = q == null ? null : unit(q.unit());
        if (unit != null && q.amount() != null) {
          sum[1] = add(sum[1], new BigDecimal(q.amount()));
          units.putIfAbsent(m + "\u0000" + key, unit);
        }
      }
    }
    Map<YearMonth, List<Billing.UsageLine>> out = new TreeMap<>();
    sums.forEach((m, month) -> {
      List<Billing.UsageLine> list = new ArrayList<>();
      month.forEach((key, sum) -> {
        String[] k = key.split("\u0000", 2);
        String unit = units.get(m + "\u0000" + key);
        list.add(new Billing.UsageLine(k[0], k[1], UsageTypes.region(k[0], k[1]), UsageTypes.plain(sum[0]),
            unit == null ? null : UsageTypes.plain(sum[1]), unit));
      });
      out.put(m, list);   // the TreeMap's key order is service, then usage type; one region per usage type
    });
    return out;
  }

  /**
   * Every page of one monthly query grouped by the given dimensions (at most two, Cost Explorer's limit);
   * grouped by usage type it also asks for the usage quantity. With {@code linkedAccount} only that member
   * account's cost is counted (a management account's query).
   */
  private static List<ResultByTime> pages(CostExplorerClient ce, LocalDate start, LocalDate end, List<String> by,
      String linkedAccount) {
    List<GroupDefinition> groups = new ArrayList<>();
    by.forEach(k -> groups.add(GroupDefinition.builder().type(GroupDefinitionType.DIMENSION).key(k).build()));
    List<String> metrics = by.contains("USAGE_TYPE") ? List.of(METRIC, QUANTITY) : List.of(METRIC);
    Expression usageOnly = Expression.builder().not(Expression.builder()
        .dimensions(d -> d.key(Dimension.RECORD_TYPE).values(EXCLUDED_RECORD_TYPES)).build()).build();
    if (linkedAccount != null) {
      usageOnly = Expression.builder().and(usageOnly, Expression.builder()
          .dimensions(d -> d.key(Dimension.LINKED_ACCOUNT).values(linkedAccount)).build()).build();
    }
    List<ResultByTime> results = new ArrayList<>();
    String token = null;
    do {
      GetCostAndUsageRequest.Builder req = GetCostAndUsageRequest.builder()
          .timePeriod(p -> p.start(start.toString()).end(end.toString()))
          .granularity(Granularity.MONTHLY).metrics(metrics).groupBy(groups).filter(usageOnly)
          .nextPageToken(token);
      GetCostAndUsageResponse resp = ce.getCostAndUsage(req.build());
      results.addAll(resp.resultsByTime());
      token = resp.nextPageToken();
    } while (token != null && !token.isEmpty());
    return results;
  }

  /**
   * The bill of a whole organization from its management account: one query by linked account and service
   * for every account at once, then, per account, its usage-type lines (a query filtered to that account).
   * Each account's months are the same as its own Cost Explorer would give (every month of the period, with
   * the account's services; none when it had no cost).
   */
  static final class Consolidated {
    static final String MISSING = "monthly cost by linked account and service (Cost Explorer of the management account)";
    private final LocalDate today;
    private final Map<String, Map<YearMonth, Map<String, BigDecimal>>> byAccount = new HashMap<>();
    private final Map<YearMonth, Boolean> estimated = new TreeMap<>();

    private Consolidated(LocalDate today) {
      this.today = today;
    }

    /** Reads the by-account query; a refusal (not the management account, AccessDenied) is thrown. */
    static Consolidated read(CostExplorerClient ce, LocalDate today) {
      Consolidated c = new Consolidated(today);
      for (ResultByTime r : pages(ce, start(today), today, List.of("LINKED_ACCOUNT", "SERVICE"), null)) {
        YearMonth m = YearMonth.from(LocalDate.parse(r.timePeriod().start()));
        c.estimated.merge(m, Boolean.TRUE.equals(r.estimated()), Boolean::logicalOr);
        for (var g : r.groups()) {
          var metric = g.metrics().get(METRIC);
          if (metric != null && metric.amount() != null && g.keys().size() == 2) {
            c.byAccount.computeIfAbsent(g.keys().get(0), k -> new HashMap<>())
                .computeIfAbsent(m, k -> new TreeMap<>())
                .merge(g.keys().get(1), new BigDecimal(metric.amount()), BigDecimal::add);
          }
        }
      }
      return c;
    }

    /** Accounts with a cost in the period. */
    java.util.Set<String> accounts() {
      return java.util.Collections.unmodifiableSet(byAccount.keySet());
    }

    /** One account's months into {@code sink}, its usage-type lines read now; returns the months. */
    int collect(CostExplorerClient ce, String account, Sink sink) {
      Map<YearMonth, Map<String, BigDecimal>> own = byAccount.getOrDefault(account, Map.of());
      Map<YearMonth, Map<String, BigDecimal>> months = new TreeMap<>();
      estimated.keySet().forEach(m -> months.put(m, own.getOrDefault(m, Map.of())));
      return months(ce, start(today), today, account, months, estimated, sink);
    }
  }

  /** Cost Explorer answers "N/A" (or nothing) when a group's usage has no single unit. */
  private static String unit(String unit) {
    return unit == null || unit.isBlank() || unit.equals("N/A") ? null : unit;
  }

  private static BigDecimal add(BigDecimal a, BigDecimal b) {
    return a == null ? b : a.add(b);
  }
}

package dev.migrate.collect;

import dev.migrate.inventory.Billing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/** Monthly unblended cost by service for the last 12 months (plus the month so far). */
final class CostCollector {
  static final List<String> ACTIONS = List.of("ce:GetCostAndUsage");
  static final String METRIC = "UnblendedCost";

  private CostCollector() {}

  /**
   * @param today the collection day (UTC); the period is the 12 whole months before its month
   *              and the current month up to today (exclusive), which Cost Explorer marks estimated
   */
  static int collect(CostExplorerClient ce, LocalDate today, Sink sink) {
    LocalDate start = today.withDayOfMonth(1).minusMonths(12);
    String token = null;
    List<ResultByTime> results = new ArrayList<>();
    do {
      String t = token;
      var resp = ce.getCostAndUsage(r -> r.timePeriod(p -> p.start(start.toString()).end(today.toString()))
          .granularity(Granularity.MONTHLY).metrics(METRIC)
          .groupBy(g -> g.type(GroupDefinitionType.DIMENSION).key("SERVICE"))
          .nextPageToken(t));
      results.addAll(resp.resultsByTime());
      token = resp.nextPageToken();
    } while (token != null && !token.isEmpty());
    // A paged answer may split one month's groups over pages: merge by month.
    java.util.Map<YearMonth, java.util.Map<String, BigDecimal>> byMonth = new java.util.TreeMap<>();
    java.util.Map<YearMonth, Boolean> estimated = new java.util.HashMap<>();
    for (ResultByTime r : results) {
      YearMonth m = YearMonth.from(LocalDate.parse(r.timePeriod().start()));
      var services = byMonth.computeIfAbsent(m, k -> new java.util.TreeMap<>());
      estimated.merge(m, Boolean.TRUE.equals(r.estimated()), Boolean::logicalOr);
      for (var g : r.groups()) {
        var metric = g.metrics().get(METRIC);
        if (metric != null && metric.amount() != null && !g.keys().isEmpty()) {
          services.merge(g.keys().get(0), new BigDecimal(metric.amount()), BigDecimal::add);
        }
      }
    }
    byMonth.forEach((m, services) -> {
      List<Billing.ServiceCost> costs = new ArrayList<>();
      services.forEach((s, a) -> costs.add(new Billing.ServiceCost(s, a)));
      costs.sort(Comparator.comparing(Billing.ServiceCost::service));
      sink.months.add(new Billing.Month(m, estimated.getOrDefault(m, false), costs));
    });
    return byMonth.size();
  }
}

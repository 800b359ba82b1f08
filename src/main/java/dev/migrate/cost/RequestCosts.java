package dev.migrate.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * Cost per million requests, today and after the move, and how it moves with traffic.
 *
 * @param monthlyRequests      requests per month served to users (edge requests where a CDN fronts the site)
 * @param requestsSource       where the count comes from (cloudwatch, access-logs)
 * @param awsPerMillionUsd     CURRENT monthly USD / (monthly requests / 1e6)
 * @param gcpPerMillionUsd     TARGET monthly USD / (monthly requests / 1e6)
 * @param growth               the same figures at higher traffic multiples
 */
public record RequestCosts(
    long monthlyRequests,
    String requestsSource,
    BigDecimal awsPerMillionUsd,
    BigDecimal gcpPerMillionUsd,
    List<GrowthPoint> growth) {
  public RequestCosts {
    growth = List.copyOf(growth);
  }

  /**
   * @param trafficMultiple   e.g. 1, 2, 5
   * @param awsMonthlyUsd     AWS monthly total at that traffic
   * @param gcpMonthlyUsd     Google Cloud monthly total at that traffic
   * @param awsPerMillionUsd  cost per million requests on AWS
   * @param gcpPerMillionUsd  cost per million requests on Google Cloud
   */
  public record GrowthPoint(
      BigDecimal trafficMultiple,
      BigDecimal awsMonthlyUsd,
      BigDecimal gcpMonthlyUsd,
      BigDecimal awsPerMillionUsd,
      BigDecimal gcpPerMillionUsd) {}
}

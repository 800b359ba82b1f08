package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one resource did over the snapshot's window, reduced to summaries. Every figure is
 * nullable: null means "not measured", never zero. Totals are over the whole window.
 *
 * @param resourceId              instance id, load balancer id, distribution id, bucket name, DB instance or
 *                                cluster id, or cache id
 * @param kind                    ec2, elb, cloudfront, s3, rds (DB instance), aurora (DB cluster) or elasticache
 * @param source                  where the figures came from: cloudwatch, access-logs, or both
 * @param cpuAvgPct               EC2 CPUUtilization average, percent
 * @param cpuP95Pct               EC2 CPUUtilization 95th percentile of the period values, percent
 * @param cpuMaxPct               EC2 CPUUtilization maximum, percent
 * @param memAvgPct               CWAgent mem_used_percent average, or null without the agent
 * @param memP95Pct               CWAgent mem_used_percent p95, or null without the agent
 * @param networkInGib            EC2 NetworkIn total, GiB
 * @param networkOutGib           EC2 NetworkOut total, GiB
 * @param requests                requests served (ELB RequestCount, CloudFront Requests)
 * @param bytesOutGib             bytes served to clients (ALB/NLB ProcessedBytes, CloudFront BytesDownloaded), GiB
 * @param lcuHours                ALB ConsumedLCUs / NLB NLCUs summed over hours
 * @param peakRequestsPerSecond   highest per-second request rate seen (access logs) or estimated from 1-minute sums
 * @param cacheHitRatio           CloudFront share of requests served from cache, 0..1
 * @param requestsByGeography     CloudFront requests per price geography, sorted by key
 * @param bytesByGeographyGib     CloudFront bytes out per price geography, GiB, sorted by key
 * @param daily                   one point per day of the window, oldest first (may be empty)
 * @param datastore               managed database and cache figures (kinds rds, aurora, elasticache), or null
 * @param region                  AWS region of the resource, for the kinds whose ids are unique within a region only
 *                                (rds, aurora, elasticache: one name may live in two regions); null when not recorded
 */
public record Usage(
    @JsonProperty(required = true) String resourceId,
    @JsonProperty(required = true) String kind,
    String source,
    Double cpuAvgPct,
    Double cpuP95Pct,
    Double cpuMaxPct,
    Double memAvgPct,
    Double memP95Pct,
    Double networkInGib,
    Double networkOutGib,
    Long requests,
    Double bytesOutGib,
    Double lcuHours,
    Double peakRequestsPerSecond,
    Double cacheHitRatio,
    Map<String, Long> requestsByGeography,
    Map<String, Double> bytesByGeographyGib,
    List<Daily> daily,
    DatastoreMetrics datastore,
    String region) {

  public Usage {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(kind, "kind");
    requestsByGeography = Lists.sorted(requestsByGeography);
    bytesByGeographyGib = Lists.sorted(bytesByGeographyGib);
    daily = DailyPoints.of(daily);
  }

  /** A record without its resource's region (every kind but managed databases and caches, whose ids are global). */
  public Usage(String resourceId, String kind, String source, Double cpuAvgPct, Double cpuP95Pct, Double cpuMaxPct,
      Double memAvgPct, Double memP95Pct, Double networkInGib, Double networkOutGib, Long requests,
      Double bytesOutGib, Double lcuHours, Double peakRequestsPerSecond, Double cacheHitRatio,
      Map<String, Long> requestsByGeography, Map<String, Double> bytesByGeographyGib, List<Daily> daily,
      DatastoreMetrics datastore) {
    this(resourceId, kind, source, cpuAvgPct, cpuP95Pct, cpuMaxPct, memAvgPct, memP95Pct, networkInGib,
        networkOutGib, requests, bytesOutGib, lcuHours, peakRequestsPerSecond, cacheHitRatio,
        requestsByGeography, bytesByGeographyGib, daily, datastore, null);
  }

  /** A record without datastore figures (every kind but managed databases and caches). */
  public Usage(String resourceId, String kind, String source, Double cpuAvgPct, Double cpuP95Pct, Double cpuMaxPct,
      Double memAvgPct, Double memP95Pct, Double networkInGib, Double networkOutGib, Long requests,
      Double bytesOutGib, Double lcuHours, Double peakRequestsPerSecond, Double cacheHitRatio,
      Map<String, Long> requestsByGeography, Map<String, Double> bytesByGeographyGib, List<Daily> daily) {
    this(resourceId, kind, source, cpuAvgPct, cpuP95Pct, cpuMaxPct, memAvgPct, memP95Pct, networkInGib,
        networkOutGib, requests, bytesOutGib, lcuHours, peakRequestsPerSecond, cacheHitRatio,
        requestsByGeography, bytesByGeographyGib, daily, null);
  }

  /** A copy naming its resource's region (managed databases and caches). */
  public Usage withRegion(String newRegion) {
    return new Usage(resourceId, kind, source, cpuAvgPct, cpuP95Pct, cpuMaxPct, memAvgPct, memP95Pct, networkInGib,
        networkOutGib, requests, bytesOutGib, lcuHours, peakRequestsPerSecond, cacheHitRatio, requestsByGeography,
        bytesByGeographyGib, daily, datastore, newRegion);
  }

  /** A copy for another resource id (a data store's id qualified by its region), everything else kept. */
  public Usage withResourceId(String newResourceId) {
    return new Usage(newResourceId, kind, source, cpuAvgPct, cpuP95Pct, cpuMaxPct, memAvgPct, memP95Pct, networkInGib,
        networkOutGib, requests, bytesOutGib, lcuHours, peakRequestsPerSecond, cacheHitRatio, requestsByGeography,
        bytesByGeographyGib, daily, datastore, region);
  }

  /**
   * A copy without its daily points, every other figure kept: for a run that has checked them and reads none of them
   * afterwards (an assessment), so that it does not hold them (at 30 points a record, most of a large estate's usage).
   */
  public Usage withoutDaily() {
    if (daily.isEmpty()) {
      return this;
    }
    return new Usage(resourceId, kind, source, cpuAvgPct, cpuP95Pct, cpuMaxPct, memAvgPct, memP95Pct, networkInGib,
        networkOutGib, requests, bytesOutGib, lcuHours, peakRequestsPerSecond, cacheHitRatio, requestsByGeography,
        bytesByGeographyGib, List.of(), datastore, region);
  }

  /** An empty record for a resource, to be filled with the {@code with...} copies. */
  public static Usage of(String resourceId, String kind, String source) {
    return new Usage(resourceId, kind, source, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  /**
   * One day of the window.
   *
   * @param date           UTC day
   * @param requests       requests that day, or null
   * @param bytesOutGib    bytes served that day, GiB, or null
   * @param cpuAvgPct      average CPU that day, or null
   * @param cpuMaxPct      highest CPU that day, or null
   * @param peakRequestsPerSecond  highest per-second rate that day, or null
   */
  public record Daily(
      @JsonProperty(required = true) LocalDate date,
      Long requests,
      Double bytesOutGib,
      Double cpuAvgPct,
      Double cpuMaxPct,
      Double peakRequestsPerSecond) {
    public Daily {
      Objects.requireNonNull(date, "date");
    }
  }
}

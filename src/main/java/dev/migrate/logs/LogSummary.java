package dev.migrate.logs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the access logs of one load balancer or distribution say, over the period they cover.
 * Bytes are exact byte counts (not GiB); times are UTC.
 *
 * @param resourceKey            ALB {@code app/name/id} (the log's {@code elb} field), classic ELB
 *                               name, or CloudFront distribution id (from the log file name) or,
 *                               when the file name has none, the {@code cs(Host)} domain
 * @param format                 log format
 * @param domainName             CloudFront {@code cs(Host)} ({@code dxxxx.cloudfront.net}), else null
 * @param firstRequest           earliest request time in the logs
 * @param lastRequest            latest request time in the logs
 * @param coveredHours           whole UTC hours from the first to the last request, inclusive: the
 *                               period the totals cover (used to scale them to a snapshot window)
 * @param requests               log entries (requests, or WebSocket connections)
 * @param bytesOut               bytes sent to clients (ALB/CLB {@code sent_bytes}, CloudFront {@code sc-bytes})
 * @param bytesIn                bytes received from clients (ALB/CLB {@code received_bytes}, CloudFront {@code cs-bytes})
 * @param status                 requests by status class of the response to the client
 * @param cache                  CloudFront cache results, null for load balancers
 * @param cloudFrontGeographies  CloudFront requests and bytes per CloudFront price geography, by key
 * @param cloudCdnDestinations   the same traffic per Cloud CDN price destination, by key
 * @param unknownEdgeCodes       edge location codes the geography table does not know (at most 20)
 * @param peakSecond             busiest second and its request count
 * @param peakHour               busiest UTC hour and its request count
 * @param topPathsByRequests     most requested paths (query strings removed), heaviest first
 * @param topPathsByBytes        paths that sent the most bytes, heaviest first
 * @param latency                request latency percentiles, or null when no entry had a latency
 * @param daily                  requests, bytes and peak per UTC day, oldest first
 */
@JsonPropertyOrder({"resourceKey", "format", "domainName", "firstRequest", "lastRequest", "coveredHours",
    "requests", "bytesOut", "bytesIn", "status", "cache", "cloudFrontGeographies", "cloudCdnDestinations",
    "unknownEdgeCodes", "peakSecond", "peakHour", "topPathsByRequests", "topPathsByBytes", "latency", "daily"})
public record LogSummary(
    String resourceKey,
    LogFormat format,
    String domainName,
    Instant firstRequest,
    Instant lastRequest,
    long coveredHours,
    long requests,
    long bytesOut,
    long bytesIn,
    StatusClasses status,
    CacheResults cache,
    List<Traffic> cloudFrontGeographies,
    List<Traffic> cloudCdnDestinations,
    List<String> unknownEdgeCodes,
    Peak peakSecond,
    Peak peakHour,
    List<PathCount> topPathsByRequests,
    List<PathCount> topPathsByBytes,
    Latency latency,
    List<DailyTraffic> daily) {

  public LogSummary {
    Objects.requireNonNull(resourceKey, "resourceKey");
    Objects.requireNonNull(format, "format");
    cloudFrontGeographies = List.copyOf(cloudFrontGeographies);
    cloudCdnDestinations = List.copyOf(cloudCdnDestinations);
    unknownEdgeCodes = List.copyOf(unknownEdgeCodes);
    topPathsByRequests = List.copyOf(topPathsByRequests);
    topPathsByBytes = List.copyOf(topPathsByBytes);
    daily = List.copyOf(daily);
  }

  /**
   * Requests per status class of the response sent to the client.
   *
   * @param other  no status: {@code -} (TCP/SSL listeners, requests never answered) or CloudFront
   *               {@code 000} (viewer closed the connection first)
   */
  public record StatusClasses(long s1xx, long s2xx, long s3xx, long s4xx, long s5xx, long other) {
    /** Share of requests answered with 5xx, 0..1. */
    @JsonProperty("errorRatio5xx")
    public double errorRatio5xx() {
      long all = s1xx + s2xx + s3xx + s4xx + s5xx + other;
      return all == 0 ? 0 : (double) s5xx / all;
    }
  }

  /**
   * CloudFront {@code x-edge-result-type} counts.
   *
   * @param hit              served from the edge cache
   * @param refreshHit       in cache but expired; revalidated with the origin
   * @param originShieldHit  served from the Origin Shield cache (a miss at the edge)
   * @param miss             fetched from the origin
   * @param error            client or server error, or viewer disconnected
   * @param redirect         redirected from HTTP to HTTPS
   * @param other            LimitExceeded, CapacityExceeded or an unlisted value
   */
  public record CacheResults(long hit, long refreshHit, long originShieldHit, long miss, long error,
      long redirect, long other) {

    /**
     * Share of cacheable requests served from the edge cache: (Hit + RefreshHit) / (Hit +
     * RefreshHit + OriginShieldHit + Miss). Errors and redirects are not cacheable requests, as
     * in CloudFront's own CacheHitRate metric. Null when there were no cacheable requests.
     */
    @JsonProperty("hitRatio")
    public Double hitRatio() {
      long cacheable = hit + refreshHit + originShieldHit + miss;
      return cacheable == 0 ? null : (double) (hit + refreshHit) / cacheable;
    }
  }

  /** Requests and bytes sent for one geography key. */
  public record Traffic(String geography, long requests, long bytes) {}

  /** A busiest second or hour: its start and the requests in it. */
  public record Peak(Instant at, long requests) {}

  /**
   * One path of a top-N table. The count is an estimate that is never low and at most
   * {@code error} high (Space-Saving; error is 0 while the table has not overflowed).
   */
  public record PathCount(String path, long count, long error) {}

  /**
   * Request latency in milliseconds. ALB/CLB: request + target + response processing time
   * (entries with {@code -1}, i.e. never dispatched, are left out). CloudFront: {@code time-taken}.
   */
  public record Latency(long samples, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {}

  /** One UTC day of the logs. */
  public record DailyTraffic(LocalDate date, long requests, long bytesOut, long peakRequestsPerSecond) {}
}

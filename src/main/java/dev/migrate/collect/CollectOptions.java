package dev.migrate.collect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to collect and how gently.
 *
 * @param profile      AWS profile name (credentials and region come from the standard chain for
 *                     it), or null for the default chain
 * @param regions      regions to scan; empty means every region enabled for the account
 * @param days         look-back window for metrics, whole days ending at today's 00:00 UTC
 * @param endpointUrl  endpoint for every client (emulators, VPC endpoints), or null for the SDK's
 *                     own resolution (which honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt;, the
 *                     aws.endpointUrl[&lt;Service&gt;] system properties and the profile's endpoint_url and
 *                     services section; see docs/collect.md); when set it wins over all of them
 * @param maxRps       cap on API requests per second over all clients (every attempt counts);
 *                     0 means no cap beyond the SDK's adaptive retry mode
 * @param parallelism  regions and services scanned at the same time (bounded thread pool)
 * @param redactTags   replace every tag value by {@value #REDACTED}
 * @param maxAttempts  attempts per call including the first (SDK adaptive mode default is 3)
 * @param baseBackoff  base delay of the exponential back-off between attempts
 */
public record CollectOptions(
    String profile,
    List<String> regions,
    int days,
    URI endpointUrl,
    double maxRps,
    int parallelism,
    boolean redactTags,
    int maxAttempts,
    Duration baseBackoff) {

  public static final String REDACTED = "REDACTED";
  /** Default window: 14 days covers two weekly cycles and stays inside CloudWatch's 15-day 1-minute retention. */
  public static final int DEFAULT_DAYS = 14;
  /**
   * CloudWatch keeps hourly data points for 455 days (15 months), the longest window that still
   * has data for every day.
   */
  public static final int MAX_DAYS = 455;

  public CollectOptions {
    regions = regions == null ? List.of() : List.copyOf(regions);
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", got " + days);
    }
    if (maxRps < 0) {
      throw new IllegalArgumentException("maxRps must not be negative");
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(baseBackoff, "baseBackoff");
  }

  /** Defaults for a real account: all enabled regions, 14 days, 8 threads, SDK's 3 attempts, 100 ms base back-off. */
  public static CollectOptions defaults(String profile) {
    return new CollectOptions(profile, List.of(), DEFAULT_DAYS, null, 0, 8, false, 3, Duration.ofMillis(100));
  }

  public CollectOptions withRegions(List<String> r) {
    return new CollectOptions(profile, r, days, endpointUrl, maxRps, parallelism, redactTags, maxAttempts, baseBackoff);
  }

  public CollectOptions withDays(int d) {
    return new CollectOptions(profile, regions, d, endpointUrl, maxRps, parallelism, redactTags, maxAttempts, baseBackoff);
  }

  public CollectOptions withEndpoint(URI e) {
    return new CollectOptions(profile, regions, days, e, maxRps, parallelism, redactTags, maxAttempts, baseBackoff);
  }

  public CollectOptions withMaxRps(double rps) {
    return new CollectOptions(profile, regions, days, endpointUrl, rps, parallelism, redactTags, maxAttempts, baseBackoff);
  }

  public CollectOptions withParallelism(int p) {
    return new CollectOptions(profile, regions, days, endpointUrl, maxRps, p, redactTags, maxAttempts, baseBackoff);
  }

  public CollectOptions withRedactTags(boolean r) {
    return new CollectOptions(profile, regions, days, endpointUrl, maxRps, parallelism, r, maxAttempts, baseBackoff);
  }

  public CollectOptions withRetries(int attempts, Duration backoff) {
    return new CollectOptions(profile, regions, days, endpointUrl, maxRps, parallelism, redactTags, attempts, backoff);
  }
}

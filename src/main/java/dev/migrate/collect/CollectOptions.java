package dev.migrate.collect;

import java.net.URI;
import java.nio.file.Path;
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
 *                     0 means no cap (a throttled service and region still slows down on its own)
 * @param parallelism  regions and services scanned at the same time (bounded thread pool)
 * @param redactTags   replace every tag value by {@value #REDACTED}
 * @param maxAttempts       attempts per call, the first included, when it fails with a 5xx, a
 *                          dropped connection or an unreadable body (default 8)
 * @param throttleAttempts  attempts per call once AWS throttled it (default 10)
 * @param baseBackoff       base delay of the exponential back-off between attempts (throttling
 *                          waits five times longer); it also scales the pacing after throttles
 * @param maxCallTime       no call retries past this time from its first attempt (default 2 min)
 * @param progressFile      where the scan records each finished part as it goes, or null for
 *                          nowhere; deleted when nothing is left to collect
 * @param resume            take the finished parts from {@code progressFile} and collect only
 *                          what is missing
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
    int throttleAttempts,
    Duration baseBackoff,
    Duration maxCallTime,
    Path progressFile,
    boolean resume) {

  public static final String REDACTED = "REDACTED";
  /** Default window: 14 days covers two weekly cycles and stays inside CloudWatch's 15-day 1-minute retention. */
  public static final int DEFAULT_DAYS = 14;
  /**
   * CloudWatch keeps hourly data points for 455 days (15 months), the longest window that still
   * has data for every day.
   */
  public static final int MAX_DAYS = 455;
  /**
   * Attempts for 5xx, connection and body faults: at a 20% fault rate eight attempts all fail
   * for one call in 390,625 (0.2^8), at 40% for one in 1,526; the SDK's standard three would
   * lose one in 125 and one in 16. The back-off before the eighth is at most 12.8 s (100 ms
   * doubling), about 13 s for the whole call at most.
   */
  public static final int DEFAULT_ATTEMPTS = 8;
  /** Attempts once throttled: back-off 0.5 s doubling to the 20 s cap, about 60 s in all at most. */
  public static final int DEFAULT_THROTTLE_ATTEMPTS = 10;
  public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);
  public static final Duration DEFAULT_CALL_TIME = Duration.ofMinutes(2);

  public CollectOptions {
    regions = regions == null ? List.of() : List.copyOf(regions);
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", got " + days);
    }
    if (maxRps < 0 || Double.isNaN(maxRps) || Double.isInfinite(maxRps)) {
      throw new IllegalArgumentException("maxRps must be a number, 0 or more");
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    if (maxAttempts < 1 || throttleAttempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    Objects.requireNonNull(baseBackoff, "baseBackoff");
    if (baseBackoff.isNegative()) {
      throw new IllegalArgumentException("the retry back-off must not be negative");
    }
    Objects.requireNonNull(maxCallTime, "maxCallTime");
    if (resume && progressFile == null) {
      throw new IllegalArgumentException("resume needs a progress file");
    }
  }

  /** Defaults for a real account: all enabled regions, 14 days, 8 threads, 8 attempts (10 when throttled), 100 ms base back-off. */
  public static CollectOptions defaults(String profile) {
    return new CollectOptions(profile, List.of(), DEFAULT_DAYS, null, 0, 8, false, DEFAULT_ATTEMPTS,
        DEFAULT_THROTTLE_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_CALL_TIME, null, false);
  }

  public CollectOptions withRegions(List<String> r) {
    return new CollectOptions(profile, r, days, endpointUrl, maxRps, parallelism, redactTags, maxAttempts,
        throttleAttempts, baseBackoff, maxCallTime, progressFile, resume);
  }

  public CollectOptions withDays(int d) {
    return new CollectOptions(profile, regions, d, endpointUrl, maxRps, parallelism, redactTags, maxAttempts,
        throttleAttempts, baseBackoff, maxCallTime, progressFile, resume);
  }

  public CollectOptions withEndpoint(URI e) {
    return new CollectOptions(profile, regions, days, e, maxRps, parallelism, redactTags, maxAttempts,
        throttleAttempts, baseBackoff, maxCallTime, progressFile, resume);
  }

  public CollectOptions withMaxRps(double rps) {
    return new CollectOptions(profile, regions, days, endpointUrl, rps, parallelism, redactTags, maxAttempts,
        throttleAttempts, baseBackoff, maxCallTime, progressFile, resume);
  }

  public CollectOptions withParallelism(int p) {
    return new CollectOptions(profile, regions, days, endpointUrl, maxRps, p, redactTags, maxAttempts,
        throttleAttempts, baseBackoff, maxCallTime, progressFile, resume);
  }

  public CollectOptions withRedactTags(boolean r) {
    return new CollectOptions(profile, regions, days, endpointUrl, maxRps, parallelism, r, maxAttempts,
        throttleAttempts, baseBackoff, maxCallTime, progressFile, resume);
  }

  /** Attempts for faults and for throttling, and the base back-off (tests use a millisecond). */
  public CollectOptions withRetries(int attempts, int throttled, Duration backoff) {
    return new CollectOptions(profile, regions, days, endpointUrl, maxRps, parallelism, redactTags, attempts,
        throttled, backoff, maxCallTime, progressFile, resume);
  }
}

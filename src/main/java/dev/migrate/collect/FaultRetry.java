package dev.migrate.collect;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The retry strategy of one SDK client (one service in one region), plugged into the SDK's own
 * retry loop so that every HTTP request (every page of a list) is retried on its own:
 *
 * <ul>
 *   <li>throttling gets {@link CollectOptions#throttleAttempts()} attempts with a back-off five
 *       times longer, and slows the client's {@link Pace} for a while;
 *   <li>5xx answers, dropped or reset connections and truncated or unreadable bodies (which
 *       the SDK's strategies never retry) get {@link CollectOptions#maxAttempts()} attempts;
 *   <li>refusals (denied, unknown credentials, region not enabled) and validation errors are
 *       not retried;
 *   <li>the delay is exponential with full jitter (the SDK's {@link BackoffStrategy}), at least
 *       what a {@code Retry-After} header asks, and no call retries past
 *       {@link CollectOptions#maxCallTime()} from its first attempt.
 * </ul>
 *
 * There is deliberately no shared retry quota (the SDK's token bucket): under a 20% fault rate it
 * runs dry after a few hundred retries and then every later fault is a loss. The per-call
 * budgets and the pacing on throttling bound the extra load instead.
 */
final class FaultRetry implements RetryStrategy {
  private final int maxAttempts;
  private final int throttleAttempts;
  private final BackoffStrategy backoff;
  private final BackoffStrategy throttleBackoff;
  private final Duration cap;
  private final long maxCallNanos;
  private final Pace pace;
  private final RetryStats stats;

  FaultRetry(CollectOptions options, Pace pace, RetryStats stats) {
    this.maxAttempts = options.maxAttempts();
    this.throttleAttempts = options.throttleAttempts();
    Duration base = options.baseBackoff();
    this.cap = cap(base);
    this.backoff = BackoffStrategy.exponentialDelay(base, cap);
    this.throttleBackoff = BackoffStrategy.exponentialDelay(base.multipliedBy(5), cap);
    this.maxCallNanos = options.maxCallTime().toNanos();
    this.pace = pace;
    this.stats = stats;
  }

  /** Longest single delay: 200 base delays (20 s at the default 100 ms), never more than 20 s. */
  static Duration cap(Duration base) {
    Duration c = base.multipliedBy(200);
    return c.compareTo(Duration.ofSeconds(20)) > 0 ? Duration.ofSeconds(20) : c;
  }

  /** Where one call is: when it started, attempts made, and of those how many were throttled. */
  private record Token(long startNanos, int attempts, int throttled) implements RetryToken {}

  @Override
  public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
    return AcquireInitialTokenResponse.create(new Token(System.nanoTime(), 1, 0), Duration.ZERO);
  }

  @Override
  public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
    Token t = (Token) request.token();
    Throwable failure = request.failure();
    Faults.Kind kind = Faults.kind(failure);
    if (!kind.retryable() || Thread.currentThread().isInterrupted()) {
      throw new TokenAcquisitionFailedException("not retried: " + kind, t, failure);
    }
    boolean throttled = kind == Faults.Kind.THROTTLING;
    if (throttled) {
      pace.throttled();
    }
    int budget = throttled || t.throttled() > 0 ? Math.max(maxAttempts, throttleAttempts) : maxAttempts;
    if (t.attempts() >= budget) {
      stats.exhausted(kind);
      throw new TokenAcquisitionFailedException("retries exhausted after " + t.attempts() + " attempts", t, failure);
    }
    Duration delay = (throttled ? throttleBackoff : backoff).computeDelay(t.attempts());
    Optional<Duration> asked = retryAfter(failure).or(request::suggestedDelay);
    if (asked.isPresent() && asked.get().compareTo(delay) > 0) {
      // The service said when to come back; a little jitter keeps waiting clients from returning at once.
      delay = min(asked.get(), cap).plusMillis(ThreadLocalRandom.current().nextLong(1 + delay.toMillis() / 2));
      stats.retryAfterHonoured();
    }
    long elapsed = System.nanoTime() - t.startNanos();
    if (elapsed + delay.toNanos() > maxCallNanos) {
      stats.exhausted(kind);
      throw new TokenAcquisitionFailedException("retry time budget spent after " + t.attempts() + " attempts", t, failure);
    }
    stats.retry(kind);
    return RefreshRetryTokenResponse.create(new Token(t.startNanos(), t.attempts() + 1,
        t.throttled() + (throttled ? 1 : 0)), delay);
  }

  @Override
  public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
    return RecordSuccessResponse.create(request.token());
  }

  @Override
  public int maxAttempts() {
    return Math.max(maxAttempts, throttleAttempts);
  }

  /** The SDK must not add its own conditions (it would retry on its rules, not ours). */
  @Override
  public boolean useClientDefaults() {
    return false;
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * {@code Retry-After} (seconds, or an HTTP date) on the failed answer, as ELB, S3 and
   * CloudFront send with 503 and 429; empty when there is none or it is unreadable.
   */
  static Optional<Duration> retryAfter(Throwable failure) {
    if (!(failure instanceof AwsServiceException a) || a.awsErrorDetails() == null
        || a.awsErrorDetails().sdkHttpResponse() == null) {
      return Optional.empty();
    }
    return a.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").flatMap(FaultRetry::parseRetryAfter);
  }

  static Optional<Duration> parseRetryAfter(String v) {
    String s = v.trim();
    try {
      if (s.matches("\\d{1,9}")) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(s)));
      }
      ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The SDK's builder contract. Only the attempt count can be changed: the fault classes,
   * back-offs and budgets are this strategy's own and are set through {@link CollectOptions}.
   */
  static final class Builder implements RetryStrategy.Builder<Builder, FaultRetry> {
    private final FaultRetry from;
    private int attempts;

    Builder(FaultRetry from) {
      this.from = from;
      this.attempts = from.maxAttempts;
    }

    private static UnsupportedOperationException fixed(String what) {
      return new UnsupportedOperationException(what + " is fixed by the collector's fault classes (see FaultRetry)");
    }

    @Override
    public Builder retryOnException(Predicate<Throwable> shouldRetry) {
      throw fixed("retryOnException");
    }

    @Override
    public Builder maxAttempts(int maxAttempts) {
      this.attempts = maxAttempts;
      return this;
    }

    @Override
    public Builder backoffStrategy(BackoffStrategy backoffStrategy) {
      throw fixed("backoffStrategy");
    }

    @Override
    public Builder throttlingBackoffStrategy(BackoffStrategy backoffStrategy) {
      throw fixed("throttlingBackoffStrategy");
    }

    @Override
    public Builder treatAsThrottling(Predicate<Throwable> treatAsThrottling) {
      throw fixed("treatAsThrottling");
    }

    @Override
    public FaultRetry build() {
      return new FaultRetry(from, attempts);
    }
  }

  private FaultRetry(FaultRetry o, int attempts) {
    this.maxAttempts = attempts;
    this.throttleAttempts = o.throttleAttempts;
    this.backoff = o.backoff;
    this.throttleBackoff = o.throttleBackoff;
    this.cap = o.cap;
    this.maxCallNanos = o.maxCallNanos;
    this.pace = o.pace;
    this.stats = o.stats;
  }
}

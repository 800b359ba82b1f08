package dev.migrate.collect;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The request pace of one client (one service in one region). Unpaced until AWS throttles;
 * each throttle then doubles the spacing between that client's requests (starting at half the
 * base back-off, 50 ms or 20 requests/s, the refill rate of EC2's Describe token bucket, up to
 * 20 base back-offs, 2 s), and every {@link #RECOVERY_BASES} base back-offs without a throttle
 * halve it again until the client is unpaced. Other services and regions are not slowed: AWS
 * throttles per account, region and API. {@code --max-rps} still caps the sum ({@link RateLimit}).
 */
final class Pace implements ExecutionInterceptor {
  /** Quiet time, in base back-offs, before the spacing halves (5 s at the default 100 ms). */
  static final int RECOVERY_BASES = 50;

  private final long firstNanos;
  private final long maxNanos;
  private final long recoveryNanos;
  private long intervalNanos; // guarded by this; 0 = unpaced
  private long nextFree; // guarded by this
  private long lastChange; // guarded by this
  private long throttles; // guarded by this

  Pace(Duration baseBackoff) {
    long base = Math.max(1, baseBackoff.toNanos());
    this.firstNanos = Math.max(1, base / 2);
    this.maxNanos = base * 20;
    this.recoveryNanos = base * RECOVERY_BASES;
  }

  /** Called by the retry strategy when an attempt was throttled. */
  synchronized void throttled() {
    long now = System.nanoTime();
    intervalNanos = intervalNanos == 0 ? firstNanos : Math.min(maxNanos, intervalNanos * 2);
    lastChange = now;
    throttles++;
  }

  /** Current spacing between requests (zero when unpaced). */
  synchronized Duration interval() {
    recover(System.nanoTime());
    return Duration.ofNanos(intervalNanos);
  }

  synchronized long throttles() {
    return throttles;
  }

  private void recover(long now) {
    while (intervalNanos > 0 && now - lastChange >= recoveryNanos) {
      intervalNanos = intervalNanos / 2 < firstNanos ? 0 : intervalNanos / 2;
      lastChange += recoveryNanos;
    }
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      recover(now);
      if (intervalNanos == 0) {
        return;
      }
      long slot = Math.max(now, nextFree);
      nextFree = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}

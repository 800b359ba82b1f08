package dev.migrate.collect;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The user's {@code --max-rps} cap, shared by every client: each HTTP attempt (retries
 * included) takes the next free slot, slots being 1/maxRps seconds apart. It leaves API rate
 * for the account's own automation; the SDK's adaptive mode still slows down on throttling.
 */
final class RateLimit implements ExecutionInterceptor {
  private final long intervalNanos;
  private long nextFree; // guarded by this

  RateLimit(double maxRps) {
    this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / maxRps);
    this.nextFree = System.nanoTime();
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextFree);
      nextFree = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}

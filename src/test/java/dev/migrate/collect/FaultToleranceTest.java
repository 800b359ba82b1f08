package dev.migrate.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A collection under injected faults gives the snapshot a fault-free one gives. */
class FaultToleranceTest {
  static String faultFree;

  static synchronized String faultFree() {
    if (faultFree == null) {
      try (Fixtures fx = new Fixtures()) {
        faultFree = comparable(fx.collector(options(fx)).collect(Progress.NONE).snapshot());
      }
    }
    return faultFree;
  }

  /** Default budgets, a millisecond of base back-off so the test stays fast. */
  static CollectOptions options(Fixtures fx) {
    return CollectOptions.defaults(null).withEndpoint(fx.endpoint()).withParallelism(4)
        .withRetries(CollectOptions.DEFAULT_ATTEMPTS, CollectOptions.DEFAULT_THROTTLE_ATTEMPTS, Duration.ofMillis(1));
  }

  static String comparable(Snapshot s) {
    // The collection's call and retry figures differ by design; everything collected must not.
    return SnapshotJson.toJson(s.withCollection(null));
  }

  private CollectResult underFaults(double rate, long seed) {
    FaultInjector faults = new FaultInjector(rate, seed);
    try (Fixtures fx = new Fixtures(faults)) {
      long t0 = System.nanoTime();
      CollectResult r = fx.collector(options(fx)).collect(Progress.NONE);
      System.err.printf("%.2f s: rate %.2f seed %d: %d requests, %d faults %s, calls %d, attempts %d, retried %d, retries %s, exhausted %s, gaps %s%n",
          (System.nanoTime() - t0) / 1e9, rate, seed, faults.requests.get(), faults.total(), faults.injected, r.calls().totalCalls(), r.calls().totalAttempts(),
          r.calls().totalRetried(), r.calls().retries(), r.calls().exhausted(), r.snapshot().gaps());
      return r;
    }
  }

  @Test
  void fivePercent() {
    CollectResult r = underFaults(0.05, 5);
    assertEquals(faultFree(), comparable(r.snapshot()));
  }

  @Test
  void twentyPercent() {
    for (long seed = 1; seed <= 3; seed++) {
      CollectResult r = underFaults(0.20, seed);
      assertEquals(faultFree(), comparable(r.snapshot()));
      assertTrue(r.calls().totalRetried() > 0);
    }
  }

  @Test
  void fortyPercent() {
    CollectResult r = underFaults(0.40, 40);
    assertEquals(faultFree(), comparable(r.snapshot()));
  }
}

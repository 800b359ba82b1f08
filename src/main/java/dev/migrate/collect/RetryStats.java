package dev.migrate.collect;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Retries of one scan by fault class, shared by every client's {@link FaultRetry}. */
final class RetryStats {
  private final Map<Faults.Kind, LongAdder> retries = new EnumMap<>(Faults.Kind.class);
  private final Map<Faults.Kind, LongAdder> exhausted = new EnumMap<>(Faults.Kind.class);
  private final AtomicLong retryAfter = new AtomicLong();

  RetryStats() {
    for (Faults.Kind k : Faults.Kind.values()) {
      retries.put(k, new LongAdder());
      exhausted.put(k, new LongAdder());
    }
  }

  void retry(Faults.Kind kind) {
    retries.get(kind).increment();
  }

  void exhausted(Faults.Kind kind) {
    exhausted.get(kind).increment();
  }

  void retryAfterHonoured() {
    retryAfter.incrementAndGet();
  }

  /** Retries made, by fault class name in lower case (throttling, server, connection, malformed); zeros left out. */
  Map<String, Long> retries() {
    return counts(retries);
  }

  /** Calls that failed after their whole budget, by fault class. */
  Map<String, Long> exhausted() {
    return counts(exhausted);
  }

  long retryAfterHonouredCount() {
    return retryAfter.get();
  }

  private static Map<String, Long> counts(Map<Faults.Kind, LongAdder> m) {
    Map<String, Long> out = new java.util.TreeMap<>();
    m.forEach((k, v) -> {
      if (v.sum() > 0) {
        out.put(k.name().toLowerCase(java.util.Locale.ROOT), v.sum());
      }
    });
    return out;
  }
}

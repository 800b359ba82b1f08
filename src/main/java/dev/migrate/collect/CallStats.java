package dev.migrate.collect;

import java.util.Map;
import java.util.TreeMap;

/**
 * API calls made by one scan.
 *
 * @param attempts   HTTP requests sent per IAM action (retries included), sorted by action
 * @param calls      logical calls per IAM action (one per SDK operation invocation), sorted
 */
public record CallStats(Map<String, Long> attempts, Map<String, Long> calls) {
  public CallStats {
    attempts = java.util.Collections.unmodifiableMap(new TreeMap<>(attempts));
    calls = java.util.Collections.unmodifiableMap(new TreeMap<>(calls));
  }

  public long totalCalls() {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  public long totalAttempts() {
    return attempts.values().stream().mapToLong(Long::longValue).sum();
  }
}

package dev.migrate.collect;

import java.util.Map;
import java.util.TreeMap;

/**
 * API calls made by one scan.
 *
 * @param attempts   HTTP requests sent per IAM action (retries included), sorted by action
 * @param calls      logical calls per IAM action (one per SDK operation invocation), sorted
 * @param retried    logical calls per IAM action that needed more than one attempt
 * @param retries    retries made, by fault class (throttling, server, connection, malformed)
 * @param exhausted  calls that still failed after their whole retry budget, by fault class
 */
public record CallStats(Map<String, Long> attempts, Map<String, Long> calls, Map<String, Long> retried,
    Map<String, Long> retries, Map<String, Long> exhausted) {
  public CallStats {
    attempts = java.util.Collections.unmodifiableMap(new TreeMap<>(attempts));
    calls = java.util.Collections.unmodifiableMap(new TreeMap<>(calls));
    retried = java.util.Collections.unmodifiableMap(new TreeMap<>(retried));
    retries = java.util.Collections.unmodifiableMap(new TreeMap<>(retries));
    exhausted = java.util.Collections.unmodifiableMap(new TreeMap<>(exhausted));
  }

  public long totalCalls() {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  public long totalAttempts() {
    return attempts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Logical calls that needed at least one retry. */
  public long totalRetried() {
    return retried.values().stream().mapToLong(Long::longValue).sum();
  }
}

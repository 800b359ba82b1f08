package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * How complete a collection is and what its retries did. Faults that a retry overcame leave
 * nothing missing; faults that outlasted the retries left gaps, counted here and listed in
 * {@link Snapshot#gaps()}.
 *
 * @param calls              API calls made (one per SDK operation; a retried call counts once)
 * @param attempts           HTTP requests sent, retries included
 * @param retriedCalls       calls that needed more than one attempt
 * @param retries            retries by fault class: {@code throttling}, {@code server} (5xx),
 *                           {@code connection} (reset, closed, unreachable), {@code malformed}
 *                           (a truncated or unreadable body)
 * @param gapsAfterRetries   gaps left by faults that outlasted the retries (as opposed to AWS
 *                           refusing: denied, region not enabled)
 * @param inventoryComplete  false when an instance, load balancer, distribution, bucket, DB instance,
 *                           Aurora cluster or cache list
 *                           could not be read after retries: the snapshot then shows a smaller
 *                           account than the real one
 * @param resumed            the collection continued an interrupted one ({@code --resume})
 */
public record Completeness(
    @JsonProperty(required = true) long calls,
    @JsonProperty(required = true) long attempts,
    @JsonProperty(required = true) long retriedCalls,
    Map<String, Long> retries,
    @JsonProperty(required = true) int gapsAfterRetries,
    @JsonProperty(required = true) boolean inventoryComplete,
    boolean resumed) {
  public Completeness {
    retries = retries == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(retries));
    if (calls < 0 || attempts < 0 || retriedCalls < 0 || gapsAfterRetries < 0) {
      throw new IllegalArgumentException("collection counts must not be negative");
    }
    if (retriedCalls > calls) {
      throw new IllegalArgumentException("retriedCalls (" + retriedCalls + ") exceeds calls (" + calls + ")");
    }
    retries.forEach((k, v) -> {
      if (v == null || v < 0) {
        throw new IllegalArgumentException("retries." + k + " must be a count, 0 or more");
      }
    });
  }
}

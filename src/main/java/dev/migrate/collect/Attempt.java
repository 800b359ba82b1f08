package dev.migrate.collect;

import java.util.function.Supplier;

/**
 * One kind of per-resource sub-call (e.g. access-log attributes of every load balancer): the
 * first failure becomes one gap and the remaining resources skip that call, so a denied
 * action costs one request, not one per resource.
 */
final class Attempt {
  private final Sink sink;
  private final String service;
  private final String region;
  private final String missing;
  private volatile boolean failed;

  Attempt(Sink sink, String service, String region, String missing) {
    this.sink = sink;
    this.service = service;
    this.region = region;
    this.missing = missing;
  }

  /** The call's result, or {@code fallback} once this kind of call has failed. */
  <T> T get(Supplier<T> call, T fallback) {
    if (failed) {
      return fallback;
    }
    try {
      return call.get();
    } catch (RuntimeException e) {
      synchronized (this) {
        if (!failed) {
          failed = true;
          sink.gap(service, region, missing, e);
        }
      }
      return fallback;
    }
  }
}

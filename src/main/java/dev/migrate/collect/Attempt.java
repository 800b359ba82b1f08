package dev.migrate.collect;

import java.util.function.Supplier;

/**
 * One kind of per-resource sub-call (e.g. access-log attributes of every load balancer). A
 * refusal (AccessDenied and the like) becomes one gap and the remaining resources skip that
 * call, so a denied action costs one request, not one per resource. Any other failure (a fault
 * that outlasted its retries) is a gap for that resource alone and the others are still asked.
 */
final class Attempt {
  private final Sink sink;
  private final String service;
  private final String region;
  private final String missing;
  private volatile boolean refused;

  Attempt(Sink sink, String service, String region, String missing) {
    this.sink = sink;
    this.service = service;
    this.region = region;
    this.missing = missing;
  }

  /** The call's result, or {@code fallback} when it fails or this kind of call was refused. */
  <T> T get(Supplier<T> call, T fallback) {
    return get(null, call, fallback);
  }

  /** As {@link #get(Supplier, Object)}; {@code resource} names what a non-refusal gap is about. */
  <T> T get(String resource, Supplier<T> call, T fallback) {
    if (refused) {
      return fallback;
    }
    try {
      return call.get();
    } catch (RuntimeException e) {
      failed(resource, e);
      return fallback;
    }
  }

  /** True once the call was refused: skip it for the remaining resources. */
  boolean refused() {
    return refused;
  }

  /** Records a failure of the call for {@code resource} (null: the call as a whole). */
  void failed(String resource, RuntimeException e) {
    if (Faults.kind(e) == Faults.Kind.REFUSED) {
      synchronized (this) {
        if (!refused) {
          refused = true;
          sink.gap(service, region, missing, e);
        }
      }
      return;
    }
    sink.gap(service, region, resource == null ? missing : missing + " of " + resource, e);
  }
}

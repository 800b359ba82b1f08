package dev.migrate.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs per-resource detail calls (listeners, attributes, target health, distribution configs)
 * on their own bounded pool, so a region with hundreds of load balancers does not make them
 * one after another. It is a separate pool from the region/service tasks that submit to it,
 * so a task never waits for work queued behind itself.
 */
final class Fanout {
  static final Fanout SEQUENTIAL = new Fanout(null);

  private final ExecutorService pool;

  Fanout(ExecutorService pool) {
    this.pool = pool;
  }

  /** {@code f} applied to every item, results in the items' order. */
  <T, R> List<R> map(List<T> items, Function<T, R> f) {
    List<R> out = new ArrayList<>(items.size());
    if (pool == null || items.size() < 2) {
      items.forEach(i -> out.add(f.apply(i)));
      return out;
    }
    List<Future<R>> futures = new ArrayList<>(items.size());
    items.forEach(i -> futures.add(pool.submit(() -> f.apply(i))));
    for (Future<R> future : futures) {
      try {
        out.add(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(x -> x.cancel(true));
        throw new IllegalStateException("collection interrupted", e);
      } catch (ExecutionException e) {
        futures.forEach(x -> x.cancel(true));
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return out;
  }
}

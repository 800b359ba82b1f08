package dev.migrate.collect;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Batched calls (GetMetricData with up to 500 queries, DescribeTags with up to 20 resources)
 * whose failure is narrowed down to what failed: a batch that still fails after its retries is
 * split in halves, and each half is asked again, until the failing items are alone. Only those
 * become gaps; a batch of n items with one bad item costs at most about 2 log2(n) extra calls.
 *
 * <p>Refusals (denied, region not enabled) and throttling that outlasted its budget are not
 * split: they are not about the items, and splitting would only multiply the calls.
 */
final class Batches {
  private Batches() {}

  /**
   * Calls {@code call} for {@code batch}; on success hands the result to {@code ok}; on a failure
   * that cannot be narrowed further hands the items and the failure to {@code failed}.
   */
  static <T, R> void run(List<T> batch, Function<List<T>, R> call, BiConsumer<List<T>, R> ok,
      BiConsumer<List<T>, RuntimeException> failed) {
    if (batch.isEmpty()) {
      return;
    }
    R result;
    try {
      result = call.apply(batch);
    } catch (RuntimeException e) {
      Faults.Kind kind = Faults.kind(e);
      if (batch.size() == 1 || kind == Faults.Kind.REFUSED || kind == Faults.Kind.THROTTLING) {
        failed.accept(batch, e);
        return;
      }
      int half = batch.size() / 2;
      run(List.copyOf(batch.subList(0, half)), call, ok, failed);
      run(List.copyOf(batch.subList(half, batch.size())), call, ok, failed);
      return;
    }
    ok.accept(batch, result);
  }
}

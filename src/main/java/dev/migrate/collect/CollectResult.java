package dev.migrate.collect;

import dev.migrate.inventory.Gap;
import dev.migrate.inventory.Snapshot;
import java.util.List;

/**
 * @param snapshot    what was collected, gaps included
 * @param calls       API calls the scan made
 * @param incomplete  inventory lists (instances, load balancers, distributions, buckets, DB instances,
 *                    Aurora clusters, caches, the region list) that could not be read after retries for another reason than
 *                    a refusal: the snapshot shows a smaller account than the real one
 * @param progressKept true when the progress file was kept for a {@code --resume} (something is
 *                    still missing); false when there is none or it was deleted
 */
public record CollectResult(Snapshot snapshot, CallStats calls, List<Gap> incomplete, boolean progressKept) {
  public CollectResult {
    incomplete = List.copyOf(incomplete);
  }
}

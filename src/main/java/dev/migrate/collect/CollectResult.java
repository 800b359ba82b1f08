package dev.migrate.collect;

import dev.migrate.inventory.Snapshot;

/**
 * @param snapshot  what was collected, gaps included
 * @param calls     API calls the scan made
 */
public record CollectResult(Snapshot snapshot, CallStats calls) {}

package dev.migrate.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of the rules engine: every inventory item is in {@code mappings} or {@code unmapped}.
 *
 * @param mappings      mapped items, sorted by kind then item id
 * @param unmapped      items no rule mapped, sorted the same way
 * @param regionMap     AWS region to Google Cloud region used for this plan, sorted by key
 * @param rulesSource   where the rules came from (directory or "built-in"), for the report
 */
public record MigrationPlan(
    List<Mapping> mappings,
    List<Unmapped> unmapped,
    Map<String, String> regionMap,
    String rulesSource) {
  public MigrationPlan {
    mappings = List.copyOf(mappings);
    unmapped = List.copyOf(unmapped);
    regionMap = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(regionMap));
  }

  public Optional<Mapping> mappingOf(String itemId) {
    return mappings.stream().filter(m -> m.itemId().equals(itemId)).findFirst();
  }
}

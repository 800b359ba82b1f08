package dev.migrate.inventory;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Defensive copies for record components: null becomes empty, results are unmodifiable. */
final class Lists {
  private Lists() {}

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }

  /** Sorted by key so that JSON output is deterministic; immutable, and compact (see {@link SortedArrayMap}). */
  static <V> Map<String, V> sorted(Map<String, V> map) {
    return SortedArrayMap.copyOf(map);
  }
}

package dev.migrate.collect;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Tag lists from any SDK shape to a sorted map, values redacted on request. */
final class Tags {
  private Tags() {}

  static <T> Map<String, String> of(Iterable<T> tags, Function<T, String> key, Function<T, String> value,
      boolean redact) {
    Map<String, String> m = new TreeMap<>();
    if (tags != null) {
      for (T t : tags) {
        String k = key.apply(t);
        if (k != null) {
          String v = value.apply(t);
          m.put(k, redact ? CollectOptions.REDACTED : (v == null ? "" : v));
        }
      }
    }
    return m;
  }
}

package dev.migrate.plan;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map of strings sorted by key, held as two arrays: a mapping's sizing facts. A plan of a large estate
 * keeps hundreds of thousands of them until the reports are written; a tree map spends an entry object of 40 bytes
 * per fact (and the plan copied each map it was given), this form 8 bytes.
 */
final class SortedStrings extends AbstractMap<String, String> {
  static final SortedStrings EMPTY = new SortedStrings(new String[0], new String[0]);

  private final String[] keys;
  private final String[] values;

  private SortedStrings(String[] keys, String[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** A copy of the map, sorted by key (natural order); the same object when it is one already. */
  static SortedStrings of(Map<String, String> map) {
    if (map instanceof SortedStrings s) {
      return s;
    }
    int n = map.size();
    if (n == 0) {
      return EMPTY;
    }
    String[] keys = new String[n];
    String[] values = new String[n];
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      keys[i] = java.util.Objects.requireNonNull(e.getKey(), "sizing key");
      values[i] = e.getValue();
      i++;
    }
    for (int j = 1; j < n; j++) {
      if (keys[j - 1].compareTo(keys[j]) > 0) {
        return sorted(keys, values);
      }
    }
    return new SortedStrings(keys, values);
  }

  private static SortedStrings sorted(String[] keys, String[] values) {
    Integer[] order = new Integer[keys.length];
    Arrays.setAll(order, j -> j);
    Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
    String[] k = new String[keys.length];
    String[] v = new String[keys.length];
    for (int j = 0; j < keys.length; j++) {
      k[j] = keys[order[j]];
      v[j] = values[order[j]];
    }
    return new SortedStrings(k, v);
  }

  @Override
  public int size() {
    return keys.length;
  }

  private int indexOf(Object key) {
    return key instanceof String k ? Arrays.binarySearch(keys, k) : -1;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public String get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }
    };
  }
}

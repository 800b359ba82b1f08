package dev.migrate.inventory;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map of string keys in their natural order, held in two arrays. Tags and per-geography figures are
 * small maps on every resource: as an unmodifiable TreeMap, four tags took about 240 bytes (a node per entry and a
 * wrapper), here about 80; an empty map is the shared empty map. Equal to, and iterated like, the sorted map it
 * replaces; lookups are binary searches.
 */
final class SortedArrayMap<V> extends AbstractMap<String, V> {
  private final String[] keys;
  private final Object[] values;

  private SortedArrayMap(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** An immutable copy of {@code map} sorted by key; null becomes empty. A null key is refused, as a TreeMap does. */
  static <V> Map<String, V> copyOf(Map<String, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    if (map instanceof SortedArrayMap<V>) {
      return map;
    }
    int n = map.size();
    String[] k = new String[n];
    int i = 0;
    for (String key : map.keySet()) {
      if (key == null) {
        throw new NullPointerException("null key");
      }
      k[i++] = key;
    }
    Arrays.sort(k);
    Object[] v = new Object[n];
    for (i = 0; i < n; i++) {
      v[i] = map.get(k[i]);
    }
    return new SortedArrayMap<>(k, v);
  }

  /**
   * The map of the first {@code n} keys and values (keys distinct and not null), sorted by key; the arrays are the
   * caller's to reuse. The same map {@link #copyOf} makes of a map of these entries.
   */
  static <V> Map<String, V> of(String[] keys, Object[] values, int n) {
    if (n == 0) {
      return Map.of();
    }
    String[] k = Arrays.copyOf(keys, n);
    Object[] v = Arrays.copyOf(values, n);
    // Insertion sort: a few keys, often in order already.
    for (int i = 1; i < n; i++) {
      String key = k[i];
      Object value = v[i];
      int j = i - 1;
      for (; j >= 0 && k[j].compareTo(key) > 0; j--) {
        k[j + 1] = k[j];
        v[j + 1] = v[j];
      }
      k[j + 1] = key;
      v[j + 1] = value;
    }
    return new SortedArrayMap<>(k, v);
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && Arrays.binarySearch(keys, s) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    if (!(key instanceof String s)) {
      return null;
    }
    int i = Arrays.binarySearch(keys, s);
    return i < 0 ? null : (V) values[i];
  }

  @Override
  public Set<Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < keys.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Entry<String, V> next() {
            if (i >= keys.length) {
              throw new NoSuchElementException();
            }
            Entry<String, V> e = new SimpleImmutableEntry<>(keys[i], (V) values[i]);
            i++;
            return e;
          }
        };
      }
    };
  }

  @Override
  public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
    for (int i = 0; i < keys.length; i++) {
      @SuppressWarnings("unchecked")
      V v = (V) values[i];
      action.accept(keys[i], v);
    }
  }
}

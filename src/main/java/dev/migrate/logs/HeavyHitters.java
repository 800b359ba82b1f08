package dev.migrate.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Top-N keys (request paths) by a weight, in bounded memory: the Space-Saving algorithm
 * (Metwally, Agrawal, El Abbadi, "Efficient computation of frequent and top-k elements in data
 * streams", ICDT 2005), weighted form. With {@code capacity} counters:
 * <ul>
 *   <li>every key whose true weight exceeds {@code total / capacity} is in the table;</li>
 *   <li>a reported weight never underestimates, and overestimates by at most its recorded
 *       {@code error}, itself at most {@code total / capacity}.</li>
 * </ul>
 * Two tables merge by the rule of Agarwal et al. ("Mergeable summaries", PODS 2012): a key absent
 * from a full table is charged that table's minimum, so both guarantees survive the merge.
 *
 * <p>The hot path does not allocate: a key is copied only when it enters the table. Keys are
 * raw bytes, cut at {@link #MAX_KEY_BYTES}. Not thread-safe.
 */
final class HeavyHitters {
  /** Longer keys are cut (paths past 512 bytes are rare and share a prefix anyway). */
  static final int MAX_KEY_BYTES = 512;

  private final int capacity;
  private final byte[][] keys;
  private final int[] hashes;
  private final long[] counts;
  private final long[] errors;
  private final int[] table;
  private final int mask;
  private final int[] heap;
  private final int[] pos;
  private int size;
  private long total;

  HeavyHitters(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    keys = new byte[capacity][];
    hashes = new int[capacity];
    counts = new long[capacity];
    errors = new long[capacity];
    int t = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
    table = new int[t];
    mask = t - 1;
    Arrays.fill(table, -1);
    heap = new int[capacity];
    pos = new int[capacity];
  }

  int capacity() {
    return capacity;
  }

  long total() {
    return total;
  }

  /** Hash of a key as {@link #add} expects it. */
  static int hash(byte[] b, int off, int len) {
    int h = 0;
    int end = off + Math.min(len, MAX_KEY_BYTES);
    for (int i = off; i < end; i++) {
      h = 31 * h + b[i];
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  void add(byte[] b, int off, int len, int hash, long weight) {
    if (len > MAX_KEY_BYTES) {
      len = MAX_KEY_BYTES;
    }
    total += weight;
    int slot = hash & mask;
    for (int e; (e = table[slot]) >= 0; slot = (slot + 1) & mask) {
      if (hashes[e] == hash && Arrays.equals(keys[e], 0, keys[e].length, b, off, off + len)) {
        counts[e] += weight;
        siftDown(pos[e]);
        return;
      }
    }
    if (size < capacity) {
      int e = size++;
      keys[e] = Arrays.copyOfRange(b, off, off + len);
      hashes[e] = hash;
      counts[e] = weight;
      errors[e] = 0;
      table[slot] = e;
      heap[e] = e;
      pos[e] = e;
      siftUp(e);
      return;
    }
    int e = heap[0];
    long min = counts[e];
    removeFromTable(e);
    keys[e] = Arrays.copyOfRange(b, off, off + len);
    hashes[e] = hash;
    counts[e] = min + weight;
    errors[e] = min;
    insertIntoTable(e);
    siftDown(0);
  }

  /** Smallest counter when the table is full (the charge for an absent key), else 0. */
  long floor() {
    return size < capacity ? 0 : counts[heap[0]];
  }

  /** One key with its estimated weight and the most that estimate can exceed the truth by. */
  record Entry(String key, long count, long error) {}

  /** Entries, heaviest first, ties by key. */
  List<Entry> entries() {
    List<Entry> out = new ArrayList<>(size);
    for (int e = 0; e < size; e++) {
      out.add(new Entry(new String(keys[e], StandardCharsets.UTF_8), counts[e], errors[e]));
    }
    out.sort(Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::key));
    return out;
  }

  /** Adds {@code other} into this table (mergeable-summaries rule, see the class comment). */
  void merge(HeavyHitters other) {
    long floorThis = floor();
    long floorOther = other.floor();
    // ISO-8859-1 maps bytes to chars one to one, so the map key is the exact byte string.
    Map<String, long[]> merged = new HashMap<>();
    for (int e = 0; e < size; e++) {
      merged.put(new String(keys[e], StandardCharsets.ISO_8859_1), new long[] {counts[e], errors[e], 0});
    }
    for (int e = 0; e < other.size; e++) {
      String k = new String(other.keys[e], StandardCharsets.ISO_8859_1);
      long[] v = merged.get(k);
      if (v == null) {
        merged.put(k, new long[] {other.counts[e] + floorThis, other.errors[e] + floorThis, 1});
      } else {
        v[0] += other.counts[e];
        v[1] += other.errors[e];
        v[2] = 1;
      }
    }
    List<Map.Entry<String, long[]>> all = new ArrayList<>(merged.entrySet());
    for (Map.Entry<String, long[]> m : all) {
      long[] v = m.getValue();
      if (v[2] == 0) { // only in this table: charge the other table's floor
        v[0] += floorOther;
        v[1] += floorOther;
      }
    }
    all.sort(Comparator.comparingLong((Map.Entry<String, long[]> m) -> m.getValue()[0]).reversed()
        .thenComparing(Map.Entry::getKey));
    long newTotal = total + other.total;
    clear();
    total = newTotal;
    for (int i = 0; i < Math.min(capacity, all.size()); i++) {
      byte[] k = all.get(i).getKey().getBytes(StandardCharsets.ISO_8859_1);
      long[] v = all.get(i).getValue();
      int e = size++;
      keys[e] = k;
      hashes[e] = hash(k, 0, k.length);
      counts[e] = v[0];
      errors[e] = v[1];
      insertIntoTable(e);
      heap[e] = e;
      pos[e] = e;
      siftUp(e);
    }
  }

  private void clear() {
    Arrays.fill(table, -1);
    Arrays.fill(keys, null);
    size = 0;
    total = 0;
  }

  private void insertIntoTable(int e) {
    int slot = hashes[e] & mask;
    while (table[slot] >= 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = e;
  }

  /** Linear-probing delete with backward shift, so no tombstones accumulate. */
  private void removeFromTable(int e) {
    int i = hashes[e] & mask;
    while (table[i] != e) {
      i = (i + 1) & mask;
    }
    table[i] = -1;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      int f = table[j];
      if (f < 0) {
        return;
      }
      int k = hashes[f] & mask;
      boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
      if (!stays) {
        table[i] = f;
        table[j] = -1;
        i = j;
      }
    }
  }

  private void siftUp(int p) {
    int e = heap[p];
    while (p > 0) {
      int parent = (p - 1) >>> 1;
      int pe = heap[parent];
      if (counts[pe] <= counts[e]) {
        break;
      }
      heap[p] = pe;
      pos[pe] = p;
      p = parent;
    }
    heap[p] = e;
    pos[e] = p;
  }

  private void siftDown(int p) {
    int e = heap[p];
    int n = size;
    while (true) {
      int c = 2 * p + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && counts[heap[c + 1]] < counts[heap[c]]) {
        c++;
      }
      int ce = heap[c];
      if (counts[ce] >= counts[e]) {
        break;
      }
      heap[p] = ce;
      pos[ce] = p;
      p = c;
    }
    heap[p] = e;
    pos[e] = p;
  }
}

package dev.migrate.logs;

/**
 * Fixed-size log-linear histogram of latencies in microseconds (the idea of HdrHistogram, kept
 * to what the summary needs): values below 128 us are exact, above that every power of two is
 * split into 64 buckets, so a reported percentile is within 1/128 (under 0.8%) of the true value
 * of that rank. 3,776 counters cover the whole {@code long} range: memory does not grow with the
 * number of requests. Not thread-safe; one per file, merged with {@link #add(LatencyHistogram)}.
 */
final class LatencyHistogram {
  private static final int SUB = 64;
  private static final int LINEAR = 128;
  private static final int SIZE = LINEAR + (64 - 7) * SUB;

  private final long[] counts = new long[SIZE];
  private long total;
  private long max;

  void record(long micros) {
    if (micros < 0) {
      return;
    }
    counts[index(micros)]++;
    total++;
    if (micros > max) {
      max = micros;
    }
  }

  void add(LatencyHistogram other) {
    for (int i = 0; i < SIZE; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    max = Math.max(max, other.max);
  }

  long total() {
    return total;
  }

  long maxMicros() {
    return max;
  }

  static int index(long v) {
    if (v < LINEAR) {
      return (int) v;
    }
    int e = 63 - Long.numberOfLeadingZeros(v); // floor(log2 v), >= 7
    int shift = e - 6;                          // v >> shift is in [64, 127]
    return LINEAR + (e - 7) * SUB + (int) ((v >> shift) - SUB);
  }

  /** Middle of the bucket at {@code index}, in microseconds. */
  static long valueAt(int index) {
    if (index < LINEAR) {
      return index;
    }
    int e = (index - LINEAR) / SUB + 7;
    long m = (index - LINEAR) % SUB + SUB;
    long lower = m << (e - 6);
    long upper = ((m + 1) << (e - 6)) - 1;
    return lower + (upper - lower) / 2;
  }

  /** The value at quantile {@code q} (0 < q <= 1) in microseconds, or -1 when empty. */
  long quantileMicros(double q) {
    if (total == 0) {
      return -1;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < SIZE; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(valueAt(i), max);
      }
    }
    return max;
  }
}

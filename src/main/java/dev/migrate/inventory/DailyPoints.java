package dev.migrate.inventory;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The daily points of one usage record, kept by column in arrays instead of one object per day. A snapshot of a
 * large estate holds a record per instance with 30 or more points each (6 million at 200,000 instances): as objects,
 * with a date and boxed figures each, they were more than half of the memory a whole assessment needed; as columns
 * they take about a sixth of it. The list is immutable, and its elements are equal to the points it was made from:
 * {@link #get} builds each point again.
 */
final class DailyPoints extends AbstractList<Usage.Daily> implements RandomAccess {
  /** Marks an absent figure in a column; a point whose figure is this value is not kept by column. */
  static final long NO_LONG = Long.MIN_VALUE;

  /** The first point's day (days since 1970-01-01). */
  private final int firstDay;
  /** Each point's day, or null when the points are consecutive days from {@link #firstDay} (the usual case). */
  private final int[] epochDays;
  private final int size;
  /** One array per figure, or null when no point has that figure; an absent figure is NaN (or {@link #NO_LONG}). */
  private final long[] requests;
  private final double[] bytesOutGib;
  private final double[] cpuAvgPct;
  private final double[] cpuMaxPct;
  private final double[] peakRequestsPerSecond;

  private DailyPoints(List<Usage.Daily> points) {
    int n = points.size();
    size = n;
    int[] days = new int[n];
    boolean consecutive = true;
    long[] req = new long[n];
    double[][] d = new double[4][n];
    boolean[] any = new boolean[5];
    for (int i = 0; i < n; i++) {
      Usage.Daily p = points.get(i);
      days[i] = Math.toIntExact(p.date().toEpochDay());
      consecutive &= i == 0 || days[i] == days[i - 1] + 1;
      req[i] = p.requests() == null ? NO_LONG : p.requests();
      any[0] |= p.requests() != null;
      Double[] f = {p.bytesOutGib(), p.cpuAvgPct(), p.cpuMaxPct(), p.peakRequestsPerSecond()};
      for (int k = 0; k < 4; k++) {
        d[k][i] = f[k] == null ? Double.NaN : f[k];
        any[k + 1] |= f[k] != null;
      }
    }
    firstDay = days[0];
    epochDays = consecutive ? null : days;
    requests = any[0] ? req : null;
    bytesOutGib = any[1] ? d[0] : null;
    cpuAvgPct = any[2] ? d[1] : null;
    cpuMaxPct = any[3] ? d[2] : null;
    peakRequestsPerSecond = any[4] ? d[3] : null;
  }

  private DailyPoints(int firstDay, int[] epochDays, int size, long[] requests, double[] bytesOutGib,
      double[] cpuAvgPct, double[] cpuMaxPct, double[] peakRequestsPerSecond) {
    this.firstDay = firstDay;
    this.epochDays = epochDays;
    this.size = size;
    this.requests = requests;
    this.bytesOutGib = bytesOutGib;
    this.cpuAvgPct = cpuAvgPct;
    this.cpuMaxPct = cpuMaxPct;
    this.peakRequestsPerSecond = peakRequestsPerSecond;
  }

  /**
   * Points put straight into columns as a reader meets them, with no object per point: the same list
   * {@link #of} makes of the points one by one. One builder serves one reader, a list after another.
   */
  static final class Columns {
    private int n;
    private int[] days = new int[32];
    private long[] req = new long[32];
    private final double[][] d = new double[4][32];
    private boolean consecutive;
    private final boolean[] any = new boolean[5];

    /** Starts a new list. */
    void clear() {
      n = 0;
      consecutive = true;
      java.util.Arrays.fill(any, false);
    }

    /**
     * Adds a point; an absent figure is {@link #NO_LONG} or NaN. The caller keeps {@code requests} from being
     * {@link #NO_LONG} when present and the figures from being NaN (JSON has no NaN).
     */
    void add(int epochDay, long requests, double bytesOutGib, double cpuAvgPct, double cpuMaxPct, double peak) {
      if (n == days.length) {
        int grown = n * 2;
        days = java.util.Arrays.copyOf(days, grown);
        req = java.util.Arrays.copyOf(req, grown);
        for (int k = 0; k < 4; k++) {
          d[k] = java.util.Arrays.copyOf(d[k], grown);
        }
      }
      consecutive &= n == 0 || epochDay == days[n - 1] + 1;
      days[n] = epochDay;
      req[n] = requests;
      any[0] |= requests != NO_LONG;
      d[0][n] = bytesOutGib;
      d[1][n] = cpuAvgPct;
      d[2][n] = cpuMaxPct;
      d[3][n] = peak;
      any[1] |= !Double.isNaN(bytesOutGib);
      any[2] |= !Double.isNaN(cpuAvgPct);
      any[3] |= !Double.isNaN(cpuMaxPct);
      any[4] |= !Double.isNaN(peak);
      n++;
    }

    /** The points added since {@link #clear}, as {@link #of} would keep them. */
    List<Usage.Daily> build() {
      if (n == 0) {
        return List.of();
      }
      return new DailyPoints(days[0], consecutive ? null : java.util.Arrays.copyOf(days, n), n,
          any[0] ? java.util.Arrays.copyOf(req, n) : null, column(1, 0), column(2, 1), column(3, 2), column(4, 3));
    }

    private double[] column(int flag, int k) {
      return any[flag] ? java.util.Arrays.copyOf(d[k], n) : null;
    }
  }

  /** An immutable copy of {@code points}: by column when every point can be kept that way, else a plain list. */
  static List<Usage.Daily> of(List<Usage.Daily> points) {
    if (points == null || points.isEmpty()) {
      return List.of();
    }
    if (points instanceof DailyPoints) {
      return points;
    }
    for (Usage.Daily p : points) {
      // NaN cannot be in a snapshot file (JSON has no NaN) but a point built in code might hold it; such a point, or a
      // date beyond an int of days, is kept as it is rather than read back differently.
      if (p == null || p.date().toEpochDay() != (int) p.date().toEpochDay()
          || (p.requests() != null && p.requests() == NO_LONG) || isNaN(p.bytesOutGib()) || isNaN(p.cpuAvgPct())
          || isNaN(p.cpuMaxPct()) || isNaN(p.peakRequestsPerSecond())) {
        return Lists.copy(points);
      }
    }
    return new DailyPoints(points);
  }

  private static boolean isNaN(Double d) {
    return d != null && d.isNaN();
  }

  @Override
  public Usage.Daily get(int i) {
    return new Usage.Daily(LocalDate.ofEpochDay(epochDays == null ? firstDay + (long) checkIndex(i) : epochDays[i]),
        requests == null || requests[i] == NO_LONG ? null : requests[i], value(bytesOutGib, i), value(cpuAvgPct, i),
        value(cpuMaxPct, i), value(peakRequestsPerSecond, i));
  }

  private static Double value(double[] column, int i) {
    return column == null || Double.isNaN(column[i]) ? null : column[i];
  }

  /** Requests of point {@code i}, or {@link #NO_LONG} when absent (for checks that need no point object). */
  long requests(int i) {
    return requests == null ? NO_LONG : requests[i];
  }

  /** Figures of point {@code i}, NaN when absent (NaN fails every comparison, so an absent figure passes checks). */
  double bytesOutGib(int i) {
    return bytesOutGib == null ? Double.NaN : bytesOutGib[i];
  }

  double cpuAvgPct(int i) {
    return cpuAvgPct == null ? Double.NaN : cpuAvgPct[i];
  }

  double cpuMaxPct(int i) {
    return cpuMaxPct == null ? Double.NaN : cpuMaxPct[i];
  }

  double peakRequestsPerSecond(int i) {
    return peakRequestsPerSecond == null ? Double.NaN : peakRequestsPerSecond[i];
  }

  @Override
  public int size() {
    return size;
  }

  private int checkIndex(int i) {
    return java.util.Objects.checkIndex(i, size);
  }
}

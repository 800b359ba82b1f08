package dev.migrate.logs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the rows of the {@link AthenaQueries} into the same {@link LogSummary} values the
 * parser produces (every cell arrives as a string, as GetQueryResults returns them).
 */
final class AthenaResults {
  private AthenaResults() {}

  private static final class Acc {
    final String key;
    long requests;
    long out;
    long in;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final long[] status = new long[6];
    final long[] cache = new long[7];
    final TreeMap<String, long[]> geo = new TreeMap<>();
    final TreeMap<String, long[]> cdn = new TreeMap<>();
    final java.util.TreeSet<String> unknown = new java.util.TreeSet<>();
    final TreeMap<Long, long[]> hours = new TreeMap<>();
    final TreeMap<Long, long[]> dayPeaks = new TreeMap<>(); // day -> sec, n
    final List<LogSummary.PathCount> byRequests = new ArrayList<>();
    final List<LogSummary.PathCount> byBytes = new ArrayList<>();
    LogSummary.Latency latency;

    Acc(String key) {
      this.key = key;
    }
  }

  /**
   * @return the summaries, sorted by key, and (as the last element of the pair) the number of
   *     rows the SerDe could not parse (NULL resource)
   */
  static Result summaries(LogFormat format, List<List<String>> facts, List<List<String>> peaks,
      List<List<String>> paths, EdgeLocations edges, int topN) {
    TreeMap<String, Acc> all = new TreeMap<>();
    long unparsed = 0;
    for (List<String> r : facts) {
      String resource = r.get(0);
      if (resource == null || resource.isEmpty()) {
        if ("total".equals(r.get(1))) {
          unparsed += num(r.get(3));
        }
        continue;
      }
      Acc a = all.computeIfAbsent(resource, Acc::new);
      String fact = r.get(1);
      String k = r.get(2);
      long n = num(r.get(3));
      long out = num(r.get(4));
      switch (fact) {
        case "total" -> {
          a.requests = n;
          a.out = out;
          a.in = num(r.get(5));
          a.first = num(r.get(6));
          a.last = num(r.get(7));
          long samples = num(r.get(8));
          if (samples > 0) {
            a.latency = new LogSummary.Latency(samples, ms(r.get(9)), ms(r.get(10)), ms(r.get(11)), ms(r.get(12)),
                ms(r.get(13)));
          }
        }
        case "hour" -> a.hours.put(Long.parseLong(k), new long[] {n, out});
        case "status" -> a.status[Integer.parseInt(k)] += n;
        case "cache" -> a.cache[cacheIndex(k)] += n;
        case "edge" -> {
          if (format == LogFormat.CLOUDFRONT) {
            int code = k.length() == 3 ? EdgeLocations.index(k.charAt(0), k.charAt(1), k.charAt(2)) : -1;
            int g = edges.cloudFrontOf(code);
            add(a.geo, edges.cloudFrontKey(g), n, out);
            add(a.cdn, edges.cdnKey(edges.cdnOf(code)), n, out);
            if (g == edges.cloudFrontCount() && code >= 0 && a.unknown.size() < 20) {
              a.unknown.add(k);
            }
          }
        }
        default -> throw new IllegalStateException("unexpected fact " + fact);
      }
    }
    for (List<String> r : peaks) {
      Acc a = r.get(0) == null ? null : all.get(r.get(0));
      if (a != null) {
        a.dayPeaks.put(num(r.get(1)), new long[] {num(r.get(2)), num(r.get(3))});
      }
    }
    for (List<String> r : paths) {
      Acc a = r.get(0) == null ? null : all.get(r.get(0));
      if (a == null) {
        continue;
      }
      long rn = num(r.get(4));
      long rb = num(r.get(5));
      if (rn <= topN) {
        a.byRequests.add(new LogSummary.PathCount(r.get(1), num(r.get(2)), 0));
      }
      if (rb <= topN) {
        a.byBytes.add(new LogSummary.PathCount(r.get(1), num(r.get(3)), 0));
      }
    }
    List<LogSummary> out = new ArrayList<>();
    for (Acc a : all.values()) {
      out.add(summary(format, a));
    }
    return new Result(out, unparsed);
  }

  record Result(List<LogSummary> summaries, long unparsedRows) {}

  private static LogSummary summary(LogFormat format, Acc a) {
    long peakHour = 0;
    long peakHourAt = 0;
    TreeMap<Long, long[]> days = new TreeMap<>();
    for (Map.Entry<Long, long[]> h : a.hours.entrySet()) {
      if (h.getValue()[0] > peakHour) {
        peakHour = h.getValue()[0];
        peakHourAt = h.getKey() * 3600;
      }
      long[] d = days.computeIfAbsent(Math.floorDiv(h.getKey() * 3600, 86400), x -> new long[2]);
      d[0] += h.getValue()[0];
      d[1] += h.getValue()[1];
    }
    long peakSec = 0;
    long peakSecAt = 0;
    for (long[] p : a.dayPeaks.values()) {
      if (p[1] > peakSec) {
        peakSec = p[1];
        peakSecAt = p[0];
      }
    }
    List<LogSummary.DailyTraffic> daily = new ArrayList<>();
    days.forEach((day, d) -> {
      long[] p = a.dayPeaks.get(day);
      daily.add(new LogSummary.DailyTraffic(LocalDate.ofEpochDay(day), d[0], d[1], p == null ? 0 : p[1]));
    });
    boolean cf = format == LogFormat.CLOUDFRONT;
    a.byRequests.sort(Comparator.comparingLong(LogSummary.PathCount::count).reversed()
        .thenComparing(LogSummary.PathCount::path));
    a.byBytes.sort(Comparator.comparingLong(LogSummary.PathCount::count).reversed()
        .thenComparing(LogSummary.PathCount::path));
    long covered = a.requests == 0 ? 0 : Math.floorDiv(a.last, 3600) - Math.floorDiv(a.first, 3600) + 1;
    return new LogSummary(a.key, format, null,
        a.requests == 0 ? null : Instant.ofEpochSecond(a.first), a.requests == 0 ? null : Instant.ofEpochSecond(a.last),
        covered, a.requests, a.out, a.in,
        new LogSummary.StatusClasses(a.status[1], a.status[2], a.status[3], a.status[4], a.status[5], a.status[0]),
        cf ? new LogSummary.CacheResults(a.cache[ResourceAccumulator.HIT], a.cache[ResourceAccumulator.REFRESH_HIT],
            a.cache[ResourceAccumulator.ORIGIN_SHIELD_HIT], a.cache[ResourceAccumulator.MISS],
            a.cache[ResourceAccumulator.ERROR], a.cache[ResourceAccumulator.REDIRECT],
            a.cache[ResourceAccumulator.OTHER]) : null,
        traffic(a.geo), traffic(a.cdn), new ArrayList<>(a.unknown),
        a.requests == 0 ? null : new LogSummary.Peak(Instant.ofEpochSecond(peakSecAt), peakSec),
        a.requests == 0 ? null : new LogSummary.Peak(Instant.ofEpochSecond(peakHourAt), peakHour),
        a.byRequests, a.byBytes, a.latency, daily);
  }

  private static List<LogSummary.Traffic> traffic(TreeMap<String, long[]> m) {
    List<LogSummary.Traffic> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new LogSummary.Traffic(k, v[0], v[1])));
    return out;
  }

  private static void add(TreeMap<String, long[]> m, String key, long n, long bytes) {
    long[] v = m.computeIfAbsent(key, x -> new long[2]);
    v[0] += n;
    v[1] += bytes;
  }

  private static int cacheIndex(String t) {
    return switch (t) {
      case "Hit" -> ResourceAccumulator.HIT;
      case "RefreshHit" -> ResourceAccumulator.REFRESH_HIT;
      case "OriginShieldHit" -> ResourceAccumulator.ORIGIN_SHIELD_HIT;
      case "Miss" -> ResourceAccumulator.MISS;
      case "Error" -> ResourceAccumulator.ERROR;
      case "Redirect" -> ResourceAccumulator.REDIRECT;
      default -> ResourceAccumulator.OTHER;
    };
  }

  /** A whole number from an Athena result cell: empty is 0, and a decimal or exponent form (what SUM may give) is truncated. */
  static long num(String s) {
    if (s == null || s.isEmpty()) {
      return 0;
    }
    if (s.indexOf('.') >= 0 || s.indexOf('E') >= 0) {
      return (long) Double.parseDouble(s);
    }
    return Long.parseLong(s);
  }

  /** Seconds (as a string) to milliseconds. */
  private static double ms(String seconds) {
    return seconds == null || seconds.isEmpty() ? 0 : Math.round(Double.parseDouble(seconds) * 1_000_000) / 1000.0;
  }
}

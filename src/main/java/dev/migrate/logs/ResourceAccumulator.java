package dev.migrate.logs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Running figures for one resource, fed one parsed line at a time. Memory is bounded whatever the
 * number of lines: fixed arrays, two Space-Saving tables, a fixed histogram, and one per-second
 * counter array (14 KiB) per UTC hour of log time, at most {@link #MAX_LIVE_HOURS} of them (about
 * 28 MiB, 85 days); beyond that the oldest hours keep only their totals and peak second. Not
 * thread-safe: one per file per resource, merged in file order.
 */
final class ResourceAccumulator {
  static final int MAX_LIVE_HOURS = 2048;
  private static final int MAX_UNKNOWN_CODES = 20;

  /** Indices into {@link #cache}. */
  static final int HIT = 0;
  static final int REFRESH_HIT = 1;
  static final int ORIGIN_SHIELD_HIT = 2;
  static final int MISS = 3;
  static final int ERROR = 4;
  static final int REDIRECT = 5;
  static final int OTHER = 6;

  final String key;
  final LogFormat format;
  String domainName;

  long requests;
  long bytesOut;
  long bytesIn;
  final long[] status = new long[6]; // [0] other, [1..5] = 1xx..5xx
  final long[] cache = new long[7];
  final long[] geoRequests;
  final long[] geoBytes;
  final long[] cdnRequests;
  final long[] cdnBytes;
  final TreeSet<String> unknownEdgeCodes = new TreeSet<>();
  long minSecond = Long.MAX_VALUE;
  long maxSecond = Long.MIN_VALUE;
  final LatencyHistogram latency = new LatencyHistogram();
  final HeavyHitters pathsByRequests;
  final HeavyHitters pathsByBytes;

  private final HashMap<Long, Hour> hours = new HashMap<>();
  private int liveHours;
  private long lastHourKey = Long.MIN_VALUE;
  private Hour lastHour;

  /** One UTC hour: per-second counts while live; totals and peak once frozen. */
  static final class Hour {
    int[] perSecond = new int[3600];
    long requests;
    long bytes;
    int frozenPeak;
    int frozenPeakSecond;
  }

  ResourceAccumulator(String key, LogFormat format, EdgeLocations edges, int topCapacity) {
    this.key = key;
    this.format = format;
    geoRequests = new long[edges.cloudFrontCount() + 1];
    geoBytes = new long[edges.cloudFrontCount() + 1];
    cdnRequests = new long[edges.cdnCount() + 1];
    cdnBytes = new long[edges.cdnCount() + 1];
    pathsByRequests = new HeavyHitters(topCapacity);
    pathsByBytes = new HeavyHitters(topCapacity);
  }

  /** Counts one request at {@code second} (epoch seconds) that sent {@code out} bytes. */
  void count(long second, int statusClass, long out, long in, long latencyMicros) {
    requests++;
    bytesOut += out;
    bytesIn += in;
    status[statusClass]++;
    if (second < minSecond) {
      minSecond = second;
    }
    if (second > maxSecond) {
      maxSecond = second;
    }
    long hourKey = Math.floorDiv(second, 3600);
    Hour h = hourKey == lastHourKey ? lastHour : hour(hourKey);
    int s = (int) (second - hourKey * 3600);
    if (h.perSecond != null) {
      h.perSecond[s]++;
    } // else: a late line for a frozen hour; its totals stay exact, its peak second may be low
    h.requests++;
    h.bytes += out;
    if (latencyMicros >= 0) {
      latency.record(latencyMicros);
    }
  }

  void path(byte[] b, int off, int len, long out) {
    int hash = HeavyHitters.hash(b, off, len);
    pathsByRequests.add(b, off, len, hash, 1);
    pathsByBytes.add(b, off, len, hash, out);
  }

  void edge(int cloudFrontGeo, int cdnGeo, long out, byte[] b, int codeOff, boolean unknown) {
    geoRequests[cloudFrontGeo]++;
    geoBytes[cloudFrontGeo] += out;
    cdnRequests[cdnGeo]++;
    cdnBytes[cdnGeo] += out;
    if (unknown && unknownEdgeCodes.size() < MAX_UNKNOWN_CODES) {
      unknownEdgeCodes.add(new String(b, codeOff, 3, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  private Hour hour(long hourKey) {
    Hour h = hours.get(hourKey);
    if (h == null) {
      h = new Hour();
      hours.put(hourKey, h);
      liveHours++;
      if (liveHours > MAX_LIVE_HOURS) {
        freezeOldest(hourKey);
      }
    }
    lastHourKey = hourKey;
    lastHour = h;
    return h;
  }

  /** Freezes the oldest quarter of the live hours (never {@code keep}). */
  private void freezeOldest(long keep) {
    List<Long> live = new ArrayList<>();
    for (Map.Entry<Long, Hour> e : hours.entrySet()) {
      if (e.getValue().perSecond != null && e.getKey() != keep) {
        live.add(e.getKey());
      }
    }
    live.sort(null);
    for (int i = 0; i < live.size() / 4 + 1 && i < live.size(); i++) {
      freeze(hours.get(live.get(i)));
      liveHours--;
    }
  }

  private static void freeze(Hour h) {
    int peak = 0;
    int at = 0;
    for (int s = 0; s < 3600; s++) {
      if (h.perSecond[s] > peak) {
        peak = h.perSecond[s];
        at = s;
      }
    }
    h.frozenPeak = peak;
    h.frozenPeakSecond = at;
    h.perSecond = null;
  }

  /** Adds {@code o} (same key) into this accumulator; {@code o} must not be used afterwards. */
  void merge(ResourceAccumulator o) {
    if (domainName == null) {
      domainName = o.domainName;
    }
    requests += o.requests;
    bytesOut += o.bytesOut;
    bytesIn += o.bytesIn;
    add(status, o.status);
    add(cache, o.cache);
    add(geoRequests, o.geoRequests);
    add(geoBytes, o.geoBytes);
    add(cdnRequests, o.cdnRequests);
    add(cdnBytes, o.cdnBytes);
    for (String c : o.unknownEdgeCodes) {
      if (unknownEdgeCodes.size() < MAX_UNKNOWN_CODES) {
        unknownEdgeCodes.add(c);
      }
    }
    minSecond = Math.min(minSecond, o.minSecond);
    maxSecond = Math.max(maxSecond, o.maxSecond);
    latency.add(o.latency);
    pathsByRequests.merge(o.pathsByRequests);
    pathsByBytes.merge(o.pathsByBytes);
    for (Map.Entry<Long, Hour> e : o.hours.entrySet()) {
      Hour mine = hours.get(e.getKey());
      Hour theirs = e.getValue();
      if (mine == null) {
        hours.put(e.getKey(), theirs);
        if (theirs.perSecond != null) {
          liveHours++;
        }
        continue;
      }
      if (mine.perSecond != null && theirs.perSecond != null) {
        for (int s = 0; s < 3600; s++) {
          mine.perSecond[s] += theirs.perSecond[s];
        }
      } else {
        // At least one side kept only its peak: the merged peak is a lower bound (documented).
        if (mine.perSecond != null) {
          freeze(mine);
          liveHours--;
        }
        if (theirs.perSecond != null) {
          freeze(theirs);
        }
        if (theirs.frozenPeak > mine.frozenPeak) {
          mine.frozenPeak = theirs.frozenPeak;
          mine.frozenPeakSecond = theirs.frozenPeakSecond;
        }
      }
      mine.requests += theirs.requests;
      mine.bytes += theirs.bytes;
    }
    lastHourKey = Long.MIN_VALUE;
    lastHour = null;
    while (liveHours > MAX_LIVE_HOURS) {
      freezeOldest(Long.MIN_VALUE);
    }
  }

  private static void add(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
  }

  LogSummary toSummary(EdgeLocations edges, int topN) {
    TreeMap<Long, Hour> sorted = new TreeMap<>(hours);
    long peakSecondAt = 0;
    long peakSecond = 0;
    long peakHourAt = 0;
    long peakHour = 0;
    TreeMap<Long, long[]> days = new TreeMap<>(); // epoch day -> requests, bytes, peak
    for (Map.Entry<Long, Hour> e : sorted.entrySet()) {
      Hour h = e.getValue();
      long base = e.getKey() * 3600;
      int hp;
      int hs;
      if (h.perSecond != null) {
        hp = 0;
        hs = 0;
        for (int s = 0; s < 3600; s++) {
          if (h.perSecond[s] > hp) {
            hp = h.perSecond[s];
            hs = s;
          }
        }
      } else {
        hp = h.frozenPeak;
        hs = h.frozenPeakSecond;
      }
      if (hp > peakSecond) {
        peakSecond = hp;
        peakSecondAt = base + hs;
      }
      if (h.requests > peakHour) {
        peakHour = h.requests;
        peakHourAt = base;
      }
      long[] d = days.computeIfAbsent(Math.floorDiv(base, 86400), k -> new long[3]);
      d[0] += h.requests;
      d[1] += h.bytes;
      d[2] = Math.max(d[2], hp);
    }
    List<LogSummary.DailyTraffic> daily = new ArrayList<>();
    days.forEach((day, d) -> daily.add(new LogSummary.DailyTraffic(LocalDate.ofEpochDay(day), d[0], d[1], d[2])));

    boolean cf = format == LogFormat.CLOUDFRONT;
    List<LogSummary.Traffic> geo = new ArrayList<>();
    List<LogSummary.Traffic> cdn = new ArrayList<>();
    if (cf) {
      for (int i = 0; i < geoRequests.length; i++) {
        if (geoRequests[i] > 0) {
          geo.add(new LogSummary.Traffic(edges.cloudFrontKey(i), geoRequests[i], geoBytes[i]));
        }
      }
      for (int i = 0; i < cdnRequests.length; i++) {
        if (cdnRequests[i] > 0) {
          cdn.add(new LogSummary.Traffic(edges.cdnKey(i), cdnRequests[i], cdnBytes[i]));
        }
      }
      geo.sort(java.util.Comparator.comparing(LogSummary.Traffic::geography));
      cdn.sort(java.util.Comparator.comparing(LogSummary.Traffic::geography));
    }
    LogSummary.Latency lat = null;
    if (latency.total() > 0) {
      lat = new LogSummary.Latency(latency.total(), ms(latency.quantileMicros(0.50)),
          ms(latency.quantileMicros(0.90)), ms(latency.quantileMicros(0.99)),
          ms(latency.quantileMicros(0.999)), ms(latency.maxMicros()));
    }
    long covered = requests == 0 ? 0 : Math.floorDiv(maxSecond, 3600) - Math.floorDiv(minSecond, 3600) + 1;
    return new LogSummary(key, format, domainName,
        requests == 0 ? null : Instant.ofEpochSecond(minSecond),
        requests == 0 ? null : Instant.ofEpochSecond(maxSecond),
        covered, requests, bytesOut, bytesIn,
        new LogSummary.StatusClasses(status[1], status[2], status[3], status[4], status[5], status[0]),
        cf ? new LogSummary.CacheResults(cache[HIT], cache[REFRESH_HIT], cache[ORIGIN_SHIELD_HIT],
            cache[MISS], cache[ERROR], cache[REDIRECT], cache[OTHER]) : null,
        geo, cdn, new ArrayList<>(unknownEdgeCodes),
        requests == 0 ? null : new LogSummary.Peak(Instant.ofEpochSecond(peakSecondAt), peakSecond),
        requests == 0 ? null : new LogSummary.Peak(Instant.ofEpochSecond(peakHourAt), peakHour),
        top(pathsByRequests, topN), top(pathsByBytes, topN), lat, daily);
  }

  private static List<LogSummary.PathCount> top(HeavyHitters hh, int n) {
    List<LogSummary.PathCount> out = new ArrayList<>();
    for (HeavyHitters.Entry e : hh.entries()) {
      if (out.size() == n) {
        break;
      }
      out.add(new LogSummary.PathCount(e.key(), e.count(), e.error()));
    }
    return out;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}

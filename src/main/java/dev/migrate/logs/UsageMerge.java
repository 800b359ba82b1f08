package dev.migrate.logs;

import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adds access-log facts to a snapshot's {@link Usage} records. Logs usually cover a shorter
 * period (a day) than the snapshot window (30 days), so:
 * <ul>
 *   <li>ratios and shares come from the logs and are applied to the window totals: the cache
 *       hit ratio, and the split of requests and bytes over CloudFront price geographies
 *       (edges the table does not know are left out and the known shares rescaled to 100%);</li>
 *   <li>window totals (requests, bytes out) stay CloudWatch's when the snapshot has them; only
 *       when it has none are the log totals scaled by window hours / hours the logs cover;</li>
 *   <li>the peak requests per second is the higher of CloudWatch's estimate and the measured
 *       log peak (both are lower bounds of the true window peak), also per day where the
 *       snapshot has that day.</li>
 * </ul>
 * The source becomes {@code cloudwatch+access-logs} (or {@code access-logs} for a record the
 * logs created). Pure: the input snapshot is not changed.
 */
public final class UsageMerge {
  static final double GIB = 1L << 30;

  private UsageMerge() {}

  /**
   * @param snapshot   the snapshot with the facts added
   * @param merged     one line per resource that was matched, saying what changed
   * @param unmatched  log resources with no load balancer or distribution in the snapshot
   */
  public record Result(Snapshot snapshot, List<String> merged, List<String> unmatched) {}

  public static Result merge(Snapshot snap, LogReport report) {
    Map<String, Usage> usage = new TreeMap<>();
    snap.usage().forEach(u -> usage.put(u.resourceId(), u));
    List<String> merged = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    double windowHours = snap.window().hours();
    for (LogSummary s : report.resources()) {
      Optional<String> id = match(snap, s);
      if (id.isEmpty() || s.requests() == 0) {
        unmatched.add(s.resourceKey());
        continue;
      }
      Usage before = usage.get(id.get());
      Usage after = apply(before, id.get(), s, windowHours);
      usage.put(id.get(), after);
      merged.add(describe(s, id.get(), before, after, windowHours));
    }
    return new Result(snap.withUsage(new ArrayList<>(usage.values())), merged, unmatched);
  }

  /** The snapshot id of the resource a log summary is about. */
  static Optional<String> match(Snapshot snap, LogSummary s) {
    String key = s.resourceKey();
    switch (s.format()) {
      case ALB:
        // ARN arn:aws:elasticloadbalancing:region:acct:loadbalancer/app/name/id; the log has app/name/id
        return snap.loadBalancers().stream()
            .filter(lb -> lb.type() == LoadBalancerType.APPLICATION && lb.id().endsWith("loadbalancer/" + key))
            .map(LoadBalancer::id).findFirst();
      case CLB:
        return snap.loadBalancers().stream()
            .filter(lb -> lb.type() == LoadBalancerType.CLASSIC && (lb.name().equals(key) || lb.id().equals(key)))
            .map(LoadBalancer::id).findFirst();
      case CLOUDFRONT:
      default:
        for (Distribution d : snap.distributions()) {
          if (d.id().equals(key) || key.equalsIgnoreCase(String.valueOf(d.domainName()))
              || (s.domainName() != null && s.domainName().equalsIgnoreCase(String.valueOf(d.domainName())))
              || d.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(key))) {
            return Optional.of(d.id());
          }
        }
        return Optional.empty();
    }
  }

  static Usage apply(Usage before, String id, LogSummary s, double windowHours) {
    double factor = s.coveredHours() == 0 ? 1 : windowHours / s.coveredHours();
    Usage u = before == null ? Usage.of(id, s.format().usageKind(), null) : before;
    Long requests = u.requests() != null ? u.requests() : Math.round(s.requests() * factor);
    Double bytesOutGib = u.bytesOutGib() != null ? u.bytesOutGib() : s.bytesOut() * factor / GIB;
    Double hitRatio = u.cacheHitRatio();
    Map<String, Long> reqGeo = u.requestsByGeography();
    Map<String, Double> bytesGeo = u.bytesByGeographyGib();
    if (s.format() == LogFormat.CLOUDFRONT) {
      if (s.cache() != null && s.cache().hitRatio() != null) {
        hitRatio = s.cache().hitRatio();
      }
      Map<String, Long> r = splitRequests(s.cloudFrontGeographies(), requests);
      if (!r.isEmpty()) {
        reqGeo = r;
      }
      Map<String, Double> b = splitBytes(s.cloudFrontGeographies(), bytesOutGib);
      if (!b.isEmpty()) {
        bytesGeo = b;
      }
    }
    Double peak = s.peakSecond() == null ? u.peakRequestsPerSecond()
        : Math.max(u.peakRequestsPerSecond() == null ? 0 : u.peakRequestsPerSecond(), s.peakSecond().requests());
    List<Usage.Daily> daily = new ArrayList<>();
    Map<java.time.LocalDate, Long> logPeaks = new LinkedHashMap<>();
    s.daily().forEach(d -> logPeaks.put(d.date(), d.peakRequestsPerSecond()));
    for (Usage.Daily d : u.daily()) {
      Long lp = logPeaks.get(d.date());
      if (lp != null && (d.peakRequestsPerSecond() == null || d.peakRequestsPerSecond() < lp)) {
        d = new Usage.Daily(d.date(), d.requests(), d.bytesOutGib(), d.cpuAvgPct(), d.cpuMaxPct(), (double) lp);
      }
      daily.add(d);
    }
    // "both" is the snapshot contract's older word for CloudWatch plus access logs.
    String source = u.source() == null || u.source().isEmpty() ? "access-logs"
        : u.source().contains("access-logs") || u.source().equals("both") ? u.source() : u.source() + "+access-logs";
    return new Usage(u.resourceId(), u.kind(), source, u.cpuAvgPct(), u.cpuP95Pct(), u.cpuMaxPct(),
        u.memAvgPct(), u.memP95Pct(), u.networkInGib(), u.networkOutGib(), requests, bytesOutGib,
        u.lcuHours(), peak, hitRatio, reqGeo, bytesGeo, daily);
  }

  /** Requests per known geography, proportional to the log shares, summing to {@code total}. */
  static Map<String, Long> splitRequests(List<LogSummary.Traffic> geo, long total) {
    List<LogSummary.Traffic> known = geo.stream().filter(t -> !t.geography().equals(EdgeLocations.UNKNOWN)).toList();
    long sum = known.stream().mapToLong(LogSummary.Traffic::requests).sum();
    Map<String, Long> out = new TreeMap<>();
    if (sum == 0) {
      return out;
    }
    // Largest remainder: floors first, then one more to the biggest fractions (ties by key).
    record Part(String key, long floor, double rest) {}
    List<Part> parts = new ArrayList<>();
    long assigned = 0;
    for (LogSummary.Traffic t : known) {
      double exact = (double) total * t.requests() / sum;
      long f = (long) Math.floor(exact);
      parts.add(new Part(t.geography(), f, exact - f));
      assigned += f;
    }
    parts.sort(Comparator.comparingDouble(Part::rest).reversed().thenComparing(Part::key));
    for (Part p : parts) {
      long extra = assigned < total ? 1 : 0;
      assigned += extra;
      out.put(p.key(), p.floor() + extra);
    }
    return out;
  }

  /** Bytes (GiB) per known geography, proportional to the log shares of bytes. */
  static Map<String, Double> splitBytes(List<LogSummary.Traffic> geo, double totalGib) {
    List<LogSummary.Traffic> known = geo.stream().filter(t -> !t.geography().equals(EdgeLocations.UNKNOWN)).toList();
    long sum = known.stream().mapToLong(LogSummary.Traffic::bytes).sum();
    Map<String, Double> out = new TreeMap<>();
    if (sum == 0) {
      return out;
    }
    for (LogSummary.Traffic t : known) {
      out.put(t.geography(), totalGib * t.bytes() / sum);
    }
    return out;
  }

  private static String describe(LogSummary s, String id, Usage before, Usage after, double windowHours) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.resourceKey()).append(" -> ").append(id).append(": ");
    boolean cwRequests = before != null && before.requests() != null;
    sb.append(String.format(Locale.ROOT, "requests %,d (%s)", after.requests(), cwRequests ? "CloudWatch, kept"
        : String.format(Locale.ROOT, "logs: %,d in %d h scaled to %.0f h", s.requests(), s.coveredHours(), windowHours)));
    if (after.cacheHitRatio() != null && s.format() == LogFormat.CLOUDFRONT) {
      sb.append(String.format(Locale.ROOT, ", cache hit ratio %.3f", after.cacheHitRatio()));
    }
    if (!after.requestsByGeography().isEmpty() && s.format() == LogFormat.CLOUDFRONT) {
      sb.append(", geographies ").append(after.requestsByGeography().keySet());
    }
    sb.append(String.format(Locale.ROOT, ", peak %.0f req/s", after.peakRequestsPerSecond()));
    return sb.toString();
  }
}

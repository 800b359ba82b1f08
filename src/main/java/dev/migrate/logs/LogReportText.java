package dev.migrate.logs;

import java.util.List;
import java.util.Locale;

/** Renders a {@link LogReport} for the terminal (plain text, fixed-width columns, Locale.ROOT). */
public final class LogReportText {
  private LogReportText() {}

  public static String render(LogReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Access logs: %d files, %s parsed, %,d lines, %,d bad lines%n",
        r.files(), bytes(r.bytesRead()), r.lines(), r.badLines()));
    for (LogReport.FileProblem p : r.fileProblems()) {
      sb.append("  problem: ").append(safe(p.file())).append(": ").append(safe(p.problem()))
          .append(String.format(Locale.ROOT, " (%,d lines read)%n", p.linesRead()));
    }
    for (LogReport.BadLine b : r.badLineSamples()) {
      sb.append(String.format(Locale.ROOT, "  bad line %s:%d: %s: %s%n", safe(b.file()), b.line(), safe(b.reason()), safe(b.text())));
    }
    for (LogSummary s : r.resources()) {
      sb.append('\n');
      render(sb, s);
    }
    return sb.toString();
  }

  private static void render(StringBuilder sb, LogSummary s) {
    sb.append(String.format(Locale.ROOT, "%s %s%s%n", label(s.format()), safe(s.resourceKey()),
        s.domainName() == null || s.domainName().equals(s.resourceKey()) ? "" : " (" + safe(s.domainName()) + ")"));
    sb.append(String.format(Locale.ROOT, "  period        %s .. %s (%d h)%n", s.firstRequest(), s.lastRequest(),
        s.coveredHours()));
    sb.append(String.format(Locale.ROOT, "  requests      %,d%n", s.requests()));
    sb.append(String.format(Locale.ROOT, "  bytes out     %s (%,d B), in %s%n", bytes(s.bytesOut()), s.bytesOut(),
        bytes(s.bytesIn())));
    LogSummary.StatusClasses st = s.status();
    sb.append(String.format(Locale.ROOT, "  status        1xx %,d  2xx %,d  3xx %,d  4xx %,d  5xx %,d  none %,d%n",
        st.s1xx(), st.s2xx(), st.s3xx(), st.s4xx(), st.s5xx(), st.other()));
    if (s.cache() != null) {
      LogSummary.CacheResults c = s.cache();
      sb.append(String.format(Locale.ROOT,
          "  cache         hit %,d  refresh %,d  shield %,d  miss %,d  error %,d  redirect %,d  other %,d  hit ratio %s%n",
          c.hit(), c.refreshHit(), c.originShieldHit(), c.miss(), c.error(), c.redirect(), c.other(),
          c.hitRatio() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", c.hitRatio() * 100)));
    }
    if (s.peakSecond() != null) {
      sb.append(String.format(Locale.ROOT, "  peak          %,d req/s at %s; %,d req/h in the hour from %s%n",
          s.peakSecond().requests(), s.peakSecond().at(), s.peakHour().requests(), s.peakHour().at()));
    }
    if (s.latency() != null) {
      LogSummary.Latency l = s.latency();
      sb.append(String.format(Locale.ROOT, "  latency ms    p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f (%,d samples)%n",
          l.p50Ms(), l.p90Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(), l.samples()));
    }
    geography(sb, "  CloudFront geographies", s.cloudFrontGeographies(), s.requests(), s.bytesOut());
    geography(sb, "  Cloud CDN destinations", s.cloudCdnDestinations(), s.requests(), s.bytesOut());
    if (!s.unknownEdgeCodes().isEmpty()) {
      sb.append("  unknown edge codes: ").append(safe(String.join(" ", s.unknownEdgeCodes()))).append('\n');
    }
    paths(sb, "  top paths by requests", s.topPathsByRequests(), false);
    paths(sb, "  top paths by bytes", s.topPathsByBytes(), true);
  }

  private static void geography(StringBuilder sb, String title, List<LogSummary.Traffic> rows, long requests,
      long bytes) {
    if (rows.isEmpty()) {
      return;
    }
    sb.append(title).append('\n');
    for (LogSummary.Traffic t : rows) {
      sb.append(String.format(Locale.ROOT, "    %-42s %,14d req %5.1f%%  %10s %5.1f%%%n", safe(t.geography()),
          t.requests(), pct(t.requests(), requests), bytes(t.bytes()), pct(t.bytes(), bytes)));
    }
  }

  private static void paths(StringBuilder sb, String title, List<LogSummary.PathCount> rows, boolean asBytes) {
    if (rows.isEmpty()) {
      return;
    }
    sb.append(title).append('\n');
    for (LogSummary.PathCount p : rows) {
      String count = asBytes ? bytes(p.count()) : String.format(Locale.ROOT, "%,d", p.count());
      String err = p.error() == 0 ? "" : " (+/- " + (asBytes ? bytes(p.error()) : String.format(Locale.ROOT, "%,d", p.error())) + ")";
      sb.append(String.format(Locale.ROOT, "    %14s  %s%s%n", count, safe(p.path()), err));
    }
  }

  /**
   * Request paths, file names and bad lines are written by whoever sent the request or the file
   * (CloudFront URL-decodes the path, so {@code %1b} arrives as a raw ESC): control characters
   * are made visible before they reach the terminal.
   */
  static String safe(String s) {
    return dev.migrate.io.Terminal.safe(s);
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  private static String label(LogFormat f) {
    return switch (f) {
      case ALB -> "Application Load Balancer";
      case CLB -> "Classic Load Balancer";
      case CLOUDFRONT -> "CloudFront distribution";
    };
  }

  /** Binary units, as AWS and Google bill "GB". */
  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = b;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
  }
}

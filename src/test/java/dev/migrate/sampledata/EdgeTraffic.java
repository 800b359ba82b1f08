package dev.migrate.sampledata;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Simulates, request by request, the traffic of the two CloudFront distributions and the web
 * ALB behind the {@code site} distribution, one UTC day at a time. Every day of the window is
 * simulated the same way; the last day is also rendered as access-log lines, so the log files
 * and the daily usage points agree exactly by construction.
 *
 * <p>Flow: a viewer request reaches an edge of {@code static} (S3 origin) or {@code site} (web
 * ALB origin). Hits are answered at the edge; misses, refresh hits and origin errors become an
 * origin request: an S3 GET for {@code static}, an ALB request (user agent "Amazon CloudFront",
 * client address in CloudFront's origin-facing ranges) for {@code site}. The web ALB also gets a
 * little direct traffic (a partner widget host, scanners on port 80, bots using the ALB name).
 */
final class EdgeTraffic {
  /** CloudFront price geographies, the keys of requestsByGeography. */
  static final List<String> GEOS = List.of("japan", "asia_pacific", "united_states", "europe",
      "india", "south_america", "australia", "middle_east_africa");
  static final int JP = 0, AP = 1, US = 2, EU = 3, IN = 4, SA = 5, AU = 6, MEA = 7;

  /** Viewer share per geography (a Japanese consumer app with a few travellers and bots). */
  private static final double[] GEO_WEIGHTS = {0.885, 0.045, 0.036, 0.016, 0.006, 0.004, 0.005, 0.003};

  /** Edge locations by geography: code and weight. */
  private static final String[][] EDGES = {
      {"NRT57-P2", "NRT20-C1", "NRT12-P1", "HND50-C1", "KIX56-P1", "KIX50-C1", "FUK50-C1"},
      {"ICN57-P1", "TPE52-C1", "HKG62-P2", "SIN2-P4", "BKK50-C1"},
      {"SFO53-P7", "LAX50-P3", "SEA19-C2", "IAD89-C3", "ORD58-P4"},
      {"FRA56-P5", "LHR61-P3", "CDG52-P2"},
      {"BOM78-P4", "DEL51-P1"},
      {"GRU3-C1"},
      {"SYD62-P1"},
      {"DXB53-P1", "JNB50-C1"}};
  private static final double[][] EDGE_WEIGHTS = {
      {0.30, 0.15, 0.15, 0.12, 0.18, 0.05, 0.05},
      {0.35, 0.25, 0.15, 0.20, 0.05},
      {0.30, 0.25, 0.15, 0.20, 0.10},
      {0.40, 0.40, 0.20},
      {0.6, 0.4},
      {1.0},
      {1.0},
      {0.6, 0.4}};
  /**
   * PriceClass_200 has no edges in South America or Australia: those viewers are served, and
   * billed, from United States and Asia Pacific edges.
   */
  private static final String PC200_SOUTH_AMERICA_EDGE = "MIA3-C4";
  private static final String PC200_AUSTRALIA_EDGE = "SIN2-P4";

  /** The price geography of an edge location, from the airport code of its name. */
  static String geographyOfEdge(String edge) {
    String airport = edge.substring(0, 3);
    return switch (airport) {
      case "NRT", "HND", "KIX", "FUK" -> "japan";
      case "ICN", "TPE", "HKG", "SIN", "BKK" -> "asia_pacific";
      case "SFO", "LAX", "SEA", "IAD", "ORD", "MIA" -> "united_states";
      case "FRA", "LHR", "CDG" -> "europe";
      case "BOM", "DEL" -> "india";
      case "GRU" -> "south_america";
      case "SYD" -> "australia";
      case "DXB", "JNB" -> "middle_east_africa";
      default -> throw new IllegalArgumentException("unknown edge location " + edge);
    };
  }

  /**
   * Hourly shape of demand by hour of day in Japan time: quiet nights, a lunch bump and the
   * evening peak when people book dinner (18:00-21:00 JST).
   */
  private static final double[] HOUR_JST = {1.3, 0.8, 0.45, 0.3, 0.25, 0.3, 0.6, 1.2, 2.0, 2.4,
      2.6, 3.0, 4.2, 3.6, 2.8, 2.7, 3.0, 4.2, 5.6, 6.4, 6.0, 4.8, 3.4, 2.2};

  /** Japanese public holidays in the window (Culture Day, Labour Thanksgiving Day). */
  private static final List<LocalDate> HOLIDAYS = List.of(LocalDate.of(2026, 11, 3),
      LocalDate.of(2026, 11, 23));

  static boolean restDay(LocalDate jstDate) {
    DayOfWeek d = jstDate.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY || HOLIDAYS.contains(jstDate);
  }

  /** Relative demand of a day: weekends and holidays are busier for a restaurant app. */
  static double dayFactor(LocalDate date) {
    if (HOLIDAYS.contains(date)) {
      return 1.15;
    }
    return switch (date.getDayOfWeek()) {
      case MONDAY -> 0.92;
      case TUESDAY -> 0.94;
      case WEDNESDAY -> 0.97;
      case THURSDAY -> 1.0;
      case FRIDAY -> 1.12;
      case SATURDAY -> 1.18;
      case SUNDAY -> 1.02;
    };
  }

  /** Weights of the 24 UTC hours of a UTC date (UTC hour h is JST hour h+9). */
  static double[] utcHourWeights(LocalDate utcDate) {
    double[] w = new double[24];
    for (int h = 0; h < 24; h++) {
      int jstHour = (h + 9) % 24;
      LocalDate jstDate = h + 9 >= 24 ? utcDate.plusDays(1) : utcDate;
      double v = HOUR_JST[jstHour];
      if (restDay(jstDate) && jstHour >= 10 && jstHour <= 16) {
        v *= 1.35; // weekend lunch and afternoon planning
      }
      w[h] = v;
    }
    return w;
  }

  // ---------------------------------------------------------------- results

  /** What one resource did on one UTC day. */
  static final class Day {
    final LocalDate date;
    long requests;
    long bytesOut;
    long bytesIn;
    long hits;
    long originFetches;
    long originBytes;
    final long[] geoRequests = new long[GEOS.size()];
    final long[] geoBytes = new long[GEOS.size()];
    final int[] perSecond = new int[86_400];
    final long[] hourRequests = new long[24];
    final long[] hourBytes = new long[24];
    long fromCloudFront;

    Day(LocalDate date) {
      this.date = date;
    }

    void count(long tMs, long bytes, long received) {
      requests++;
      bytesOut += bytes;
      bytesIn += received;
      perSecond[(int) (tMs / 1000)]++;
      hourRequests[(int) (tMs / 3_600_000)]++;
      hourBytes[(int) (tMs / 3_600_000)] += bytes;
    }

    int peakRps() {
      return Arrays.stream(perSecond).max().orElse(0);
    }

    Map<String, Long> geoRequestMap() {
      Map<String, Long> m = new TreeMap<>();
      for (int g = 0; g < GEOS.size(); g++) {
        if (geoRequests[g] > 0) {
          m.put(GEOS.get(g), geoRequests[g]);
        }
      }
      return m;
    }

    Map<String, Long> geoBytesMap() {
      Map<String, Long> m = new TreeMap<>();
      for (int g = 0; g < GEOS.size(); g++) {
        if (geoRequests[g] > 0) {
          m.put(GEOS.get(g), geoBytes[g]);
        }
      }
      return m;
    }
  }

  /** One simulated day of the three logged resources and the static bucket. */
  record DayTraffic(Day site, Day stat, Day webAlb, Day staticBucket,
      List<Line> siteLines, List<Line> staticLines, List<Line> albLines) {}

  /** A rendered log line with its time (ms of the day) and, for the ALB, the node that wrote it. */
  record Line(long tMs, int node, String text) {}

  // ---------------------------------------------------------------- setup

  private final Ids ids;
  private final String siteDomain;
  private final String staticDomain;
  private final String albDns;
  private final String albResource;
  private final String webTargetGroupArn;
  private final String certArn;
  private final List<String> webTargets;
  private final List<Viewer> viewers = new ArrayList<>();
  private final double[] viewerCumulative;

  /** Viewer requests per day on day 0 (before weekday and growth factors). */
  static final int SITE_BASE = 41_000;
  static final int STATIC_BASE = 64_000;
  /** Daily growth of demand: about 5% a month. */
  static final double DAILY_GROWTH = 1.0016;

  EdgeTraffic(Ids ids, String siteDomain, String staticDomain, String albDns, String albResource, String webTargetGroupArn, String certArn,
      List<String> webTargets) {
    this.ids = ids;
    this.siteDomain = siteDomain;
    this.staticDomain = staticDomain;
    this.albDns = albDns;
    this.albResource = albResource;
    this.webTargetGroupArn = webTargetGroupArn;
    this.certArn = certArn;
    this.webTargets = List.copyOf(webTargets);
    SplittableRandom r = new SplittableRandom(ids.seed() ^ 0x5EED_0F_7AB1EL);
    int population = 9_000;
    for (int i = 0; i < population; i++) {
      viewers.add(Viewer.random(r));
    }
    // Heavy users come first: viewer i is picked with weight 1/(i+50) (a Zipf-like tail).
    viewerCumulative = new double[population];
    double sum = 0;
    for (int i = 0; i < population; i++) {
      sum += 1.0 / (i + 50);
      viewerCumulative[i] = sum;
    }
    for (int i = 0; i < population; i++) {
      viewerCumulative[i] /= sum;
    }
  }

  private Viewer pickViewer(SplittableRandom r) {
    int i = Arrays.binarySearch(viewerCumulative, r.nextDouble());
    return viewers.get(Math.min(viewers.size() - 1, i < 0 ? -i - 1 : i));
  }

  static int demand(int base, int dayIndex, LocalDate date, SplittableRandom r) {
    double noise = 1 + 0.025 * gaussian(r);
    return (int) Math.round(base * StrictMath.pow(DAILY_GROWTH, dayIndex) * dayFactor(date) * noise);
  }

  static double gaussian(SplittableRandom r) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u1 = Math.max(1e-12, r.nextDouble());
    double u2 = r.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  /** A millisecond of the UTC day drawn from the hourly profile, kept clear of midnight. */
  static long sampleTime(SplittableRandom r, double[] cumulativeHours) {
    double u = r.nextDouble();
    int h = 0;
    while (h < 23 && u > cumulativeHours[h]) {
      h++;
    }
    long t = h * 3_600_000L + r.nextLong(3_600_000L);
    return Math.max(1_000, Math.min(86_399_000 - 1, t));
  }

  static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double s = Arrays.stream(w).sum();
    double acc = 0;
    for (int i = 0; i < w.length; i++) {
      acc += w[i] / s;
      c[i] = acc;
    }
    c[w.length - 1] = 1.0;
    return c;
  }

  // ---------------------------------------------------------------- simulation

  DayTraffic simulate(int dayIndex, LocalDate date, boolean render) {
    double[] hours = cumulative(utcHourWeights(date));
    Day site = new Day(date);
    Day stat = new Day(date);
    Day alb = new Day(date);
    Day bucket = new Day(date);
    List<Line> siteLines = new ArrayList<>();
    List<Line> staticLines = new ArrayList<>();
    List<Line> albLines = new ArrayList<>();
    long dayStartMs = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

    SplittableRandom rs = new SplittableRandom(ids.seed() * 31 + dayIndex * 7919L + 1);
    int nStatic = demand(STATIC_BASE, dayIndex, date, rs);
    for (int i = 0; i < nStatic; i++) {
      staticRequest(rs, hours, stat, bucket, render ? staticLines : null, dayStartMs, date);
    }
    SplittableRandom rw = new SplittableRandom(ids.seed() * 37 + dayIndex * 104_729L + 2);
    int nSite = demand(SITE_BASE, dayIndex, date, rw);
    for (int i = 0; i < nSite; i++) {
      siteRequest(rw, hours, site, alb, render ? siteLines : null, render ? albLines : null,
          dayStartMs, date);
    }
    // Direct traffic at the ALB: a partner widget host, port-80 scanners, bots on the ALB name.
    int nDirect = (int) Math.round(alb.requests * 0.075 * (1 + 0.05 * gaussian(rw)));
    for (int i = 0; i < nDirect; i++) {
      directAlbRequest(rw, hours, alb, render ? albLines : null, dayStartMs);
    }
    Comparator<Line> byTime = Comparator.comparingLong(Line::tMs).thenComparing(Line::text);
    siteLines.sort(byTime);
    staticLines.sort(byTime);
    albLines.sort(byTime);
    return new DayTraffic(site, stat, alb, bucket, siteLines, staticLines, albLines);
  }

  private String edgeFor(SplittableRandom r, int geo, boolean priceClass200) {
    if (priceClass200 && geo == SA) {
      return PC200_SOUTH_AMERICA_EDGE;
    }
    if (priceClass200 && geo == AU) {
      return PC200_AUSTRALIA_EDGE;
    }
    return EDGES[geo][pick(r, EDGE_WEIGHTS[geo])];
  }

  static int pick(SplittableRandom r, double[] weights) {
    double u = r.nextDouble() * Arrays.stream(weights).sum();
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u <= 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  // Static assets: what the site's pages load from static.tableapp.jp.
  private static final String[] JS = {"/assets/js/app.3f9a1c7e.js", "/assets/js/vendor.8b21d4f0.js",
      "/assets/js/search.c41e9a02.js", "/assets/js/reserve.77d0b3aa.js"};
  private static final int[] JS_KB = {182, 264, 61, 48};
  private static final String[] CSS = {"/assets/css/app.e0c7a915.css", "/assets/css/print.19ab44c2.css"};
  private static final int[] CSS_KB = {46, 7};
  private static final String[] FONTS = {"/assets/fonts/NotoSansJP-Regular.subset.woff2",
      "/assets/fonts/NotoSansJP-Bold.subset.woff2"};
  private static final int[] FONT_KB = {118, 121};
  private static final String[] ICONS = {"/assets/img/logo.svg", "/assets/img/icon-star.svg",
      "/assets/img/icon-map.svg", "/assets/img/favicon-32.png", "/assets/img/apple-touch-icon.png"};
  private static final int[] ICON_KB = {4, 1, 2, 2, 9};
  private static final int[] IMAGE_WIDTHS = {400, 800, 1200};
  private static final int[] IMAGE_KB = {34, 88, 168};

  private void staticRequest(SplittableRandom r, double[] hours, Day stat, Day bucket,
      List<Line> out, long dayStartMs, LocalDate date) {
    long t = sampleTime(r, hours);
    Viewer v = pickViewer(r);
    String edge = edgeFor(r, v.geo, true);
    int geo = GEOS.indexOf(geographyOfEdge(edge));
    double kind = r.nextDouble();
    String path;
    String contentType;
    int bodyBytes;
    boolean missingObject = false;
    if (kind < 0.62) {
      int restaurant = restaurantId(r);
      int w = pick(r, new double[] {0.35, 0.5, 0.15});
      int photo = 1 + r.nextInt(8);
      path = "/images/restaurants/" + restaurant + "/" + photo + "_" + IMAGE_WIDTHS[w] + ".webp";
      contentType = "image/webp";
      bodyBytes = jitterKb(r, IMAGE_KB[w], 0.35);
      missingObject = r.nextDouble() < 0.006; // deleted photos still referenced by old pages
    } else if (kind < 0.75) {
      int i = pick(r, new double[] {0.4, 0.35, 0.15, 0.1});
      path = JS[i];
      contentType = "application/javascript";
      bodyBytes = JS_KB[i] * 1024 + r.nextInt(512);
    } else if (kind < 0.83) {
      int i = pick(r, new double[] {0.85, 0.15});
      path = CSS[i];
      contentType = "text/css";
      bodyBytes = CSS_KB[i] * 1024 + r.nextInt(256);
    } else if (kind < 0.88) {
      int i = r.nextInt(FONTS.length);
      path = FONTS[i];
      contentType = "font/woff2";
      bodyBytes = FONT_KB[i] * 1024 + r.nextInt(256);
    } else {
      int i = r.nextInt(ICONS.length);
      path = ICONS[i];
      contentType = path.endsWith(".svg") ? "image/svg+xml" : "image/png";
      bodyBytes = ICON_KB[i] * 1024 + r.nextInt(200);
    }
    String method = r.nextDouble() < 0.004 ? "HEAD" : "GET";
    String result;
    int status;
    long scBytes;
    boolean origin;
    double u = r.nextDouble();
    if (missingObject) {
      // S3 answers 403 for a missing key when the origin access control has no ListBucket.
      result = "Error";
      status = 403;
      bodyBytes = 243;
      contentType = "application/xml";
      origin = true;
    } else if (u < 0.918) {
      result = "Hit";
      status = r.nextDouble() < 0.06 ? 304 : 200;
      origin = false;
    } else if (u < 0.93) {
      result = "RefreshHit";
      status = 200;
      origin = true;
    } else {
      result = "Miss";
      status = 200;
      origin = true;
    }
    int headerBytes = 390 + r.nextInt(60);
    if (status == 304) {
      scBytes = headerBytes - 80;
    } else if ("HEAD".equals(method)) {
      scBytes = headerBytes;
    } else {
      scBytes = headerBytes + bodyBytes;
    }
    double timeTaken = origin ? 0.025 + Math.abs(gaussian(r)) * 0.04 + bodyBytes / 9.0e6
        : 0.001 + Math.abs(gaussian(r)) * 0.004 + bodyBytes / 2.5e7;
    double ttfb = origin ? timeTaken * (0.6 + 0.3 * r.nextDouble()) : Math.min(timeTaken, 0.001 + r.nextDouble() * 0.003);
    int csBytes = 180 + r.nextInt(420) + (status == 304 ? 60 : 0);
    stat.count(t, scBytes, csBytes);
    stat.geoRequests[geo]++;
    stat.geoBytes[geo] += scBytes;
    if (!origin || "RefreshHit".equals(result)) {
      stat.hits++; // CloudFront counts refresh hits as cache hits
    }
    if (origin) {
      stat.originFetches++;
      long originBytes = "Error".equals(result) ? 243 + 300 : ("RefreshHit".equals(result) ? 290 : bodyBytes + 320);
      stat.originBytes += originBytes;
      bucket.count(Math.max(0, t - 50), originBytes, 0);
    }
    if (out != null) {
      String referer = r.nextDouble() < 0.93 ? "https://www.tableapp.jp/" + refererPage(r) : "-";
      String detailed = result;
      String contentLen = status == 304 ? "-" : Integer.toString(bodyBytes);
      String ct = status == 304 ? "-" : contentType;
      out.add(new Line(t, 0, cloudFrontLine(r, dayStartMs + t, edge, scBytes, v, method,
          staticDomain, path, status, referer, "-", result, "static.tableapp.jp", "https", csBytes,
          timeTaken, ttfb, detailed, ct, contentLen)));
    }
  }

  private static int jitterKb(SplittableRandom r, int kb, double spread) {
    double f = 1 + spread * (r.nextDouble() * 2 - 1);
    return (int) Math.round(kb * 1024 * f);
  }

  static int restaurantId(SplittableRandom r) {
    // 18,000 listed restaurants, popular ones requested far more often.
    double u = r.nextDouble();
    return 10_000 + (int) (18_000 * StrictMath.pow(u, 2.2));
  }

  private static String refererPage(SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.45) {
      return "restaurants/" + restaurantId(r);
    }
    if (u < 0.7) {
      return "";
    }
    if (u < 0.9) {
      return "search";
    }
    return "areas/" + AREAS[r.nextInt(AREAS.length)];
  }

  private static final String[] AREAS = {"shibuya", "shinjuku", "ginza", "ebisu", "roppongi",
      "ikebukuro", "umeda", "namba", "kyoto-gion", "sapporo", "hakata", "yokohama", "nagoya"};
  private static final String[] PEOPLE = {"1", "2", "2", "2", "3", "4", "4", "6"};

  /** What the site distribution serves for one viewer request. */
  private record SitePage(String method, String path, String query, String contentType,
      int bodyBytes, double hitProbability, boolean json) {}

  private SitePage sitePage(SplittableRandom r, LocalDate date, Viewer v) {
    double u = r.nextDouble();
    String day = date.plusDays(1 + r.nextInt(14)).toString();
    if (v.bot) {
      if (u < 0.55) {
        return new SitePage("GET", "/restaurants/" + restaurantId(r), "-", "text/html;%20charset=utf-8",
            jitterKb(r, 44, 0.3), 0.45, false);
      }
      if (u < 0.7) {
        return new SitePage("GET", "/robots.txt", "-", "text/plain", 412, 0.95, false);
      }
      if (u < 0.85) {
        return new SitePage("GET", "/sitemap-restaurants-" + (1 + r.nextInt(4)) + ".xml.gz", "-",
            "application/x-gzip", jitterKb(r, 190, 0.1), 0.8, false);
      }
      return new SitePage("GET", "/areas/" + AREAS[r.nextInt(AREAS.length)], "-",
          "text/html;%20charset=utf-8", jitterKb(r, 38, 0.3), 0.6, false);
    }
    if (u < 0.10) {
      return new SitePage("GET", "/", "-", "text/html;%20charset=utf-8", jitterKb(r, 52, 0.1), 0.66, false);
    }
    if (u < 0.44) {
      return new SitePage("GET", "/restaurants/" + restaurantId(r), "-", "text/html;%20charset=utf-8",
          jitterKb(r, 45, 0.3), 0.47, false);
    }
    if (u < 0.57) {
      String q = "area=" + AREAS[r.nextInt(AREAS.length)] + "&date=" + day + "&people="
          + PEOPLE[r.nextInt(PEOPLE.length)];
      return new SitePage("GET", "/search", q, "text/html;%20charset=utf-8", jitterKb(r, 38, 0.25), 0.22, false);
    }
    if (u < 0.80) {
      String q = "restaurant_id=" + restaurantId(r) + "&date=" + day + "&people="
          + PEOPLE[r.nextInt(PEOPLE.length)];
      return new SitePage("GET", "/api/v1/availability", q, "application/json", jitterKb(r, 5, 0.55), 0.0, true);
    }
    if (u < 0.88) {
      return new SitePage("GET", "/areas/" + AREAS[r.nextInt(AREAS.length)], "-",
          "text/html;%20charset=utf-8", jitterKb(r, 36, 0.3), 0.5, false);
    }
    if (u < 0.905) {
      return new SitePage("POST", "/api/v1/reservations", "-", "application/json", jitterKb(r, 3, 0.4), 0.0, true);
    }
    if (u < 0.93) {
      return new SitePage("GET", "/account/reservations", "-", "text/html;%20charset=utf-8",
          jitterKb(r, 31, 0.2), 0.0, false);
    }
    if (u < 0.955) {
      return new SitePage("GET", "/login", "-", "text/html;%20charset=utf-8", jitterKb(r, 30, 0.05), 0.85, false);
    }
    if (u < 0.975) {
      // Old shop URLs: the viewer-request CloudFront Function answers with a 301.
      return new SitePage("GET", "/shop/" + restaurantId(r), "-", "-", 0, -1, false);
    }
    if (u < 0.99) {
      return new SitePage("GET", "/favicon.ico", "-", "image/x-icon", 5_430, 0.97, false);
    }
    return new SitePage("GET", "/ads.txt", "-", "text/plain", 212, 0.97, false);
  }

  private void siteRequest(SplittableRandom r, double[] hours, Day site, Day alb, List<Line> out,
      List<Line> albOut, long dayStartMs, LocalDate date) {
    long t = sampleTime(r, hours);
    Viewer v = pickViewer(r);
    String edge = edgeFor(r, v.geo, false);
    int geo = GEOS.indexOf(geographyOfEdge(edge));
    SitePage page = sitePage(r, date, v);
    String protocol = r.nextDouble() < 0.012 && !page.json ? "http" : "https";
    String result;
    int status;
    int bodyBytes = page.bodyBytes;
    String contentType = page.contentType;
    boolean origin = false;
    int originStatus = 0;
    int headerBytes = 520 + r.nextInt(90);
    if ("http".equals(protocol)) {
      result = "Redirect"; // viewer protocol policy redirect-to-https
      status = 301;
      bodyBytes = 167;
      contentType = "text/html";
    } else if (page.hitProbability < 0) {
      result = "FunctionGeneratedResponse";
      status = 301;
      bodyBytes = 0;
      contentType = "-";
      headerBytes = 300 + r.nextInt(40);
    } else {
      double u = r.nextDouble();
      boolean notFound = !page.json && page.path.startsWith("/restaurants/") && r.nextDouble() < 0.012;
      boolean originError = r.nextDouble() < 0.0009;
      if (notFound) {
        result = "Error";
        status = 404;
        bodyBytes = 9_800 + r.nextInt(300);
        origin = true;
        originStatus = 404;
      } else if (originError) {
        result = "Error";
        status = 502;
        bodyBytes = 951;
        contentType = "text/html";
        origin = true;
        originStatus = 502;
      } else if (u < page.hitProbability * 0.94) {
        result = "Hit";
        status = r.nextDouble() < 0.04 ? 304 : 200;
      } else if (u < page.hitProbability) {
        result = "RefreshHit";
        status = 200;
        origin = true;
        originStatus = 304;
      } else {
        result = "Miss";
        status = "POST".equals(page.method) ? 201 : 200;
        origin = true;
        originStatus = status;
      }
    }
    long scBytes;
    if (status == 304) {
      scBytes = headerBytes - 120;
    } else {
      scBytes = headerBytes + bodyBytes;
    }
    int csBytes = 260 + r.nextInt(700) + ("POST".equals(page.method) ? 420 + r.nextInt(300) : 0);
    double targetSeconds = 0;
    double timeTaken;
    if (origin) {
      targetSeconds = page.json ? 0.012 + Math.abs(gaussian(r)) * 0.04
          : 0.045 + Math.abs(gaussian(r)) * 0.11;
      if (originStatus == 502) {
        targetSeconds = 0.9 + r.nextDouble() * 4;
      }
      timeTaken = targetSeconds + 0.008 + r.nextDouble() * 0.03 + bodyBytes / 1.2e7;
    } else {
      timeTaken = 0.001 + Math.abs(gaussian(r)) * 0.006 + bodyBytes / 2.5e7;
    }
    double ttfb = origin ? Math.max(0.001, timeTaken - bodyBytes / 1.6e7 - 0.002) : Math.min(timeTaken, 0.001 + r.nextDouble() * 0.002);
    site.count(t, scBytes, csBytes);
    site.geoRequests[geo]++;
    site.geoBytes[geo] += scBytes;
    if (!origin || "RefreshHit".equals(result)) {
      site.hits++; // CloudFront counts refresh hits as cache hits
    }
    if (origin) {
      site.originFetches++;
      // The ALB answered shortly before the edge finished sending to the viewer.
      long tail = 3 + r.nextInt(25);
      long albT = t - tail;
      int albHeader = 380 + r.nextInt(40);
      // 304: headers only; 502: the ALB's own short error page (the target reset the connection).
      long sent = originStatus == 304 ? albHeader - 110 : originStatus == 502 ? 272 : (long) bodyBytes + albHeader;
      int received = csBytes + 180; // CloudFront adds Via, X-Amz-Cf-Id, X-Forwarded-For
      alb.count(albT, sent, received);
      alb.fromCloudFront++;
      site.originBytes += sent;
      if (albOut != null) {
        String url = "https://" + siteDomainAlias() + ":443" + page.path
            + ("-".equals(page.query) ? "" : "?" + page.query);
        albOut.add(albLine(r, dayStartMs, albT, cloudFrontOriginClient(r), "https", page.method, url,
            "Amazon CloudFront", originStatus, originStatus, received, sent, targetSeconds,
            siteDomainAlias(), 0, "forward", "-", "ECDHE-RSA-AES128-GCM-SHA256", "TLSv1.2", true));
      }
    }
    if (out != null) {
      String referer = refererFor(r, v, page);
      String detailed = result;
      String contentLen = status == 304 || bodyBytes == 0 ? "-" : Integer.toString(bodyBytes);
      String ct = status == 304 ? "-" : contentType;
      out.add(new Line(t, 0, cloudFrontLine(r, dayStartMs + t, edge, scBytes, v, page.method,
          siteDomain, page.path, status, referer, page.query, result, "www.tableapp.jp", protocol,
          csBytes, timeTaken, ttfb, detailed, ct, contentLen)));
    }
  }

  private String siteDomainAlias() {
    return "www.tableapp.jp";
  }

  private static String refererFor(SplittableRandom r, Viewer v, SitePage page) {
    if (v.bot || page.path.equals("/robots.txt") || page.path.equals("/ads.txt")) {
      return "-";
    }
    double u = r.nextDouble();
    if (page.json) {
      return "https://www.tableapp.jp/restaurants/" + restaurantId(r);
    }
    if (u < 0.35) {
      return "https://www.google.com/";
    }
    if (u < 0.42) {
      return "https://www.google.co.jp/";
    }
    if (u < 0.47) {
      return "https://search.yahoo.co.jp/";
    }
    if (u < 0.52) {
      return "https://www.instagram.com/";
    }
    if (u < 0.8) {
      return "https://www.tableapp.jp/" + refererPage(r);
    }
    return "-";
  }

  /** Direct (not through CloudFront) requests to the web ALB. */
  private void directAlbRequest(SplittableRandom r, double[] hours, Day alb, List<Line> out,
      long dayStartMs) {
    long t = sampleTime(r, hours);
    double u = r.nextDouble();
    Viewer v = pickViewer(r);
    if (u < 0.62) {
      // The partner widget host points straight at the ALB (a shortcut from 2021).
      int body = jitterKb(r, 14, 0.3);
      int header = 360 + r.nextInt(40);
      long sent = body + header;
      int received = 420 + r.nextInt(500);
      double target = 0.03 + Math.abs(gaussian(r)) * 0.05;
      alb.count(t, sent, received);
      if (out != null) {
        String url = "https://partner.tableapp.jp:443/widget/v2/restaurants/" + restaurantId(r) + "?lang="
            + (r.nextDouble() < 0.9 ? "ja" : "en");
        out.add(albLine(r, dayStartMs, t, v.ip + ":" + (1024 + r.nextInt(64_000)),
            r.nextDouble() < 0.8 ? "h2" : "https", "GET", url, v.userAgent, 200, 200, received, sent,
            target, "partner.tableapp.jp", 10, "forward", "-", v.albCipher(), v.albTls(), false));
      }
    } else if (u < 0.85) {
      // Port-80 requests: the HTTP listener's default action redirects to HTTPS.
      String[] paths = {"/", "/", "/restaurants/" + restaurantId(r), "/.env", "/wp-login.php", "/admin/"};
      String path = paths[r.nextInt(paths.length)];
      String host = r.nextDouble() < 0.5 ? "www.tableapp.jp" : albDns;
      long sent = 160 + host.length() * 2 + path.length();
      int received = 80 + r.nextInt(200);
      alb.count(t, sent, received);
      if (out != null) {
        String ip = SCANNERS[r.nextInt(SCANNERS.length)] + "." + r.nextInt(256);
        out.add(albLine(r, dayStartMs, t, ip + ":" + (1024 + r.nextInt(64_000)), "http", "GET",
            "http://" + host + ":80" + path, SCANNER_AGENTS[r.nextInt(SCANNER_AGENTS.length)], 301, -1,
            received, sent, -1, "-", 0, "redirect", "https://" + host + ":443" + path, "-", "-", false));
      }
    } else {
      // Bots that reach the ALB by its AWS name: the app answers 404 or the home page.
      boolean home = r.nextDouble() < 0.3;
      String path = home ? "/" : BOT_PATHS[r.nextInt(BOT_PATHS.length)];
      int status = home ? 200 : 404;
      int body = home ? jitterKb(r, 52, 0.1) : 9_800 + r.nextInt(300);
      long sent = body + 370 + r.nextInt(40);
      int received = 150 + r.nextInt(300);
      double target = 0.02 + Math.abs(gaussian(r)) * 0.05;
      alb.count(t, sent, received);
      if (out != null) {
        String ip = SCANNERS[r.nextInt(SCANNERS.length)] + "." + r.nextInt(256);
        out.add(albLine(r, dayStartMs, t, ip + ":" + (1024 + r.nextInt(64_000)), "https", "GET",
            "https://" + albDns + ":443" + path, SCANNER_AGENTS[r.nextInt(SCANNER_AGENTS.length)], status,
            status, received, sent, target, albDns, 0, "forward", "-", "ECDHE-RSA-AES128-GCM-SHA256",
            "TLSv1.2", false));
      }
    }
  }

  private static final String[] SCANNERS = {"45.148.10", "185.191.171", "167.94.138", "198.235.24",
      "162.142.125", "35.203.211", "20.171.207", "93.174.93"};
  private static final String[] SCANNER_AGENTS = {
      "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)",
      "Mozilla/5.0 zgrab/0.x",
      "curl/8.5.0",
      "python-requests/2.32.3",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
      "Expanse, a Palo Alto Networks company, searches across the global IPv4 space multiple times per day to identify customers' presences on the Internet. If you would like to be excluded from our scans, please send IP addresses/domains to: scaninfo@paloaltonetworks.com"};
  private static final String[] BOT_PATHS = {"/.git/config", "/wp-admin/setup-config.php",
      "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/server-status", "/.aws/credentials",
      "/actuator/health", "/config.json"};

  // CloudFront's origin-facing addresses (the CLOUDFRONT_ORIGIN_FACING ranges include
  // 130.176.0.0/16, 64.252.64.0/18 and 15.158.0.0/16). The regional edge cache in Tokyo keeps
  // a pool of connections to the ALB, so the same client:port pairs recur.
  private final String[] originPool = new String[160];

  private String cloudFrontOriginClient(SplittableRandom r) {
    int i = r.nextInt(originPool.length);
    if (originPool[i] == null || r.nextDouble() < 0.03) {
      String[] prefixes = {"130.176.", "64.252.", "15.158."};
      int p = r.nextInt(prefixes.length);
      String ip = prefixes[p] + (p == 1 ? 64 + r.nextInt(64) : r.nextInt(256)) + "." + r.nextInt(256);
      originPool[i] = ip + ":" + (1024 + r.nextInt(64_000));
    }
    return originPool[i];
  }

  // ---------------------------------------------------------------- line formats

  private static final DateTimeFormatter CF_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd\tHH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /**
   * A CloudFront standard log line: 33 tab-separated fields in the order of the {@code #Fields}
   * header, user agent URL-encoded, "-" for empty values.
   */
  private String cloudFrontLine(SplittableRandom r, long endMs, String edge, long scBytes, Viewer v,
      String method, String host, String path, int status, String referer, String query,
      String result, String hostHeader, String protocol, int csBytes, double timeTaken,
      double ttfb, String detailed, String contentType, String contentLen) {
    String protoVersion = "http".equals(protocol) ? "HTTP/1.1" : v.protocolVersion;
    String tls = "http".equals(protocol) ? "-" : v.cfTls();
    String cipher = "http".equals(protocol) ? "-" : v.cfCipher();
    StringBuilder b = new StringBuilder(420);
    b.append(CF_DATE.format(Instant.ofEpochMilli(endMs))).append('\t')
        .append(edge).append('\t')
        .append(scBytes).append('\t')
        .append(v.ip).append('\t')
        .append(method).append('\t')
        .append(host).append('\t')
        .append(path).append('\t')
        .append(status).append('\t')
        .append(referer).append('\t')
        .append(v.encodedUserAgent).append('\t')
        .append(query).append('\t')
        .append('-').append('\t')
        .append(result).append('\t')
        .append(ids.edgeRequestId(r)).append('\t')
        .append(hostHeader).append('\t')
        .append(protocol).append('\t')
        .append(csBytes).append('\t')
        .append(seconds3(timeTaken)).append('\t')
        .append('-').append('\t')
        .append(tls).append('\t')
        .append(cipher).append('\t')
        .append(result).append('\t')
        .append(protoVersion).append('\t')
        .append('-').append('\t')
        .append('-').append('\t')
        .append(v.port(r)).append('\t')
        .append(seconds3(ttfb)).append('\t')
        .append(detailed).append('\t')
        .append(contentType).append('\t')
        .append(contentLen).append('\t')
        .append('-').append('\t')
        .append('-');
    return b.toString();
  }

  private static final DateTimeFormatter ALB_TIME = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * An Application Load Balancer access-log entry: space-separated, quoted where AWS quotes,
   * "-" or -1 where a value does not apply, ending with conn_trace_id and the request-transform
   * fields.
   */
  private Line albLine(SplittableRandom r, long dayStartMs, long tMs, String client, String type,
      String method, String url, String userAgent, int elbStatus, int targetStatus, long received,
      long sent, double targetSeconds, String domain, int rulePriority, String actions,
      String redirectUrl, String cipher, String tlsProtocol, boolean viaCloudFront) {
    long endMicros = (dayStartMs + tMs) * 1000 + r.nextInt(1000);
    boolean forwarded = "forward".equals(actions);
    String target = forwarded && elbStatus != 503 ? webTargets.get(r.nextInt(webTargets.size())) : "-";
    double requestSeconds = forwarded ? (r.nextInt(4) == 0 ? 0.001 : 0.0) : -1;
    double responseSeconds = forwarded ? 0.0 : -1;
    String targetSecondsText = forwarded ? (targetStatus == 502 ? "-1" : seconds3(targetSeconds)) : "-1";
    long totalMicros = forwarded ? Math.round((targetStatus == 502 ? targetSeconds : targetSeconds) * 1e6) + 500 : 200;
    long createdMicros = endMicros - totalMicros - r.nextInt(300);
    int node = Math.floorMod(client.hashCode(), 3);
    StringBuilder b = new StringBuilder(700);
    b.append(type).append(' ')
        .append(ALB_TIME.format(Instant.ofEpochSecond(endMicros / 1_000_000, (endMicros % 1_000_000) * 1000))).append(' ')
        .append(albResource).append(' ')
        .append(client).append(' ')
        .append(target).append(' ')
        .append(forwarded ? seconds3(requestSeconds) : "-1").append(' ')
        .append(targetSecondsText).append(' ')
        .append(forwarded ? seconds3(responseSeconds) : "-1").append(' ')
        .append(elbStatus).append(' ')
        .append(forwarded && targetStatus > 0 && targetStatus != 502 ? Integer.toString(targetStatus) : "-").append(' ')
        .append(received).append(' ')
        .append(sent).append(' ')
        .append('"').append(method).append(' ').append(url).append(' ')
        .append("h2".equals(type) ? "HTTP/2.0" : "HTTP/1.1").append('"').append(' ')
        .append('"').append(userAgent).append('"').append(' ')
        .append(cipher).append(' ')
        .append(tlsProtocol).append(' ')
        .append(forwarded ? webTargetGroupArn : "-").append(' ')
        .append('"').append(ids.traceId(r, endMicros / 1_000_000)).append('"').append(' ')
        .append('"').append(domain).append('"').append(' ')
        .append('"').append("http".equals(type) ? "-" : certArn).append('"').append(' ')
        .append(rulePriority).append(' ')
        .append(ALB_TIME.format(Instant.ofEpochSecond(createdMicros / 1_000_000, (createdMicros % 1_000_000) * 1000))).append(' ')
        .append('"').append(actions).append('"').append(' ')
        .append('"').append(redirectUrl).append('"').append(' ')
        .append('"').append('-').append('"').append(' ')
        .append('"').append(target).append('"').append(' ')
        .append('"').append(forwarded && targetStatus > 0 && targetStatus != 502 ? Integer.toString(targetStatus) : "-").append('"').append(' ')
        .append('"').append('-').append('"').append(' ')
        .append('"').append('-').append('"').append(' ')
        .append(viaCloudFront ? connectionId(client) : ids.connTraceId(r)).append(' ')
        .append('"').append('-').append('"').append(' ')
        .append('"').append('-').append('"').append(' ')
        .append('"').append('-').append('"');
    return new Line(tMs, node, b.toString());
  }

  private final Map<String, String> connectionIds = new TreeMap<>();

  /** A kept-alive CloudFront connection keeps its connection trace id. */
  private String connectionId(String client) {
    return connectionIds.computeIfAbsent(client,
        c -> "TID_" + Ids.hex(new SplittableRandom(c.hashCode() * 0x9E3779B97F4A7C15L ^ ids.seed()), 32));
  }

  static String seconds3(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  // ---------------------------------------------------------------- viewers

  /** A person (or bot) with a device, a network address and an HTTP stack. */
  static final class Viewer {
    final int geo;
    final String ip;
    final String userAgent;
    final String encodedUserAgent;
    final String protocolVersion;
    final boolean tls13;
    final boolean bot;
    private int port;

    private Viewer(int geo, String ip, String userAgent, String protocolVersion, boolean tls13, boolean bot,
        int port) {
      this.geo = geo;
      this.ip = ip;
      this.userAgent = userAgent;
      this.encodedUserAgent = encodeUserAgent(userAgent);
      this.protocolVersion = protocolVersion;
      this.tls13 = tls13;
      this.bot = bot;
      this.port = port;
    }

    static Viewer random(SplittableRandom r) {
      boolean bot = r.nextDouble() < 0.035;
      if (bot) {
        int b = r.nextInt(BOTS.length);
        String ip = BOT_NETS[b] + "." + r.nextInt(256);
        return new Viewer(US, ip, BOTS[b], "HTTP/1.1", r.nextBoolean(), true, 1024 + r.nextInt(64_000));
      }
      int geo = pick(r, GEO_WEIGHTS);
      String ip = address(r, geo);
      int ua = pick(r, UA_WEIGHTS);
      double p = r.nextDouble();
      String proto = p < 0.72 ? "HTTP/2.0" : p < 0.9 ? "HTTP/3.0" : "HTTP/1.1";
      return new Viewer(geo, ip, AGENTS[ua], proto, "HTTP/3.0".equals(proto) || r.nextDouble() < 0.85,
          false, 1024 + r.nextInt(64_000));
    }

    /** The client port: a new connection now and then, otherwise the same one. */
    int port(SplittableRandom r) {
      if (r.nextDouble() < 0.35) {
        port = 1024 + r.nextInt(64_000);
      }
      return port;
    }

    String cfTls() {
      return tls13 ? "TLSv1.3" : "TLSv1.2";
    }

    String cfCipher() {
      return tls13 ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256";
    }

    String albCipher() {
      return tls13 ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256";
    }

    String albTls() {
      return tls13 ? "TLSv1.3" : "TLSv1.2";
    }

    private static String address(SplittableRandom r, int geo) {
      if (geo == JP && r.nextDouble() < 0.22) {
        String[] v6 = {"2400:4050:", "240b:10:", "2001:268:", "2409:10:"};
        return v6[r.nextInt(v6.length)] + Integer.toHexString(r.nextInt(0x10000)) + ":"
            + Integer.toHexString(r.nextInt(0x10000)) + ":" + Integer.toHexString(r.nextInt(0x10000)) + ":"
            + Integer.toHexString(r.nextInt(0x10000)) + ":" + Integer.toHexString(r.nextInt(0x10000)) + ":"
            + Integer.toHexString(r.nextInt(0x10000));
      }
      String[] nets = NETS[geo];
      return nets[r.nextInt(nets.length)] + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
  }

  /** First octet of consumer ISP ranges per geography (documentation-free, public ranges). */
  private static final String[][] NETS = {
      {"126", "153", "106", "60", "220", "210", "49", "180", "114", "118", "1", "27"},
      {"121", "175", "116", "110", "223"},
      {"73", "98", "24", "71", "108"},
      {"81", "88", "91", "86"},
      {"49", "117", "106"},
      {"177", "189"},
      {"101", "120"},
      {"94", "41"}};

  private static final String[] AGENTS = {
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 26_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Line/15.19.0",
      "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0"};
  private static final double[] UA_WEIGHTS = {0.26, 0.14, 0.06, 0.24, 0.16, 0.07, 0.04, 0.03};
  private static final String[] BOTS = {
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
      "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"};
  private static final String[] BOT_NETS = {"66.249.66", "40.77.167", "17.241.75", "54.36.148"};

  /**
   * CloudFront writes the user agent URL-encoded: spaces and characters outside the printable
   * ASCII set become %XX (documented for the cs(User-Agent) field).
   */
  static String encodeUserAgent(String ua) {
    StringBuilder b = new StringBuilder(ua.length() + 40);
    for (byte c : ua.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int ch = c & 0xff;
      if (ch <= 0x20 || ch >= 0x7f || ch == '"' || ch == '\\' || ch == '%') {
        b.append('%').append(String.format(Locale.ROOT, "%02X", ch));
      } else {
        b.append((char) ch);
      }
    }
    return b.toString();
  }
}

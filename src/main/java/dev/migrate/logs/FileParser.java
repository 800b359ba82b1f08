package dev.migrate.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one decompressed log stream into per-resource accumulators. This is the hot loop of
 * the tool: it works on bytes in a large buffer, finds line ends with one scan, reads only the
 * fields the summary needs, parses numbers and timestamps by hand and allocates nothing per line
 * (a String is made only when a new resource or a new top-N path appears, or for a bad-line
 * sample). Every line is one of:
 * <ul>
 *   <li>ALB: starts with the request type ({@code http}, {@code https}, {@code h2}, {@code grpcs},
 *       {@code ws}, {@code wss}), then the CLB fields from the timestamp on;</li>
 *   <li>CLB: starts with the ISO-8601 timestamp;</li>
 *   <li>CloudFront: tab separated after {@code #Version}/{@code #Fields} header lines (the field
 *       order is taken from {@code #Fields}; without one the documented 33-field order is used).</li>
 * </ul>
 * Not thread-safe; one instance per file.
 */
final class FileParser {
  static final int MAX_SAMPLES = 5;
  /** Lines longer than this are counted bad and skipped (ALB cuts user agents at 8 KB). */
  static final int MAX_LINE_BYTES = 1 << 20;
  private static final int BUFFER_BYTES = 1 << 20;

  /** {@code <distribution ID>.YYYY-MM-DD-HH.unique-ID[.gz]} (CloudFront developer guide, file name format). */
  private static final Pattern CLOUDFRONT_FILE =
      Pattern.compile("([A-Z0-9]{6,})\\.\\d{4}-\\d{2}-\\d{2}-\\d{2}\\.[^.]+(\\.gz)?");

  // CloudFront field slots.
  private static final int F_DATE = 0;
  private static final int F_TIME = 1;
  private static final int F_EDGE = 2;
  private static final int F_SC_BYTES = 3;
  private static final int F_HOST = 4;
  private static final int F_STEM = 5;
  private static final int F_STATUS = 6;
  private static final int F_RESULT = 7;
  private static final int F_CS_BYTES = 8;
  private static final int F_TIME_TAKEN = 9;
  private static final String[] CF_NAMES = {"date", "time", "x-edge-location", "sc-bytes", "cs(Host)",
      "cs-uri-stem", "sc-status", "x-edge-result-type", "cs-bytes", "time-taken"};
  /** The documented field order of the legacy standard log (AccessLogs.md, 33 fields). */
  private static final String DEFAULT_FIELDS = "date time x-edge-location sc-bytes c-ip cs-method cs(Host) "
      + "cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type "
      + "x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol "
      + "ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port "
      + "time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";

  private final EdgeLocations edges;
  private final int topCapacity;
  final String fileName;
  private final String cloudFrontDistribution;

  final Map<String, ResourceAccumulator> resources = new HashMap<>();
  long lines;
  long badLines;
  long bytes;
  final List<LogReport.BadLine> samples = new ArrayList<>();

  private long lineNumber;
  private byte[] lastKey = new byte[64];
  private int lastKeyLength = -1;
  private LogFormat lastFormat;
  private ResourceAccumulator last;
  private final byte[] scratch = new byte[HeavyHitters.MAX_KEY_BYTES];

  /** CloudFront: field index -> slot, from the #Fields header. */
  private int[] cfSlotOfField;
  private int cfLastField;
  private final int[] fs = new int[CF_NAMES.length];
  private final int[] fe = new int[CF_NAMES.length];

  FileParser(String fileName, EdgeLocations edges, int topCapacity) {
    this.fileName = fileName;
    this.edges = edges;
    this.topCapacity = topCapacity;
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    Matcher m = CLOUDFRONT_FILE.matcher(base);
    cloudFrontDistribution = m.matches() ? m.group(1) : null;
    cloudFrontFields(DEFAULT_FIELDS);
  }

  /** Reads the stream to its end. An IOException leaves what was parsed so far in place. */
  void parse(InputStream in) throws IOException {
    byte[] buf = new byte[BUFFER_BYTES];
    int start = 0;
    int limit = 0;
    int scan = 0;
    boolean skipping = false; // inside an over-long line
    while (true) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        if (limit > start && !skipping) {
          lineNumber++;
          line(buf, start, limit);
        }
        return;
      }
      bytes += n;
      limit += n;
      int nl;
      while ((nl = indexOfNewline(buf, scan, limit)) >= 0) {
        if (skipping) {
          skipping = false; // the over-long line ends here; it was counted when it was reported
        } else {
          lineNumber++;
          line(buf, start, nl);
        }
        start = nl + 1;
        scan = start;
      }
      scan = limit;
      if (start == limit) {
        start = limit = scan = 0;
      } else if (limit == buf.length) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, limit - start);
          limit -= start;
          scan -= start;
          start = 0;
        } else if (buf.length < MAX_LINE_BYTES && !skipping) {
          buf = Arrays.copyOf(buf, Math.min(MAX_LINE_BYTES, buf.length * 2));
        } else {
          if (!skipping) {
            lines++;
            lineNumber++; // reported before its end is seen: it is the next line
            bad(buf, 0, Math.min(limit, 200), "line longer than " + MAX_LINE_BYTES + " bytes");
            skipping = true;
          }
          start = limit = scan = 0;
        }
      }
    }
  }

  private static int indexOfNewline(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void line(byte[] b, int start, int end) {
    if (end > start && b[end - 1] == '\r') {
      end--;
    }
    if (end == start) {
      return;
    }
    byte first = b[start];
    if (first == '#') {
      header(b, start, end);
      return;
    }
    lines++;
    if (first >= '0' && first <= '9') {
      if (end - start > 10 && b[start + 10] == '\t') {
        cloudFront(b, start, end);
      } else {
        elb(b, start, end, LogFormat.CLB, start);
      }
    } else {
      int p = nextSpace(b, start, end);
      if (p >= end) {
        bad(b, start, end, "not an ALB, CLB or CloudFront log entry");
        return;
      }
      elb(b, start, end, LogFormat.ALB, p + 1);
    }
  }

  private void header(byte[] b, int start, int end) {
    String text = new String(b, start, end - start, StandardCharsets.UTF_8);
    if (text.startsWith("#Fields:")) {
      cloudFrontFields(text.substring("#Fields:".length()).trim());
    }
  }

  private void cloudFrontFields(String spaceSeparated) {
    String[] names = spaceSeparated.split("\\s+");
    int[] slots = new int[names.length];
    Arrays.fill(slots, -1);
    int lastField = -1;
    for (int i = 0; i < names.length; i++) {
      for (int s = 0; s < CF_NAMES.length; s++) {
        if (CF_NAMES[s].equals(names[i])) {
          slots[i] = s;
          lastField = i;
        }
      }
    }
    cfSlotOfField = slots;
    cfLastField = lastField;
  }

  // ---------------------------------------------------------------- ALB and CLB

  private void elb(byte[] b, int start, int end, LogFormat format, int p) {
    // timestamp
    int q = nextSpace(b, p, end);
    long second = isoSecond(b, p, q);
    if (second == Long.MIN_VALUE) {
      bad(b, start, end, "bad timestamp");
      return;
    }
    // elb (the resource)
    p = q + 1;
    q = nextSpace(b, p, end);
    if (q >= end || q == p) {
      bad(b, start, end, "missing fields after the timestamp");
      return;
    }
    int keyOff = p;
    int keyLen = q - p;
    // client:port, target:port
    p = skipField(b, q + 1, end, 2);
    // three processing times (seconds; -1 when not dispatched)
    long total = 0;
    for (int i = 0; i < 3; i++) {
      q = nextSpace(b, p, end);
      long t = micros(b, p, q);
      if (t == Long.MIN_VALUE) {
        bad(b, start, end, "bad processing time");
        return;
      }
      total = t < 0 || total < 0 ? -1 : total + t;
      p = q + 1;
    }
    // elb_status_code
    q = nextSpace(b, p, end);
    int statusClass = statusClass(b, p, q);
    if (statusClass < 0) {
      bad(b, start, end, "bad elb_status_code");
      return;
    }
    // target/backend status (skipped), received_bytes, sent_bytes
    p = skipField(b, q + 1, end, 1);
    q = nextSpace(b, p, end);
    long in = number(b, p, q);
    p = q + 1;
    q = nextSpace(b, p, end);
    long out = number(b, p, q);
    if (in < 0 || out < 0 || q >= end) {
      bad(b, start, end, in < 0 || out < 0 ? "bad received_bytes or sent_bytes" : "missing request field");
      return;
    }
    p = q + 1;
    if (b[p] != '"') {
      bad(b, start, end, "request field is not quoted");
      return;
    }
    int reqEnd = closingQuote(b, p + 1, end);
    if (reqEnd < 0) {
      bad(b, start, end, "unterminated request field");
      return;
    }
    ResourceAccumulator acc = resource(b, keyOff, keyLen, format);
    acc.count(second, statusClass, out, in, total);
    requestPath(acc, b, p + 1, reqEnd, out);
  }

  /** Request line {@code METHOD scheme://host:port/path?query VERSION}: counts the path. */
  private static void requestPath(ResourceAccumulator acc, byte[] b, int from, int to, long out) {
    while (to > from && b[to - 1] == ' ') {
      to--; // TCP/SSL listeners log "- - - " with a trailing space
    }
    int sp1 = nextSpace(b, from, to);
    if (sp1 >= to) {
      return;
    }
    int urlStart = sp1 + 1;
    int urlEnd = to;
    for (int i = to - 1; i > urlStart; i--) {
      if (b[i] == ' ') {
        urlEnd = i;
        break;
      }
    }
    if (urlEnd - urlStart == 1 && b[urlStart] == '-') {
      return; // TCP/SSL listener: "- - - "
    }
    int pathStart = urlStart;
    for (int i = urlStart; i + 2 < urlEnd; i++) {
      byte c = b[i];
      if (c == ':' && b[i + 1] == '/' && b[i + 2] == '/') {
        pathStart = urlEnd;
        for (int j = i + 3; j < urlEnd; j++) {
          if (b[j] == '/') {
            pathStart = j;
            break;
          }
        }
        break;
      }
      if (c == '/' || c == '?') {
        break;
      }
    }
    int pathEnd = pathStart;
    while (pathEnd < urlEnd && b[pathEnd] != '?') {
      pathEnd++;
    }
    if (pathEnd == pathStart) {
      acc.path(ROOT, 0, 1, out);
    } else {
      acc.path(b, pathStart, pathEnd - pathStart, out);
    }
  }

  private static final byte[] ROOT = {'/'};

  /** Index of the quote that closes a quoted field: followed by a space or the line end. */
  private static int closingQuote(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == '"' && (i + 1 == end || b[i + 1] == ' ')) {
        return i;
      }
    }
    return -1;
  }

  private static int nextSpace(byte[] b, int from, int end) {
    int i = from;
    while (i < end && b[i] != ' ') {
      i++;
    }
    return i;
  }

  private static int skipField(byte[] b, int p, int end, int count) {
    for (int i = 0; i < count && p < end; i++) {
      p = nextSpace(b, p, end) + 1;
    }
    return p;
  }

  // ---------------------------------------------------------------- CloudFront

  private void cloudFront(byte[] b, int start, int end) {
    Arrays.fill(fs, -1);
    int field = 0;
    int p = start;
    int[] slots = cfSlotOfField;
    while (field <= cfLastField && field < slots.length) {
      int q = p;
      while (q < end && b[q] != '\t') {
        q++;
      }
      int s = slots[field];
      if (s >= 0) {
        fs[s] = p;
        fe[s] = q;
      }
      field++;
      if (q >= end) {
        break;
      }
      p = q + 1;
    }
    if (fs[F_DATE] < 0 || fs[F_TIME] < 0 || fs[F_SC_BYTES] < 0) {
      bad(b, start, end, "CloudFront entry without date, time or sc-bytes");
      return;
    }
    long day = isoDay(b, fs[F_DATE], fe[F_DATE]);
    int tod = timeOfDay(b, fs[F_TIME], fe[F_TIME]);
    if (day == Long.MIN_VALUE || tod < 0) {
      bad(b, start, end, "bad date or time");
      return;
    }
    long out = number(b, fs[F_SC_BYTES], fe[F_SC_BYTES]);
    if (out < 0) {
      bad(b, start, end, "bad sc-bytes");
      return;
    }
    int statusClass = 0;
    if (fs[F_STATUS] >= 0) {
      statusClass = statusClass(b, fs[F_STATUS], fe[F_STATUS]);
      if (statusClass < 0) {
        bad(b, start, end, "bad sc-status");
        return;
      }
    }
    long in = fs[F_CS_BYTES] >= 0 ? Math.max(0, number(b, fs[F_CS_BYTES], fe[F_CS_BYTES])) : 0;
    long latency = fs[F_TIME_TAKEN] >= 0 ? micros(b, fs[F_TIME_TAKEN], fe[F_TIME_TAKEN]) : -1;
    if (latency == Long.MIN_VALUE) {
      latency = -1;
    }
    ResourceAccumulator acc;
    if (cloudFrontDistribution != null) {
      acc = resourceByName(cloudFrontDistribution, LogFormat.CLOUDFRONT);
    } else if (fs[F_HOST] >= 0 && fe[F_HOST] > fs[F_HOST]) {
      acc = resource(b, fs[F_HOST], fe[F_HOST] - fs[F_HOST], LogFormat.CLOUDFRONT);
    } else {
      bad(b, start, end, "CloudFront entry without cs(Host) in a file whose name has no distribution id");
      return;
    }
    if (acc.domainName == null && fs[F_HOST] >= 0 && fe[F_HOST] > fs[F_HOST]) {
      acc.domainName = new String(b, fs[F_HOST], fe[F_HOST] - fs[F_HOST], StandardCharsets.UTF_8);
    }
    acc.count(day * 86400 + tod, statusClass, out, in, latency);
    acc.cache[resultType(b, fs[F_RESULT], fe[F_RESULT])]++;
    if (fs[F_EDGE] >= 0 && fe[F_EDGE] - fs[F_EDGE] >= 3) {
      int e = fs[F_EDGE];
      int code = EdgeLocations.index(b[e], b[e + 1], b[e + 2]);
      int geo = edges.cloudFrontOf(code);
      int cdn = edges.cdnOf(code);
      acc.edge(geo, cdn, out, b, e, geo == edges.cloudFrontCount() && code >= 0);
    } else {
      acc.edge(edges.cloudFrontCount(), edges.cdnCount(), out, b, 0, false);
    }
    if (fs[F_STEM] >= 0 && fe[F_STEM] > fs[F_STEM]) {
      int from = fs[F_STEM];
      int to = fe[F_STEM];
      boolean encoded = false;
      for (int i = from; i < to; i++) {
        if (b[i] == '%') {
          encoded = true;
          break;
        }
      }
      if (encoded) {
        int len = urlDecode(b, from, to, scratch);
        acc.path(scratch, 0, len, out);
      } else {
        acc.path(b, from, to - from, out);
      }
    }
  }

  /** Decodes %XX escapes (CloudFront URL-encodes fields) into {@code dst}, cut at its length. */
  static int urlDecode(byte[] b, int from, int to, byte[] dst) {
    int n = 0;
    for (int i = from; i < to && n < dst.length; i++) {
      byte c = b[i];
      if (c == '%' && i + 2 < to) {
        int h = hex(b[i + 1]);
        int l = hex(b[i + 2]);
        if (h >= 0 && l >= 0) {
          dst[n++] = (byte) (h * 16 + l);
          i += 2;
          continue;
        }
      }
      dst[n++] = c;
    }
    return n;
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private static int resultType(byte[] b, int from, int to) {
    if (from < 0) {
      return ResourceAccumulator.OTHER;
    }
    int len = to - from;
    if (is(b, from, len, "Hit")) {
      return ResourceAccumulator.HIT;
    }
    if (is(b, from, len, "Miss")) {
      return ResourceAccumulator.MISS;
    }
    if (is(b, from, len, "RefreshHit")) {
      return ResourceAccumulator.REFRESH_HIT;
    }
    if (is(b, from, len, "Error")) {
      return ResourceAccumulator.ERROR;
    }
    if (is(b, from, len, "OriginShieldHit")) {
      return ResourceAccumulator.ORIGIN_SHIELD_HIT;
    }
    if (is(b, from, len, "Redirect")) {
      return ResourceAccumulator.REDIRECT;
    }
    return ResourceAccumulator.OTHER;
  }

  private static boolean is(byte[] b, int from, int len, String ascii) {
    if (len != ascii.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (b[from + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- resources

  private ResourceAccumulator resource(byte[] b, int off, int len, LogFormat format) {
    if (len == lastKeyLength && format == lastFormat
        && Arrays.equals(lastKey, 0, len, b, off, off + len)) {
      return last;
    }
    String key = new String(b, off, len, StandardCharsets.UTF_8);
    ResourceAccumulator acc = resourceByName(key, format);
    if (lastKey.length < len) {
      lastKey = new byte[len];
    }
    System.arraycopy(b, off, lastKey, 0, len);
    lastKeyLength = len;
    lastFormat = format;
    last = acc;
    return acc;
  }

  private ResourceAccumulator resourceByName(String key, LogFormat format) {
    if (last != null && last.format == format && last.key.equals(key)) {
      return last;
    }
    ResourceAccumulator acc = resources.get(key);
    if (acc == null) {
      acc = new ResourceAccumulator(key, format, edges, topCapacity);
      resources.put(key, acc);
    }
    last = acc;
    lastKeyLength = -1;
    return acc;
  }

  // ---------------------------------------------------------------- numbers and times

  private void bad(byte[] b, int start, int end, String why) {
    badLines++;
    if (samples.size() < MAX_SAMPLES) {
      int len = Math.min(end - start, 200);
      String text = new String(b, start, len, StandardCharsets.UTF_8).replace('\t', ' ');
      samples.add(new LogReport.BadLine(fileName, lineNumber, why, text));
    }
  }

  /** Non-negative decimal integer, or -1 ({@code -} or malformed). */
  static long number(byte[] b, int from, int to) {
    if (from >= to || to - from > 18) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Seconds with a fraction ({@code 0.000073}, {@code 0.086}, {@code 12}) to whole microseconds;
   * -1 for a negative value or {@code -}; Long.MIN_VALUE when malformed.
   */
  static long micros(byte[] b, int from, int to) {
    if (from >= to) {
      return Long.MIN_VALUE;
    }
    if (b[from] == '-') {
      return -1;
    }
    long whole = 0;
    int i = from;
    for (; i < to && b[i] != '.'; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9 || whole > 1_000_000_000L) {
        return Long.MIN_VALUE;
      }
      whole = whole * 10 + d;
    }
    long frac = 0;
    int digits = 0;
    if (i < to) {
      for (i++; i < to; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return Long.MIN_VALUE;
        }
        if (digits < 6) {
          frac = frac * 10 + d;
          digits++;
        }
      }
    }
    for (; digits < 6; digits++) {
      frac *= 10;
    }
    return whole * 1_000_000L + frac;
  }

  /** Status class 1..5 of a three-digit code, 0 for {@code -} or {@code 000}, -1 when malformed. */
  static int statusClass(byte[] b, int from, int to) {
    if (to - from == 1 && b[from] == '-') {
      return 0;
    }
    if (to - from != 3) {
      return -1;
    }
    int c = b[from] - '0';
    int d1 = b[from + 1] - '0';
    int d2 = b[from + 2] - '0';
    if (c < 0 || c > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
      return -1;
    }
    return c >= 1 && c <= 5 ? c : 0;
  }

  private static int digits(byte[] b, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** {@code YYYY-MM-DD} to days since 1970-01-01, or Long.MIN_VALUE. */
  static long isoDay(byte[] b, int from, int to) {
    if (to - from < 10 || b[from + 4] != '-' || b[from + 7] != '-') {
      return Long.MIN_VALUE;
    }
    int y = digits(b, from, 4);
    int m = digits(b, from + 5, 2);
    int d = digits(b, from + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
      return Long.MIN_VALUE;
    }
    return daysFromCivil(y, m, d);
  }

  /** {@code HH:MM:SS} to seconds of the day, or -1. */
  static int timeOfDay(byte[] b, int from, int to) {
    if (to - from < 8 || b[from + 2] != ':' || b[from + 5] != ':') {
      return -1;
    }
    int h = digits(b, from, 2);
    int mi = digits(b, from + 3, 2);
    int s = digits(b, from + 6, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) {
      return -1;
    }
    return h * 3600 + mi * 60 + Math.min(s, 59);
  }

  /** {@code YYYY-MM-DDTHH:MM:SS[.ffffff]Z} to epoch seconds (fraction dropped), or Long.MIN_VALUE. */
  static long isoSecond(byte[] b, int from, int to) {
    if (to - from < 20 || b[from + 10] != 'T' || b[to - 1] != 'Z') {
      return Long.MIN_VALUE;
    }
    long day = isoDay(b, from, from + 10);
    int tod = timeOfDay(b, from + 11, from + 19);
    if (day == Long.MIN_VALUE || tod < 0) {
      return Long.MIN_VALUE;
    }
    return day * 86400 + tod;
  }

  /** Days since the epoch of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}

package dev.migrate.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses VPC Flow Log records (space separated, one per line) into a {@link FlowTable} and counts. Works on
 * bytes in a large buffer, reads only the fields it needs, parses numbers and addresses by hand and allocates
 * nothing per record (a String is made only for a header line or a malformed-line sample), like the
 * access-log parser.
 *
 * <p>A line whose first field is a field name is a header (AWS writes one at the top of every file it
 * delivers to S3, for the default format too) and sets the field order for the lines after it; without one
 * the format given to the constructor applies. Not thread-safe; one instance per file.
 */
final class FlowLogParser {
  static final int MAX_SAMPLES = 5;
  private static final int BUFFER_BYTES = 1 << 20;
  private static final long MISSING = -2; // "-"
  private static final long BAD = -1;
  private static final long IPV6 = -3;

  final String fileName;
  private FlowLogFormat format;
  final FlowTable table = new FlowTable();
  long records;
  long accepted;
  long rejected;
  long noData;
  long skipData;
  long ipv6;
  long translated;
  long malformed;
  long minStart = Long.MAX_VALUE;
  long maxEnd = Long.MIN_VALUE;
  long lines;
  long bytes;
  final List<LogReport.BadLine> samples = new ArrayList<>();
  private long lineNumber;

  private final int[] fs = new int[FlowLogFormat.SLOT_NAMES.length];
  private final int[] fe = new int[FlowLogFormat.SLOT_NAMES.length];

  FlowLogParser(String fileName, FlowLogFormat format) {
    this.fileName = fileName;
    this.format = format;
  }

  /** Reads the stream to its end. An IOException leaves what was parsed so far in place. */
  void parse(InputStream in) throws IOException {
    byte[] buf = new byte[BUFFER_BYTES];
    int start = 0;
    int limit = 0;
    boolean skipping = false;
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
      int scan = limit;
      limit += n;
      for (int i = scan; i < limit; i++) {
        if (buf[i] == '\n') {
          if (skipping) {
            skipping = false;
          } else {
            lineNumber++;
            line(buf, start, i);
          }
          start = i + 1;
        }
      }
      if (start == limit) {
        start = limit = 0;
      } else if (limit == buf.length) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, limit - start);
          limit -= start;
          start = 0;
        } else {
          // a line as long as the buffer: no flow record is; count it and skip to its end
          lineNumber++;
          lines++;
          bad(buf, 0, 200, "line longer than " + BUFFER_BYTES + " bytes");
          skipping = true;
          start = limit = 0;
        }
      }
    }
  }

  /** Sets the field order of the records that follow (Parquet columns). */
  void format(FlowLogFormat f) {
    format = f;
  }

  /** One record given as text (a Parquet row, a CloudWatch Logs event message). */
  void line(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    lineNumber++;
    bytes += b.length + 1;
    line(b, 0, b.length);
  }

  private void line(byte[] b, int start, int end) {
    if (end > start && b[end - 1] == '\r') {
      end--;
    }
    if (end == start) {
      return;
    }
    byte first = b[start];
    if (first >= 'a' && first <= 'z') {
      int q = start;
      while (q < end && b[q] != ' ') {
        q++;
      }
      if (FlowLogFormat.looksLikeHeader(new String(b, start, q - start, StandardCharsets.US_ASCII))) {
        try {
          format = FlowLogFormat.parse(new String(b, start, end - start, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("header line " + lineNumber + ": " + e.getMessage(), e);
        }
        return;
      }
    }
    lines++;
    int[] slotOf = format.slotOfField;
    int field = 0;
    int p = start;
    while (p < end) {
      while (p < end && b[p] == ' ') {
        p++;
      }
      if (p >= end) {
        break;
      }
      int q = p;
      while (q < end && b[q] != ' ') {
        q++;
      }
      if (field < slotOf.length && slotOf[field] >= 0) {
        fs[slotOf[field]] = p;
        fe[slotOf[field]] = q;
      }
      field++;
      p = q;
    }
    if (field != slotOf.length) {
      bad(b, start, end, "expected " + slotOf.length + " fields (" + format + "), found " + field);
      return;
    }
    long startSec = number(b, FlowLogFormat.START);
    if (startSec < 0) {
      bad(b, start, end, "bad start");
      return;
    }
    long endSec = format.has(FlowLogFormat.END) ? number(b, FlowLogFormat.END) : startSec;
    if (endSec == BAD) {
      bad(b, start, end, "bad end");
      return;
    }
    if (endSec < 0) {
      endSec = startSec;
    }
    // log-status: OK, NODATA (no traffic in the interval), SKIPDATA (records AWS could not capture)
    if (format.has(FlowLogFormat.LOG_STATUS)) {
      if (is(b, FlowLogFormat.LOG_STATUS, "NODATA")) {
        counted(startSec, endSec);
        noData++;
        return;
      }
      if (is(b, FlowLogFormat.LOG_STATUS, "SKIPDATA")) {
        counted(startSec, endSec);
        skipData++;
        return;
      }
      if (!is(b, FlowLogFormat.LOG_STATUS, "OK")) {
        bad(b, start, end, "log-status is not OK, NODATA or SKIPDATA");
        return;
      }
    }
    if (format.has(FlowLogFormat.ACTION)) {
      if (is(b, FlowLogFormat.ACTION, "REJECT")) {
        counted(startSec, endSec);
        rejected++;
        return;
      }
      if (!is(b, FlowLogFormat.ACTION, "ACCEPT")) {
        bad(b, start, end, "action is not ACCEPT or REJECT");
        return;
      }
    }
    long src = address(b, FlowLogFormat.SRCADDR);
    long dst = address(b, FlowLogFormat.DSTADDR);
    long pktSrc = format.has(FlowLogFormat.PKT_SRCADDR) ? address(b, FlowLogFormat.PKT_SRCADDR) : MISSING;
    long pktDst = format.has(FlowLogFormat.PKT_DSTADDR) ? address(b, FlowLogFormat.PKT_DSTADDR) : MISSING;
    if (src == IPV6 || dst == IPV6 || pktSrc == IPV6 || pktDst == IPV6) {
      counted(startSec, endSec);
      ipv6++;
      return;
    }
    if (src < 0 || dst < 0 || pktSrc == BAD || pktDst == BAD) {
      bad(b, start, end, "bad address");
      return;
    }
    long sp = format.has(FlowLogFormat.SRCPORT) ? number(b, FlowLogFormat.SRCPORT) : 0;
    long dp = format.has(FlowLogFormat.DSTPORT) ? number(b, FlowLogFormat.DSTPORT) : 0;
    long proto = format.has(FlowLogFormat.PROTOCOL) ? number(b, FlowLogFormat.PROTOCOL) : 0;
    long by = number(b, FlowLogFormat.BYTES);
    long pk = format.has(FlowLogFormat.PACKETS) ? number(b, FlowLogFormat.PACKETS) : 0;
    if (sp == BAD || dp == BAD || sp > 65535 || dp > 65535) {
      bad(b, start, end, "bad port");
      return;
    }
    if (proto < 0 || proto > 255 || by < 0 || pk == BAD) {
      bad(b, start, end, proto < 0 || proto > 255 ? "bad protocol" : "bad bytes or packets");
      return;
    }
    sp = Math.max(sp, 0);
    dp = Math.max(dp, 0);
    int port = (int) Math.min(sp, dp);
    boolean isTranslated = (pktSrc >= 0 && pktSrc != src) || (pktDst >= 0 && pktDst != dst);
    counted(startSec, endSec);
    accepted++;
    if (isTranslated) {
      translated++;
    }
    table.add((int) (pktSrc >= 0 ? pktSrc : src), (int) (pktDst >= 0 ? pktDst : dst), port, (int) proto,
        (int) (startSec / 3600), interfaceHash(b), by, Math.max(pk, 0), 1);
  }

  private void counted(long startSec, long endSec) {
    records++;
    minStart = Math.min(minStart, startSec);
    maxEnd = Math.max(maxEnd, endSec);
  }

  private boolean is(byte[] b, int slot, String word) {
    int p = fs[slot];
    int len = fe[slot] - p;
    if (len != word.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (b[p + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A non-negative decimal, {@link #MISSING} for "-", {@link #BAD} otherwise. */
  private long number(byte[] b, int slot) {
    int p = fs[slot];
    int q = fe[slot];
    if (q - p == 1 && b[p] == '-') {
      return MISSING;
    }
    if (q == p || q - p > 18) {
      return BAD;
    }
    long v = 0;
    for (int i = p; i < q; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return BAD;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** An IPv4 address as an unsigned int, {@link #IPV6}, {@link #MISSING} for "-", or {@link #BAD}. */
  private long address(byte[] b, int slot) {
    int p = fs[slot];
    int q = fe[slot];
    if (q - p == 1 && b[p] == '-') {
      return MISSING;
    }
    for (int i = p; i < q; i++) {
      if (b[i] == ':') {
        return IPV6;
      }
    }
    long v = 0;
    int part = 0;
    int octets = 0;
    int digits = 0;
    for (int i = p; i < q; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        part = part * 10 + (c - '0');
        if (++digits > 3 || part > 255) {
          return BAD;
        }
      } else if (c == '.' && digits > 0 && octets < 3) {
        v = (v << 8) | part;
        octets++;
        part = 0;
        digits = 0;
      } else {
        return BAD;
      }
    }
    if (octets != 3 || digits == 0) {
      return BAD;
    }
    return (v << 8) | part;
  }

  /** FNV-1a of the interface id (0 without one): keeps the two ends' records of one flow apart. */
  private long interfaceHash(byte[] b) {
    if (!format.has(FlowLogFormat.INTERFACE)) {
      return 0;
    }
    int p = fs[FlowLogFormat.INTERFACE];
    int q = fe[FlowLogFormat.INTERFACE];
    if (q - p == 1 && b[p] == '-') {
      return 0;
    }
    long h = 0xcbf29ce484222325L;
    for (int i = p; i < q; i++) {
      h ^= b[i] & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private void bad(byte[] b, int start, int end, String reason) {
    malformed++;
    if (samples.size() < MAX_SAMPLES) {
      int len = Math.min(end - start, 200);
      samples.add(new LogReport.BadLine(fileName, lineNumber, reason,
          new String(b, start, Math.max(0, len), StandardCharsets.UTF_8)));
    }
  }
}

package dev.migrate.sampledata;

import java.util.SplittableRandom;

/** Deterministic AWS-looking identifiers drawn from one seeded generator. */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
  private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final long seed;
  private final SplittableRandom random;

  Ids(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  long seed() {
    return seed;
  }

  static String hex(SplittableRandom r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = HEX[r.nextInt(16)];
    }
    return new String(c);
  }

  String hex(int n) {
    return hex(random, n);
  }

  /** i-0 followed by 16 hex digits, as EC2 has issued since 2016. */
  String instanceId() {
    return "i-0" + hex(16);
  }

  String volumeId() {
    return "vol-0" + hex(16);
  }

  String vpcId() {
    return "vpc-0" + hex(16);
  }

  String uuid() {
    return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + HEX[8 + random.nextInt(4)] + hex(3) + "-" + hex(12);
  }

  /** CloudFront distribution id: E plus 13 upper-case letters and digits. */
  String distributionId() {
    return "E" + pick(random, UPPER_ALNUM, 13);
  }

  /** d plus 13 lower-case letters and digits, the cloudfront.net host. */
  String cloudFrontHost() {
    return "d" + pick(random, LOWER_ALNUM, 13) + ".cloudfront.net";
  }

  String digits(int n) {
    StringBuilder b = new StringBuilder(n);
    b.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < n; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  /** x-edge-request-id: 40 random bytes, URL-safe base64 (54 characters and "=="). */
  String edgeRequestId(SplittableRandom r) {
    return pick(r, BASE64URL, 54) + "==";
  }

  /** X-Amzn-Trace-Id root: version 1, the epoch second in 8 hex digits, 24 hex digits. */
  String traceId(SplittableRandom r, long epochSecond) {
    return "Root=1-" + String.format(java.util.Locale.ROOT, "%08x", epochSecond) + "-" + hex(r, 24);
  }

  /** ALB conn_trace_id: TID_ and 32 hex digits. */
  String connTraceId(SplittableRandom r) {
    return "TID_" + hex(r, 32);
  }

  String unique(SplittableRandom r, int n) {
    return pick(r, LOWER_ALNUM, n);
  }

  private static String pick(SplittableRandom r, char[] alphabet, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = alphabet[r.nextInt(alphabet.length)];
    }
    return new String(c);
  }
}

package dev.migrate.deps;

/**
 * IPv4 addresses and CIDR blocks as unsigned 32-bit values, for attributing flow-log addresses to
 * VPCs, private ranges and declared on-premises ranges.
 */
final class Ipv4 {
  private Ipv4() {}

  /** An inclusive range of addresses, as written ({@code text}). */
  record Block(String text, long first, long last) {
    boolean contains(long addr) {
      return addr >= first && addr <= last;
    }
  }

  /** RFC 1918 private ranges and RFC 6598 shared address space (carrier-grade NAT), which never route on the internet. */
  private static final Block[] PRIVATE = {
      block("10.0.0.0/8"), block("172.16.0.0/12"), block("192.168.0.0/16"), block("100.64.0.0/10")};

  /** The address as an unsigned 32-bit value, or -1 when the text is not a dotted IPv4 address. */
  static long parse(String text) {
    if (text == null || text.isEmpty()) {
      return -1;
    }
    long addr = 0;
    int octets = 0;
    int value = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '.';
      if (c == '.') {
        if (value < 0 || ++octets > 4) {
          return -1;
        }
        addr = (addr << 8) | value;
        value = -1;
      } else if (c >= '0' && c <= '9') {
        value = value < 0 ? c - '0' : value * 10 + (c - '0');
        if (value > 255) {
          return -1;
        }
      } else {
        return -1;
      }
    }
    return octets == 4 ? addr : -1;
  }

  /**
   * A CIDR block {@code a.b.c.d/n}.
   *
   * @throws IllegalArgumentException with a one-line reason when the text is not one
   */
  static Block block(String text) {
    String t = text == null ? "" : text.trim();
    int slash = t.indexOf('/');
    long addr = slash < 0 ? -1 : parse(t.substring(0, slash));
    int bits = -1;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
    }
    if (addr < 0 || bits < 0 || bits > 32) {
      throw new IllegalArgumentException("'" + t + "' is not an IPv4 CIDR block (a.b.c.d/n, n 0..32)");
    }
    long size = 1L << (32 - bits);
    long first = addr & ~(size - 1) & 0xFFFFFFFFL;
    return new Block(t, first, first + size - 1);
  }

  /** True for addresses of the private ranges (RFC 1918, RFC 6598). */
  static boolean isPrivate(long addr) {
    for (Block b : PRIVATE) {
      if (b.contains(addr)) {
        return true;
      }
    }
    return false;
  }
}

package dev.migrate.cost.hybrid;

/**
 * An IPv4 CIDR block, for address-overlap checks between AWS VPCs and planned GKE ranges.
 *
 * @param text    as written
 * @param first   first address, as an unsigned 32-bit value
 * @param last    last address
 */
record Cidr(String text, long first, long last) {

  static Cidr parse(String text) {
    String t = text == null ? "" : text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(dev.migrate.io.Echo.quote(t) + " is not an IPv4 CIDR block (a.b.c.d/n)");
    }
    String[] octets = t.substring(0, slash).split("\\.", -1);
    int bits;
    try {
      bits = Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(dev.migrate.io.Echo.quote(t) + " has no prefix length after '/'");
    }
    if (octets.length != 4 || bits < 0 || bits > 32) {
      throw new IllegalArgumentException(dev.migrate.io.Echo.quote(t) + " is not an IPv4 CIDR block (a.b.c.d/n, n 0..32)");
    }
    long addr = 0;
    for (String o : octets) {
      int v;
      try {
        v = Integer.parseInt(o);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(dev.migrate.io.Echo.quote(t) + " is not an IPv4 address");
      }
      if (v < 0 || v > 255) {
        throw new IllegalArgumentException(dev.migrate.io.Echo.quote(t) + " has an octet outside 0..255");
      }
      addr = (addr << 8) | v;
    }
    long size = 1L << (32 - bits);
    long first = addr & ~(size - 1) & 0xFFFFFFFFL;
    return new Cidr(t, first, first + size - 1);
  }

  boolean overlaps(Cidr o) {
    return first <= o.last && o.first <= last;
  }
}

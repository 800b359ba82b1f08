package dev.migrate.deps;

import java.util.Objects;

/**
 * Measured traffic between two ends on one service port and protocol over the flow-log window, both
 * directions together. The ends are in {@link End} order ({@code a} first); traffic within one end (two
 * members of an auto scaling group) has {@code a == b} and counts all its bytes as {@code a} to {@code b}.
 *
 * @param a         first end
 * @param b         second end
 * @param port      service port (the lower of the two ports of each flow), 0 when the protocol has none
 * @param protocol  {@code tcp}, {@code udp}, {@code icmp} or the IANA protocol number
 * @param bytes     bytes each way over the window
 * @param packets   packets, both directions
 * @param flows     flow records summed, both directions (a proxy for connections)
 * @param peakHourBytes bytes each way in the busiest clock hour: the sum of each address pair's own busiest
 *                  hour, so an upper bound of the pair of ends' joint peak
 */
public record Edge(End a, End b, int port, String protocol, TwoWay bytes, long packets, long flows,
    TwoWay peakHourBytes) {
  public Edge {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(peakHourBytes, "peakHourBytes");
  }

  /** True when both ends are the same end (traffic among one item's own members). */
  public boolean isLoop() {
    return a.equals(b);
  }

  /** {@code port/protocol}, e.g. {@code 5432/tcp}; the protocol alone when it has no ports. */
  public String service() {
    return port == 0 ? protocol : port + "/" + protocol;
  }

  // JGraphT keys edges in hash maps: the graph holds one edge per (a, b, port, protocol), so those four
  // fields are an edge's identity (the figures are not).
  @Override
  public boolean equals(Object o) {
    return o instanceof Edge e && a.equals(e.a) && b.equals(e.b) && port == e.port && protocol.equals(e.protocol);
  }

  @Override
  public int hashCode() {
    return Objects.hash(a, b, port, protocol);
  }
}
